/**
 * `kim-resume serve --ssh` against clients that cost it: one that stops reading, one that asks
 * for everything the server refuses, one that floods keys. The built server, ssh2's client in
 * this process, loopback; bounds are generous and structural, timing is the bench's.
 */
import {readFileSync} from 'node:fs';
import xterm from '@xterm/headless';
import type ssh2 from 'ssh2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli';
import {fixturePath} from '../helpers/fixtures';
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
  const lines = Array.from({length: rows}, (_, i) => buffer.getLine(i)?.translateToString(true) ?? '');
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
