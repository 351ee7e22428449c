import {render} from 'ink-testing-library';
import type React from 'react';
import stripAnsi from 'strip-ansi';
import {waitFor, WaitError} from './wait';

/** How long a key that changes nothing is given to change something before the test moves on. */
const NO_CHANGE_MS = 300;

/**
 * An Ink element under ink-testing-library, driven as a person would: `press` writes real bytes
 * to its stdin and waits for the frame they cause. A key that changes nothing is given
 * NO_CHANGE_MS (there is no event for "nothing happened"). Ink renders here in debug mode, in
 * step with React (no throttle): a key's frame is written while the key is handled, and the
 * frames its effects cause in React's next task, before the first look after it.
 */
export async function startInk(element: React.ReactElement) {
  const app = render(element);
  const raw = () => app.lastFrame() ?? '';
  const screen = () => stripAnsi(raw()).split('\n');
  /** Waits until `test` holds for the frame (looking every 5 ms, at most `ms`); throws a WaitError after that. */
  const until = (test: (frame: string) => boolean, ms = 2_000, what = 'a frame condition') =>
    waitFor(() => test(raw()), {what, timeoutMs: ms, intervalMs: 5, show: () => stripAnsi(raw())});
  /** Waits until two looks 5 ms apart see the same frame. */
  const settle = () => {
    let last: string | undefined;
    return until(
      (frame) => {
        const same = frame === last;
        last = frame;
        return same;
      },
      2_000,
      'the frame to settle',
    );
  };
  // The first frame, and the App's first effects (the resize that measures the section).
  await until((frame) => frame !== '', 2_000, 'the first frame');
  await settle();
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const before = raw();
      app.stdin.write(key);
      await until((frame) => frame !== before, NO_CHANGE_MS, `a change after ${JSON.stringify(key)}`).catch((error: unknown) => {
        // A key that changes nothing: the test reads the unchanged frame.
        if (!(error instanceof WaitError)) throw error;
      });
      await settle();
    }
  };
  return {app, raw, screen, press, until};
}
