/**
 * What one SSH app session's input may cost: a token bucket in bytes (refilled at `perSecond`,
 * holding at most `burst`) and a cap on one read. Every byte of keys costs the app a key event
 * and its frame (1 MB of keys in one write took 6.3 s of the server's CPU, and every other
 * session waited); a reader types tens of bytes a second, a wheel or trackpad sends a few hundred.
 * A read the budget cannot take is dropped whole, never cut: a read from the client's terminal
 * holds whole keys, mouse reports and replies (the app reads each read as whole, too:
 * src/ui/hooks/useInputEvents.ts), so what is dropped never leaves half an escape sequence behind.
 * A bracketed paste may span reads: once one of its reads is dropped, the rest of it is dropped
 * up to its end marker, so that its tail never reaches the app as typed keys. Pure: the caller
 * gives the time.
 */
export interface InputLimits {
  /** Bytes a second, on average. */
  perSecond: number;
  /** Bytes at once after a quiet spell (the bucket's size). */
  burst: number;
  /** The largest read taken at all. */
  maxRead: number;
}

export interface InputBudget {
  /** Whether a read of `bytes` at time `now` (ms) is taken; a taken read is paid for. */
  take(bytes: number, now: number): boolean;
  /** Bytes dropped so far. */
  readonly dropped: number;
}

export function createInputBudget(limits: InputLimits, now: number): InputBudget {
  let tokens = limits.burst;
  let last = now;
  let dropped = 0;
  return {
    take(bytes, at) {
      tokens = Math.min(limits.burst, tokens + (Math.max(0, at - last) * limits.perSecond) / 1000);
      last = Math.max(last, at);
      if (bytes > limits.maxRead || bytes > tokens) {
        dropped += bytes;
        return false;
      }
      tokens -= bytes;
      return true;
    },
    get dropped() {
      return dropped;
    },
  };
}

const PASTE_START = Buffer.from('\x1b[200~');
const PASTE_END = Buffer.from('\x1b[201~');

/** Whether the client's input is inside a bracketed paste after each read (markers may span reads). */
export function createPasteTracker() {
  let inside = false;
  let tail = Buffer.alloc(0);
  return {
    /** Reads `chunk`; returns whether a paste is open after it. */
    read(chunk: Buffer): boolean {
      const text = Buffer.concat([tail, chunk]);
      for (let at = 0; ; ) {
        const marker = inside ? PASTE_END : PASTE_START;
        const found = text.indexOf(marker, at);
        if (found === -1) break;
        inside = !inside;
        at = found + marker.length;
      }
      tail = text.subarray(Math.max(0, text.length - (PASTE_START.length - 1)));
      return inside;
    },
  };
}

/**
 * One session's input gate: the budget, read by read, and a paste that lost a read dropped to
 * its end. `admit` says whether a read reaches the app.
 */
export function createInputGate(limits: InputLimits, now: number) {
  const budget = createInputBudget(limits, now);
  const paste = createPasteTracker();
  let droppingPaste = false;
  let dropped = 0;
  return {
    admit(chunk: Buffer, at: number): boolean {
      const inPaste = paste.read(chunk);
      if (droppingPaste) {
        droppingPaste = inPaste;
        dropped += chunk.length;
        return false;
      }
      if (budget.take(chunk.length, at)) return true;
      dropped += chunk.length;
      droppingPaste = inPaste;
      return false;
    },
    /** Bytes dropped so far. */
    get dropped() {
      return dropped;
    },
  };
}
