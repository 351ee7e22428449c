/**
 * Scale and long sessions (issue 6): a résumé with 1,000 projects and 10,000 bullets prints in
 * full and pages in the app; a burst of 1,000 keys on a real-sized résumé (the fixture
 * test/fixtures/jiwoo.json) leaves the app responsive, its final frame right and its memory
 * within a documented bound. Build first (`npm run build`).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli';
import {JIWOO, JIWOO_PATH} from '../helpers/e2e-jiwoo';
import {tempFixtures} from '../helpers/fixtures';
import {largeResume, type LargeResume} from '../helpers/large';
import {BURST_1000} from '../helpers/keys';
import {KEYS, type PtyApp, ptyApps} from '../helpers/pty';
import {restoredProblems, screenWidthProblems} from '../helpers/terminal-state';
import {percentOf, sectionBarRow, statusRow} from '../helpers/frame-rows';

const fx = tempFixtures('kim-resume-scale-');
let large: LargeResume;
let file: string;
const launch = ptyApps();

beforeAll(() => {
  large = largeResume();
  file = fx.write('large.json', large.json);
});
afterAll(() => fx.cleanup());

const at = (p: (value: number) => boolean) => (rows: string[]) => p(percentOf(rows));

describe('1,000 projects and 10,000 bullets', () => {
  it('piped: exit 0 and every project title and every bullet printed', () => {
    expect(large.titles).toHaveLength(1000);
    const result = runCli([file]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const trimmed = new Set(lines.map((l) => l.trim()));
    const missing = large.titles.filter((t) => !trimmed.has(t));
    expect(missing, 'project titles not printed').toEqual([]);
    expect(lines.filter((l) => /^\s*- 하이라이트 \d{4}-\d+:/.test(l)), 'bullet lines').toHaveLength(large.bullets);
  });

  it('in a pty: loads, G reaches the end (100%), PgDn and PgUp page, q quits 0 with the terminal restored', async () => {
    const app = launch({cols: 100, rows: 30, shell: true, args: [file]});
    await app.ready(large.titles[0]!, 20_000);
    // The first frame draws the first screen; its position reads "…" until the rest of the
    // thousand panels is measured, right after it.
    expect(statusRow(app.screen())).toMatch(/ (…|0%)\s*$/);
    await app.waitFor((rows) => percentOf(rows) === 0, undefined, 'the position once every panel is measured');
    // A page is a fraction of a percent of 20,000 lines: follow the projects on screen instead.
    const firstShown = (rows: string[]) => Number(/프로젝트 (\d{4})/.exec(rows.join('\n'))?.[1] ?? NaN);
    const top = firstShown(app.screen());
    expect(top).toBe(1);

    app.press(KEYS.pageDown);
    const page1 = firstShown(await app.waitFor((rows) => firstShown(rows) > top, undefined, 'a page down'));
    app.press(KEYS.pageDown);
    const page2 = firstShown(await app.waitFor((rows) => firstShown(rows) > page1, undefined, 'a second page down'));
    app.press(KEYS.pageUp);
    await app.waitFor((rows) => firstShown(rows) < page2, undefined, 'a page up');
    expect(screenWidthProblems(app), app.dump()).toEqual([]);

    app.press('G');
    const end = await app.waitFor(at((v) => v === 100), undefined, '100% after G');
    expect(end.join('\n'), 'the last project at the end').toContain('하이라이트 1000-10');
    expect(screenWidthProblems(app), app.dump()).toEqual([]);
    app.press(KEYS.pageUp);
    const up = await app.waitForChange(end);
    expect(up.join('\n'), 'a page up from the end leaves the last bullets').not.toContain('하이라이트 1000-10');

    app.press('g');
    await app.waitFor((rows) => percentOf(rows) === 0 && firstShown(rows) === 1, undefined, 'the top after g');
    app.press('q');
    const report = await app.report();
    expect(report.exitCode).toBe(0);
    expect(restoredProblems(app, report), app.dump()).toEqual([]);
  });
});

describe('a burst of 1,000 keys on the jiwoo fixture', () => {
  // Bound on the growth of the node process's resident memory from the first paint to after the
  // burst: 30 MiB. The app's caches are bounded (at most 8 section layouts; the cell-width cache
  // clears at 10,000 entries), so 1,000 keys should leave nothing behind. What may still show is
  // garbage V8 has not collected yet: its young generation alone can hold 16–32 MiB between
  // scavenges. 30 MiB tolerates that, and would still catch a leak of 30 KiB per key (a frame's
  // worth of strings kept per press). Measured on the shipped résumé (Node 20, 2 cores): 6–8 MiB.
  // How soon the burst's frame shows is measured by npm run bench (bench/steps/burst.ts), not here.
  const RSS_GROWTH_BOUND_KIB = 30 * 1024;

  it('stays responsive: the frame after the burst and a final g is the first frame, G and g still work, memory grows < 30 MiB', async () => {
    // shell: false, so the pty's process is the node program whose /proc status we read.
    const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH]});
    const first = await app.ready(JIWOO.firstProject);

    // One key at a time before and after the burst: G to the end, g back to the first frame.
    const roundTrip = async () => {
      app.press('G');
      await app.waitFor(at((v) => v === 100), undefined, 'G');
      app.press('g');
      await app.waitFor((rows) => rows.join('\n') === first.join('\n'), undefined, 'g');
    };
    await roundTrip();
    // Memory from here, with the app answering keys: the first frame is drawn before Ink and React
    // are loaded (src/ui/start.ts), and their loading is not the burst's.
    const rssBefore = app.memoryKiB('VmRSS');
    expect(rssBefore, 'VmRSS with the app answering keys').toBeGreaterThan(0);

    // Each key its own write, as a held key arrives; the pty delivers many to one read. (Keys
    // sharing a read are tested below.)
    expect(BURST_1000).toHaveLength(1000);
    for (const key of BURST_1000) app.press(key);
    // Section 3 is reached only by this last key (l and h alternate between 1 and 2), so its frame
    // means the whole burst was handled.
    app.press('3');
    await app.waitFor((rows) => rows.join('\n').includes(JIWOO.volunteer), undefined, 'section 3 after the burst');
    app.press('1');
    app.press('g');
    await app.waitFor((rows) => rows.join('\n') === first.join('\n'), undefined, 'the first frame after the burst, 1 and g');
    expect(app.hasExited).toBe(false);
    expect(screenWidthProblems(app), app.dump()).toEqual([]);

    await roundTrip();
    const rssAfter = app.memoryKiB('VmRSS')!;
    const growth = rssAfter - rssBefore!;
    expect(growth, `VmRSS ${rssBefore} KiB before the burst, ${rssAfter} KiB after it`).toBeLessThan(RSS_GROWTH_BOUND_KIB);
  });
});

// Keys that arrive in one read reach Ink as one chunk. Ink's input parser
// (ink/build/input-parser.js) cuts the escape sequences out of it, so "\x1b[Z\x1b[Z" is two
// Shift-Tabs, but hands a run of plain characters over as one input ("ll", "\t\t", "j\t"), for
// which it reports no key.tab. The app splits such a run into characters (src/ui/App.tsx `typed`)
// and takes a Tab character for the Tab key, so each key counts as if it had been pressed alone.
describe('keys that share one read each count', () => {
  /** The number of the highlighted section tab (drawn inverse or on a background color). */
  const activeTab = (app: PtyApp) => {
    const row = sectionBarRow(app.screen());
    return Number(/^\s*(\d+)/.exec(app.highlighted(row))?.[1] ?? NaN);
  };
  const sections = JIWOO.sectionTitles.length;

  it.each([
    ['ll', 3],
    ['\x1b[Z\x1b[Z', sections - 1],
    ['\t\t', 3],
    ['j\t', 2],
    ['l\t', 3],
  ])('%j in one write ends in section %i', async (chunk, section) => {
    const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject);
    app.press(chunk);
    await app.waitFor(() => activeTab(app) === section, undefined, `section ${section}`);
    // A key pressed alone after it: had the chunk counted a key twice past this frame, the next
    // section would not be the one after it.
    app.press('l');
    await app.waitFor(() => activeTab(app) === (section % sections) + 1, undefined, `section ${(section % sections) + 1} after one more l`);
  });
});
