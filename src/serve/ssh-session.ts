import {PassThrough, Writable} from 'node:stream';
import type {ServerChannel} from 'ssh2';
import type {Session} from '../terminal/session';
import {clampWindow} from './limits';

/**
 * An SSH channel with a pty as the app's session. There is no pseudo-terminal on this side:
 * the client's terminal is in raw mode with output processing off (OpenSSH's client clears
 * OPOST), so a line feed must be sent as CR LF here, as a pty's ONLCR would. Input is a plain
 * stream with the few terminal methods Ink calls (raw mode is the client's, so it is a no-op).
 */
export interface ChannelSession extends Session {
  /** The client's TERM, as its pty request named it (its colour depth: src/cli/colour.ts declaredDepth). */
  readonly term: string | undefined;
  /** The client's LANG, LC_ALL and LC_CTYPE, as it sent them (src/cli/locale.ts reads them). */
  readonly env: Readonly<Record<string, string>>;
  /** The client's window changed (clamped here). */
  resize(columns: number, rows: number): void;
  /** Bytes read from and written to the channel. */
  readonly bytes: {in: number; out: number};
  /** Ends the app (its input ends, as when a local terminal hangs up); `onEnd` handlers run first. */
  end(): void;
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
  const output = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        const out = crlf(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        bytes.out += out.length;
        if (channel.destroyed || channel.writableEnded) return done();
        // Backpressure: a slow client holds the app's writes here rather than in memory without end.
        if (channel.write(out)) done();
        else channel.once('drain', () => done());
      },
    }),
    {isTTY: true, columns: size.columns, rows: size.rows},
  );
  channel.on('data', (chunk: Buffer) => {
    bytes.in += chunk.length;
    if (!input.writableEnded) input.write(chunk);
  });
  const enders = new Set<() => void>();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    for (const restore of enders) restore();
    input.end();
  };
  channel.once('close', end);
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
  };
}
