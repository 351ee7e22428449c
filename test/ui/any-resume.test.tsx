/**
 * The app on JSON Resume documents other than the real one (test/fixtures/ and the official
 * schema package's sample and examples): the name and the section bar, every section at 40, 80 and 120 columns, search
 * highlighting (the mono theme marks matches with inverse + underline), the technology index and
 * the mouse, driven through ink-testing-library with the mono theme.
 */
import chalk from 'chalk';
import React from 'react';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ResumeDocument} from '../../src/document/model';
import {techIndex} from '../../src/document/tech';
import type {Resume} from '../../src/resume/types';
import {App} from '../../src/ui/App';
import {FrameBuilder} from '../../src/ui/frame';
import {lineText} from '../../src/ui/layout/lines';
import {createReducer, initialState, type Action, type NavState} from '../../src/ui/state';
import {createTheme} from '../../src/theme/theme';
import {startInk} from '../helpers/ink';
import {ANY_RESUMES, fixtureDocument, loadFixture, type AnyResume} from '../helpers/resumes';

const theme = createTheme({color: false, ascii: false});

// Ink styles through chalk, which sees no terminal under the test runner: at level 1 the frame
// carries the mono theme's SGR codes (bold, inverse, underline), so highlights can be read.
const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

/** Runs of bold (1), underline (4) and inverse (7) codes, then the text they style. */
const ATTRIBUTES = /((?:\x1b\[[147]m){2,3})([^\x1b]*)/g;
const runs = (raw: string) => [...raw.matchAll(ATTRIBUTES)].map((m) => ({codes: m[1]!, text: m[2]!}));
const has = (codes: string, n: number) => codes.includes(`\x1b[${n}m`);
/** Text drawn inverse and underlined (the mono theme's search matches, the current one too), in order. */
const marked = (raw: string) => runs(raw).filter((r) => has(r.codes, 4) && has(r.codes, 7)).map((r) => r.text);
/** Text drawn bold, inverse and underlined (the mono theme's current match), in order. */
const current = (raw: string) => runs(raw).filter((r) => has(r.codes, 1) && has(r.codes, 4) && has(r.codes, 7)).map((r) => r.text);

async function start(doc: ResumeDocument, width: number, rows: number) {
  const {app, raw, screen, press} = await startInk(<App doc={doc} theme={theme} size={{width, rows}} />);
  const builder = new FrameBuilder(doc, theme);
  const barRow = builder.regions(0, {width, rows}).bar.row;
  return {app, raw, screen, press, barRow, builder};
}

/**
 * The bar's tabs as shown, each starting at its number, the marks of hidden tabs left out:
 * `‹ 4 Education  5 Awards  6 Certifi… ›` → ['4 Education', '5 Awards', '6 Certifi…'].
 */
const tabsOf = (bar: string) => bar.replace(/^‹|›\s*$/g, '').trim().split(/ +(?=\d+(?: |$))/);

/** Which tab is drawn inverse (the active one), counted from 0, read from its number. */
function activeTab(rawBar: string): number {
  const at = rawBar.indexOf('\x1b[7m');
  const number = at === -1 ? undefined : /^(?:\x1b\[[0-9;]*m)* (\d+)/.exec(rawBar.slice(at))?.[1];
  return number === undefined ? -1 : Number(number) - 1;
}

/**
 * A frame's text with box sides taken out and whitespace runs as one space (wrapped text reads
 * whole); a line broken after a word's hyphen or slash (UAX #14: `customer-` / `facing`) joins the next.
 */
const flat = (lines: string[]) =>
  lines.join('\n').replace(/[│┃]/g, ' ').replace(/(?<=[\p{L}\p{N}][-/])[^\S\n]*\n\s*/gu, '').replace(/\s+/g, ' ');

/** The technologies a résumé names in its projects and skills: the first spelling, any case once. */
function projectAndSkillTechs(resume: Resume): string[] {
  const seen = new Map<string, string>();
  for (const name of [...(resume.projects ?? []).flatMap((p) => p.keywords ?? []), ...(resume.skills ?? []).flatMap((s) => s.keywords ?? [])]) {
    const key = name.normalize('NFC').toLowerCase();
    if (!seen.has(key)) seen.set(key, name);
  }
  return [...seen.values()];
}

describe.each(ANY_RESUMES)('$name in the app', (fixture: AnyResume) => {
  const resume = loadFixture(fixture.path);
  const doc = fixtureDocument(fixture.path);
  const titles = doc.sections.map((s) => s.title);

  it('shows its name and a section bar of exactly its sections', async () => {
    // Wide enough for every title whole (the eleven of ada.json take 151 cells).
    const {app, screen, barRow} = await start(doc, 200, 30);
    const lines = screen();
    expect(lines[0]!.startsWith(fixture.person)).toBe(true);
    expect(lines[barRow]!.trim()).toBe(titles.map((t, i) => `${i + 1} ${t}`).join('  '));
    app.unmount();
  });

  it.each([40, 80, 120])('at %i columns the bar shows tabs from the first in order, each numbered and named, › where some are hidden', async (width) => {
    const {app, screen, barRow} = await start(doc, width, 24);
    const bar = screen()[barRow]!;
    const tabs = tabsOf(bar);
    // Cut to fit, a tab still says which section it is (1–9 jump there) and names it, whole or ending in "…".
    expect(tabs.map((t) => /^\d+/.exec(t)?.[0]), bar).toEqual(tabs.map((_, i) => String(i + 1)));
    tabs.forEach((t, i) => {
      const name = t.replace(/^\d+ /, '');
      expect(name === titles[i] || (name.endsWith('…') && titles[i]!.startsWith(name.slice(0, -1))), `${bar}: tab ${i + 1}`).toBe(true);
    });
    expect(bar.trimEnd().endsWith('›'), bar).toBe(tabs.length < titles.length);
    app.unmount();
  });

  it.each([
    [40, 16],
    [80, 24],
    [120, 40],
  ])('at %i×%i Tab visits every section and comes back; no row is wider than the screen', async (width, rows) => {
    const {app, raw, screen, press, barRow} = await start(doc, width, rows);
    for (let i = 0; i <= doc.sections.length; i++) {
      const section = i % doc.sections.length;
      const lines = screen();
      expect(lines, `section ${section}`).toHaveLength(rows);
      for (const line of lines) expect(stringWidth(line), `section ${section}: ${line}`).toBeLessThanOrEqual(width);
      expect(lines[0]!.startsWith(fixture.person.slice(0, 3))).toBe(true);
      expect(activeTab(raw().split('\n')[barRow]!), `active tab on section ${section}`).toBe(section);
      // The section's first entry is what the viewport starts with.
      const first = doc.sections[section]!.entries[0]!.title.split(/[\s,]/)[0]!;
      expect(flat(lines.slice(barRow + 1, -1)), `section ${section}, after ${i} Tab presses: it opens at its top`).toContain(first);
      await press('\t');
    }
    app.unmount();
  });

  if (resume.work?.length) {
    it('shows every work entry whole: summary, highlights and URL, also beside its projects', async () => {
      const {app, screen, builder} = await start(doc, 80, 400);
      const length = builder.section(initialState(doc.sections.length, {width: 80, rows: 400})).length;
      expect(length, 'the whole section fits the screen').toBeLessThan(390);
      const text = flat(screen());
      for (const work of resume.work ?? []) {
        for (const fact of [work.summary, ...(work.highlights ?? []), work.url]) if (fact) expect(text, `${work.name}: ${fact}`).toContain(fact);
      }
      app.unmount();
    });
  }

  it('t lists exactly the technologies of its projects and skills, with how many projects and skills list each, from the top', async () => {
    const expected = projectAndSkillTechs(resume);
    const index = techIndex(doc);
    const {app, screen, press} = await start(doc, 120, index.length + 12);
    await press('t');
    const lines = screen();
    const heading = lines.findIndex((l) => l.startsWith('Technologies ('));
    expect(heading, lines.join('\n')).toBeGreaterThan(-1);
    // ▸ marks the selection, • the technologies of the project focused when the index opened.
    const rows = lines.slice(heading + 2).filter((l) => /^(▸ |• | {2})\S/.test(l));
    const listed = rows.map((l) => l.slice(2).split(/ {2,}/)[0]!.trim());
    for (const row of rows) {
      const name = row.slice(2).split(/ {2,}/)[0]!.trim();
      const lists = (keywords: string[] | undefined) => (keywords ?? []).some((k) => k.toLowerCase() === name.toLowerCase());
      const count = (resume.projects ?? []).filter((p) => lists(p.keywords)).length + (resume.skills ?? []).filter((k) => lists(k.keywords)).length;
      expect(row, name).toMatch(new RegExp(`^.{2}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${count}(\\s|$)`));
    }
    expect(new Set(listed)).toEqual(new Set(expected));
    // Opened at the top: the most used technology selected.
    expect(rows[0]!.startsWith('▸ ')).toBe(true);
    expect(lines[heading]).toContain(`Technologies (${expected.length})`);
    app.unmount();
  });

  if (fixture.tech) {
    const tech = fixture.tech;
    it(`t, then ${tech.name} and Enter, shows exactly its projects; Esc goes back, Esc closes`, async () => {
      const index = techIndex(doc);
      const at = index.findIndex((t) => t.name.toLowerCase() === tech.name.toLowerCase());
      const {app, screen, press} = await start(doc, 100, 80);
      await press('t', 'g', ...Array.from({length: at}, () => 'j'));
      expect(screen().find((l) => l.startsWith('▸ '))).toContain(index[at]!.name);
      await press('\r');
      const text = screen().join('\n');
      const n = tech.projects.length;
      expect(text).toContain(`${index[at]!.name}: ${n} ${n === 1 ? 'project' : 'projects'}`);
      for (const title of tech.projects) expect(text).toContain(title);
      for (const other of (resume.projects ?? []).map((p) => p.name!).filter((p) => !tech.projects.includes(p))) expect(text).not.toContain(other);
      await press('\x1b');
      expect(screen().join('\n')).toContain('Technologies (');
      await press('\x1b');
      expect(screen().join('\n')).not.toContain('Technologies (');
      expect(screen()[0]!.startsWith(fixture.person)).toBe(true);
      app.unmount();
    });
  }
});

describe('search highlighting', () => {
  const ada = fixtureDocument(ANY_RESUMES[0]!.path);
  const jiwoo = fixtureDocument(ANY_RESUMES[1]!.path);

  it('marks the current match bold, inverse and underlined, the other visible ones inverse and underlined, any case; n and N walk them; Esc clears', async () => {
    const {app, raw, screen, press, builder} = await start(ada, 80, 24);
    const total = builder.search(initialState(ada.sections.length, {width: 80, rows: 24}), 'kafka').length;
    expect(total).toBeGreaterThan(1);
    await press('/', 'kafka', '\r');
    expect(screen().at(-1)).toContain(`1/${total} "kafka"`);
    const found = marked(raw());
    for (const text of found) expect(text.toLowerCase()).toBe('kafka');
    expect(current(raw()).map((t) => t.toLowerCase())).toEqual(['kafka']);
    await press('n');
    expect(screen().at(-1)).toContain(`2/${total} "kafka"`);
    await press('N', 'N');
    expect(screen().at(-1)).toContain(`${total}/${total} "kafka"`);
    await press('\x1b');
    expect(screen().at(-1)).not.toContain('"kafka"');
    expect(marked(raw())).toEqual([]);
    expect(current(raw())).toEqual([]);
    app.unmount();
  });

  it('matches Hangul as typed, composed or as jamo (NFC), and marks it', async () => {
    const {app, raw, screen, press, builder} = await start(jiwoo, 80, 24);
    const total = builder.search(initialState(jiwoo.sections.length, {width: 80, rows: 24}), '데이터').length;
    expect(total).toBeGreaterThan(3);
    await press('/', '데이터'.normalize('NFD'));
    expect(screen().at(-1)).toContain('/데이터');
    await press('\r');
    expect(screen().at(-1)).toContain(`1/${total} "데이터"`);
    const found = marked(raw());
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set(['데이터']));
    for (const line of screen()) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    app.unmount();
  });

  it('FrameBuilder: match spans take the theme’s match style, inverse and underline in mono; the current one matchCurrent', () => {
    expect(theme.styles.match).toEqual({inverse: true, underline: true});
    expect(theme.styles.matchCurrent).toEqual({inverse: true, underline: true, bold: true});
    const builder = new FrameBuilder(jiwoo, theme);
    const screen = {width: 60, rows: 20};
    const reduce = createReducer(builder.env());
    const act = (state: NavState, ...actions: Action[]) => actions.reduce(reduce, state);
    const s = act(initialState(jiwoo.sections.length, screen), {type: 'command', command: 'search'}, {type: 'text', text: 'airflow'}, {type: 'edit', key: 'submit'});
    const frame = builder.build(s);
    const spans = frame.flatMap((l) => l.filter((p) => p.style === 'match' || p.style === 'matchCurrent'));
    expect(spans.length).toBeGreaterThan(0);
    expect(new Set(spans.map((p) => p.text))).toEqual(new Set(['Airflow']));
    expect(spans.filter((p) => p.style === 'matchCurrent')).toHaveLength(1);
    expect(lineText(frame.at(-1)!)).toContain(`1/${s.search!.matches.length} "airflow"`);
  });
});

describe('the mouse on a fixture (SGR reports, as the terminal sends them)', () => {
  const ada = fixtureDocument(ANY_RESUMES[0]!.path);

  it('a click on a tab opens its section; a click on a panel focuses it; the wheel scrolls', async () => {
    const {app, raw, screen, press, barRow, builder} = await start(ada, 100, 30);
    type Report = {kind: 'press' | 'wheelUp' | 'wheelDown'; button: number; x: number; y: number};
    const emit = ({kind, button, x, y}: Report) => press(`\x1b[<${kind === 'wheelUp' ? 64 : kind === 'wheelDown' ? 65 : button};${x + 1};${y + 1}M`);
    const tabs = builder.regions(0, {width: 100, rows: 30}).bar.tabs;
    await emit({kind: 'press', button: 0, x: tabs[2]!.start + 1, y: barRow});
    expect(activeTab(raw().split('\n')[barRow]!)).toBe(2);
    expect(screen().join('\n')).toContain('Code Club Manchester');
    await emit({kind: 'press', button: 0, x: tabs[0]!.start + 1, y: barRow});
    expect(activeTab(raw().split('\n')[barRow]!)).toBe(0);
    // Work at 100 columns: the organization left, its projects boxed on the right; focus the second.
    const lines = screen();
    const second = lines.findIndex((l) => l.includes('Kubernetes migration'));
    expect(lines[second]).toContain('│');
    await emit({kind: 'press', button: 0, x: 60, y: second});
    expect(screen()[second]).toContain('┃');
    expect(screen().join('\n').split('┏').length - 1).toBe(1);
    const percent = () => Number(/(\d+)%\s*$/.exec(screen().at(-1)!)![1]);
    expect(percent()).toBe(0);
    await emit({kind: 'wheelDown', button: 0, x: 10, y: 10});
    expect(percent()).toBeGreaterThan(0);
    await emit({kind: 'wheelUp', button: 0, x: 10, y: 10});
    expect(percent()).toBe(0);
    app.unmount();
  });
});
