/**
 * scripts/build/plugins/ink-erase-down.mjs erases Ink's last frame with one move and one erase to
 * the end of the screen instead of row by row. Ink's log-update and the patched one are fed the
 * same random frames (taller, shorter, the same height, with and without the last newline, some
 * taller than the screen with what is above them) below text that was on the screen before (a
 * shell's); a terminal (xterm, headless) must show the same screen after each, and the patched
 * writes are never longer.
 */
import xterm from '@xterm/headless';
import type {Terminal} from '@xterm/headless';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {importOriginal, importPatched} from '../helpers/patched';
import {eraseDown} from '../../scripts/build/plugins/ink-erase-down.mjs';

type Log = ((str: string) => boolean) & {clear(): void};
interface LogUpdate {
  create(stream: {write(data: string): boolean}): Log;
}

const LOG_UPDATE = 'node_modules/ink/build/log-update.js';
let original: LogUpdate;
let patched: LogUpdate;

beforeAll(async () => {
  original = (await importOriginal<{default: LogUpdate}>(LOG_UPDATE)).default;
  patched = (await importPatched<{default: LogUpdate}>(LOG_UPDATE, eraseDown)).default;
});

/** A terminal with a shell's text on its first rows and the cursor below it, and a log-update writing to it. */
function session(logUpdate: LogUpdate, cols: number, rows: number, above: number) {
  // The pty turns "\n" into "\r\n" (ONLCR), as the terminal driver does for Ink.
  const term: Terminal = new xterm.Terminal({cols, rows, convertEol: true, allowProposedApi: true});
  const writes: string[] = [];
  let pending = '';
  for (let i = 0; i < above; i++) pending += `$ shell line ${i}\n`;
  const log = logUpdate.create({
    write(data: string) {
      writes.push(data);
      pending += data;
      return true;
    },
  });
  const screen = async () => {
    await new Promise<void>((resolve) => term.write(pending, resolve));
    pending = '';
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return {lines, cursor: [buffer.cursorX, buffer.cursorY]};
  };
  return {log, writes, screen, dispose: () => term.dispose()};
}

const line = fc.stringMatching(/^[a-z 김│]{0,12}$/);
const frame = fc.tuple(fc.array(line, {minLength: 1, maxLength: 8}), fc.boolean()).map(([lines, newline]) => lines.join('\n') + (newline ? '\n' : ''));

describe('ink-erase-down: the last frame erased in one move and one erase', () => {
  it("leaves the screen Ink's row-by-row erase leaves, frame after frame, and writes fewer bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frame, {minLength: 1, maxLength: 6}), fc.integer({min: 0, max: 4}), async (frames, above) => {
        const ink = session(original, 16, 10, above);
        const ours = session(patched, 16, 10, above);
        for (const f of frames) {
          ink.log(f);
          ours.log(f);
          expect(await ours.screen()).toEqual(await ink.screen());
        }
        ink.log.clear();
        ours.log.clear();
        expect(await ours.screen()).toEqual(await ink.screen());
        ink.writes.forEach((w, i) => expect(ours.writes[i]!.length).toBeLessThanOrEqual(w.length));
        ink.dispose();
        ours.dispose();
      }),
      {numRuns: 300},
    );
  });

  it('erases a 30-row frame in a few bytes', () => {
    const writes: string[] = [];
    const log = patched.create({write: (d: string) => (writes.push(d), true)});
    const rows = Array.from({length: 29}, (_, i) => `row ${i}`).join('\n') + '\n';
    log(rows);
    log(rows.replace('row 0', 'row A'));
    expect(writes[1]).toBe(`\x1b[29A\r\x1b[J${rows.replace('row 0', 'row A')}`);
  });
});
