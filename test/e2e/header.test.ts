/**
 * The whole header in the app (issue 12): the built program in a pseudo-terminal on
 * test/fixtures/jiwoo.json, the screen read from a headless xterm. `i` unfolds the header (the
 * whole summary, every contact and profile) at the smallest and a large terminal; `/` finds a word
 * of the summary and the street address, unfolds the header to show them and highlights them, the
 * current match in a color of its own. Expected strings come from the fixture as written.
 * Build first (`npm run build`; `npm test` does).
 */
import {describe, expect, it} from 'vitest';
import {cellWidth} from '../../src/text/width';
import {JIWOO, JIWOO_PATH, jiwooJson} from '../helpers/e2e-jiwoo';
import {KEYS, type PtyApp, ptyApps} from '../helpers/pty';
import {screenWidthProblems} from '../helpers/terminal-state';
import {statusRow} from '../helpers/frame-rows';

const launch = ptyApps();
const basics = jiwooJson().basics!;
const SUMMARY = basics.summary!;
const ADDRESS = basics.location!.address!;
/** A word that is only in the summary ("알아채는", "notices"), never in a section. */
const SUMMARY_WORD = SUMMARY.split(' ').find((w) => w === '알아채는')!;

/** The status bar: the last row. */
const status = statusRow;
/** The section bar's row: the one that starts with tab 1. */
const barRow = (rows: string[]) => rows.findIndex((r) => r.startsWith(' 1 '));
/** Text without spaces: a wrapped sentence compares with its source whatever the line breaks. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Runs of cells drawn on a background color (or inverse) on `row`, each with its background. */
function highlights(app: PtyApp, row: number): Array<{text: string; bg: string}> {
  const buffer = app.term.buffer.active;
  const line = buffer.getLine(buffer.viewportY + row);
  const cell = buffer.getNullCell();
  const runs: Array<{text: string; bg: string}> = [];
  for (let x = 0; x < app.cols; x++) {
    const got = line?.getCell(x, cell);
    if (!got || got.getWidth() === 0) continue;
    const marked = got.isInverse() || !got.isBgDefault();
    const bg = marked ? `${got.getBgColorMode()}:${got.getBgColor()}:${got.isInverse() ? 'inverse' : ''}` : '';
    const last = runs.at(-1);
    if (!marked) runs.push({text: '', bg: ''});
    else if (last && last.bg === bg) last.text += got.getChars();
    else runs.push({text: got.getChars(), bg});
  }
  return runs.filter((r) => r.bg !== '');
}

/** Every highlighted run on the screen above the status bar, row by row. */
const allHighlights = (app: PtyApp) => app.screen().flatMap((_, row) => (row === barRow(app.screen()) ? [] : highlights(app, row)));

/** Opens the search line, types `query`, and waits for the result in the status bar. */
async function search(app: PtyApp, query: string): Promise<string[]> {
  app.press('/');
  await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
  app.press(query);
  await app.waitFor((rows) => status(rows).includes(query), undefined, 'the query typed');
  app.press(KEYS.enter);
  return app.waitFor((rows) => new RegExp(`\\d+/\\d+ "${query}"`).test(status(rows)), undefined, `the matches of "${query}"`);
}

describe('i unfolds the header', () => {
  it.each([
    [40, 10],
    [80, 24],
    [200, 60],
  ] as const)('at %i×%i: read through, it holds the whole summary and every contact and profile; i folds it again', async (cols, rows) => {
    const app = launch({cols, rows, args: [JIWOO_PATH]});
    const before = await app.ready(JIWOO.name);
    if (cellWidth(SUMMARY) > cols) expect(squeeze(before.join(''))).not.toContain(squeeze(SUMMARY));
    app.press('i');
    let screen = await app.waitFor((r) => /Esc fold/.test(status(r)), undefined, 'the header unfolded');
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      expect(screenWidthProblems(app), app.dump()).toEqual([]);
      expect(status(screen)).toMatch(/\d+%\s*$/);
      seen.push(...screen.slice(0, barRow(screen)));
      if (/100%\s*$/.test(status(screen))) break;
      app.press('j');
      screen = await app.waitForChange(screen);
    }
    const all = squeeze(seen.join(''));
    expect(all, app.dump()).toContain(squeeze(SUMMARY));
    for (const word of [basics.email!, basics.phone!, basics.url!, ADDRESS, basics.location!.postalCode!, ...basics.profiles!.flatMap((p) => [p.network!, p.url!])]) {
      expect(all, word).toContain(squeeze(word));
    }
    app.press('i');
    await app.waitFor((r) => !status(r).includes('Esc fold') && r[0]!.startsWith(JIWOO.name), undefined, 'the header folded');
    expect(app.screen()[0]!.startsWith(JIWOO.name)).toBe(true);
    expect(barRow(app.screen())).toBe(barRow(before));
  });
});

describe('search covers the header', () => {
  it.each([
    ['a word of the summary', SUMMARY_WORD, 80, 24],
    ['the street address', ADDRESS, 80, 24],
    ['the street address, in the smallest terminal', ADDRESS, 40, 10],
  ] as const)('%s ("%s") at %i×%i: found, shown in the unfolded header, highlighted', async (_what, query, cols, rows) => {
    const app = launch({cols, rows, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject.slice(0, 6));
    const screen = await search(app, query);
    expect(status(screen)).toMatch(new RegExp(`1/1 "${query}"`));
    const row = screen.findIndex((r) => r.includes(query));
    expect(row, app.dump()).toBeGreaterThanOrEqual(0);
    expect(row, 'in the header, above the section bar').toBeLessThan(barRow(screen));
    expect(highlights(app, row).map((h) => h.text).join('')).toBe(query);
    expect(screenWidthProblems(app), app.dump()).toEqual([]);
  });

  it('the current match is drawn apart from the others, and n moves it', async () => {
    const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject.slice(0, 6));
    // "데이터" is in the label ("데이터 엔지니어") and the summary ("데이터가"): the first two matches, both in the header.
    expect(JIWOO.label).toContain('데이터');
    expect(SUMMARY).toContain('데이터');
    await search(app, '데이터');
    let runs = allHighlights(app).filter((h) => h.text === '데이터');
    expect(runs.length, app.dump()).toBeGreaterThanOrEqual(2);
    const current = runs[0]!.bg;
    expect(runs.slice(1).every((h) => h.bg !== current), 'only the first is drawn as current').toBe(true);
    const other = runs[1]!.bg;
    app.press('n');
    await app.waitFor((r) => / 2\/\d+ "데이터"/.test(status(r)), undefined, 'the second match');
    runs = allHighlights(app).filter((h) => h.text === '데이터');
    expect(runs[0]!.bg, 'the first is an ordinary match now').toBe(other);
    expect(runs[1]!.bg, 'the second is current').toBe(current);
  });
});
