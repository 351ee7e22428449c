/**
 * The "beyond a card" features as a new user meets them (issue 7): the built program in a
 * pseudo-terminal, real key and mouse bytes, the screen read from a headless xterm. Search (`/`,
 * Enter, n, Esc, Hangul), the technology index (`t`), the mouse (wheel, a click on a tab or a
 * panel, and the terminal given back), --no-mouse, --section, and OSC 8 links on a fixture with
 * contacts. It also measures (prints, does not assert) search's key-to-screen latency.
 * Build first (`npm run build`; `npm test` does).
 */
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {describe, expect, it} from 'vitest';
import {FrameBuilder} from '../../src/ui/frame';
import {initialState} from '../../src/ui/state';
import {createTheme} from '../../src/ui/theme';
import {cleanEnv, runCli} from '../helpers/cli';
import {KEYS, type PtyApp, ptyApps} from '../helpers/pty';
import {realDocument} from '../helpers/resume';
import {FIXTURES_DIR} from '../helpers/resumes';
import {restoredProblems, sttyWords} from '../helpers/terminal-state';

const IOT = 'IOT 센서 데이터 파이프라인 구축';
const KUBERNETES_PROJECTS = ['대시보드 API 서버 구축', '알림 시스템 구축', '커머스 데이터 파이프라인 구축', '서드파티 권한 인증 서버 구축', '유지보수 및 모니터링'];
const NAVY = '해군 1함대 사령부 정보통신 중대';
const FIRST_ESSAY = '1. 참여한 프로젝트 내 본인의 주요 역할과 결과';
const ADA = join(FIXTURES_DIR, 'ada.json');

const MOUSE_ON = ['\x1b[?1000h', '\x1b[?1006h'];
const MOUSE_OFF = ['\x1b[?1000l', '\x1b[?1006l'];

const launch = ptyApps();


const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The status bar: the last row of the frame (the frame is rows - 1 tall). */
const status = (rows: string[]) => rows[rows.length - 2] ?? '';
/** The status bar's scroll position. */
const percent = (rows: string[]) => Number(/(\d+)%\s*$/.exec(status(rows))?.[1] ?? Number.NaN);
/** The section bar's row: the one that starts with tab 1. */
const barRow = (rows: string[]) => rows.findIndex((r) => r.startsWith(' 1 '));

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
  it('/ Kafka Enter brings the IOT project into view with 1/2; n shows 2/2; Esc clears; Hangul works', async () => {
    const app = launch({cols: 100, rows: 40});
    const first = await app.ready();
    expect(text(first)).not.toContain(IOT);

    app.press('/');
    await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
    app.press('Kafka');
    await app.waitFor((rows) => status(rows).startsWith('/Kafka'), undefined, 'the query typed');
    app.press(KEYS.enter);
    const found = await app.waitFor('1/2 "Kafka"');
    expect(text(found)).toContain(IOT);
    expect(status(found)).toMatch(/1\/2 "Kafka"\s+\d+%\s*$/);

    app.press('n');
    await app.waitFor('2/2 "Kafka"');
    app.press('n');
    await app.waitFor('1/2 "Kafka"', undefined);
    app.press(KEYS.escape);
    const cleared = await app.waitFor((rows) => !text(rows).includes('"Kafka"') && status(rows).includes('? help'), undefined, 'the search to clear');
    expect(app.hasExited).toBe(false);
    expect(status(cleared)).toMatch(/\d+%\s*$/);

    // Korean: typed as it is, the cursor placed by display width (each syllable two cells).
    app.press('/');
    await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
    app.press('데이터');
    const typed = await app.waitFor((rows) => status(rows).startsWith('/데이터'), undefined, 'the Hangul query');
    const statusRow = typed.length - 2;
    const cursorAt = (x: number) => {
      const buffer = app.term.buffer.active;
      // isInverse() is the attribute's bit, not 1.
      return (buffer.getLine(buffer.viewportY + statusRow)?.getCell(x)?.isInverse() ?? 0) !== 0;
    };
    expect(cursorAt(7), 'the cursor after "/데이터" is at column 7').toBe(true);
    app.press(KEYS.left);
    await app.waitFor(() => cursorAt(5), undefined, 'the cursor on 터 (column 5)');
    expect(cursorAt(7)).toBe(false);
    app.press(KEYS.enter);
    const builder = new FrameBuilder(realDocument(), createTheme({color: false, ascii: false}));
    const total = builder.search(initialState(3), {width: 100, rows: 40}, '데이터').length;
    expect(total).toBeGreaterThan(2);
    await app.waitFor(`1/${total} "데이터"`);
    app.press('N');
    await app.waitFor(`${total}/${total} "데이터"`);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });

  it('measures the key-to-screen latency of search on the real résumé (Enter after /Kafka → 1/2)', async () => {
    const app = launch({cols: 100, rows: 40});
    await app.ready();
    const bytes: number[] = [];
    const screen: number[] = [];
    let warmUp = 0;
    for (let i = 0; i < 11; i++) {
      app.press('/');
      await app.waitFor((rows) => status(rows).startsWith('/'), undefined, 'the search line');
      app.press('Kafka');
      await app.waitFor((rows) => status(rows).startsWith('/Kafka'), undefined, 'the query typed');
      const from = app.raw.length;
      const t0 = performance.now();
      app.press(KEYS.enter);
      // The bytes of the new status bar, as they arrive (checked every millisecond)…
      while (!app.raw.includes('1/2 "Kafka"', from)) {
        if (performance.now() - t0 > 10_000) throw new Error(`no 1/2 after 10 s\n${app.dump()}`);
        await sleep(1);
      }
      const t1 = performance.now();
      // …and the emulated screen showing them.
      await app.waitFor((rows) => status(rows).includes('1/2 "Kafka"'));
      const t2 = performance.now();
      // The first try warms up (the layouts of every section are built for the search).
      if (i === 0) warmUp = t1 - t0;
      else {
        bytes.push(t1 - t0);
        screen.push(t2 - t0);
      }
      app.press(KEYS.escape);
      await app.waitFor((rows) => status(rows).includes('? help'), undefined, 'the search to clear');
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
    };
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(
      `search latency on the real résumé at 100×40, Enter after /Kafka → "1/2": ` +
        `bytes median ${ms(median(bytes))} (min ${ms(Math.min(...bytes))}, max ${ms(Math.max(...bytes))}); ` +
        `on screen median ${ms(median(screen))} over ${bytes.length} tries; the first try, left out: ${ms(warmUp)}`,
    );
    expect(bytes).toHaveLength(10);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });
});

describe('the technology index', () => {
  it('t, g (Kubernetes is first), Enter lists exactly its five projects, not the IOT one; Esc back, Esc closes', async () => {
    const app = launch({cols: 100, rows: 60});
    await app.ready();
    app.press('t');
    await app.waitFor('Technologies (');
    app.press('g');
    await app.waitFor((rows) => rows.some((r) => /^▸ Kubernetes\s+5\s/.test(r)), undefined, 'Kubernetes selected');
    app.press(KEYS.enter);
    let rows = await app.waitFor('Kubernetes: 5 projects');
    // Read the whole list, a page at a time if it is taller than the screen.
    const seen = [text(rows)];
    for (let pages = 0; percent(rows) < 100 && pages < 20; pages++) {
      app.press(KEYS.pageDown);
      rows = await app.waitForChange(rows);
      seen.push(text(rows));
    }
    const all = seen.join('\n');
    for (const title of KUBERNETES_PROJECTS) expect(all, title).toContain(title);
    expect(all).not.toContain(IOT);
    const everyProject = realDocument().sections.flatMap((s) => s.entries.flatMap((e) => e.children.filter((c) => c.kind === 'project').map((c) => c.title)));
    expect(everyProject.length).toBeGreaterThan(KUBERNETES_PROJECTS.length);
    expect(everyProject.filter((title) => all.includes(title))).toEqual(KUBERNETES_PROJECTS);

    app.press(KEYS.escape);
    await app.waitFor((r) => text(r).includes('Technologies (') && !text(r).includes('Kubernetes: 5 projects'), undefined, 'the list again');
    app.press(KEYS.escape);
    await app.waitFor((r) => !text(r).includes('Technologies (') && status(r).includes('? help'), undefined, 'the index closed');
    expect(app.hasExited).toBe(false);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });
});

describe('the mouse', () => {
  it('the wheel scrolls and scrolls back, a click focuses a panel and opens a tab; q exits 0 and gives the terminal back', async () => {
    const app = launch({cols: 100, rows: 40, shell: true});
    let rows = await app.ready();
    expect(MOUSE_ON.every((on) => app.raw.includes(on)), 'mouse reporting is on in the app').toBe(true);
    expect(app.term.modes.mouseTrackingMode).not.toBe('none');
    expect(percent(rows)).toBe(0);

    for (let i = 0; i < 3; i++) app.press(sgr(65, 50, 20));
    rows = await app.waitFor((r) => percent(r) > 0, undefined, 'the wheel to scroll down');
    const down = percent(rows);
    app.press(sgr(65, 50, 20));
    rows = await app.waitFor((r) => percent(r) > down, undefined, 'a further scroll down');
    for (let i = 0; i < 10; i++) app.press(sgr(64, 50, 20));
    rows = await app.waitFor((r) => percent(r) === 0, undefined, 'the wheel to scroll back up');
    expect(app.hasExited).toBe(false);

    // A click inside the second project's box focuses it (its border turns heavy).
    const second = rows.findIndex((r) => r.includes('알림 시스템 구축'));
    expect(second, app.dump()).toBeGreaterThan(0);
    expect(rows[second]).toContain('│');
    app.press(sgr(0, 60, second), sgr(0, 60, second, 'm'));
    rows = await app.waitFor((r) => r[second]!.includes('┃ ▾ 알림 시스템 구축') || r[second]!.includes('┃ ▸ 알림 시스템 구축'), undefined, 'the clicked panel focused');

    // A click on the "2 🎒 Personal" tab opens Personal Experience.
    const bar = barRow(rows);
    const x = columnOf(app, bar, '2 🎒');
    expect(x, rows[bar]).toBeGreaterThan(0);
    app.press(sgr(0, x + 1, bar), sgr(0, x + 1, bar, 'm'));
    await app.waitFor(NAVY);
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
    const app = launch({cols: 80, rows: 24, args: ['--no-mouse']});
    await app.ready();
    app.press('j');
    await sleep(50);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
    expect(app.raw).not.toContain('\x1b[?1000h');
    expect(app.raw).not.toContain('\x1b[?1006h');
    expect(app.term.modes.mouseTrackingMode).toBe('none');
  });
});

describe('deep links', () => {
  it('--section essays opens the app on the achievements section', async () => {
    const app = launch({cols: 100, rows: 30, args: ['--section', 'essays']});
    await app.ready(FIRST_ESSAY);
    expect(activeTab(app)).toBe(3);
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });

  it('--section 2 --format text, piped, prints only Personal Experience', () => {
    const result = runCli(['--section', '2', '--format', 'text']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const headings = lines.filter((l, i) => l !== '' && /^=+$/.test(lines[i + 1] ?? ''));
    expect(headings).toEqual(['🎒 Personal Experience']);
    expect(result.stdout).toContain(NAVY);
    expect(result.stdout).not.toContain('Laplace Technologies');
    expect(result.stdout).not.toContain(FIRST_ESSAY);
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
