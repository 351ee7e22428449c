import {setFlagsFromString} from 'node:v8';

/**
 * What the program tells its loader (src/boot/main.ts): that the start is over, so the code
 * cache can be written now without delaying the first output. When the program runs without the
 * loader (under the test runner), these do nothing but set the flags.
 */
export interface BootHooks {
  startupDone(): void;
  stopCaching(): void;
}

export const BOOT_HOOKS = Symbol.for('kim-resume.boot');

const hooks = () => (globalThis as {[BOOT_HOOKS]?: BootHooks})[BOOT_HOOKS];

/** The first frame is drawn, or the output printed: write the code cache it is missing, if any. */
export function startupDone(): void {
  hooks()?.startupDone();
}

/**
 * Sets V8 flags after the start. Done before the cache is written, a flag would make V8 reject
 * that cache at every later start (it checks the flags it was made under); so caching stops here.
 * Node's own built-in modules loaded after this compile without their embedded cache, for the
 * same reason: set flags only once the start is over.
 */
export function setV8FlagsAfterStart(flags: string): void {
  hooks()?.stopCaching();
  setFlagsFromString(flags);
}
