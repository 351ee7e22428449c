/**
 * Hostile data (issue 6): a JSON Resume whose every text field carries terminal controls (CSI,
 * OSC title/clipboard/hyperlink, DCS, APC, C1 CSI/OSC, BEL, backspace, bare CR, NUL, DEL, a bidi
 * override, a zero-width space) between visible words, plus a ZWJ emoji family, a decomposed é and
 * a 600-character word (test/helpers/hostile.ts). Every output of the built program must show the
 * words and none of the controls: piped text, Markdown, JSON and the interactive app in a pty.
 * Build first (`npm run build`; `npm test` does).
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli';
import {REPO_ROOT, tempFixtures} from '../helpers/fixtures';
import {COMPOSED_E, controlsIn, DECOMPOSED_E, HOSTILE_TAGS, hostileJson, LONG_WORD, survivingWords, ZWJ_FAMILY} from '../helpers/hostile';
import {KEYS, startApp, type PtyApp} from '../helpers/pty';
import {screenWidthProblems} from '../helpers/terminal-state';
import {percentOf, statusRow} from '../helpers/frame-rows';

const fx = tempFixtures('kim-resume-hostile-');
let file: string;
const running: PtyApp[] = [];

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
  file = fx.write('hostile.json', hostileJson());
});
afterEach(async () => {
  while (running.length > 0) await running.pop()!.dispose();
});
afterAll(() => fx.cleanup());

const TAGS = Object.values(HOSTILE_TAGS);
/** Payload text that only exists inside a control sequence: it must go with it. */
const PAYLOADS = ['pwned', 'SGVsbG8', 'http://evil', '0;t', '#0'];

/** Everything the output shows, as words (whitespace and line breaks of any wrapping folded away). */
const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

function expectNoControls(text: string): void {
  expect(controlsIn(text), 'control characters in the output').toEqual([]);
  expect(text).not.toContain('\t');
}

/**
 * The visible words of every field are in `text`. A technology badge is one tag however many
 * spaces it holds: wider than the line it is broken by cells, anywhere, so its words are looked
 * for with whitespace removed (in order, so `pk1` cannot be found inside `pk10`).
 */
function expectWordsSurvive(text: string, tags: readonly string[] = TAGS): void {
  const seen = words(text);
  const t = HOSTILE_TAGS.projectKeyword;
  const badge = [0, 1, 2, 3, 4].map((i) => `${t}${i}`).join('') + 'click' + Array.from({length: 11}, (_, i) => `${t}${i + 5}`).join('') + `${ZWJ_FAMILY}caf${COMPOSED_E}${t}end`;
  const missing = tags
    .filter((tag) => tag !== t)
    .flatMap((tag) => survivingWords(tag))
    .filter((w) => !seen.has(w));
  if (tags.includes(t) && !text.replace(/\s+/g, '').includes(badge)) missing.push(`the badge ${badge}`);
  expect(missing, 'visible words lost with the controls around them').toEqual([]);
  // The OSC 8 hyperlink's text is visible text; its target is not.
  expect(text).toContain('click');
  for (const payload of PAYLOADS) expect(text, `the payload ${payload}`).not.toContain(payload);
  expect(text, 'the ZWJ family, whole').toContain(ZWJ_FAMILY);
  expect(text, 'é composed (NFC)').toContain(`caf${COMPOSED_E}`);
  expect(text, 'no decomposed é').not.toContain(DECOMPOSED_E);
}

// ─── Printed ─────────────────────────────────────────────────────────────────────────────────

describe('hostile data, printed', () => {
  it.each([[undefined], [40], [10]])('plain text (--width %s): no control, no line over the width, every visible word', (width) => {
    const result = runCli(width === undefined ? [file] : [file, '--width', String(width)]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expectNoControls(result.stdout);
    const cols = width ?? 80;
    const wide = result.stdout.split('\n').filter((line) => stringWidth(line) > cols);
    expect(wide, `lines wider than ${cols}`).toEqual([]);
    // At 10 columns a tag such as `pk0` wraps whole; every word is still there.
    expectWordsSurvive(result.stdout);
    expect(result.stdout.replace(/\s+/g, ''), 'the 600-character word, broken to fit but whole').toContain(LONG_WORD);
  });

  it('Markdown: no control, every visible word, headings on one line', () => {
    const result = runCli([file, '--format', 'markdown']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expectNoControls(result.stdout);
    // Markdown escapes (`\\_`) and emphasis (`**label**`) around the words are fine.
    expectWordsSurvive(result.stdout.replace(/[\\*]/g, ''));
    // A bare CR in a title is a line break once sanitized; a heading must still hold the whole title.
    const heading = result.stdout.split('\n').find((line) => line.startsWith('# '));
    expect(heading, 'the name heading').toMatch(/^# nm0 .* nmend$/);
    const projectHeading = result.stdout.split('\n').find((line) => /^#+ pn0/.test(line));
    expect(projectHeading, 'the project heading').toMatch(/ pnend$/);
  });

  it('--format json: valid JSON, no control characters raw or escaped, every visible word', () => {
    const result = runCli([file, '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    // JSON.stringify leaves C1 (U+0080–U+009F) unescaped: the sanitizer must already have removed them.
    expectNoControls(result.stdout.replace(/\n/g, ' '));
    expect(result.stdout, 'no JSON-escaped control either').not.toMatch(/\\u00[01][0-9a-f]|\\u007f|\\u00[89][0-9a-f]|\\[btfr]/i);
    const parsed = JSON.parse(result.stdout) as unknown;
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) (strings.push(k), walk(inner));
    };
    walk(parsed);
    expect(strings.flatMap((s) => controlsIn(s.replace(/\n/g, ' ')))).toEqual([]);
    expect(strings.some((s) => /[\u200b\u202e\ufeff]/.test(s)), 'a bidi override or zero-width space').toBe(false);
    expectWordsSurvive(strings.join(' '));
  });
});

// ─── Interactive ─────────────────────────────────────────────────────────────────────────────

describe('hostile data, interactive in a pty', () => {
  const FORBIDDEN: Array<[string, RegExp]> = [
    ['OSC 0 (window title)', /\x1b\]0;/],
    ['OSC 52 (clipboard)', /\x1b\]52;/],
    ['OSC 8 (hyperlink)', /\x1b\]8;/],
    ['DCS', /\x1bP/],
    ['APC', /\x1b_/],
    ['BEL', /\x07/],
    ['a C1 control', /[\u0080-\u009f]/],
    ['a broken byte (U+FFFD)', /\ufffd/],
  ];

  let app: PtyApp;
  beforeAll(async () => {
    app = startApp({cols: 80, rows: 24, args: [file]});
    await app.ready('pn0');
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('shows the surviving text, the emoji and é, and no row wider than the terminal', () => {
    const text = app.screen().join('\n');
    for (const word of ['wn0', 'wnend', 'pn0', 'pnend', 'pd0', 'click']) expect(text, app.dump()).toContain(word);
    expect(text).toContain(ZWJ_FAMILY);
    expect(text).toContain(`caf${COMPOSED_E}`);
    for (const payload of PAYLOADS) expect(text).not.toContain(payload);
    expect(screenWidthProblems(app), app.dump()).toEqual([]);
  });

  it('every section, the end of each and the help: no row wider than the terminal', async () => {
    /** The status bar's scroll position (100 where the section fits the screen: nothing to scroll). */
    const position = percentOf;
    const helpShown = (rows: string[]) => rows.join('\n').includes('next section');
    // Each key waits for the frame it brings, whether or not it changes the one before (G where
    // the end is already shown does not): G the end, g the top (0%, or 100% where the section
    // fits), Tab the next section, ? the help and Esc its closing.
    let top = position(app.screen());
    const steps: Array<[key: string, brings: (rows: string[], before: string[]) => boolean, what: string]> = [
      ['G', (rows) => position(rows) === 100, 'the end (100%)'],
      [KEYS.tab, (rows, before) => rows.join('\n') !== before.join('\n'), 'the next section'],
      ['G', (rows) => position(rows) === 100, 'the end (100%)'],
      ['g', (rows) => position(rows) === top, 'the top'],
      [KEYS.tab, (rows, before) => rows.join('\n') !== before.join('\n'), 'the next section'],
      ['?', helpShown, 'the help'],
      [KEYS.escape, (rows) => !helpShown(rows) && !Number.isNaN(position(rows)), 'the help closed'],
    ];
    for (const [key, brings, what] of steps) {
      const before = app.screen();
      app.press(key);
      const rows = await app.waitFor((r) => brings(r, before), undefined, `${what} after ${JSON.stringify(key)}`);
      // A new section opens at its top: where g must bring it back.
      if (key === KEYS.tab) top = position(rows);
      expect(screenWidthProblems(app), `after ${JSON.stringify(key)}\n${app.dump()}`).toEqual([]);
    }
  });

  it.each(FORBIDDEN)('the raw output never carries %s', (_name, pattern) => {
    const raw = app.raw;
    const m = pattern.exec(raw);
    expect(m ? JSON.stringify(raw.slice(Math.max(0, m.index - 40), m.index + 40)) : null).toBeNull();
  });

  // A bare CR in data becomes a line break when sanitized. Fields the app draws on one line (the
  // name in the header, a project's badges) must not carry it onto a second terminal row: the
  // frame would grow past the screen, push the header off the top and break the box.
  it('the frame stays whole: the name on the first row, the status bar on the last row, badges inside their box', async () => {
    const fresh = startApp({cols: 80, rows: 24, args: [file]});
    running.push(fresh);
    const rows = await fresh.ready('pn0');
    expect(rows[0], fresh.dump()).toMatch(/^nm0 /);
    expect(statusRow(rows), fresh.dump()).toMatch(/\d+%\s*$/);
    fresh.press('G');
    const end = await fresh.waitFor(/100%\s*$/m);
    const boxRows = end.filter((r) => r.startsWith('┃'));
    expect(
      boxRows.filter((r) => !r.endsWith('┃')),
      fresh.dump(),
    ).toEqual([]);
  });
});
