import {PROGRAM} from '../program';

/**
 * What the program tells its loader (src/boot/main.ts): that the start is over, so the code
 * cache can be written now without delaying the first output. When the program runs without the
 * loader (under the test runner), it does nothing.
 */
export interface BootHooks {
  startupDone(): void;
}

export const BOOT_HOOKS = Symbol.for(`${PROGRAM}.boot`);

const hooks = () => (globalThis as {[BOOT_HOOKS]?: BootHooks})[BOOT_HOOKS];

/** The first frame is drawn, or the output printed: write the code cache it is missing, if any. */
export function startupDone(): void {
  hooks()?.startupDone();
}
