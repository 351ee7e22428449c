/**
 * Terminals beyond xterm.js (issue 23, items 5 and 8): a locale that is not UTF-8, and a terminal
 * of 16 colours. The built program in a pty; build first (`npm run build`; `npm test` does).
 *
 * Locale: under LANG=C (or LC_ALL=C over a UTF-8 LANG) everything the app draws itself is ASCII
 * (boxes, fold markers, arrows, bullets, the ellipsis, the status bar and the help), and it says
 * so once, on stderr before the app. The résumé here, test/fixtures/ascii.json, is ASCII itself,
 * so every byte the program writes must be ASCII. `--ascii` gives the same frame in any locale;
 * `--no-ascii` and a UTF-8 or unset locale keep Unicode.
 *
 * Depth: TERM=xterm with no COLORTERM has 16 colours and gets no `38;5;`/`48;5;` (a 16-colour
 * terminal reads the `5` as blink); `*-256color` gets the 256 palette; COLORTERM=truecolor 24-bit.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {fixturePath} from '../helpers/fixtures';
import {JIWOO_PATH, JIWOO} from '../helpers/e2e-jiwoo';
import {KEYS, ptyApps, type PtyApp, type PtyOptions} from '../helpers/pty';
import {PROGRAM} from '../helpers/program';

const launch = ptyApps();
const ASCII_RESUME = fixturePath('ascii');
const NAME = 'Ada Whitfield (ASCII)';
const FIRST_PROJECT = 'Streaming settlement';
const NON_ASCII = /[^\x00-\x7f]/u;

/** The non-ASCII characters of a text, each once (for messages). */
const nonAscii = (text: string) => [...new Set([...text].filter((c) => NON_ASCII.test(c)))].join('');

/** The lines of the normal screen (what was written before the app took the alternate one), wrapped rows joined. */
function normalScreen(app: PtyApp): string[] {
  const buffer = app.term.buffer.normal;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    const text = line?.translateToString(true) ?? '';
    if (line?.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  return lines.filter((l) => l !== '');
}

/**
 * Walks the screens that draw the app's own characters: the first frame (boxes, bullets, the
 * header's separators and ellipsis), a folded panel, the help, the tech index, a search, the
 * unfolded header, a narrow window (cut lines), one too small (the enlarge message); each must be
 * ASCII, and so must every byte written.
 */
async function expectAllAscii(app: PtyApp): Promise<void> {
  const check = (what: string) => {
    const text = app.screen().join('\n');
    expect(nonAscii(text), `${what}: non-ASCII cells\n${app.dump()}`).toBe('');
  };
  await app.ready(FIRST_PROJECT);
  check('first frame');
  const first = app.screen();
  app.press(KEYS.enter);
  await app.waitForChange(first);
  check('a folded panel');
  app.press('?');
  await app.waitFor('next match');
  check('the help');
  app.press('?');
  await app.waitFor(FIRST_PROJECT);
  app.press('t');
  await app.waitFor('Technologies (');
  check('the tech index');
  app.press(KEYS.escape);
  await app.waitFor(FIRST_PROJECT);
  app.press('/', 'Kafka');
  await app.waitFor('/Kafka');
  check('the search line');
  app.press(KEYS.enter);
  await app.waitFor(/\d+\/\d+ "Kafka"/);
  check('search results');
  app.press(KEYS.escape, 'i');
  await app.waitFor('Manchester');
  check('the header unfolded');
  app.press('i');
  await app.resize(44, 16);
  await app.waitFor((rows) => rows.join('\n').includes(NAME.slice(0, 10)) && rows.length === 16);
  check('44 columns');
  await app.resize(12, 4);
  await app.waitFor('enlarge');
  check('too small');
  await app.resize(100, 30);
  await app.waitFor(FIRST_PROJECT);
  expect(nonAscii(app.raw), 'every character written').toBe('');
}

describe('a locale that is not UTF-8 (item 5)', () => {
  it('the ASCII fixture is ASCII (else the test below would prove nothing)', () => {
    expect(nonAscii(readFileSync(ASCII_RESUME, 'utf8'))).toBe('');
  });

  it.each([
    ['LANG=C', {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined}, 'LANG=C'],
    ['LC_ALL=POSIX over LANG=en_US.UTF-8', {LANG: 'en_US.UTF-8', LC_ALL: 'POSIX', LC_CTYPE: undefined}, 'LC_ALL=POSIX'],
    ['LC_CTYPE=de_DE.ISO-8859-1, LC_ALL empty', {LANG: 'C.UTF-8', LC_ALL: '', LC_CTYPE: 'de_DE.ISO-8859-1'}, 'LC_CTYPE=de_DE.ISO-8859-1'],
  ])('%s: every cell and every byte the app writes is ASCII, said once before the app', async (_name, env, said) => {
    const app = launch({cols: 100, rows: 30, args: [ASCII_RESUME], env});
    await expectAllAscii(app);
    const notices = normalScreen(app).filter((l) => l.includes('is not UTF-8'));
    expect(notices).toEqual([`${PROGRAM}: ${said} is not UTF-8: drawing in ASCII (--no-ascii: Unicode)`]);
    // The ASCII frame itself: + corners, # for the focused panel, `v ` before an unfolded project.
    expect(app.screen().join('\n')).toMatch(/#=+#/);
  });

  it('--ascii in a UTF-8 locale: the same ASCII frame, with no notice', async () => {
    const app = launch({cols: 100, rows: 30, args: [ASCII_RESUME, '--ascii'], env: {LANG: 'en_US.UTF-8', LC_ALL: undefined, LC_CTYPE: undefined}});
    await expectAllAscii(app);
    expect(normalScreen(app).join('\n')).not.toContain('locale');
  });

  it.each([
    ['LANG=C with --no-ascii', ['--no-ascii'], {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined}],
    ['LANG=C.UTF-8', [], {LANG: 'C.UTF-8', LC_ALL: undefined, LC_CTYPE: undefined}],
    ['LC_CTYPE=UTF-8 (macOS) over LANG=C', [], {LANG: 'C', LC_ALL: undefined, LC_CTYPE: 'UTF-8'}],
    ['no locale variable at all (Windows, many containers)', [], {LANG: undefined, LC_ALL: undefined, LC_CTYPE: undefined}],
  ])('%s: Unicode as before, no notice', async (_name, args, env) => {
    const app = launch({cols: 100, rows: 30, args: [ASCII_RESUME, ...args], env});
    const screen = (await app.ready(FIRST_PROJECT)).join('\n');
    expect(screen).toMatch(/[╭┏]/);
    expect(screen).toContain('▾ ');
    expect(normalScreen(app).join('\n')).not.toContain('locale');
  });

  it('a résumé with Korean under LANG=C: the frame in ASCII, its text kept, and the notice says so', async () => {
    const app = launch({cols: 100, rows: 30, args: [JIWOO_PATH], env: {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined}});
    const screen = (await app.ready(JIWOO.firstProject)).join('\n');
    expect(screen).toContain(JIWOO.name);
    expect(screen).not.toMatch(/[╭┏─│▾▸•…]/u);
    expect(normalScreen(app).join('\n')).toContain(`${PROGRAM}: LANG=C is not UTF-8: drawing in ASCII; the resume's own text is kept as it is (--no-ascii: Unicode)`);
  });
});

/** Every SGR sequence that sets a colour the 256 or 24-bit way. */
const EXTENDED = {256: /\x1b\[[\d;]*[34]8;5;\d+/, truecolor: /\x1b\[[\d;]*[34]8;2;\d+;\d+;\d+/} as const;

describe('the colour depth the terminal declares (item 8)', () => {
  /** The first frame and the help, in a terminal set up by `options`: every byte written. */
  async function written(options: Partial<PtyOptions>): Promise<string> {
    const app = launch({cols: 100, rows: 30, args: [JIWOO_PATH], ...options});
    await app.ready(JIWOO.firstProject);
    app.press('?');
    await app.waitFor('next match');
    return app.raw;
  }

  it.each(['xterm', 'vt220', 'linux', 'screen'])('TERM=%s, no COLORTERM (16 colours): no 38;5 / 48;5 / 38;2 anywhere, light or dark', async (term) => {
    for (const background of ['light', 'dark'] as const) {
      const raw = await written({env: {TERM: term}, background});
      expect(raw).toMatch(/\x1b\[[\d;]*m/);
      expect(raw).not.toMatch(EXTENDED[256]);
      expect(raw).not.toMatch(EXTENDED.truecolor);
    }
  });

  it('TERM=xterm-256color: the 256 palette, no 24-bit', async () => {
    const raw = await written({env: {TERM: 'xterm-256color'}, background: 'dark'});
    expect(raw).toMatch(EXTENDED[256]);
    expect(raw).not.toMatch(EXTENDED.truecolor);
  });

  it('COLORTERM=truecolor: 24-bit values, no 256-palette index', async () => {
    const raw = await written({env: {TERM: 'xterm-256color', COLORTERM: 'truecolor'}, background: 'dark'});
    expect(raw).toMatch(EXTENDED.truecolor);
    // The dark theme's name, 256-colour 51, as its value #00ffff.
    expect(raw).toContain('38;2;0;255;255');
    expect(raw).not.toMatch(EXTENDED[256]);
  });
});
