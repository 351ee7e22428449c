/**
 * The "beyond a card" features as a new user meets them (issue 7): the built program in a
 * pseudo-terminal, real key and mouse bytes, the screen read from a headless xterm. Search (`/`,
 * Enter, n, Esc, Hangul), the technology index (`t`), the mouse (wheel, a click on a tab or a
 * panel, and the terminal given back), --no-mouse, --section, and OSC 8 links on a fixture with
 * contacts. How soon a search's match shows is measured by npm run bench (bench/steps/search.ts),
 * not here. Every program opens a fixture (FILE), test/fixtures/jiwoo.json unless said otherwise,
 * so these tests hold whatever résumé data/resume.json ships. Build first (`npm run build`;
 * `npm test` does).
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cleanEnv, runCli} from '../helpers/cli';
import {JIWOO, JIWOO_PATH, jiwooJson} from '../helpers/e2e-jiwoo';
import {KEYS, type PtyApp, ptyApps} from '../helpers/pty';
import {FIXTURES_DIR} from '../helpers/resumes';
import {restoredProblems, sttyWords} from '../helpers/terminal-state';
import {sectionBarRow, statusRow} from '../helpers/frame-rows';

const ADA = join(FIXTURES_DIR, 'ada.json');

const MOUSE_ON = ['\x1b[?1000h', '\x1b[?1006h'];
const MOUSE_OFF = ['\x1b[?1000l', '\x1b[?1006l'];

const launch = ptyApps();

/**
 * How often `term` occurs (ignoring case) in the fixture: every string of the JSON but meta, the
 * header (basics) included, since search covers it. Each is shown once, so this is the number of
 * matches search must find.
 */
function occurrences(term: string): number {
  const {meta: _meta, ...sections} = jiwooJson();
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(sections);
  const needle = term.toLowerCase();
  return strings.reduce((n, s) => n + s.toLowerCase().split(needle).length - 1, 0);
}

/** The status bar: the last row. */
const status = statusRow;
/** The status bar's scroll position. */
const percent = (rows: string[]) => Number(/(\d+)%\s*$/.exec(status(rows))?.[1] ?? Number.NaN);
/** The section bar's row. */
const barRow = sectionBarRow;

/** The number of the section tab drawn inverse (or on a background color). */
function activeTab(app: PtyApp): number | undefined {
  return Number(/^\s*(\d+)\s/.exec(app.highlighted(barRow(app.screen())))?.[1] ?? Number.NaN);
}

/** The 0-based column where `text` begins on `row`, counted in cells (a Hangul syllable or emoji is two). */
function columnOf(app: PtyApp, row: number, text: string): number {
  const cells = app.cells()[row]!;
  for (let x = 0; x < cells.length; x++) {
    let joined = '';
    for (let k = x; k < cells.length && joined.length < text.length; k++) joined += cells[k]!;
    if (joined.startsWith(text)) return x;
  }
  return -1;
}

/** An SGR mouse report: button code `b` at the 0-based cell (x, y); `M` press, `m` release. */
const sgr = (b: number, x: number, y: number, final: 'M' | 'm' = 'M') => `\x1b[<${b};${x + 1};${y + 1}${final}`;

/** The text the rows show, joined. */
const text = (rows: string[]) => rows.join('\n');

describe('search', () => {
  // Kafka in the fixture: a project's highlight and its badge (section 1), a skill's keyword
  // (section 7) and an essay (section 10), in that order.
  const KAFKA_SECTIONS = [1, 1, 7, 10];
  /** The first match's line: the first project's highlight that names Kafka. */
  const kafkaLine = () => jiwooJson().projects?.[0]?.highlights?.find((h) => h.includes('Kafka')) ?? '(none)';

  it('/ Kafka Enter from another section brings the first match into view with 1/N; n walks every match and wraps; Esc clears; Hangul works', async () => {
    const app = launch({cols: 100, rows: 40, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject);
    const total = occurrences('Kafka');
    expect(total).toBe(KAFKA_SECTIONS.length);

    // Start from the awards, where Kafka is nowhere on screen.
    app.press('5');
    const awards = await app.waitFor(() => activeTab(app) === 5, undefined, 'section 5');
    expect(text(awards)).not.toContain('Kafka');

    app.press('/');
    await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
    app.press('Kafka');
    await app.waitFor((rows) => status(rows).startsWith('/Kafka'), undefined, 'the query typed');
    app.press(KEYS.enter);
    const found = await app.waitFor(`1/${total} "Kafka"`);
    expect(text(found)).toContain(kafkaLine());
    expect(activeTab(app)).toBe(KAFKA_SECTIONS[0]);
    expect(status(found)).toMatch(new RegExp(`1/${total} "Kafka"\\s+\\d+%\\s*$`));

    for (let i = 2; i <= total; i++) {
      app.press('n');
      const rows = await app.waitFor(`${i}/${total} "Kafka"`);
      expect(activeTab(app), `match ${i}`).toBe(KAFKA_SECTIONS[i - 1]);
      expect(text(rows), `match ${i} on screen`).toContain('Kafka');
    }
    app.press('n');
    await app.waitFor(`1/${total} "Kafka"`);
    expect(activeTab(app), 'n after the last match wraps to the first').toBe(KAFKA_SECTIONS[0]);
    app.press(KEYS.escape);
    const cleared = await app.waitFor((rows) => !text(rows).includes('"Kafka"') && status(rows).includes('? help'), undefined, 'the search to clear');
    expect(app.hasExited).toBe(false);
    expect(status(cleared)).toMatch(/\d+%\s*$/);

    // Korean: typed as it is, the cursor placed by display width (each syllable two cells).
    app.press('/');
    await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
    app.press('지연');
    const typed = await app.waitFor((rows) => status(rows).startsWith('/지연'), undefined, 'the Hangul query');
    const statusAt = typed.length - 1;
    const cursorAt = (x: number) => {
      const buffer = app.term.buffer.active;
      // isInverse() is the attribute's bit, not 1.
      return (buffer.getLine(buffer.viewportY + statusAt)?.getCell(x)?.isInverse() ?? 0) !== 0;
    };
    expect(cursorAt(5), 'the cursor after "/지연" is at column 5').toBe(true);
    app.press(KEYS.left);
    await app.waitFor(() => cursorAt(3), undefined, 'the cursor on 연 (column 3)');
    expect(cursorAt(5)).toBe(false);
    app.press(KEYS.enter);
    const hangul = occurrences('지연');
    expect(hangul).toBeGreaterThan(2);
    await app.waitFor(`1/${hangul} "지연"`);
    app.press('N');
    await app.waitFor(`${hangul}/${hangul} "지연"`);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });

  it('a search made again after Esc (from section 5, /Kafka Enter, three times) lands on the first match in view each time', async () => {
    const app = launch({cols: 100, rows: 40, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject);
    const found = `1/${occurrences('Kafka')} "Kafka"`;
    // The first search builds the layout of every section; the ones after it use them.
    for (let i = 1; i <= 3; i++) {
      // Each try starts where the match is not in view, so the Enter has to bring it.
      app.press('5');
      await app.waitFor((rows) => activeTab(app) === 5 && !text(rows).includes('Kafka'), undefined, 'section 5, no Kafka in view');
      app.press('/');
      await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
      app.press('Kafka');
      await app.waitFor((rows) => status(rows).startsWith('/Kafka'), undefined, 'the query typed');
      app.press(KEYS.enter);
      const rows = await app.waitFor((r) => status(r).includes(found), undefined, found);
      expect(activeTab(app), `try ${i}: the first match's section`).toBe(KAFKA_SECTIONS[0]);
      expect(text(rows), `try ${i}: the first match in view`).toContain(kafkaLine());
      app.press(KEYS.escape);
      await app.waitFor((r) => status(r).includes('? help'), undefined, 'the search to clear');
    }
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });
});

describe('the technology index', () => {
  it('t (Airflow, in the most projects, is first), Enter lists exactly its projects, then its skills, no other; Esc back, Esc closes', async () => {
    // From the fixture's JSON: the projects that list Airflow, in the order they are written
    // (also the order the app shows them: by organization, in the order of work).
    const tech = 'Airflow';
    const projects = jiwooJson().projects ?? [];
    const using = projects.filter((p) => p.keywords?.includes(tech)).map((p) => p.name!);
    const others = projects.filter((p) => !p.keywords?.includes(tech)).map((p) => p.name!);
    expect(using.length).toBeGreaterThan(1);
    expect(others.length).toBeGreaterThan(0);
    const skills = (jiwooJson().skills ?? []).filter((k) => k.keywords?.includes(tech)).map((k) => k.name!);
    const heading = `${tech}: ${using.length} projects${skills.length > 0 ? `, ${skills.length} skill${skills.length === 1 ? '' : 's'}` : ''}`;
    // The index lists technologies by the number of projects that use them, most first.
    const otherTechs = new Set(projects.flatMap((p) => p.keywords ?? []).filter((k) => k !== tech));
    for (const k of otherTechs) expect(projects.filter((p) => p.keywords?.includes(k)).length, `${k} is in fewer projects than ${tech}`).toBeLessThan(using.length);

    const app = launch({cols: 100, rows: 40, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject);
    app.press('t');
    await app.waitFor('Technologies (');
    // It opens at the top: the most used technology selected.
    await app.waitFor((rows) => rows.some((r) => new RegExp(`^▸ ${tech}\\s+${using.length + skills.length}\\s`).test(r)), undefined, `${tech} selected`);
    app.press(KEYS.enter);
    let rows = await app.waitFor(heading);
    // Read the whole list, a page at a time if it is taller than the screen.
    const seen = [text(rows)];
    for (let pages = 0; percent(rows) < 100 && pages < 20; pages++) {
      app.press(KEYS.pageDown);
      rows = await app.waitForChange(rows);
      seen.push(text(rows));
    }
    const all = seen.join('\n');
    for (const title of others) expect(all, title).not.toContain(title);
    expect(projects.map((p) => p.name!).filter((title) => all.includes(title))).toEqual(using);
    for (const skill of skills) expect(all).toContain(skill);

    app.press(KEYS.escape);
    await app.waitFor((r) => text(r).includes('Technologies (') && !text(r).includes(heading), undefined, 'the list again');
    app.press(KEYS.escape);
    await app.waitFor((r) => !text(r).includes('Technologies (') && status(r).includes('? help'), undefined, 'the index closed');
    expect(app.hasExited).toBe(false);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });
});

describe('the mouse', () => {
  it('the wheel scrolls and scrolls back, a click focuses a panel and opens a tab; q exits 0 and gives the terminal back', async () => {
    const app = launch({cols: 100, rows: 40, shell: true, args: [JIWOO_PATH]});
    let rows = await app.ready(JIWOO.firstProject);
    expect(MOUSE_ON.every((on) => app.raw.includes(on)), 'mouse reporting is on in the app').toBe(true);
    expect(app.term.modes.mouseTrackingMode).not.toBe('none');
    expect(percent(rows)).toBe(0);

    app.press(sgr(65, 50, 20));
    rows = await app.waitFor((r) => percent(r) > 0, undefined, 'the wheel to scroll down');
    const down = percent(rows);
    app.press(sgr(65, 50, 20));
    rows = await app.waitFor((r) => percent(r) > down, undefined, 'a further scroll down');
    for (let i = 0; i < 10; i++) app.press(sgr(64, 50, 20));
    rows = await app.waitFor((r) => percent(r) === 0, undefined, 'the wheel to scroll back up');
    expect(app.hasExited).toBe(false);

    // Scrolling took the first project's title off screen, so the focus went to the second
    // project (a scroll never leaves the focus on a panel whose title is out of view), and it stays
    // there on the way back. A click inside the first project's box focuses it (its border turns heavy).
    expect(rows.find((r) => r.includes(JIWOO.secondProject))).toContain('┃');
    const title = JIWOO.firstProject;
    const second = rows.findIndex((r) => r.includes(title));
    expect(second, app.dump()).toBeGreaterThan(0);
    expect(rows[second]).toContain('│');
    app.press(sgr(0, 60, second), sgr(0, 60, second, 'm'));
    rows = await app.waitFor((r) => r[second]!.includes(`┃ ▾ ${title}`) || r[second]!.includes(`┃ ▸ ${title}`), undefined, 'the clicked panel focused');

    // A click on the "2 …" tab opens section 2.
    const bar = barRow(rows);
    const x = columnOf(app, bar, ' 2 ') + 1;
    expect(x, rows[bar]).toBeGreaterThan(0);
    app.press(sgr(0, x + 1, bar), sgr(0, x + 1, bar, 'm'));
    await app.waitFor(JIWOO.ownProject);
    expect(activeTab(app)).toBe(2);

    app.press('q');
    const report = await app.report();
    expect(report.exitCode).toBe(0);
    const raw = app.raw;
    for (const [on, off] of [[MOUSE_ON[0]!, MOUSE_OFF[0]!], [MOUSE_ON[1]!, MOUSE_OFF[1]!]] as const) {
      expect(raw.lastIndexOf(off), `${JSON.stringify(off)} after ${JSON.stringify(on)}`).toBeGreaterThan(raw.indexOf(on));
    }
    expect(restoredProblems(app, report)).toEqual([]);
    const words = sttyWords(report.sttyAll);
    expect(words.has('icanon') && words.has('echo')).toBe(true);
  });

  it('--no-mouse never turns mouse reporting on', async () => {
    const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH, '--no-mouse']});
    const first = await app.ready(JIWOO.firstProject);
    app.press('j');
    await app.waitForChange(first);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
    expect(app.raw).not.toContain('\x1b[?1000h');
    expect(app.raw).not.toContain('\x1b[?1006h');
    expect(app.term.modes.mouseTrackingMode).toBe('none');
  });
});

describe('deep links', () => {
  it('--section essays opens the app on the essays section (the tenth)', async () => {
    const app = launch({cols: 100, rows: 30, args: [JIWOO_PATH, '--section', 'essays']});
    await app.ready(JIWOO.firstEssay);
    expect(activeTab(app)).toBe(10);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });

  it('--section 4 --format text, piped, prints only section 4 (education and service)', () => {
    const result = runCli([JIWOO_PATH, '--section', '4', '--format', 'text']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const headings = lines.filter((l, i) => l !== '' && /^=+$/.test(lines[i + 1] ?? ''));
    expect(headings).toEqual([JIWOO.sectionTitles[3]]);
    expect(result.stdout).toContain(JIWOO.school);
    expect(result.stdout).toContain(JIWOO.service);
    expect(result.stdout).not.toContain(JIWOO.firstProject);
    expect(result.stdout).not.toContain(JIWOO.firstEssay);
    expect(result.stdout).not.toContain('\x1b');
  });
});

describe('links', () => {
  it('FORCE_HYPERLINK=1: the contacts of a fixture are OSC 8 hyperlinks; FORCE_HYPERLINK=0: plain', async () => {
    const osc8 = (url: string) => new RegExp(`\\x1b\\]8;[^;\\x07\\x1b]*;${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\x1b\\\\|\\x07)`);
    // Wide enough for the whole contact line: email, phone, web site, place and both profiles.
    const linked = launch({cols: 180, rows: 30, args: [ADA], env: {FORCE_HYPERLINK: '1'}});
    await linked.ready('Ada Whitfield');
    await linked.waitFor('ada@whitfield.example.org');
    expect(linked.raw).toMatch(osc8('https://ada-whitfield.example.org'));
    expect(linked.raw).toMatch(osc8('mailto:ada@whitfield.example.org'));
    expect(linked.raw).toMatch(osc8('https://github.com/adawhit'));
    linked.press('q');
    expect((await linked.exited()).exitCode).toBe(0);

    const plain = launch({cols: 120, rows: 30, args: [ADA], env: {FORCE_HYPERLINK: '0'}});
    const rows = await plain.ready('Ada Whitfield');
    expect(text(rows)).toContain('https://ada-whitfield.example.org');
    expect(plain.raw).not.toContain('\x1b]8;');
    plain.press('q');
    expect((await plain.exited()).exitCode).toBe(0);
  });

  it('printed to a pipe, even with FORCE_HYPERLINK=1, a link is its text and address, no escapes', () => {
    const result = runCli([ADA, '--format', 'text'], {env: cleanEnv({FORCE_HYPERLINK: '1'})});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('GitHub: adawhit (https://github.com/adawhit)');
    expect(result.stdout).not.toContain('\x1b');
  });
});
