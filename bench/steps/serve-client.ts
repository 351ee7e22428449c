/**
 * What the serve step's parts share: SSH app sessions opened from a chosen loopback address and
 * bounded in time (a refusal, a close or a timeout is an error, and the connection is gone
 * after it), a key's time to its frame judged as each chunk arrives, the server's RSS sampled
 * from /proc, and a stop that cannot hang. Linux routes all of 127.0.0.0/8 to loopback
 * (ip(7)), so a client bound to 127.0.0.2 reaches a server on 127.0.0.1 from another address.
 */
import {performance} from 'node:perf_hooks';
import ssh2 from 'ssh2';
import {statusKiB} from '../../test/helpers/process-memory';
import {ShellScreen, type Server} from '../../test/helpers/serve';
import {sleep} from '../config';

export const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)] ?? NaN;
const noop = () => {};
/** An error's first line, for a list of problems. */
export const reason = (error: unknown) => String(error instanceof Error ? error.message : error).split('\n')[0]!;

/** Rejects with `what` after `ms` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The app's first frame: its status bar with the quit hint. */
export const painted = (rows: string[]) => rows.some((r) => r.includes('q quit'));

/**
 * Resolves with the arrival time (performance.now()) of the chunk after which `test` holds for
 * the screen's rows, judged as each chunk is parsed; undefined after `timeoutMs` or a close.
 */
export function whenShown(screen: ShellScreen, test: (rows: string[]) => boolean, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (at: number | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      screen.channel.off('data', onData);
      screen.channel.off('close', onClose);
      resolve(at);
    };
    // ShellScreen's own listener, added first, has queued the chunk into the emulator: the
    // callback of this empty write runs once it is parsed.
    const onData = () => {
      const arrived = performance.now();
      screen.term.write('', () => test(screen.screen()) && finish(arrived));
    };
    const onClose = () => finish(undefined);
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    screen.channel.on('data', onData);
    screen.channel.once('close', onClose);
    screen.term.write('', () => test(screen.screen()) && finish(performance.now()));
  });
}

/** Every chunk received so far parsed into the screen. */
const parsed = (screen: ShellScreen) => new Promise<void>((resolve) => screen.term.write('', resolve));

/** Sends a key; resolves with the ms until the screen changed (undefined: no change within `timeoutMs`). */
export async function keyToFrame(screen: ShellScreen, key: string, timeoutMs: number): Promise<number | undefined> {
  await parsed(screen);
  const before = screen.screen().join('\n');
  const sent = performance.now();
  const shown = whenShown(screen, (rows) => rows.join('\n') !== before, timeoutMs);
  screen.channel.write(key);
  const at = await shown;
  return at === undefined ? undefined : at - sent;
}

/** Waits until nothing has arrived on the session for `quietMs` (bounded by `limitMs`). */
export async function settle(screen: ShellScreen, quietMs = 100, limitMs = 3000): Promise<void> {
  let last = performance.now();
  const mark = () => (last = performance.now());
  screen.channel.on('data', mark);
  const end = performance.now() + limitMs;
  while (performance.now() - last < quietMs && performance.now() < end) await sleep(Math.max(5, quietMs - (performance.now() - last)));
  screen.channel.off('data', mark);
}

export interface App {
  client: ssh2.Client;
  screen: ShellScreen;
  /** From the start of the TCP connection to the first frame on the screen. */
  firstFrameMs: number;
}

export interface OpenOptions {
  cols?: number;
  rows?: number;
  /** The client's source address (default: the system's, 127.0.0.1). */
  localAddress?: string;
  /** For the whole open: connection, handshake, channel and first frame. */
  timeoutMs: number;
}

/** Ends a connection politely, then for good; never throws. */
export function drop(client: ssh2.Client, screen?: ShellScreen, graceMs = 2000): void {
  try {
    client.end();
  } catch {}
  setTimeout(() => {
    try {
      client.destroy();
    } catch {}
    screen?.dispose();
  }, graceMs).unref();
}

/** A raw ssh2 connection (user `reader`, auth `none`), bounded by `timeoutMs`; its errors are kept quiet after `ready`. */
export function connectFrom(port: number, localAddress: string | undefined, timeoutMs: number): {client: ssh2.Client; ready: Promise<ssh2.Client>} {
  const client = new ssh2.Client();
  const ready = new Promise<ssh2.Client>((resolve, reject) => {
    client.on('error', reject);
    client.once('close', () => reject(new Error('connection closed before it was ready')));
    client.once('ready', () => resolve(client));
  });
  client.connect({host: '127.0.0.1', port, username: 'reader', localAddress, readyTimeout: timeoutMs, keepaliveInterval: 0});
  return {client, ready: within(ready, timeoutMs, `not ready within ${timeoutMs} ms`)};
}

/**
 * Opens an app session (a pty of cols×rows read by a headless xterm) and waits for its first
 * frame. Throws, with the connection ended, when it is refused, closed or late.
 */
export async function openApp(port: number, {cols = 100, rows = 30, localAddress, timeoutMs}: OpenOptions): Promise<App> {
  const t0 = performance.now();
  const {client, ready} = connectFrom(port, localAddress, timeoutMs);
  let screen: ShellScreen | undefined;
  const work = (async () => {
    await ready;
    const channel = await new Promise<ssh2.ClientChannel>((resolve, reject) => {
      client.once('close', () => reject(new Error('connection closed before a channel opened')));
      client.shell({term: 'xterm-256color', cols, rows}, (error, ch) => (error ? reject(error) : resolve(ch)));
    });
    channel.on('error', noop);
    screen = new ShellScreen(channel, cols, rows);
    const at = await whenShown(screen, painted, timeoutMs);
    if (at === undefined) {
      const why = await within(screen.closed, 10, 'open').then(({err, code}) => `closed (exit ${code})${err.trim() ? `: ${err.trim()}` : ''}`, () => 'still open');
      throw new Error(`no first frame: session ${why}`);
    }
    return {client, screen, firstFrameMs: at - t0};
  })();
  try {
    return await within(work, timeoutMs, `no first frame within ${timeoutMs} ms`);
  } catch (error) {
    work.catch(noop);
    drop(client, screen, 0);
    throw error;
  }
}

/** Quits the app (q), waits (bounded) for the channel to close, ends the connection. Resolves with a problem, or undefined. */
export async function closeApp(app: App, timeoutMs = 5000): Promise<string | undefined> {
  let problem: string | undefined;
  try {
    app.screen.channel.write('q');
    const {code} = await within(app.screen.closed, timeoutMs, `did not close within ${timeoutMs} ms of q`);
    if (code !== 0) problem = `exited ${code}`;
  } catch (error) {
    problem = reason(error);
  }
  drop(app.client, app.screen, problem ? 0 : 500);
  return problem;
}

/** The server's resident set (VmRSS, KiB) every `everyMs`, with the time of each sample. */
export function sampleRss(pid: number, everyMs = 100) {
  const samples: {ms: number; kib: number}[] = [];
  const t0 = performance.now();
  const take = () => {
    const kib = statusKiB(pid, 'VmRSS');
    if (kib !== undefined) samples.push({ms: performance.now() - t0, kib});
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** Ends a server: SIGTERM, then SIGKILL if it is still there after `graceMs`. Resolves with a problem, or undefined. */
export async function stopServer(server: Server, graceMs = 5000): Promise<string | undefined> {
  const exit = server.stop('SIGTERM');
  const code = await within(exit, graceMs, 'late').catch(() => 'late' as const);
  if (code !== 'late') return code === 0 ? undefined : `server exited ${code} on SIGTERM`;
  server.process.kill('SIGKILL');
  await within(exit, 5000, 'not gone').catch(noop);
  return `server still running ${graceMs} ms after SIGTERM: killed`;
}
