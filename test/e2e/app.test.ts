/**
 * The interactive app in a real pseudo-terminal: the built program, real key sequences, the
 * screen read cell by cell from a headless xterm.js. Every program opens the fixture
 * test/fixtures/jiwoo.json (FILE), so these tests hold whatever résumé data/resume.json ships.
 * Build first (`npm run build`; `npm test` does). Piped output is tested elsewhere.
 */
import stringWidth from 'string-width';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {JIWOO, JIWOO_PATH, jiwooJson} from '../helpers/e2e-jiwoo';
import {tempFixtures} from '../helpers/fixtures';
import {KEYS, startApp, type PtyApp, type PtyOptions, type ShellReport} from '../helpers/pty';
import {sectionBarRow, statusRow} from '../helpers/frame-rows';

// ─── Reading the screen ──────────────────────────────────────────────────────────────────────

interface BoxStyle {
  name: string;
  tl: string;
  tr: string;
  bl: string;
  br: string;
  h: string;
  v: string;
}

const ROUND: BoxStyle = {name: 'round', tl: '╭', tr: '╮', bl: '╰', br: '╯', h: '─', v: '│'};
const HEAVY: BoxStyle = {name: 'heavy', tl: '┏', tr: '┓', bl: '┗', br: '┛', h: '━', v: '┃'};

/** Where the app's frame puts things: the section bar, the status bar, the content between. */
function frameRows(rows: string[]): {bar: number; status: number} {
  return {bar: sectionBarRow(rows), status: rows.length - 1};
}

/** Rows wider than the terminal, or continued by the terminal from the row above. */
function widthProblems(rows: string[], wrapped: boolean[], cols: number): string[] {
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const width = stringWidth(row);
    if (width > cols) problems.push(`row ${i} is ${width} cells wide, the terminal ${cols}: ${row}`);
    if (wrapped[i]) problems.push(`row ${i} was wrapped onto from row ${i - 1}`);
  });
  return problems;
}

const screenWidthProblems = (app: PtyApp) => widthProblems(app.screen(), app.wrapped(), app.cols);

/**
 * Boxes that are not whole. In each row a top-left corner is followed by a horizontal line and
 * its own top-right corner (likewise at the bottom); below a top edge both columns carry the
 * style's vertical down to that box's bottom corners, unless the viewport ends first (a box
 * scrolled partly out of view), and above a bottom edge likewise up to its top.
 */
function boxProblems(grid: string[][], top: number, bottom: number, styles: BoxStyle[]): string[] {
  const problems: string[] = [];
  const at = (r: number, c: number) => grid[r]?.[c] ?? ' ';
  for (const s of styles) {
    const edges: Array<{row: number; left: number; right: number; kind: 'top' | 'bottom'}> = [];
    for (let r = top; r < bottom; r++) {
      const row = grid[r]!;
      for (const [kind, left, right] of [['top', s.tl, s.tr], ['bottom', s.bl, s.br]] as const) {
        for (let c = 0; c < row.length; c++) {
          if (row[c] !== left) continue;
          let k = c + 1;
          while (k < row.length && row[k] === s.h) k++;
          if (k === c + 1 || row[k] !== right) {
            problems.push(`row ${r}: ${s.name} ${kind}-left corner at column ${c} has no ${kind}-right corner after its edge`);
            continue;
          }
          edges.push({row: r, left: c, right: k, kind});
          c = k;
        }
        row.forEach((ch, c) => {
          if (ch === right && !edges.some((e) => e.row === r && e.right === c && e.kind === kind)) {
            problems.push(`row ${r}: ${s.name} ${kind}-right corner at column ${c} has no ${kind}-left corner`);
          }
        });
      }
    }
    for (const e of edges) {
      const step = e.kind === 'top' ? 1 : -1;
      const [endLeft, endRight] = e.kind === 'top' ? [s.bl, s.br] : [s.tl, s.tr];
      let r = e.row + step;
      while (r >= top && r < bottom && at(r, e.left) === s.v && at(r, e.right) === s.v) r += step;
      if (r < top || r >= bottom) continue; // the viewport cuts the box
      if (at(r, e.left) !== endLeft || at(r, e.right) !== endRight) {
        problems.push(
          `${s.name} box with its ${e.kind} edge on row ${e.row}, columns ${e.left}–${e.right}: row ${r} has ` +
            `${JSON.stringify(at(r, e.left))}…${JSON.stringify(at(r, e.right))} where its side or ${e.kind === 'top' ? 'bottom' : 'top'} should be`,
        );
      }
    }
  }
  return problems;
}

/** Everything that makes a frame whole, as a list of problems (empty when all is well). */
function frameProblems(app: PtyApp): string[] {
  const rows = app.screen();
  const {bar, status} = frameRows(rows);
  const problems = screenWidthProblems(app);
  if (!rows[0]?.startsWith(JIWOO.name)) problems.push('row 0 is not the header with the name');
  if (bar < 1) problems.push('no section bar (a row starting " 1 " or "‹ ")');
  if (!/\d+%\s*$/.test(rows[status] ?? '')) problems.push(`row ${status} is not the status bar with a percentage`);
  problems.push(...boxProblems(app.cells(), bar + 1, status, [ROUND, HEAVY]));
  const heavyTops = rows.join('').split(HEAVY.tl).length - 1;
  if (heavyTops > 1) problems.push(`${heavyTops} focused (heavy) boxes begin on screen; at most one may`);
  return problems;
}

function expectWholeFrame(app: PtyApp): void {
  expect(frameProblems(app), app.dump()).toEqual([]);
}

/** The text inside the focused (heavy) box: each row between its two ┃, trimmed. */
function focusedText(rows: string[]): string {
  return rows
    .filter((r) => r.includes(HEAVY.v))
    .map((r) => {
      const a = r.indexOf(HEAVY.v);
      const b = r.indexOf(HEAVY.v, a + 1);
      return b > a ? r.slice(a + 1, b).trim() : '';
    })
    .join('\n');
}

/** The number of the highlighted section tab (drawn in inverse or on a background color). */
function activeTab(app: PtyApp): number | undefined {
  const {bar} = frameRows(app.screen());
  if (bar < 0) return undefined;
  const m = /^\s*(\d+)\s/.exec(app.highlighted(bar));
  return m ? Number(m[1]) : undefined;
}

/** The status bar's scroll position. */
function percent(rows: string[]): number | undefined {
  const m = /(\d+)%\s*$/.exec(statusRow(rows));
  return m ? Number(m[1]) : undefined;
}

/**
 * The frame is drawn for `cols`×`rows`: the header on top and the status bar on the last row, its ` NN% ` reaching the right edge (the bar is padded to the full width).
 */
function laidOutFor(cols: number, rows: number) {
  return (screen: string[]) => {
    const status = screen[rows - 1] ?? '';
    return screen.length === rows && screen[0]?.startsWith(JIWOO.name) === true && /\d+%\s*$/.test(status) && stringWidth(status.trimEnd()) === cols - 1;
  };
}

/** Presses `key` until `done` holds, each press waiting for the screen to change; returns the presses. */
async function pressUntil(app: PtyApp, key: string, done: (rows: string[]) => boolean, max: number): Promise<number> {
  let presses = 0;
  let rows = app.screen();
  while (!done(rows)) {
    if (presses === max) throw new Error(`still not there after ${max} presses of ${JSON.stringify(key)}\n${app.dump()}`);
    app.press(key);
    presses++;
    rows = await app.waitForChange(rows);
  }
  return presses;
}

// ─── Leaving ─────────────────────────────────────────────────────────────────────────────────

const ENTER_ALT = '\x1b[?1049h';
const LEAVE_ALT = '\x1b[?1049l';

/** Words of `stty -a`: `icanon`, `-echo`, … */
const sttyWords = (all: string) => new Set(all.split(/[\s;]+/).filter(Boolean));

/** The program exited with `code` and left the terminal as it found it. */
function expectRestored(app: PtyApp, report: ShellReport, code = 0): void {
  expect(report.exitCode, 'exit code').toBe(code);
  const raw = app.raw;
  expect(raw.lastIndexOf(ENTER_ALT), 'entered the alternate screen').toBeGreaterThanOrEqual(0);
  expect(raw.lastIndexOf(LEAVE_ALT), 'left the alternate screen after entering it last').toBeGreaterThan(raw.lastIndexOf(ENTER_ALT));
  expect(raw.lastIndexOf('\x1b[?25h'), 'the cursor is shown at the end').toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
  expect(app.bufferType).toBe('normal');
  const words = sttyWords(report.sttyAll);
  for (const word of ['icanon', 'echo', 'isig', 'icrnl', 'opost']) expect(words, `stty -a shows ${word}`).toContain(word);
  for (const word of ['-icanon', '-echo', '-isig']) expect(words, `stty -a does not show ${word}`).not.toContain(word);
  expect(report.sttyAfter, 'stty -g after the program equals stty -g before it').toBe(report.sttyBefore);
}

// ─── The checks themselves ────────────────────────────────────────────────────────────────────

describe('screen checks', () => {
  const grid = (...rows: string[]) => rows.map((r) => [...r]);
  const whole = ['╭──╮ ┏━━┓', '│ab│ ┃cd┃', '╰──╯ ┗━━┛'];

  it('accept whole boxes, and boxes the viewport cuts', () => {
    expect(boxProblems(grid(...whole), 0, 3, [ROUND, HEAVY])).toEqual([]);
    expect(boxProblems(grid('│ab│ ┃cd┃', '╰──╯ ┗━━┛'), 0, 2, [ROUND, HEAVY])).toEqual([]);
    expect(boxProblems(grid('╭──╮ ┏━━┓', '│ab│ ┃cd┃'), 0, 2, [ROUND, HEAVY])).toEqual([]);
  });

  it('catch a corner without its partner, a broken edge and a broken side', () => {
    expect(boxProblems(grid('╭──  ┏━━┓', '│ab│ ┃cd┃', '╰──╯ ┗━━┛'), 0, 3, [ROUND, HEAVY])).not.toEqual([]);
    expect(boxProblems(grid('╭─ ╮', '│ab│', '╰──╯'), 0, 3, [ROUND])).not.toEqual([]);
    expect(boxProblems(grid('╭──╮', '│ab ', '╰──╯'), 0, 3, [ROUND])).not.toEqual([]);
    expect(boxProblems(grid('╭──╮', '│ab│', '╰──┛'), 0, 3, [ROUND, HEAVY])).not.toEqual([]);
    expect(boxProblems(grid('╭──╮', '│ab│', '╰───╯'), 0, 3, [ROUND])).not.toEqual([]);
  });

  it('catch a row wider than the terminal or wrapped by it', () => {
    expect(widthProblems(['한지우 ab'], [false], 9)).toEqual([]);
    expect(widthProblems(['한지우 abc'], [false], 9)).not.toEqual([]);
    expect(widthProblems(['abc', 'def'], [false, true], 9)).not.toEqual([]);
  });
});

// ─── Programs ────────────────────────────────────────────────────────────────────────────────

const running: PtyApp[] = [];
const fx = tempFixtures('kim-resume-app-');
afterAll(() => fx.cleanup());

/** Starts the built program on the fixture (and any further arguments). */
function launch(options: PtyOptions): PtyApp {
  const app = startApp({...options, args: [JIWOO_PATH, ...(options.args ?? [])]});
  running.push(app);
  return app;
}

afterEach(async () => {
  // Programs started inside a test end with it; a describe's shared program ends in its afterAll.
  while (running.length > 0) await running.pop()!.dispose();
});

const FIRST = JIWOO.firstProject;
const SECOND = JIWOO.secondProject;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The section numbers the bar shows, in order. */
const tabNumbers = (bar: string) => [...bar.matchAll(/(?<=^|\s)(\d+)(?=\s|$)/g)].map((m) => Number(m[1]));

// ─── At three sizes ──────────────────────────────────────────────────────────────────────────

describe.each([
  // firstShown: the first project is on screen when the app opens (at 50×16 the first
  //   organization's own lines fill the view, and its first project is below them).
  // jMovesAtOnce: the first project fits, so one j moves the focus (else j reads on first).
  // serviceShown: section 4 shows its second panel (the service) without scrolling.
  // titlesWhole: the section bar has room for every section's whole title.
  {cols: 120, rows: 40, firstShown: true, jMovesAtOnce: true, serviceShown: true, titlesWhole: true},
  {cols: 80, rows: 24, firstShown: true, jMovesAtOnce: false, serviceShown: true, titlesWhole: false},
  {cols: 50, rows: 16, firstShown: false, jMovesAtOnce: false, serviceShown: false, titlesWhole: false},
])('at $cols×$rows', ({cols, rows, firstShown, jMovesAtOnce, serviceShown, titlesWhole}) => {
  let app: PtyApp;

  beforeAll(async () => {
    app = startApp({cols, rows, shell: true, args: [JIWOO_PATH]});
    await app.ready(laidOutFor(cols, rows));
  });

  afterAll(async () => {
    await app?.dispose();
  });

  it('shows the name, the role, the summary, the section bar (every section when all fit) and the first section from its top', () => {
    const screen = app.screen();
    expect(screen[0]).toContain(JIWOO.name);
    expect(screen[0]).toContain(JIWOO.label);
    expect(screen[1], 'the summary (16 rows and more)').toContain(JIWOO.summary);
    const {bar} = frameRows(screen);
    const titles = JIWOO.sectionTitles;
    if (titlesWhole) {
      expect(tabNumbers(screen[bar]!), screen[bar]).toEqual(titles.map((_, i) => i + 1));
      expect(screen[bar]).toMatch(new RegExp(`^${titles.map((t, i) => ` ${i + 1} ${escapeRegExp(t)}`).join('\\s+')}\\s*$`));
    } else {
      // A window from the first tab, the first two named whole, and › for the tabs it leaves off.
      const shown = tabNumbers(screen[bar]!);
      expect(shown, screen[bar]).toEqual(shown.map((_, i) => i + 1));
      expect(shown.length, screen[bar]).toBeLessThan(titles.length);
      expect(screen[bar]).toMatch(new RegExp(`^ 1 ${escapeRegExp(titles[0])} {2}2 ${escapeRegExp(titles[1])} .* ›\\s*$`));
    }
    expect(activeTab(app)).toBe(1);
    expect(screen[bar + 1], 'the first organization on the first row of the view').toMatch(/^주식회사 바다물류/);
    if (firstShown) expect(focusedText(screen)).toContain(FIRST);
    else expect(screen.join('\n')).not.toContain(FIRST);
    expect(statusRow(screen)).toMatch(/ q quit .* 0%\s*$/);
  });

  it('draws every box whole and no row wider than the terminal', () => {
    expect(app.bufferType).toBe('alternate');
    expectWholeFrame(app);
  });

  it('Tab opens the next sections and Shift-Tab comes back to the first as it was', async () => {
    const start = app.screen();
    app.press(KEYS.tab);
    await app.waitFor(JIWOO.ownProject);
    expect(activeTab(app)).toBe(2);
    expectWholeFrame(app);
    app.press(KEYS.tab);
    await app.waitFor(JIWOO.volunteer);
    expect(activeTab(app)).toBe(3);
    app.press(KEYS.tab);
    await app.waitFor(JIWOO.school);
    expect(activeTab(app)).toBe(4);
    expectWholeFrame(app);
    if (serviceShown) expect(app.screen().join('\n')).toContain(JIWOO.service);
    else {
      expect(app.screen().join('\n')).not.toContain(JIWOO.service);
      // The next panel, scrolled into view (the school's panel is read on first if it is taller).
      await pressUntil(app, 'j', (s) => s.join('\n').includes(JIWOO.service), 12);
    }
    expectWholeFrame(app);

    for (const section of [3, 2, 1]) {
      app.press(KEYS.shiftTab);
      await app.waitFor(() => activeTab(app) === section, undefined, `section ${section} after Shift-Tab`);
    }
    await app.waitFor((s) => s.join('\n') === start.join('\n'), undefined, 'the first section as it was left');
    expectWholeFrame(app);
  });

  it('? shows the help and Esc closes it', async () => {
    const before = app.screen();
    app.press('?');
    const help = await app.waitFor('next section');
    expect(help.join('\n')).toContain('Keys');
    expect(help.join('\n')).toContain('previous section');
    expect(screenWidthProblems(app), app.dump()).toEqual([]);

    app.press(KEYS.escape);
    await app.waitFor((s) => s.join('\n') === before.join('\n'), undefined, 'the help to close, the frame as before');
    expect(app.hasExited).toBe(false);
    expectWholeFrame(app);
  });

  it('j moves the focus to the next project and k moves it back', async () => {
    const presses = await pressUntil(app, 'j', (s) => focusedText(s).includes(SECOND), 20);
    if (jMovesAtOnce) expect(presses).toBe(1);
    else expect(presses, 'a project not wholly in view is read on before the focus moves').toBeGreaterThan(1);
    const moved = app.screen();
    expect(focusedText(moved)).not.toContain(FIRST);
    expectWholeFrame(app);

    app.press('k');
    const back = await app.waitFor((s) => focusedText(s).includes(FIRST), undefined, 'the focus back on the first project');
    expect(focusedText(back)).not.toContain(SECOND);
    expectWholeFrame(app);
  });

  it('q quits with code 0 and restores the terminal', async () => {
    app.press('q');
    expectRestored(app, await app.report());
  });
});

// ─── Ways out ────────────────────────────────────────────────────────────────────────────────

describe('quitting', () => {
  it('Esc with nothing open does not quit: the status bar says q quits, and q does, with code 0', async () => {
    const app = launch({cols: 80, rows: 24, shell: true});
    await app.ready(FIRST);
    app.press(KEYS.escape);
    const noted = await app.waitFor('Esc: nothing to close');
    // The hints stay, q among them; the notice stands where the position was.
    expect(statusRow(noted), 'the status line').toMatch(/ q quit .*Esc: nothing to close\s*$/);
    expect(noted.join('\n')).toContain(FIRST);
    expect(app.hasExited).toBe(false);
    app.press('q');
    expectRestored(app, await app.report());
  });

  it('Ctrl-C quits with code 0 and restores the terminal', async () => {
    const app = launch({cols: 80, rows: 24, shell: true});
    await app.ready(FIRST);
    app.press(KEYS.ctrlC);
    expectRestored(app, await app.report());
  });

  it('SIGTERM from elsewhere still leaves the alternate screen and restores the tty', async () => {
    const app = launch({cols: 80, rows: 24, shell: true});
    await app.ready(FIRST);
    app.kill('SIGTERM');
    // Killed by the signal: the shell reports 128 + 15.
    expectRestored(app, await app.report(), 143);
  });
});

// ─── Sizes ───────────────────────────────────────────────────────────────────────────────────

describe('terminal size', () => {
  it('asks for a larger terminal at 39×10, and q still quits', async () => {
    const app = launch({cols: 39, rows: 10, shell: true});
    const screen = await app.ready('enlarge the terminal');
    expect(screen.join(' ').replace(/\s+/g, ' ')).toContain('enlarge the terminal (now 39×10, need 40×10)');
    expect(screen.join('\n')).not.toContain(JIWOO.name);
    expect(screenWidthProblems(app), app.dump()).toEqual([]);
    app.press('q');
    expectRestored(app, await app.report());
  });

  it('draws the app at exactly 40×10', async () => {
    const app = launch({cols: 40, rows: 10});
    await app.ready(laidOutFor(40, 10));
    expect(app.screen().join('\n')).not.toContain('enlarge the terminal');
    expectWholeFrame(app);
  });

  it('lays out again when resized from 80×24 to 50×16 and back (and through too small)', async () => {
    const app = launch({cols: 80, rows: 24, shell: true});
    const initial = await app.ready(laidOutFor(80, 24));
    expect(focusedText(initial)).toContain(FIRST);
    expectWholeFrame(app);
    const same = (rows: string[]) => rows.join('\n') === initial.join('\n');

    await app.resize(50, 16);
    const narrow = await app.waitFor(laidOutFor(50, 16), undefined, 'the frame laid out for 50×16');
    // A resize keeps the scroll position: the view still begins with the first organization.
    expect(narrow[frameRows(narrow).bar + 1]).toMatch(/^주식회사 바다물류/);
    expectWholeFrame(app);

    await app.resize(80, 24);
    await app.waitFor(same, undefined, 'the first 80×24 frame again');
    expectWholeFrame(app);

    await app.resize(39, 10);
    await app.waitFor('enlarge the terminal');
    expect(screenWidthProblems(app), app.dump()).toEqual([]);
    await app.resize(80, 24);
    await app.waitFor(same, undefined, 'the first 80×24 frame after being too small');
    expectWholeFrame(app);

    app.press('q');
    expectRestored(app, await app.report());
  });
});

// ─── Looks ───────────────────────────────────────────────────────────────────────────────────

describe('looks', () => {
  it('--ascii draws + and # corners and no box-drawing characters', async () => {
    // 40 rows: the focused first project and the top of the second, not focused.
    const app = launch({cols: 80, rows: 40, args: ['--ascii']});
    const screen = await app.ready(FIRST);
    const text = screen.join('\n');
    for (const ch of '╭╮╰╯┏┓┗┛─━│┃') expect(text, `no ${ch}`).not.toContain(ch);
    expect(screen.some((r) => /^#=+#$/.test(r)), 'a focused box edge #===#').toBe(true);
    expect(screen.some((r) => /^\+-+\+$/.test(r)), 'a normal box edge +---+').toBe(true);
    expect(screen.some((r) => r.startsWith('# ') && r.includes(FIRST)), 'the focused title inside # sides').toBe(true);
    // Below 100 columns every panel is as wide as the terminal: each side has its partner at the edge.
    const {bar, status} = frameRows(screen);
    for (const row of screen.slice(bar + 1, status)) {
      const first = row[0];
      if (first !== '#' && first !== '|' && first !== '+') continue;
      expect(stringWidth(row), row).toBe(80);
      expect(row.at(-1), row).toBe(first);
    }
    expect(screenWidthProblems(app), app.dump()).toEqual([]);
  });

  it('NO_COLOR=1 keeps the focus visible by border weight and shows badges in brackets, with no color codes', async () => {
    const app = launch({cols: 80, rows: 40, env: {NO_COLOR: '1'}});
    const screen = await app.ready(FIRST);
    const badges = (jiwooJson().projects?.[0]?.keywords ?? []).map((k) => `[${k}]`);
    expect(badges.length).toBeGreaterThan(1);
    expect(focusedText(screen)).toContain(FIRST);
    expect(screen.join('\n')).toContain(HEAVY.tl);
    expect(focusedText(screen)).toContain(badges[0]);
    expect(screen.join('\n')).toContain(badges.join(' '));
    expectWholeFrame(app);
    // Bold and inverse are fine; no foreground or background color (30–37, 38, 40–47, 48, 90–97, 100–107).
    const colors = [...app.raw.matchAll(/\x1b\[([0-9;:]*)m/g)]
      .flatMap((m) => m[1]!.split(/[;:]/))
      .filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
    expect(colors).toEqual([]);
  });
});

// ─── The other keys ──────────────────────────────────────────────────────────────────────────

describe('keys', () => {
  let app: PtyApp;

  beforeAll(async () => {
    app = startApp({cols: 80, rows: 24, args: [JIWOO_PATH]});
    await app.ready(FIRST);
  });

  afterAll(async () => {
    await app?.dispose();
  });

  const tab = (n: number) => () => activeTab(app) === n;
  const at = (p: (value: number) => boolean) => (s: string[]) => {
    const value = percent(s);
    return value !== undefined && p(value);
  };
  const same = (rows: string[]) => (s: string[]) => s.join('\n') === rows.join('\n');

  it('→ l and 1–9 go forward and to a section, ← and h go back; Tab and Shift-Tab wrap around', async () => {
    const last = JIWOO.sectionTitles.length;
    expect(last, 'the fixture has a tenth section, past the digits').toBe(10);
    for (const [key, section] of [[KEYS.right, 2], [KEYS.left, 1], ['l', 2], ['h', 1], ['3', 3], ['1', 1], ['9', 9], [KEYS.tab, last], [KEYS.tab, 1], [KEYS.shiftTab, last], ['1', 1]] as const) {
      app.press(key);
      await app.waitFor(tab(section), undefined, `section ${section} after ${JSON.stringify(key)}`);
    }
    await app.waitFor((s) => focusedText(s).includes(FIRST));
    expectWholeFrame(app);
  });

  it('G/End go to the bottom and g/Home to the top', async () => {
    for (const [key, value] of [['G', 100], ['g', 0], [KEYS.end, 100], [KEYS.home, 0]] as const) {
      app.press(key);
      await app.waitFor(at((v) => v === value), undefined, `${value}% after ${JSON.stringify(key)}`);
      expectWholeFrame(app);
    }
    expect(focusedText(app.screen())).toContain(FIRST);
  });

  it('Space/PgDn/f page down, b/PgUp page up, d/u by half a page', async () => {
    for (const [down, up] of [[KEYS.space, 'b'], [KEYS.pageDown, KEYS.pageUp], ['f', 'b'], ['d', 'u']] as const) {
      app.press(down);
      await app.waitFor(at((v) => v > 0), undefined, `scrolled down by ${JSON.stringify(down)}`);
      expectWholeFrame(app);
      app.press(up);
      await app.waitFor(at((v) => v === 0), undefined, `back at the top by ${JSON.stringify(up)}`);
    }
  });

  it('↓ and ↑ move exactly like j and k', async () => {
    // From the top: j until the second project has the focus, then k until the first has it
    // again, each frame kept; ↓ and ↑ from the same states must draw the same frames.
    app.press('g');
    const start = await app.waitFor(at((v) => v === 0));
    const byKey = async (key: string, done: (s: string[]) => boolean) => {
      const frames: string[][] = [];
      let rows = app.screen();
      while (!done(rows)) {
        if (frames.length === 20) throw new Error(`still not there after 20 presses of ${JSON.stringify(key)}\n${app.dump()}`);
        app.press(key);
        rows = await app.waitForChange(rows);
        frames.push(rows);
      }
      return frames;
    };
    const j = await byKey('j', (s) => focusedText(s).includes(SECOND));
    const k = await byKey('k', (s) => focusedText(s).includes(FIRST));
    expect(j.length).toBeGreaterThan(0);
    expect(k.length).toBeGreaterThan(0);

    app.press('g');
    await app.waitFor(same(start), undefined, 'the top again');
    for (const [i, frame] of j.entries()) {
      app.press(KEYS.down);
      await app.waitFor(same(frame), undefined, `↓ number ${i + 1} draws what j did`);
    }
    for (const [i, frame] of k.entries()) {
      app.press(KEYS.up);
      await app.waitFor(same(frame), undefined, `↑ number ${i + 1} draws what k did`);
    }
  });

  it('Enter folds the focused project and unfolds it again; z folds every project', async () => {
    app.press('g');
    const open = await app.waitFor((s) => focusedText(s).includes(FIRST), undefined, 'the first project focused');
    expect(focusedText(open)).toContain(`▾ ${FIRST}`);
    expect(focusedText(open)).toContain('Description');
    app.press(KEYS.enter);
    const folded = await app.waitFor((s) => focusedText(s).includes(`▸ ${FIRST}`), undefined, 'the project folded');
    expect(focusedText(folded)).not.toContain('Description');
    const firstTech = jiwooJson().projects?.[0]?.keywords?.[0] ?? '(none)';
    expect(focusedText(folded), 'a folded project keeps its badges').toContain(firstTech);
    expectWholeFrame(app);
    app.press(KEYS.enter);
    await app.waitFor((s) => focusedText(s).includes(`▾ ${FIRST}`) && focusedText(s).includes('Description'), undefined, 'the project unfolded');

    app.press('z');
    const all = await app.waitFor((s) => !s.join('\n').includes('▾'), undefined, 'every project folded');
    expect(all.join('\n')).toContain(`▸ ${SECOND}`);
    expectWholeFrame(app);
    app.press('z');
    await app.waitFor((s) => !s.join('\n').includes('▸'), undefined, 'every project unfolded');
    expectWholeFrame(app);
  });

  it('a digit past the last section does nothing (a résumé of three sections)', async () => {
    const {basics, work, projects, volunteer, meta} = jiwooJson();
    const three = fx.write('three-sections.json', JSON.stringify({basics, work, projects, volunteer, meta}));
    const small = startApp({cols: 80, rows: 24, args: [three]});
    running.push(small);
    await small.ready(FIRST);
    const bar = frameRows(small.screen()).bar;
    expect(tabNumbers(small.screen()[bar]!)).toEqual([1, 2, 3]);
    // Were 9 taken as "the last section", Shift-Tab would then open section 2.
    small.press('9');
    small.press(KEYS.shiftTab);
    await small.waitFor(() => activeTab(small) === 3, undefined, 'section 3 after 9 and Shift-Tab from the first (it wraps around)');
  });
});
