/**
 * A compared program in a 100×30 pseudo-terminal, for timing: test/helpers' PtyApp (the same
 * driver the end-to-end tests use) plus what the bench needs on top, a key's time to the screen
 * and a wait for quiet. Every time is the arrival of the output that completed the frame, judged
 * as each chunk is parsed (PtyApp.whenScreen), never a poll.
 */
import {performance} from 'node:perf_hooks';
import {PtyApp} from '../test/helpers/pty-app';
import {COLS, NODE, ROOT, ROWS, sleep} from './config';

/** When a program has drawn its first frame, from the visible rows. */
export type Painted = (rows: string[]) => boolean;

/** The last row with text on it (Ink leaves the cursor on the row below its frame). */
export function lastLine(rows: string[]): string {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.trim()) return rows[i]!;
  return '';
}

// The first frame: the header and the status bar drawn. Its position reads "…" while the rest
// of a long résumé is still being measured (the first screen is already whole), then "42%".
export const oursPainted: Painted = (rows) => rows.join('\n').includes('김성호') && /\s(\d{1,3}%|…)\s*$/.test(lastLine(rows));
export const oneBoxPainted: Painted = (rows) => rows.join('\n').includes('hello');
export const bareReady: Painted = (rows) => rows.join('\n').includes('ready');

export class BenchScreen {
  readonly app: PtyApp;

  /**
   * Starts `node …args` from the repository root, with `env` added to the clean environment;
   * `answers: false` makes the terminal answer none of the program's questions.
   */
  constructor(args: string[], env: Record<string, string> = {}, answers = true) {
    this.app = new PtyApp({cols: COLS, rows: ROWS, command: {file: NODE, args, cwd: ROOT}, env, answers});
  }

  text(): string {
    return this.app.screen().join('\n');
  }

  /** Waits until nothing was written or has arrived for `quietMs` (and no frame is half written). */
  async settle(quietMs = 80, limitMs = 3000): Promise<void> {
    const end = performance.now() + limitMs;
    for (;;) {
      const idle = performance.now() - Math.max(this.app.lastOutputAt, this.app.lastInputAt);
      if (idle >= quietMs && this.app.frameComplete) return;
      if (performance.now() > end) return;
      await sleep(Math.max(5, quietMs - idle));
    }
  }

  /** Sends a key; resolves with the ms until the screen showed a change (undefined: none). */
  async key(data: string, timeoutMs = 1000): Promise<number | undefined> {
    const before = this.text();
    const sent = performance.now();
    this.app.press(data);
    const t = await this.app.whenScreen((rows) => rows.join('\n') !== before, timeoutMs);
    return t === undefined ? undefined : t - sent;
  }

  /** Sends `data` (q), waits for the exit, ends the program if it stays; resolves with the exit (undefined: it had to be ended). */
  async quit(data = 'q', timeoutMs = 5000): Promise<{exitCode: number} | undefined> {
    if (!this.app.hasExited && data) this.app.press(data);
    const done = await this.app.exited(timeoutMs).catch(() => undefined);
    await this.app.dispose();
    return done;
  }
}

export interface PaintResult {
  ms: number;
  hwmKiB: number;
  rssKiB: number;
  error?: string;
}

/** Starts a program, waits for its first paint, quits it; returns the time and memory at the paint. */
export async function firstPaint(args: string[], painted: Painted, quitKey: string, {timeoutMs = 30_000, env = {} as Record<string, string>, answers = true} = {}): Promise<PaintResult> {
  const {result, screen} = await paint(args, painted, timeoutMs, env, answers);
  const exit = await screen.quit(quitKey);
  if (!exit) result.error = (result.error ?? '') + ' did not exit after quit';
  return result;
}

/** Like firstPaint, but the program keeps running: the caller quits it. */
export async function paint(args: string[], painted: Painted, timeoutMs = 30_000, env: Record<string, string> = {}, answers = true): Promise<{result: PaintResult; screen: BenchScreen}> {
  const screen = new BenchScreen(args, env, answers);
  const t = await screen.app.whenScreen(painted, timeoutMs);
  const result: PaintResult = {ms: t === undefined ? NaN : t - screen.app.startedAt, hwmKiB: screen.app.memoryKiB('VmHWM') ?? NaN, rssKiB: screen.app.memoryKiB('VmRSS') ?? NaN};
  if (t === undefined) {
    result.error = `no first paint within ${timeoutMs} ms; screen: ${screen
      .text()
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 3)
      .join(' / ')}`;
  }
  return {result, screen};
}
