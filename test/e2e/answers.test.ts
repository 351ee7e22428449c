/**
 * Terminals that answer otherwise than xterm.js (issue 23, "Terminals beyond xterm.js and tmux"):
 * the harness answers the app's questions itself (PtyOptions.fake), in the order it parses them.
 *  - nothing at all: the first frame comes after one batch and its timeout; nothing more is asked;
 *  - dvtm 0.15: cursor reports 0-based, no DA1: widths still measured, from differences;
 *  - GNU screen: DA1 (and CPR) answered at once, OSC 11 after them: the background is taken;
 *    a background answer after the first frame is never taken for keys;
 *  - a theme given: the background is not asked; with nothing to measure, nothing is asked.
 * How long a silent terminal waits is a figure for the README, measured, never asserted here.
 * Build first (`npm run build`; `npm test` does).
 */
import {describe, expect, it} from 'vitest';
import {JIWOO, JIWOO_PATH} from '../helpers/e2e-jiwoo';
import {fixturePath} from '../helpers/fixtures';
import {ptyApps, type PtyApp, type PtyOptions} from '../helpers/pty';
import {frameProblems} from '../helpers/whole-frame';

const launch = ptyApps();

const DA1 = '\x1b[c';
const CPR = '\x1b[6n';
const OSC11 = '\x1b]11;?';
/** What the width probe writes first (src/text/width-probe.ts): home on row 1, then its guard. */
const PROBE_START = '\x1b[1;1H\ud55c\x1b[6n';
/** The status bar's end, on every whole frame. */
const STATUS = /q quit +\d+%/;

const count = (text: string, query: string) => text.split(query).length - 1;

/** The name's colour on the first row, as the emulator holds it: the theme that runs. */
function nameStyle(app: PtyApp): string | undefined {
  const buffer = app.term.buffer.active;
  const line = buffer.getLine(buffer.viewportY);
  const cell = buffer.getNullCell();
  for (let x = 0; x < app.cols; x++) {
    const got = line?.getCell(x, cell);
    if (got && got.getChars().trim() !== '') return `${got.getFgColorMode()}:${got.getFgColor()}`;
  }
  return undefined;
}

/** The name's colour when the theme is given, for comparison. */
async function themeStyle(theme: 'light' | 'dark' | 'neutral', options: Partial<PtyOptions> = {}): Promise<string | undefined> {
  const args = theme === 'neutral' ? [JIWOO_PATH] : [JIWOO_PATH, '--theme', theme];
  const app = launch({cols: 100, rows: 30, args, answers: false, ...options});
  await app.ready(JIWOO.firstProject);
  return nameStyle(app);
}

describe('a terminal that answers nothing', () => {
  it('the first frame comes after one batch: no second batch (no width probe) is asked of it', async () => {
    // widths-emoji has clusters to measure: a terminal that answered would be asked a second batch.
    const app = launch({cols: 90, rows: 28, args: [fixturePath('widths-emoji')], answers: false});
    await app.ready(STATUS);
    expect(count(app.raw, DA1), 'one DA1').toBe(1);
    expect(count(app.raw, CPR), 'one cursor request: the first batch\'s sentinel').toBe(1);
    expect(app.raw).not.toContain(PROBE_START);
    expect(frameProblems(app.cells(), 'Noor Haddad'), app.dump()).toEqual([]);
  });
});

describe('a theme given: the background is not asked', () => {
  it('--theme dark and nothing to measure: no question at all (no OSC 11, no DA1, no cursor request)', async () => {
    const app = launch({cols: 100, rows: 30, args: [JIWOO_PATH, '--theme', 'dark']});
    await app.ready(JIWOO.firstProject);
    expect(count(app.raw, OSC11)).toBe(0);
    expect(count(app.raw, DA1)).toBe(0);
    expect(count(app.raw, CPR)).toBe(0);
  });

  it('--theme dark with clusters to measure: one batch, the width probe, and no OSC 11', async () => {
    const app = launch({cols: 90, rows: 28, args: [fixturePath('widths-emoji'), '--theme', 'dark'], unicode: '11'});
    await app.ready(STATUS);
    expect(count(app.raw, OSC11)).toBe(0);
    expect(count(app.raw, DA1), 'one batch').toBe(1);
    expect(app.raw).toContain(PROBE_START);
    expect(frameProblems(app.cells(), 'Noor Haddad'), app.dump()).toEqual([]);
  });
});

describe('dvtm: cursor reports 0-based, no DA1', () => {
  it('the widths are measured all the same (from two reports), and each batch ends at its cursor report', async () => {
    // xterm.js's Unicode 11 tables draw 👩‍💻 4 cells and 👍🏽 4 where the app counts 2 and 4: the
    // frame is whole only if the probe's answers were read, and read right from a 0-based origin.
    const app = launch({cols: 90, rows: 28, args: [fixturePath('widths-emoji')], unicode: '11', fake: {origin: 0, da1: false}});
    await app.ready(STATUS);
    // The first batch (OSC 11) ended at its cursor report, or no probe would have been asked.
    expect(app.raw).toContain(PROBE_START);
    expect(count(app.raw, DA1), 'two batches').toBe(2);
    expect(frameProblems(app.cells(), 'Noor Haddad'), app.dump()).toEqual([]);
    app.press('2');
    await app.waitFor('Kubernetes');
    expect(frameProblems(app.cells(), 'Noor Haddad'), app.dump()).toEqual([]);
  });
});

describe('GNU screen: DA1 answered at once, the background after it', () => {
  it('a background answer written after DA1\'s (5 ms later) is taken: the light theme runs', async () => {
    const light = await themeStyle('light');
    const neutral = await themeStyle('neutral');
    expect(light).not.toBe(neutral);
    const app = launch({cols: 100, rows: 30, args: [JIWOO_PATH], fake: {background: 'light', backgroundAfterMs: 5}, env: {STY: '4242.pts-0.test'}});
    await app.ready(JIWOO.firstProject);
    expect(nameStyle(app), 'the light theme').toBe(light);
  });

  it('a background answer after the first frame changes nothing and is never taken for keys', async () => {
    const neutral = await themeStyle('neutral');
    // Screen answers DA1 and CPR; the background answer is written here, once the frame is up.
    const app = launch({cols: 100, rows: 30, args: [JIWOO_PATH], fake: {}});
    const first = await app.ready(JIWOO.firstProject);
    expect(nameStyle(app), 'the neutral theme (no background known in time)').toBe(neutral);
    // The answer `ESC ] 11 ; rgb:ffff/ffff/ffff ESC \\` holds `/` (search) and digits (sections):
    // as keys it would open the search line, and the `3` typed after it would go into the query
    // instead of opening the third section.
    app.press('\x1b]11;rgb:ffff/ffff/ffff\x1b\\');
    app.press('3');
    await app.waitFor(JIWOO.volunteer);
    expect(app.screen().join('\n')).not.toMatch(/rgb:|11;|ffff/);
    expect(app.screen()[0], 'the header as on the first frame').toBe(first[0]);
    expect(nameStyle(app), 'still the neutral theme').toBe(neutral);
  });
});
