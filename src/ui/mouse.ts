import {EventEmitter} from 'node:events';
import {PassThrough} from 'node:stream';

/**
 * Mouse support. Ink does not read the mouse (ink#632), so SGR mouse reports
 * (`ESC [ < b ; x ; y M|m`) are taken out of stdin before Ink sees it, and the rest of the bytes
 * are passed on. Reporting is switched on only in the interactive app, and off on every way out
 * (run.tsx writes MOUSE_OFF with the screen restore).
 */
export const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
export const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';

export interface MouseEvent {
  kind: 'press' | 'release' | 'wheelUp' | 'wheelDown';
  /** 0 left, 1 middle, 2 right. */
  button: number;
  /** 0-based cell. */
  x: number;
  y: number;
}

const REPORT = /\x1b\[<(\d+);(\d+);(\d+)([Mm])/g;
/** A report cut off at the end of a chunk: kept for the next one. */
const PARTIAL = /\x1b\[<[\d;]*$/;

/** Splits mouse reports out of input: the events, the other bytes, and an unfinished tail. */
export function parseMouse(data: string): {events: MouseEvent[]; rest: string; pending: string} {
  const events: MouseEvent[] = [];
  const rest = data.replace(REPORT, (_all, b: string, x: string, y: string, final: string) => {
    const code = Number(b);
    const base = code & ~(4 | 8 | 16 | 32);
    const at = {x: Number(x) - 1, y: Number(y) - 1};
    if (base === 64) events.push({kind: 'wheelUp', button: 0, ...at});
    else if (base === 65) events.push({kind: 'wheelDown', button: 0, ...at});
    else if ((code & 32) === 0) events.push({kind: final === 'M' ? 'press' : 'release', button: base & 3, ...at});
    return '';
  });
  // Only an unfinished report is held back: a lone Esc is a key press and must not wait.
  const tail = PARTIAL.exec(rest);
  if (tail) return {events, rest: rest.slice(0, tail.index), pending: tail[0]};
  return {events, rest, pending: ''};
}

/**
 * A stdin for Ink without the mouse reports: it looks like a TTY, forwards raw mode and
 * ref/unref to the real one, and emits 'mouse' events on `mouse`.
 */
export function filterMouse(stdin: NodeJS.ReadStream): {stdin: NodeJS.ReadStream; mouse: EventEmitter; dispose(): void} {
  const out = new PassThrough({encoding: 'utf8'}) as unknown as NodeJS.ReadStream & PassThrough;
  const mouse = new EventEmitter();
  let pending = '';
  Object.assign(out, {
    isTTY: true,
    setRawMode: (mode: boolean) => {
      stdin.setRawMode?.(mode);
      return out;
    },
    ref: () => {
      stdin.ref();
      return out;
    },
    unref: () => {
      stdin.unref();
      return out;
    },
  });
  const onData = (chunk: Buffer | string) => {
    const parsed = parseMouse(pending + chunk.toString());
    pending = parsed.pending;
    for (const event of parsed.events) mouse.emit('mouse', event);
    if (parsed.rest) out.write(parsed.rest);
  };
  const onEnd = () => out.end();
  stdin.on('data', onData);
  stdin.once('end', onEnd);
  return {
    stdin: out,
    mouse,
    dispose() {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.pause();
    },
  };
}
