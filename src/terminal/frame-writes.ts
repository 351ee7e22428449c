/**
 * One frame, one write. Ink 6.8 writes each frame as three writes: "begin synchronized update"
 * (ESC[?2026h), the frame, "end synchronized update" (ESC[?2026l)
 * (https://github.com/vadimdemedes/ink/blob/master/src/ink.tsx, throttledLog). On a pty each
 * write is a system call and can reach the terminal as a read of its own; over SSH each is a
 * channel packet. A terminal without synchronized output (macOS Terminal, older ones) may draw
 * between them. This output stream holds what is written from the begin to the end sequence
 * and writes it as one string; anything else passes straight through.
 * Synchronized output: https://gist.github.com/christianparpart/d8a62cc1ab659194337d73e399004036
 */

export const BEGIN_SYNC = '\x1b[?2026h';
export const END_SYNC = '\x1b[?2026l';

type WriteCallback = (error?: Error | null) => void;

/**
 * `output` with a `write` that joins a frame's writes. A frame left open (no end sequence in
 * the same synchronous run, which Ink never does) is written at the next microtask, so nothing
 * is ever held back. A write with a callback is passed on at once with what is held before it.
 */
export function joinFrameWrites<T extends NodeJS.WritableStream>(output: T): T {
  let held: string | undefined;
  const flush = (tail = ''): boolean => {
    const text = (held ?? '') + tail;
    held = undefined;
    return text ? output.write(text) : true;
  };
  const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const done = (typeof encoding === 'function' ? encoding : callback) as WriteCallback | undefined;
    if (typeof chunk !== 'string' || done) {
      if (held !== undefined) flush();
      return (output.write as (...args: unknown[]) => boolean)(chunk, encoding, callback);
    }
    if (held === undefined) {
      if (chunk !== BEGIN_SYNC) return output.write(chunk);
      held = chunk;
      queueMicrotask(() => {
        if (held !== undefined) flush();
      });
      return true;
    }
    if (chunk === END_SYNC) return flush(chunk);
    held += chunk;
    return true;
  };
  return new Proxy(output, {
    get(target, key) {
      if (key === 'write') return write;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
