/**
 * `kim-resume serve`: each client's terminal as it declares itself (issue 23, items 5 and 8).
 * The colour depth follows the TERM of its pty request, and a locale it sends (OpenSSH's
 * `SendEnv LANG LC_*`) that is not UTF-8 gets the ASCII frame; two clients of one server get
 * each their own; the app speaks the language of the locale it sends (LC_ALL > LC_MESSAGES >
 * LANG: issue 20), English when it sends none. Build first (`npm run build`; `npm test` does).
 */
import ssh2 from 'ssh2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {connect, shell, ShellScreen, startServer, type Server} from '../helpers/serve';

const FILE = fixturePath('ascii');
const FIRST_PROJECT = 'Streaming settlement';

let server: Server;
beforeAll(async () => {
  server = await startServer([FILE]);
});
afterAll(async () => {
  await server?.stop();
});

/** A shell with a pty of this TERM, sending these environment variables first. */
function shellAs(client: ssh2.Client, term: string, env: Record<string, string> = {}): Promise<ShellScreen> {
  return new Promise((resolve, reject) => {
    client.shell({term, cols: 100, rows: 30}, {env}, (error, channel) => (error ? reject(error) : resolve(new ShellScreen(channel, 100, 30))));
  });
}

/** The first frame of a session, then q; every byte the session wrote. */
async function session(term: string, env: Record<string, string> = {}): Promise<string> {
  const client = await connect(server.ssh);
  const screen = await shellAs(client, term, env);
  try {
    await screen.waitFor(FIRST_PROJECT);
    screen.channel.write('q');
    await screen.closed;
    return screen.raw;
  } finally {
    client.end();
    screen.dispose();
  }
}

const EXTENDED = {256: /\x1b\[[\d;]*[34]8;5;\d+/, truecolor: /\x1b\[[\d;]*[34]8;2;\d+;\d+;\d+/} as const;

describe('serve: each client’s own terminal', () => {
  it('TERM=xterm (16 colours): no 256-colour or 24-bit code; xterm-256color: the 256 palette; COLORTERM=truecolor sent: 24-bit', async () => {
    const basic = await session('xterm');
    expect(basic).toMatch(/\x1b\[[\d;]*m/);
    expect(basic).not.toMatch(EXTENDED[256]);
    expect(basic).not.toMatch(EXTENDED.truecolor);
    const full = await session('xterm-256color');
    expect(full).toMatch(EXTENDED[256]);
    // COLORTERM travels only when the client sends it (OpenSSH: `SendEnv COLORTERM`).
    const deep = await session('xterm-256color', {COLORTERM: 'truecolor'});
    expect(deep).toMatch(EXTENDED.truecolor);
    expect(deep).not.toMatch(EXTENDED[256]);
  });

  it('LANG=C sent by the client: every byte ASCII; a UTF-8 LANG, or none: Unicode boxes', async () => {
    const ascii = await session('xterm-256color', {LANG: 'C'});
    expect([...new Set([...ascii].filter((c) => c > '\x7f'))].join('')).toBe('');
    expect(ascii).toMatch(/#=+#/);
    const utf8 = await session('xterm-256color', {LANG: 'en_US.UTF-8'});
    expect(utf8).toMatch(/[╭┏]/);
    const none = await session('xterm-256color');
    expect(none).toMatch(/[╭┏]/);
  });

  it('the app speaks the language of the locale the client sent: LANG=ko_KR.UTF-8 Korean; none, or LC_MESSAGES=en_US.UTF-8 over it, English', async () => {
    /** The status bar of the first frame, and the help's first rows, in a session sending `env`. */
    const words = async (env: Record<string, string>) => {
      const client = await connect(server.ssh);
      const screen = await shell(client, 80, 24, env);
      try {
        const first = await screen.waitFor(FIRST_PROJECT);
        screen.channel.write('?');
        const help = await screen.waitFor((rows) => rows.some((r) => /^(Keys|키)\s*$/.test(r)));
        screen.channel.write('q');
        await screen.closed;
        return {status: first.at(-1)!, help: help.join('\n')};
      } finally {
        client.end();
        screen.dispose();
      }
    };
    const korean = await words({LANG: 'ko_KR.UTF-8'});
    expect(korean.status).toMatch(/Tab 섹션 .*q 종료/);
    expect(korean.help).toContain('다음 섹션');
    const none = await words({});
    expect(none.status).toMatch(/Tab section .*q quit/);
    expect(none.help).toContain('next section');
    const english = await words({LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8'});
    expect(english.status).toMatch(/Tab section .*q quit/);
    // Two clients of one server, each in its own language, at once.
    const [a, b] = await Promise.all([words({LC_ALL: 'ko_KR.UTF-8'}), words({LANG: 'en_US.UTF-8'})]);
    expect(a.status).toContain('q 종료');
    expect(b.status).toContain('q quit');
  });
});
