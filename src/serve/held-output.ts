import {BEGIN_SYNC, END_SYNC} from '../terminal/frame-writes';

/**
 * What an app has written that its SSH client has not taken yet. A client that reads slowly, or
 * not at all, must not make it grow: a frame is worthless once a newer one exists, so a new frame
 * replaces the frames (and Ink's erase writes) held after the last write of any other kind. Writes
 * of other kinds (mode switches, the restore on exit, the terminal queries) are never dropped.
 *
 * What one write is: the app's output goes through joinFrameWrites (src/terminal/frame-writes.ts),
 * so each Ink frame is one write from "begin synchronized update" to "end synchronized update".
 * Between frames Ink writes only cursor moves and erases (its log.clear() on a resize) and the
 * cursor's hide and show; the app writes its modes (src/terminal/session.ts) and queries.
 *
 * A frame is a whole-screen redraw here (full frames, not incremental: src/ui/run.tsx), but it is
 * drawn relative to where the previous frame left the cursor (Ink erases the previous frame's
 * lines upward, then writes from there). After a drop, the previous frame the terminal saw is not
 * the one this frame was made after, so the frame kept starts with "cursor home, erase below":
 * the app always draws from the top of the alternate screen, and the screen is then exactly the
 * new frame whatever was dropped.
 */

export type WriteKind = 'frame' | 'erase' | 'other';

/** Only cursor movement and erasing (CSI A–H, J, K): what Ink writes to clear its last frame. */
const ERASE_ONLY = /^(?:\x1b\[[0-9;]*[A-HJK])*$/;

/** Cursor to the top left, erase to the end of the screen (xterm's CUP and ED). */
export const REDRAW = '\x1b[H\x1b[J';

export function writeKind(text: string): WriteKind {
  if (text.startsWith(BEGIN_SYNC) && text.endsWith(END_SYNC)) return 'frame';
  return ERASE_ONLY.test(text) ? 'erase' : 'other';
}

interface Held {
  text: string;
  kind: WriteKind;
  bytes: number;
}

export class HeldOutput {
  private readonly held: Held[] = [];
  /** UTF-8 bytes held. */
  bytes = 0;
  /** Frames dropped so far, superseded before they were sent. */
  dropped = 0;

  get empty(): boolean {
    return this.held.length === 0;
  }

  push(text: string): void {
    const kind = writeKind(text);
    if (kind === 'frame') {
      let superseded = false;
      while (this.held.length > 0 && this.held.at(-1)!.kind !== 'other') {
        const gone = this.held.pop()!;
        this.bytes -= gone.bytes;
        if (gone.kind === 'frame') this.dropped++;
        superseded = true;
      }
      if (superseded) text = BEGIN_SYNC + REDRAW + text.slice(BEGIN_SYNC.length);
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    this.held.push({text, kind, bytes});
    this.bytes += bytes;
  }

  /** The oldest write held, taken out. */
  shift(): string | undefined {
    const first = this.held.shift();
    if (first) this.bytes -= first.bytes;
    return first?.text;
  }

  clear(): void {
    this.held.length = 0;
    this.bytes = 0;
  }
}
