/**
 * The built program in a pseudo-terminal at 80×24, read back cell by cell from @xterm/headless:
 *  - test/fixtures/sections-11.json, more tabs than 80 columns hold: a digit opens its section and
 *    the bar scrolls to name it, highlighted, between its named neighbours;
 *  - test/fixtures/lang/ar.json and he.json, right-to-left text: every section's frame is whole
 *    (no row wrapped, boxes closed in their own columns, the status bar on the last row), and the
 *    text is on screen in its logical order, as the file has it: the app reorders nothing.
 * Build first (`npm run build`; `npm test` does).
 */
import {describe, expect, it} from 'vitest';
import {cellWidth} from '../../src/text/width';
import {fixturePath, type FixtureName} from '../helpers/fixtures';
import {statusRow} from '../helpers/frame-rows';
import {ptyApps} from '../helpers/pty';
import {fixtureDocument, fixtureResume} from '../helpers/resume';
import {frameProblems} from '../helpers/whole-frame';

const launch = ptyApps();
/** The status bar's end: the help and quit hints, then the scroll position. */
const STATUS = /q quit +\d+%/;
/** Bidirectional controls: the app adds none (and the loader strips any the data has). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('the section bar of sections-11.json at 80×24', () => {
  it('names tab 6 after pressing 6, highlighted, between its named neighbours', async () => {
    const doc = fixtureDocument('sections-11');
    const [fifth, sixth, seventh] = [4, 5, 6].map((i) => `${i + 1} ${doc.sections[i]!.title}`);
    const app = launch({cols: 80, rows: 24, args: [fixturePath('sections-11')]});
    await app.ready(STATUS);
    const barRow = app.screen().findIndex((row) => row.includes('1 Work Experience'));
    expect(barRow, app.dump()).toBeGreaterThan(0);
    // Tab 6 is not named at the start (else pressing 6 would prove nothing).
    expect(app.screen()[barRow], app.dump()).not.toContain(sixth);
    app.press('6');
    const screen = await app.waitFor((rows) => rows.join('\n').includes('Certified Kubernetes Administrator'), undefined, 'section 6');
    const bar = screen[barRow]!;
    expect(bar, app.dump()).toContain(sixth);
    expect(bar, app.dump()).toContain(`${fifth}  ${sixth}  ${seventh}`);
    expect(app.highlighted(barRow).trim(), app.dump()).toBe(sixth);
    expect(cellWidth(bar)).toBeLessThanOrEqual(80);
    expect(app.wrapped().some(Boolean), app.dump()).toBe(false);
  });
});

interface RtlCase {
  fixture: FixtureName;
  language: string;
  /** Per section key, a text only that section shows. */
  sections: [key: string, marker: string][];
  /** Runs of the file's text, mixed with Latin and digits, that must be on screen as the file has them. */
  logical: string[];
}

const RTL: RtlCase[] = [
  {
    fixture: 'lang/ar',
    language: 'Arabic',
    sections: [
      ['1', 'منصة التسويات'],
      ['2', 'الجامعة الأردنية'],
      ['3', 'الخدمات الخلفية'],
      ['4', 'الإنجليزية'],
    ],
    logical: ['مهندسة برمجيات خلفية', 'شركة الواحة للمدفوعات', 'خدمة تحسب مستحقات التجار كلّ ليلة وتدفعها عبر 3 بنوك.'],
  },
  {
    fixture: 'lang/he',
    language: 'Hebrew',
    sections: [
      ['1', 'שער הודעות'],
      ['2', 'הטכניון'],
      ['3', 'פיתוח צד שרת'],
      ['4', 'אנגלית'],
    ],
    logical: ['מהנדסת תוכנה', 'גל תקשורת בע"מ', 'שירות שמקבל הודעות מ-12 ספקים'],
  },
];

// Drawn with xterm.js's own width tables (Unicode 6, its default, and 11, as VS Code's terminal),
// not the app's: a mark such as shadda (U+0651) the app counted as a cell would push a box's right border out.
const RTL_CASES = RTL.flatMap((c) => (['6', '11'] as const).map((unicode) => ({...c, unicode})));

describe.each(RTL_CASES)('$fixture ($language) at 80×24, xterm.js Unicode $unicode tables', ({fixture, sections, logical, unicode}) => {
  const {name, label} = fixtureResume(fixture).basics!;

  it('every section is a whole frame, its text in logical order', async () => {
    const app = launch({cols: 80, rows: 24, args: [fixturePath(fixture)], unicode});
    await app.ready(STATUS);
    // The name, then the label, each as the file has it: the app's cells hold logical order.
    expect(app.screen()[0], app.dump()).toBe(`${name}  ${label}`);
    for (const [key, marker] of sections) {
      if (key !== '1') {
        const before = app.screen();
        app.press(key);
        await app.waitFor((rows) => rows.join('\n') !== before.join('\n') && STATUS.test(statusRow(rows)), undefined, `the frame after key ${key}`);
      }
      const screen = app.screen();
      const problems = frameProblems(app.cells(), name!);
      if (!screen.join('\n').includes(marker)) problems.push(`section ${key}'s text (${marker}) is not on screen`);
      if (!STATUS.test(statusRow(screen))) problems.push(`the last row is not the status bar: ${statusRow(screen)}`);
      app.wrapped().forEach((wrapped, row) => wrapped && problems.push(`row ${row} was wrapped onto from row ${row - 1}`));
      screen.forEach((row, y) => cellWidth(row) > 80 && problems.push(`row ${y} is ${cellWidth(row)} cells: ${row}`));
      if (BIDI_CONTROLS.test(app.raw)) problems.push('the program wrote a bidirectional control');
      expect(problems, `section ${key}\n${app.dump()}`).toEqual([]);
    }
    app.press('1');
    const first = await app.waitFor((rows) => rows.join('\n').includes(sections[0]![1]), undefined, 'section 1 again');
    for (const text of logical) expect(first.join('\n'), app.dump()).toContain(text);
  });
});
