/**
 * `kim-resume serve`: each client's terminal as it declares itself (issue 23, items 5 and 8).
 * The colour depth follows the TERM of its pty request, and a locale it sends (OpenSSH's
 * `SendEnv LANG LC_*`) that is not UTF-8 gets the ASCII frame; two clients of one server get
 * each their own. Build first (`npm run build`; `npm test` does).
 */
import ssh2 from 'ssh2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {connect, ShellScreen, startServer, type Server} from '../helpers/serve';

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
});
