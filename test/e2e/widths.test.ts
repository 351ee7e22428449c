/**
 * Frames stay whole in terminals that draw widths their own way (issue 11): xterm.js with its
 * real Unicode 6 tables (its default) and Unicode 11 tables (@xterm/addon-unicode11, as VS Code's
 * terminal), and tmux. Whole: the header on row 0, no row wrapped, every box closed in its own
 * columns on every row, in every section.
 *  - test/fixtures/widths.json: Thai (ทำ), Devanagari conjuncts (क्ष), soft hyphens in German
 *    text, Hangul fillers, a lone surrogate (`"\ud800"`) and VS16 emoji (❤️ ✔️ ⚠️). Every terminal
 *    draws these alike, and they must pass everywhere.
 *  - test/fixtures/widths-emoji.json: a ZWJ sequence and a skin tone in a project title, keycaps,
 *    flags. Terminals differ here; until the app measures them at start-up (width-probe.ts), a
 *    terminal that draws one otherwise than the default count is skipped, naming the clusters.
 * Build first (`npm run build`; `npm test` does).
 */
import xterm from '@xterm/headless';
import {afterEach, describe, expect, it} from 'vitest';
import {cellWidth} from '../../src/text/cells';
import {emojiClustersIn, widthProbe, widthsFromReports} from '../../src/text/width-probe';
import {SENTINEL} from '../../src/terminal/ask';
import {fixturePath, type FixtureName} from '../helpers/fixtures';
import {ptyApps} from '../helpers/pty';
import {fixtureResume} from '../helpers/resume';
import {useWidths} from '../helpers/term-widths';
import {EMOJI_ROWS, TEXT_ROWS} from '../helpers/width-table';
import {hasTmux, TmuxApp} from '../helpers/tmux';
import {frameProblems} from '../helpers/whole-frame';

/**
 * Whether the app measures the résumé's emoji clusters in the terminal at start-up (widthProbe →
 * setClusterWidths). Until then, terminals that draw a cluster otherwise are skipped.
 */
const PROBE_AT_START = true;

interface Case {
  fixture: FixtureName;
  name: string;
  /** Per section (digit key), a text only that section's frame shows. */
  sections: [key: string, marker: string][];
}

const TEXT: Case = {
  fixture: 'widths',
  name: 'Priya Müller-Sharma',
  sections: [
    ['1', 'Münchner'],
    ['2', 'Türsensoren'],
    ['3', 'Straßennetzanalyse'],
    ['4', 'Muttersprache'],
  ],
};
/** Emoji sequences cut short at their ZWJ (👨‍👩‍) beside whole families (👨‍👩‍👧). */
const ZWJ: Case = {
  fixture: 'widths-zwj',
  name: 'Lina Okafor',
  sections: [
    ['1', 'relatives'],
    ['2', 'Jetpack'],
  ],
};
const EMOJI: Case = {
  fixture: 'widths-emoji',
  name: 'Noor Haddad',
  sections: [
    ['1', 'newcomers'],
    ['2', 'Kubernetes'],
  ],
};
/** The status bar's end: the help and quit hints, then the scroll position. */
const STATUS = /q quit +\d+%/;
const SIZES: [cols: number, rows: number][] = [
  [90, 28],
  [60, 24],
];

/** Each fixture at each size: [fixture, cols, rows, case]. */
const CASES = SIZES.flatMap(([cols, rows]) => [TEXT, EMOJI, ZWJ].map((c) => [c.fixture, cols, rows, c] as const));

const launch = ptyApps();

/** What xterm.js with `version` tables draws `clusters` as (cursor column after each, from column 0). */
async function xtermWidths(version: '6' | '11', clusters: string[]): Promise<Map<string, number>> {
  const term = new xterm.Terminal({cols: 40, rows: 2, allowProposedApi: true});
  useWidths(term, version);
  const widths = new Map<string, number>();
  for (const cluster of clusters) {
    await new Promise<void>((resolve) => term.write(`\r\x1b[2K${cluster}`, resolve));
    widths.set(cluster, term.buffer.active.cursorX);
  }
  term.dispose();
  return widths;
}

/** The clusters of `fixture` a terminal draws otherwise than the app counts them, as `👩‍💻 4 (app 2)`. */
function disagreements(fixture: FixtureName, drawn: Map<string, number>): string[] {
  return emojiClustersIn(fixtureResume(fixture)).flatMap(({cluster}) => (drawn.get(cluster) === cellWidth(cluster) ? [] : [`${cluster} ${drawn.get(cluster)} (app ${cellWidth(cluster)})`]));
}

const skipReason = (terminal: string, differ: string[]) =>
  `${terminal} draws ${differ.join(', ')} cells: pending the start-up width probe (widthProbe → setClusterWidths)`;

describe.each(['6', '11'] as const)('xterm.js with Unicode %s tables', (version) => {
  it.for(CASES)('%s at %ix%i: every section is whole', async ([, cols, rows, c], ctx) => {
    if (c === EMOJI && !PROBE_AT_START) {
      const differ = disagreements(c.fixture, await xtermWidths(version, emojiClustersIn(fixtureResume(c.fixture)).map((e) => e.cluster)));
      if (differ.length > 0) ctx.skip(skipReason(`xterm.js U${version}`, differ));
    }
    const app = launch({cols, rows, args: [fixturePath(c.fixture)], unicode: version});
    // Ready on the status bar (the last row), not the header: a broken frame scrolls that away.
    await app.ready(STATUS);
    for (const [i, [key, marker]] of c.sections.entries()) {
      // The first section is open at start; each other one is judged on the first whole frame
      // after its key (a broken frame may have scrolled its text away, so that is not waited for).
      if (i > 0) {
        const before = app.screen();
        app.press(key);
        await app.waitFor((screen) => screen.join('\n') !== before.join('\n') && STATUS.test(screen.join('\n')), undefined, `the frame after key ${key}`);
      }
      const problems = frameProblems(app.cells(), c.name);
      if (!app.screen().join('\n').includes(marker)) problems.push(`section ${key}'s text (${marker}) is not on screen`);
      app.wrapped().forEach((wrapped, i) => wrapped && problems.push(`row ${i} was wrapped onto from row ${i - 1}`));
      expect(problems, `section ${key}\n${app.dump()}`).toEqual([]);
    }
  });
});

// kitty and mlterm draw क्षेत्रीय in 5 cells where xterm and tmux draw 6: the probe measures
// every cluster terminals disagree on, not only emoji. Here an emulator that draws a consonant
// after a virama into the cell before it (क्षेत्रीय in 4 cells, the app's default count 6).
describe('a terminal that draws Devanagari conjuncts narrower than the default count', () => {
  it.for(SIZES)('widths at %ix%i: every section is whole', async ([cols, rows]) => {
    const app = launch({cols, rows, args: [fixturePath(TEXT.fixture)], unicode: 'conjuncts'});
    await app.ready(STATUS);
    expect(cellWidth('क्षेत्रीय'), 'the default count in the test process (nothing measured here)').toBe(6);
    for (const [i, [key, marker]] of TEXT.sections.entries()) {
      if (i > 0) {
        const before = app.screen();
        app.press(key);
        await app.waitFor((screen) => screen.join('\n') !== before.join('\n') && STATUS.test(screen.join('\n')), undefined, `the frame after key ${key}`);
      }
      const problems = frameProblems(app.cells(), TEXT.name);
      if (!app.screen().join('\n').includes(marker)) problems.push(`section ${key}'s text (${marker}) is not on screen`);
      app.wrapped().forEach((wrapped, i) => wrapped && problems.push(`row ${i} was wrapped onto from row ${i - 1}`));
      expect(problems, `section ${key}\n${app.dump()}`).toEqual([]);
    }
  });
});

describe.skipIf(!hasTmux())('tmux', () => {
  let tmux: TmuxApp | undefined;
  afterEach(async () => {
    await tmux?.dispose();
    tmux = undefined;
  });

  it("draws the width table's texts as its tmux column says", async () => {
    tmux = new TmuxApp(80, 10, [fixturePath('minimal')]);
    const rows = [...TEXT_ROWS, ...EMOJI_ROWS];
    const drawn = await tmux.measure(rows.map((row) => row.text));
    expect(rows.map((row) => [row.name, drawn.get(row.text)])).toEqual(rows.map((row) => [row.name, row.tmux]));
  });

  it('the probe measures a family emoji printed right after a cluster cut short at its ZWJ (tmux joins after a ZWJ)', async () => {
    tmux = new TmuxApp(80, 10, [fixturePath('minimal')]);
    const cut = '👨\u200d👩\u200d';
    const family = '👨\u200d👩\u200d👧';
    const reports = await tmux.reports(widthProbe([cut, family, '💻'], 1) + SENTINEL);
    expect(widthsFromReports([cut, family, '💻'], reports, 80)).toEqual(new Map([[cut, 2], [family, 2], ['💻', 2]]));
    // The probe as it was, each cluster at 1;1 right after the one before: tmux answers 1;1 for the family.
    const before = await tmux.reports([cut, family].map((c) => `\x1b[1;1H${c}\x1b[6n`).join(''));
    expect(before[1], 'the old probe read the family as 0 cells').toEqual({row: 1, col: 1});
  });

  it.for(CASES)('%s at %ix%i: every section is whole', async ([, cols, rows, c], ctx) => {
    tmux = new TmuxApp(cols, rows, [fixturePath(c.fixture)]);
    if (c === EMOJI && !PROBE_AT_START) {
      const differ = disagreements(c.fixture, await tmux.measure(emojiClustersIn(fixtureResume(c.fixture)).map((e) => e.cluster)));
      if (differ.length > 0) ctx.skip(skipReason('tmux', differ));
    }
    await tmux.waitFor((screen) => STATUS.test(screen.join('\n')), 'the status bar');
    for (const [i, [key, marker]] of c.sections.entries()) {
      if (i > 0) {
        const before = tmux.screen().join('\n');
        tmux.keys(key);
        await tmux.waitFor((screen) => screen.join('\n') !== before && STATUS.test(screen.join('\n')), `the frame after key ${key}`);
      }
      const cells = await tmux.cells();
      const problems = frameProblems(cells, c.name);
      if (!tmux.screen().join('\n').includes(marker)) problems.push(`section ${key}'s text (${marker}) is not on screen`);
      if (tmux.anyWrapped()) problems.push('a row was wrapped');
      expect(problems, `section ${key}\n${tmux.screen().join('\n')}`).toEqual([]);
    }
  });
});
