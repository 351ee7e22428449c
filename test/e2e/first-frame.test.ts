/**
 * The first frame is drawn by the pure core before Ink and React are loaded (src/ui/start.ts);
 * Ink's own first frame then draws over it. Read in a real pseudo-terminal: the screen the early
 * frame leaves is, cell by cell and style by style, the screen Ink's first frame leaves, and the
 * one it draws alone on a blank screen (nothing on the screen changes when Ink takes over), and a key pressed the moment the early frame is
 * up is not lost. Build first (`npm run build`; `npm test` does).
 */
import xterm from '@xterm/headless';
import {afterEach, describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {startApp, type PtyApp} from '../helpers/pty';
import {useWidths} from '../helpers/term-widths';

const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';

/**
 * `raw` drawn on a fresh terminal: each row as text (as a reader copies it: trailing empty cells
 * dropped), then each cell's character and style. An empty cell and a written blank look the same
 * and are the same cell here; only the text tells a trailing blank from nothing.
 */
async function drawn(raw: string, cols: number, rows: number): Promise<string[]> {
  const term = new xterm.Terminal({cols, rows, allowProposedApi: true});
  useWidths(term, 'app');
  await new Promise<void>((resolve) => term.write(raw, resolve));
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const out: string[] = [];
  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(y);
    let row = `${line?.translateToString(true) ?? ''}|`;
    for (let x = 0; x < cols; x++) {
      const c = line?.getCell(x, cell);
      // The right half of a wide character is its left half's.
      if (!c || c.getWidth() === 0) continue;
      row += `${c.getChars() || ' '}/${c.getFgColorMode()}:${c.getFgColor()}/${c.getBgColorMode()}:${c.getBgColor()}/${c.isBold()}${c.isInverse()}${c.isUnderline()}|`;
    }
    out.push(row);
  }
  term.dispose();
  return out;
}

/** The ends of the frames (synchronized updates holding a whole screen) in `raw`, in order. */
function frameEnds(raw: string): number[] {
  const ends: number[] = [];
  for (let at = raw.indexOf(BEGIN_SYNC); at !== -1; at = raw.indexOf(BEGIN_SYNC, at + 1)) {
    const end = raw.indexOf(END_SYNC, at);
    if (end !== -1 && end - at > 200) ends.push(end + END_SYNC.length);
  }
  return ends;
}

describe('the first frame, drawn before Ink loads', () => {
  let app: PtyApp | undefined;
  afterEach(async () => {
    await app?.dispose();
    app = undefined;
  });

  it.each([
    ['dark', 80, 24],
    ['light', 100, 30],
    ['dark', 40, 12],
  ] as const)('is the screen Ink then draws, cell by cell (%s, %dx%d)', async (background, cols, rows) => {
    app = startApp({cols, rows, args: [fixturePath('jiwoo')], background});
    // Both frames: the early one and Ink's first (which changes nothing on the screen).
    await app.waitFor(() => frameEnds(app!.raw).length >= 2, 30_000, "the early frame and Ink's first");
    const [early, ink] = frameEnds(app.raw) as [number, number];
    const before = await drawn(app.raw.slice(0, early), cols, rows);
    const after = await drawn(app.raw.slice(0, ink), cols, rows);
    // Ink's first frame alone, on a blank screen: what the app showed before there was an early frame.
    const inkAlone = await drawn(app.raw.slice(app.raw.lastIndexOf(BEGIN_SYNC, ink - 1), ink), cols, rows);
    const differ = (a: string[], b: string[]) => a.flatMap((row, y) => { const x = row.split('|'); const z = b[y]!.split('|'); return x.flatMap((c, i) => (c === z[i] ? [] : [`${y}:${i} ${c} ≠ ${z[i]}`])); }).slice(0, 5);
    expect(differ(before, inkAlone)).toEqual([]);
    // The early frame is the résumé (its name on the first row), not a blank or partial screen.
    expect(before[0]!.split('|')[0]).toContain('한지우');
    expect(after).toEqual(before);
  });

  it('reads a key pressed the moment it is up', async () => {
    app = startApp({cols: 80, rows: 24, args: [fixturePath('jiwoo')], background: 'dark'});
    await app.waitFor(() => frameEnds(app!.raw).length >= 1, 30_000, 'the early frame');
    const first = app.screen();
    // Tab: the next section, whether Ink is up yet or not.
    app.press('\t');
    await app.waitFor((rows) => rows.join('\n') !== first.join('\n') && frameEnds(app!.raw).length >= 3, 30_000, 'the next section');
    expect(app.screen()).not.toEqual(first);
  });
});
