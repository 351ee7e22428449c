import {PassThrough, Writable} from 'node:stream';
import type {ServerChannel} from 'ssh2';
import type {Session} from '../terminal/session';
import {HeldOutput} from './held-output';
import {createInputGate} from './input-budget';
import {clampWindow} from './limits';
import {INPUT_LIMITS, MAX_HELD_BYTES, SOCKET_HIGH_WATER, STALL_MS} from './options';

/**
 * An SSH channel with a pty as the app's session. There is no pseudo-terminal on this side:
 * the client's terminal is in raw mode with output processing off (OpenSSH's client clears
 * OPOST), so a line feed must be sent as CR LF here, as a pty's ONLCR would. Input is a plain
 * stream with the few terminal methods Ink calls (raw mode is the client's, so it is a no-op).
 */
export interface ChannelSession extends Session {
  /** The client's TERM, as its pty request named it (its colour depth: src/cli/colour.ts declaredDepth). */
  readonly term: string | undefined;
  /** The client's LANG, LC_ALL, LC_CTYPE and LC_MESSAGES, as it sent them (src/cli/locale.ts and src/i18n/reader.ts read them). */
  readonly env: Readonly<Record<string, string>>;
  /** The client's window changed (clamped here). */
  resize(columns: number, rows: number): void;
  /** Bytes read from and written to the channel. */
  readonly bytes: {in: number; out: number};
  /** Input bytes dropped, past the session's budget (src/serve/input-budget.ts). */
  readonly inputDropped: number;
  /** Ends the app (its input ends, as when a local terminal hangs up); `onEnd` handlers run first. */
  end(): void;
  /** Set when the session was ended because its client took no output: why, for the log. */
  readonly stalled: string | undefined;
  /** What the app wrote that the client has not taken yet (src/serve/held-output.ts). */
  readonly held: {readonly bytes: number; readonly dropped: number};
}

const LF = 0x0a;
const CR = 0x0d;

/** Every LF not already after a CR becomes CR LF (UTF-8 never has 0x0A inside a character). */
export function crlf(bytes: Buffer): Buffer {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === LF && bytes[i - 1] !== CR) count++;
  if (count === 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length + count);
  let at = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === LF && bytes[i - 1] !== CR) out[at++] = CR;
    out[at++] = bytes[i]!;
  }
  return out;
}

export function channelSession(channel: ServerChannel, window: {columns: number; rows: number; term?: string; env?: Record<string, string>}): ChannelSession {
  const bytes = {in: 0, out: 0};
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode() {
      return input;
    },
    ref() {
      return input;
    },
    unref() {
      return input;
    },
  });
  const size = clampWindow(window.columns, window.rows);
  const held = new HeldOutput();
  let stalled: string | undefined;
  let gone = false;
  /** A write handed to ssh2 whose callback has not come: ssh2 holds it until the window allows. */
  let inFlight = false;
  let flushed: (() => void)[] = [];
  // ssh2 keeps a connection's socket private (`_client._sock`); read only for its backpressure.
  const socket = (channel as unknown as {_client?: {_sock?: NodeJS.WritableStream & {writableLength?: number}}})._client?._sock;
  /** Runs while output waits for the client; each bit of progress (a write sent, a drain) restarts it. */
  let stall: NodeJS.Timeout | undefined;
  let socketFull = false;
  const stop = () => {
    held.clear();
    clearTimeout(stall);
    end();
    settle();
  };
  const settle = () => {
    if (!gone && !stalled && (!held.empty || inFlight)) return;
    const waiting = flushed;
    flushed = [];
    for (const done of waiting) done();
  };
  const progress = () => {
    stall?.refresh();
    pump();
  };
  // One write at a time goes to ssh2, the next only once ssh2 has sent it (the client's window
  // allowed it) and the socket has room: the rest waits here, where superseded frames are dropped.
  const pump = () => {
    while (!inFlight && !socketFull && !gone && !stalled && !held.empty) {
      if (socket && (socket.writableLength ?? 0) > SOCKET_HIGH_WATER) {
        socketFull = true;
        socket.once('drain', () => {
          socketFull = false;
          progress();
        });
        break;
      }
      const out = crlf(Buffer.from(held.shift()!, 'utf8'));
      bytes.out += out.length;
      inFlight = true;
      channel.write(out, () => {
        inFlight = false;
        progress();
      });
    }
    const waiting = !gone && !stalled && (inFlight || !held.empty);
    if (!waiting) {
      clearTimeout(stall);
      stall = undefined;
    } else {
      stall ??= setTimeout(() => {
        stalled = `not reading for ${Math.round(STALL_MS / 1000)}s`;
        stop();
      }, STALL_MS).unref();
    }
    settle();
  };
  const output = Object.assign(
    new Writable({
      decodeStrings: false,
      write(chunk: Buffer | string, _encoding, done) {
        if (!gone && !stalled) {
          held.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
          if (held.bytes > MAX_HELD_BYTES) {
            stalled = `over ${MAX_HELD_BYTES / 1024 / 1024} MiB of output not read`;
            stop();
          } else pump();
        }
        done();
      },
      final(done) {
        flushed.push(() => done());
        settle();
      },
    }),
    {isTTY: true, columns: size.columns, rows: size.rows},
  );
  // Input past the session's budget is dropped here, read by read, before it costs the app a key.
  const gate = createInputGate(INPUT_LIMITS, performance.now());
  channel.on('data', (chunk: Buffer) => {
    bytes.in += chunk.length;
    if (gate.admit(chunk, performance.now()) && !input.writableEnded) input.write(chunk);
  });
  const enders = new Set<() => void>();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    for (const restore of enders) restore();
    input.end();
  };
  const hangUp = () => {
    gone = true;
    held.clear();
    clearTimeout(stall);
    end();
    settle();
  };
  channel.once('close', hangUp);
  channel.once('end', end);
  return {
    input: input as unknown as NodeJS.ReadStream,
    output: output as unknown as NodeJS.WriteStream,
    // The client's terminal is unknown (only its TERM name is sent): links are written as "text (url)".
    hyperlinks: false,
    term: window.term,
    env: window.env ?? {},
    onEnd(restore) {
      enders.add(restore);
      return () => enders.delete(restore);
    },
    resize(columns, rows) {
      const next = clampWindow(columns, rows);
      if (next.columns === output.columns && next.rows === output.rows) return;
      output.columns = next.columns;
      output.rows = next.rows;
      output.emit('resize');
    },
    bytes,
    end,
    get stalled() {
      return stalled;
    },
    get inputDropped() {
      return gate.dropped;
    },
    held,
  };
}
