/**
 * `kim-resume serve --ssh`: the built server, and ssh2's client in this process. A session with
 * a pty gets the app (read through a headless xterm that answers DA1 as a terminal does), one
 * without gets the plain text; what must be refused is refused, and a client that misbehaves
 * ends only its own connection. Loopback only; every wait is bounded.
 */
import {connect as netConnect} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli';
import {fixturePath} from '../helpers/fixtures';
import {connect, request, shell, startServer, type Server} from '../helpers/serve';
import {waitFor} from '../helpers/wait';
import {PROGRAM, programVar} from '../helpers/program';

const FILE = fixturePath('jiwoo');
const NAME = '한지우';
const PLAIN_80 = runCli([FILE, '--format', 'text', '--width', '80']).stdout;

let server: Server;
beforeAll(async () => {
  server = await startServer([FILE]);
});
afterAll(async () => {
  await server?.stop();
});

/** Resolves when the socket closes; `write` is sent once connected. */
function rawSocket(port: number, write?: string) {
  const socket = netConnect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  if (write !== undefined) socket.once('connect', () => socket.write(write));
  return {socket, closed: new Promise<string>((resolve) => socket.once('close', () => resolve(received)))};
}

describe('serve over SSH: what a session gets', () => {
  it('a session without a pty (ssh -T) gets exactly the plain text a pipe gets, and exit status 0', async () => {
    const client = await connect(server.ssh);
    const result = await request(client, undefined);
    client.end();
    expect(result.out).toBe(PLAIN_80);
    expect(result.code).toBe(0);
    await server.waitForLine(/ 127\.0\.0\.1 ssh-text [\d.]+s in=0B out=\d+B ok$/);
  });

  it('an exec request never runs its command: it gets the résumé', async () => {
    const client = await connect(server.ssh);
    const result = await request(client, 'echo PWNED; id');
    client.end();
    expect(result.out).toBe(PLAIN_80);
    expect(result.out).not.toContain('PWNED');
    expect(result.code).toBe(0);
  });

  it('a session with a pty gets the app at the window size, follows window-change, and q ends it with status 0', async () => {
    const client = await connect(server.ssh);
    const screen = await shell(client, 80, 24);
    await screen.waitFor(NAME);
    // The frame's bottom line (the hints) sits on the window's last row.
    expect(screen.raw).toContain('\x1b[?1049h');
    screen.resize(120, 30);
    const wide = await screen.waitFor((rows) => rows.some((r) => r.length > 80 && /[┃│]\s*$/.test(r)));
    expect(wide.join('\n')).toContain(NAME);
    screen.channel.write('q');
    const result = await screen.closed;
    client.end();
    expect(result.code).toBe(0);
    // Left as found: the main screen back, mouse and paste off, the cursor shown.
    expect(screen.raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(screen.raw.lastIndexOf('\x1b[?1049h'));
    expect(screen.raw.lastIndexOf('\x1b[?1000l')).toBeGreaterThan(screen.raw.lastIndexOf('\x1b[?1000h'));
    expect(screen.raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(screen.raw.lastIndexOf('\x1b[?25l'));
    screen.dispose();
    await server.waitForLine(/ ssh-app [\d.]+s in=\d+B out=\d+B ok$/);
  });

  it('two sessions are two apps: keys in one do not move the other', async () => {
    const [a, b] = await Promise.all([connect(server.ssh), connect(server.ssh)]);
    const [one, two] = await Promise.all([shell(a, 80, 24), shell(b, 80, 24)]);
    await Promise.all([one.waitFor(NAME), two.waitFor(NAME)]);
    const before = two.screen().join('\n');
    one.channel.write('\t');
    await one.waitFor((rows) => rows.join('\n') !== before);
    // A key the second session did get, so its screen is known to be up to date after it.
    // (Text only the help shows: the status bar's "? help" is on the first screen too.)
    two.channel.write('?');
    await two.waitFor('next section');
    two.channel.write('?');
    await two.waitFor((rows) => rows.join('\n') === before);
    one.channel.write('q');
    two.channel.write('q');
    await Promise.all([one.closed, two.closed]);
    a.end();
    b.end();
    one.dispose();
    two.dispose();
  });

  it('window sizes are clamped: 0×0 and 10000×10000 start the app (1×1, 500×200) and a window-change to a real size draws it', async () => {
    const client = await connect(server.ssh);
    const tiny = await shell(client, 0, 0);
    // The app has started in its 1×1 window: it has taken the screen.
    await tiny.waitFor(() => tiny.term.buffer.active.type === 'alternate');
    tiny.resize(80, 24);
    await tiny.waitFor(NAME);
    tiny.channel.write('q');
    expect((await tiny.closed).code).toBe(0);
    tiny.dispose();
    const huge = await shell(client, 10_000, 10_000);
    expect(huge.term.cols).toBe(500);
    await huge.waitFor(NAME);
    huge.channel.write('q');
    expect((await huge.closed).code).toBe(0);
    huge.dispose();
    client.end();
  });
});

describe('serve over SSH: refused', () => {
  it('sftp (a subsystem) is refused', async () => {
    const client = await connect(server.ssh);
    const error = await new Promise<Error | undefined>((resolve) => client.sftp((e) => resolve(e ?? undefined)));
    client.end();
    expect(error?.message).toMatch(/Unable to start subsystem: sftp/);
    await server.waitForLine(/ 127\.0\.0\.1 ssh-refused [\d.]+s in=0B out=0B refused: subsystem sftp$/);
  });

  it('local port forwarding (direct-tcpip) is refused', async () => {
    const client = await connect(server.ssh);
    const error = await new Promise<Error | undefined>((resolve) => client.forwardOut('127.0.0.1', 0, '127.0.0.1', server.http, (e) => resolve(e ?? undefined)));
    client.end();
    expect(error?.message).toMatch(/Channel open failure/);
  });

  it('remote port forwarding (tcpip-forward) is refused', async () => {
    const client = await connect(server.ssh);
    const error = await new Promise<Error | undefined>((resolve) => client.forwardIn('127.0.0.1', 0, (e) => resolve(e ?? undefined)));
    client.end();
    expect(error?.message).toMatch(/Unable to bind/);
  });

  it('agent forwarding is refused', async () => {
    // The agent's socket is never opened: the request is refused before anything would use it.
    const client = await connect(server.ssh, {agent: '/nonexistent/agent.sock', agentForward: true});
    await expect(request(client, 'xterm')).rejects.toThrow(/Unable to request agent forwarding/);
    client.end();
  });

  it('X11 forwarding is refused', async () => {
    const client = await connect(server.ssh);
    await expect(request(client, 'xterm', {x11: true})).rejects.toThrow(/Unable to request X11/);
    client.end();
  });
});

describe('serve over SSH: clients that misbehave end only their own connection', () => {
  it('garbage instead of an SSH banner: the connection is closed and logged; the server goes on', async () => {
    const {socket, closed} = rawSocket(server.ssh, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const received = await closed;
    socket.destroy();
    expect(received.startsWith(`SSH-2.0-${PROGRAM}`)).toBe(true);
    await server.waitForLine(/ ssh-(failed|refused) /);
    const client = await connect(server.ssh);
    client.end();
  });

  it('a client that vanishes mid-frame: its app ends, logged; others are served', async () => {
    const client = await connect(server.ssh);
    const screen = await shell(client, 100, 30);
    await screen.waitFor(NAME);
    screen.channel.write('jjjj\t\t');
    // Gone without a word: the socket is destroyed under the connection.
    (client as unknown as {_sock: {destroy(): void}})._sock.destroy();
    screen.dispose();
    const logged = server.lines.length;
    await server.waitForLine(/ ssh-app .* (ok|failed: .*)$/);
    expect(server.lines.length).toBeGreaterThanOrEqual(logged);
    const again = await connect(server.ssh);
    expect((await request(again, '')).out).toBe(PLAIN_80);
    again.end();
  });
});

describe('serve over SSH: limits', () => {
  it('a client that never finishes the handshake is cut off after --handshake-timeout, with a log line', async () => {
    const limited = await startServer([FILE, '--handshake-timeout', '1']);
    try {
      const {closed} = rawSocket(limited.ssh);
      expect(await closed).toMatch(/^SSH-2\.0-/);
      await limited.waitForLine(/ ssh-refused .* refused: no handshake within 1s$/);
    } finally {
      expect(await limited.stop()).toBe(0);
    }
  });

  it('past --max-per-address, a connection is refused before the handshake with one line, and logged', async () => {
    const limited = await startServer([FILE, '--max-per-address', '1']);
    try {
      const first = await connect(limited.ssh);
      const open = await shell(first, 80, 24);
      await open.waitFor(NAME);
      // Counted from its accept: the second socket gets the reason and is closed, without a key
      // exchange: as a line (RFC 4253 §4.2 lets a server send lines before its banner), then in
      // a disconnect packet (reason 12, too many connections), which SSH clients show.
      const reason = 'too many connections from 127.0.0.1 (1); close one and try again';
      const {closed} = rawSocket(limited.ssh, 'SSH-2.0-test\r\n');
      const received = await closed;
      expect(received.startsWith(`${PROGRAM}: ${reason}\r\nSSH-2.0-${PROGRAM}\r\n`)).toBe(true);
      // The reason in the line and in the packet.
      expect(received.split(reason).length).toBe(3);
      await expect(connect(limited.ssh)).rejects.toThrow(reason);
      await limited.waitForLine(/ 127\.0\.0\.1 ssh-refused [\d.]+s in=0B out=\d+B refused: too many connections from 127\.0\.0\.1 \(1\); close one and try again$/);
      open.channel.write('q');
      await open.closed;
      first.end();
      open.dispose();
      // Its slot is free again once it closed.
      const again = await waitFor(async () => connect(limited.ssh).catch(() => undefined), {what: 'a connection after the first closed'});
      expect((await request(again, '')).out).toBe(PLAIN_80);
      again.end();
    } finally {
      await limited.stop();
    }
  });

  it('a connection that opens no session is let go after a short grace, not the idle timeout, and logged as such', async () => {
    const client = await connect(server.ssh);
    const closedAt = await new Promise<number>((resolve) => client.once('close', () => resolve(Date.now())));
    expect(closedAt).toBeGreaterThan(0);
    await server.waitForLine(/ 127\.0\.0\.1 ssh-none [\d.]+s in=0B out=0B ended: no session within 5s$/);
  });

  it('an app session the client ended is logged with the bytes the app sent', async () => {
    const client = await connect(server.ssh);
    const screen = await shell(client, 90, 30);
    let received = 0;
    screen.channel.on('data', (chunk: Buffer) => (received += chunk.length));
    await screen.waitFor(NAME);
    const before = server.lines.length;
    client.end();
    screen.dispose();
    const line = await waitFor(() => server.lines.slice(before).find((l) => / ssh-app /.test(l)), {what: 'the ssh-app line'});
    const out = Number(/ out=(\d+)B /.exec(line)![1]);
    // At least what the client got.
    expect(received).toBeGreaterThan(1000);
    expect(out).toBeGreaterThanOrEqual(received);
  });

  it('an idle session is ended after --idle-timeout: screen restored, one goodbye line', async () => {
    const limited = await startServer([FILE, '--idle-timeout', '1']);
    try {
      const client = await connect(limited.ssh);
      const screen = await shell(client, 80, 24);
      // A Korean reader is told goodbye in Korean; the log says it in English.
      const korean = await connect(limited.ssh);
      const koreanScreen = await shell(korean, 80, 24, {LANG: 'ko_KR.UTF-8'});
      await screen.waitFor(NAME);
      const result = await screen.closed;
      client.end();
      expect(result.out.endsWith(`${PROGRAM}: idle for 1s, goodbye\r\n`)).toBe(true);
      expect(screen.raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(screen.raw.lastIndexOf('\x1b[?1049h'));
      screen.dispose();
      const koreanResult = await koreanScreen.closed;
      korean.end();
      expect(koreanResult.out.endsWith(`${PROGRAM}: 1초 동안 입력이 없었습니다. 안녕히 가세요\r\n`)).toBe(true);
      koreanScreen.dispose();
      await limited.waitForLine(/ ssh-app .*ended: idle for 1s/);
    } finally {
      await limited.stop();
    }
  });

  it('an app that crashes ends its own session with one line; the server and other sessions go on', async () => {
    const crashing = await startServer([FILE], {[programVar('TEST_CRASH')]: '1'});
    try {
      const client = await connect(crashing.ssh);
      const screen = await shell(client, 80, 24);
      await screen.waitFor(NAME);
      screen.channel.write('j');
      const result = await screen.closed;
      expect(result.code).toBe(1);
      expect(result.err).toBe(`${PROGRAM}: the interactive view failed: test crash after 1 keys\r\n`);
      expect(screen.raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(screen.raw.lastIndexOf('\x1b[?1049h'));
      screen.dispose();
      expect((await request(client, '')).out).toBe(PLAIN_80);
      client.end();
      await crashing.waitForLine(/ ssh-app .* crashed: the interactive view failed/);
    } finally {
      await crashing.stop();
    }
  });

  it('SIGTERM: an open app session is restored and told goodbye, and the server exits 0', async () => {
    const stopping = await startServer([FILE]);
    const client = await connect(stopping.ssh);
    const screen = await shell(client, 80, 24);
    await screen.waitFor(NAME);
    const code = await stopping.stop('SIGTERM');
    const result = await screen.closed;
    expect(code).toBe(0);
    expect(result.out.endsWith(`${PROGRAM}: the server is stopping, goodbye\r\n`)).toBe(true);
    expect(screen.raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(screen.raw.lastIndexOf('\x1b[?1049h'));
    screen.dispose();
  });

  it('SIGTERM: a socket that never sent its banner is closed at once; the server exits well before the handshake timeout', async () => {
    const stopping = await startServer([FILE, '--handshake-timeout', '30']);
    const {socket, closed} = rawSocket(stopping.ssh);
    // Taken by the server: its banner has come.
    await new Promise((resolve) => socket.once('data', resolve));
    const started = Date.now();
    const code = await stopping.stop('SIGTERM');
    expect(code).toBe(0);
    await closed;
    // Bounded by the 30 s handshake timeout before; now closed on the signal.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stopping.lines.some((l) => / ssh-failed .* ended: the server is stopping$/.test(l))).toBe(true);
  });
});
