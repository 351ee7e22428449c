/**
 * `kim-resume serve --ssh` against clients that cost it: one that stops reading, one that asks
 * for everything the server refuses, one that floods keys. The built server, ssh2's client in
 * this process, loopback; bounds are generous and structural, timing is the bench's.
 */
import xterm from '@xterm/headless';
import type ssh2 from 'ssh2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli';
import {fixturePath} from '../helpers/fixtures';
import {visibleText} from '../helpers/pty-app';
import {statusKiB} from '../helpers/process-memory';
import {connect, shell, startServer, type Server} from '../helpers/serve';
import {waitFor} from '../helpers/wait';

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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A shell with a pty whose output nobody reads: ssh2 stops opening its window once 2 MiB wait unread. */
function unreadShell(client: ssh2.Client, cols: number, rows: number): Promise<ssh2.ClientChannel> {
  return new Promise((resolve, reject) => client.shell({term: 'xterm-256color', cols, rows}, (error, channel) => (error ? reject(error) : resolve(channel))));
}

/** The screen of a headless xterm fed `bytes`. */
async function screenOf(bytes: Buffer[], cols: number, rows: number): Promise<string[]> {
  const term = new xterm.Terminal({cols, rows, allowProposedApi: true});
  for (const chunk of bytes) await new Promise<void>((resolve) => term.write(chunk, resolve));
  const buffer = term.buffer.active;
  const lines = Array.from({length: rows}, (_, i) => visibleText(buffer.getLine(i), cols));
  term.dispose();
  return lines;
}

describe('serve over SSH: a client that does not read', () => {
  it('holds only the newest frame while the client reads nothing, and the screen is whole once it reads again', async () => {
    const [COLS, ROWS] = [500, 200];
    const client = await connect(server.ssh);
    const channel = await unreadShell(client, COLS, ROWS);
    let events = 0;
    // A resize and a key each time: every one is a new frame, one row and column smaller in turn
    // (Ink draws each frame relative to the last one it drew, whose height then differs).
    const event = () => {
      events++;
      channel.setWindow(events % 2 ? ROWS - 1 : ROWS, events % 2 ? COLS - 1 : COLS, 0, 0);
      channel.write(events % 2 ? 'j' : 'k');
    };
    // Until the client's window is spent: from here the server can send nothing more.
    await waitFor(() => (event(), channel.readableLength > 2 * 1024 * 1024), {what: 'the client window spent', timeoutMs: 60_000, intervalMs: 10});
    // Many more frames than the server may hold, then the last state: the help, at 500 columns.
    for (let i = 0; i < 200; i++) {
      event();
      await pause(10);
    }
    channel.setWindow(ROWS, COLS, 0, 0);
    channel.write('?');
    const unread = channel.readableLength;
    const received: Buffer[] = [];
    let total = 0;
    channel.on('data', (chunk: Buffer) => {
      received.push(chunk);
      total += chunk.length;
    });
    let rows: string[] = [];
    // The reference: a fresh session at the same size, showing the help.
    const fresh = await shell(await connect(server.ssh), COLS, ROWS);
    await fresh.waitFor(NAME);
    fresh.channel.write('?');
    const expected = await fresh.waitFor('next section');
    await waitFor(
      async () => {
        rows = await screenOf(received, COLS, ROWS);
        return rows.join('\n') === expected.join('\n');
      },
      {what: 'the newest frame, drawn whole', timeoutMs: 60_000, intervalMs: 200, show: () => rows.join('\n')},
    );
    // What arrived after the client read again is what the server held for it: a few frames
    // (each ~20 kB here), not the ~200 it drew meanwhile.
    expect(total - unread).toBeLessThan(1024 * 1024);
    fresh.channel.write('q');
    channel.write('q');
    await fresh.closed;
    fresh.dispose();
    client.end();
  }, 180_000);
});

/** Settles `start`'s request: the error it was refused with, or the channel's output once it closed. */
function attempt(start: (done: (error: Error | null | undefined, channel?: ssh2.ClientChannel) => void) => void): Promise<{error?: string; out?: string; code?: number}> {
  return new Promise((resolve) =>
    start((error, channel) => {
      if (error || !channel) return resolve({error: error?.message ?? 'no channel'});
      let out = '';
      let code: number | undefined;
      channel.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      channel.stderr.resume();
      channel.on('exit', (status: number) => (code = status));
      channel.on('close', () => resolve({out, code}));
    }),
  );
}

/** Everything a connection may ask that the server refuses (and an exec, which runs nothing), once each. */
const REQUESTS: Record<string, {ask(client: ssh2.Client): ReturnType<typeof attempt>; refused: RegExp | undefined}> = {
  'sftp subsystem': {ask: (c) => attempt((done) => c.sftp((e) => done(e))), refused: /Unable to start subsystem: sftp/},
  'X11 forwarding': {ask: (c) => attempt((done) => c.exec('xterm', {x11: true}, done)), refused: /Unable to request X11/},
  'agent forwarding': {ask: (c) => attempt((done) => c.exec('ls', {agentForward: true} as ssh2.ExecOptions, done)), refused: /Unable to request agent forwarding/},
  'tcpip-forward': {ask: (c) => attempt((done) => c.forwardIn('127.0.0.1', 0, (e) => done(e))), refused: /Unable to bind/},
  'direct-tcpip': {ask: (c) => attempt((done) => c.forwardOut('127.0.0.1', 0, '127.0.0.1', 9, done)), refused: /Channel open failure/},
  'streamlocal-forward': {ask: (c) => attempt((done) => c.openssh_forwardInStreamLocal('/tmp/kim-resume-test.sock', (e) => done(e))), refused: /Unable to bind/},
  'direct-streamlocal': {ask: (c) => attempt((done) => c.openssh_forwardOutStreamLocal('/tmp/kim-resume-test.sock', done)), refused: /Channel open failure/},
  'exec with env': {ask: (c) => attempt((done) => c.exec('cat /etc/passwd', {env: {LANG: 'C.UTF-8', EVIL: '$(id)'}}, done)), refused: undefined},
};

describe('serve over SSH: refusals that clean up', () => {
  it('refusing each kind of request 200 times logs no failure and leaves the memory where it was', async () => {
    const serverPid = server.process.pid!;
    // `agent` only lets the client ask for agent forwarding (refused before any agent is used); not
    // `strictVendor` lets it ask for OpenSSH's streamlocal forwarding of a server that is not OpenSSH.
    const round = async () => {
      const client = await connect(server.ssh, {agent: '/nonexistent/agent.sock', strictVendor: false});
      const results: Record<string, Awaited<ReturnType<typeof attempt>>> = {};
      for (const [kind, request] of Object.entries(REQUESTS)) results[kind] = await request.ask(client);
      client.end();
      await new Promise((resolve) => (client as unknown as NodeJS.EventEmitter).once('close', resolve));
      return results;
    };
    const rounds = async (count: number) => {
      let left = count;
      const all: Awaited<ReturnType<typeof round>>[] = [];
      // Four at a time: within --max-per-address (8).
      await Promise.all(Array.from({length: 4}, async () => {
        while (left-- > 0) all.push(await round());
      }));
      return all;
    };
    const logged = () => server.lines.filter((l) => / ssh-\w+ /.test(l)).length;
    const settled = async (count: number) => waitFor(() => logged() >= count, {what: `${count} connections logged`, timeoutMs: 60_000});
    // Warm: the first connections grow the heap for good (code, caches), whatever they ask.
    const before0 = logged();
    await rounds(20);
    await settled(before0 + 20);
    const before = statusKiB(serverPid)!;
    const results = await rounds(200);
    await settled(before0 + 220);
    const after = statusKiB(serverPid)!;
    for (const [kind, request] of Object.entries(REQUESTS)) {
      const outcomes = results.map((r) => r[kind]!);
      if (request.refused) expect(outcomes.filter((o) => request.refused!.test(o.error ?? '')), kind).toHaveLength(200);
      else expect(outcomes.filter((o) => o.code === 0 && o.out === PLAIN_80), kind).toHaveLength(200);
    }
    expect(server.lines.filter((l) => /session failed/.test(l))).toEqual([]);
    // Generous: a leak of ~0.5 MB per refusal would be hundreds of MB.
    expect((after - before) / 1024).toBeLessThan(40);
    // And the server still serves the app.
    const reader = await shell(await connect(server.ssh), 80, 24);
    await reader.waitFor(NAME);
    reader.channel.write('q');
    expect((await reader.closed).code).toBe(0);
    reader.dispose();
  }, 300_000);
});

describe('serve over SSH: a key flood', () => {
  it("1 MB of keys in one write is dropped for that session alone: its view does not move, another session's key gets its frame", async () => {
    const [a, b] = await Promise.all([connect(server.ssh), connect(server.ssh)]);
    const [flooder, reader] = await Promise.all([shell(a, 100, 30), shell(b, 100, 30)]);
    await Promise.all([flooder.waitFor(NAME), reader.waitFor(NAME)]);
    const top = flooder.screen().join('\n');
    // 1 MB of "scroll down": taken, it would leave the view at the résumé's end.
    flooder.channel.write(Buffer.alloc(1024 * 1024, 'j'));
    reader.channel.write('?');
    await reader.waitFor('next section');
    // The flooder's next key is its own again, and its view is where it was before the flood.
    flooder.channel.write('?');
    await flooder.waitFor('next section');
    flooder.channel.write('?');
    await flooder.waitFor((rows) => rows.join('\n') === top);
    for (const screen of [flooder, reader]) screen.channel.write('q');
    await Promise.all([flooder.closed, reader.closed]);
    a.end();
    b.end();
    flooder.dispose();
    reader.dispose();
  }, 60_000);
});
