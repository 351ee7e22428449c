import {render} from 'ink-testing-library';
import type React from 'react';
import stripAnsi from 'strip-ansi';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a key that changes nothing is given to change something before the test moves on. */
const NO_CHANGE_MS = 300;

/**
 * An Ink element under ink-testing-library, driven as a person would: `press` writes real bytes
 * to its stdin and waits for the frame they cause. A key that changes nothing is given
 * NO_CHANGE_MS (there is no event for "nothing happened").
 */
export async function startInk(element: React.ReactElement) {
  const app = render(element);
  const raw = () => app.lastFrame() ?? '';
  const screen = () => stripAnsi(raw()).split('\n');
  /** Waits until `test` holds for the frame (polling each 5 ms, at most `ms`). */
  const until = async (test: (frame: string) => boolean, ms = 2_000) => {
    for (let waited = 0; !test(raw()) && waited < ms; waited += 5) await sleep(5);
  };
  // The first frame, and the App's first effects (the resize that measures the section).
  await until((frame) => frame !== '');
  const settle = async () => {
    let before = raw();
    for (;;) {
      await sleep(5);
      if (raw() === before) return;
      before = raw();
    }
  };
  await settle();
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      const before = raw();
      app.stdin.write(key);
      await until((frame) => frame !== before, NO_CHANGE_MS);
      await settle();
    }
  };
  return {app, raw, screen, press, until};
}
