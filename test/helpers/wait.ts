/**
 * The one poller of the test helpers (and of bench/, which drives programs with them): every
 * wait for a screen, a tty mode, a process state or a file goes through `waitFor`. It waits for a
 * state, never for a time: it returns as soon as `probe` finds what it looks for, and the timeout
 * only bounds a wait that would otherwise never end (it fails the test, with what was seen). No
 * test-runner imports here.
 */

/** A probe's answer while the awaited state is not there yet. */
type NotYet = undefined | null | false;

export interface WaitOptions {
  /** What is awaited, for the error ("the whole frame again", "raw mode"). */
  what: string;
  /** Give up after this long (default 15 s): a bound for a wait that would never end, not a pace. */
  timeoutMs?: number;
  /** Time between two looks (default 15 ms). */
  intervalMs?: number;
  /** The state to show when the wait fails: the screen, the files found. */
  show?: () => string;
  /**
   * Why the awaited state can no longer come (the program exited), or undefined: checked after
   * each look that did not find it, and ends the wait at once.
   */
  hopeless?: () => string | undefined;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_INTERVAL_MS = 15;

/** A wait that timed out (or could no longer succeed): its message says what was awaited and shows what was seen. */
export class WaitError extends Error {
  override name = 'WaitError';
}

/**
 * Looks with `probe` until it returns something other than undefined, null or false, and returns
 * that. Looks once more after the deadline has passed before giving up, so a wait delayed by a
 * loaded machine is judged on what is there, not on when it looked.
 */
export async function waitFor<T>(probe: () => T | NotYet | Promise<T | NotYet>, options: WaitOptions): Promise<Exclude<T, NotYet>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const late = Date.now() > deadline;
    const found = await probe();
    if (found !== undefined && found !== null && found !== false) return found as Exclude<T, NotYet>;
    const shown = () => (options.show ? `\n${options.show()}` : '');
    const reason = options.hopeless?.();
    if (reason !== undefined) throw new WaitError(`${reason} while waiting for ${options.what}${shown()}`);
    if (late) throw new WaitError(`timed out after ${timeoutMs} ms waiting for ${options.what}${shown()}`);
    await sleep(options.intervalMs ?? DEFAULT_INTERVAL_MS);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
