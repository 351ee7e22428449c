import {describe, expect, it} from 'vitest';
import {FrameBuilder} from '../../src/ui/frame';
import {lineText, lineWidth} from '../../src/ui/layout/lines';
import {frameRegions} from '../../src/ui/layout/regions';
import {createReducer, initialState} from '../../src/ui/state';
import {createTheme} from '../../src/theme/theme';
import {HEADER_CONTACTS_ROWS, HEADER_GREETING_ROWS} from '../../src/sizes';
import {fixtureDocument} from '../helpers/resume';
import {jiwooJson} from '../helpers/e2e-jiwoo';
import type {Line} from '../../src/ui/layout/lines';
import type {Command} from '../../src/ui/keymap';
import {HEADER_MATCH} from '../../src/ui/search';
import {cellWidth} from '../../src/text/width';

// test/fixtures/jiwoo.json: a name and label, a summary, contacts, and ten sections.
const doc = fixtureDocument('jiwoo');
const count = doc.sections.length;
const theme = createTheme({color: false, ascii: false});

describe('frame regions: one description of the screen for drawing and the mouse', () => {
  it('the header grows with the rows; the bar, body and status follow it; the frame is as tall as the terminal, the status bar its last row', () => {
    for (const [rows, headerRows] of [[HEADER_GREETING_ROWS - 1, 1], [HEADER_GREETING_ROWS, 2], [HEADER_CONTACTS_ROWS, 3]] as const) {
      const r = frameRegions(doc, 0, {width: 100, rows});
      expect(r.header.lines).toHaveLength(headerRows);
      expect(r.bar.row).toBe(headerRows);
      expect(r.body.top).toBe(headerRows + 1);
      expect(r.status.row).toBe(r.body.top + r.body.height);
      expect(r.status.row).toBe(rows - 1);
    }
  });
  it('the drawn frame puts each region where the regions say', () => {
    const screen = {width: 100, rows: 30};
    const builder = new FrameBuilder(doc, theme);
    const frame = builder.build(initialState(count, screen));
    const r = builder.regions(0, screen);
    expect(lineText(frame[0]!)).toContain(doc.name);
    expect(lineText(frame[r.bar.row]!)).toBe(lineText(r.bar.line));
    expect(lineText(frame[r.status.row]!)).toMatch(/ 0% $/);
    expect(frame).toHaveLength(screen.rows);
  });
  it('tabs have columns on the bar row, side by side, each naming its section', () => {
    const r = frameRegions(doc, 0, {width: 100, rows: 30});
    // Its ten sections all get a tab in 100 columns (titles shorten to fit; no tab is left off).
    expect(r.bar.tabs.map((t) => t.section)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.bar.tabs[0]!.start).toBe(0);
    for (let i = 1; i < r.bar.tabs.length; i++) expect(r.bar.tabs[i]!.start).toBe(r.bar.tabs[i - 1]!.end);
    expect(r.bar.tabs.at(-1)!.end).toBeLessThanOrEqual(lineWidth(r.bar.line));
  });
  it('a tab says which section it opens, also when the bar leaves the far tabs off', () => {
    const titles = Array.from({length: 30}, (_, i) => `Section number ${i + 1}`);
    const many = {...doc, sections: titles.map((title) => ({id: 'skills' as const, title, entries: []}))};
    const tabs = frameRegions(many, 25, {width: 40, rows: 20}).bar.tabs;
    expect(tabs.length).toBeLessThan(30);
    expect(tabs.some((t) => t.section === 25)).toBe(true);
    expect(tabs[0]!.section).toBeGreaterThan(0);
    expect(tabs.map((t) => t.section)).toEqual(Array.from({length: tabs.length}, (_, i) => tabs[0]!.section + i));
  });
});

describe('clicks and the wheel through the reducer, on the real frame', () => {
  const screen = {width: 100, rows: 30};
  const builder = new FrameBuilder(doc, theme);
  const reduce = createReducer(builder.env());
  const start = initialState(count, screen);
  const r = builder.regions(0, screen);

  it('a click on a tab opens its section, also a tab past 9', () => {
    for (const tab of [r.bar.tabs[2]!, r.bar.tabs[9]!]) {
      expect(reduce(start, {type: 'click', x: tab.start, y: r.bar.row}).section).toBe(tab.section);
      expect(reduce(start, {type: 'click', x: tab.end - 1, y: r.bar.row}).section).toBe(tab.section);
    }
  });
  it('a click on a panel focuses it; a click on the status line does nothing', () => {
    const panels = builder.section(start).panels;
    const second = reduce(start, {type: 'click', x: 60, y: r.body.top + panels[1]!.start + 1});
    expect(second.focus[0]).toBe(1);
    expect(reduce(start, {type: 'click', x: 60, y: r.status.row})).toBe(start);
  });
  it('a click on the header unfolds it, and a click on it again folds it', () => {
    const unfolded = reduce(start, {type: 'click', x: 60, y: 0});
    expect(unfolded.about).toEqual({offset: 0});
    const again = builder.regions(0, screen, unfolded.about);
    expect(reduce(unfolded, {type: 'click', x: 0, y: again.header.lines.length - 1}).about).toBeUndefined();
  });
  it('the wheel scrolls the content, clamped', () => {
    const s = reduce(start, {type: 'scroll', delta: 3});
    expect(s.offset[0]).toBe(3);
    expect(reduce(s, {type: 'scroll', delta: -10}).offset[0]).toBe(0);
  });
});

describe('the header unfolded (i): every word of it, in the frame regions', () => {
  const jiwoo = jiwooJson();
  const basics = jiwoo.basics!;
  const builder = new FrameBuilder(doc, theme);
  const reduce = createReducer(builder.env());
  const press = (state: ReturnType<typeof initialState>, ...commands: Command[]) =>
    commands.reduce((s, command) => reduce(s, {type: 'command', command}), state);
  const text = (lines: Line[]) => lines.map(lineText).join('\n');
  // Every contact of the fixture, as written in it (not as the document builder words them).
  const contactWords = [basics.email!, basics.phone!, basics.url!, basics.location!.address!, basics.location!.postalCode!,
    ...basics.profiles!.flatMap((p) => [p.network!, p.username!])];

  it.each([[40, 10], [80, 24], [100, 30], [200, 60]] as const)('at %i×%i: folded it is cut, unfolded (scrolled through) it holds the whole summary and every contact and profile', (width, rows) => {
    const screen = {width, rows};
    const folded = builder.build(initialState(count, screen));
    if (cellWidth(basics.summary!) > width) expect(text(folded)).not.toContain(basics.summary!.slice(-20));
    let state = press(initialState(count, screen), 'about');
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const frame = builder.build(state);
      expect(frame).toHaveLength(rows);
      for (const line of frame) expect(lineWidth(line)).toBeLessThanOrEqual(width);
      const r = builder.regions(state.section, screen, state.about);
      expect(r.header.unfolded).toBe(true);
      expect(lineText(frame[r.bar.row]!)).toBe(lineText(r.bar.line));
      expect(r.status.row).toBe(rows - 1);
      seen.push(...frame.slice(0, r.bar.row).map(lineText));
      const next = press(state, 'down');
      if (next === state) break;
      state = next;
    }
    // Joined without line breaks: the summary wraps across rows.
    const all = seen.join('').replace(/\s+/g, '');
    expect(all).toContain(basics.summary!.replace(/\s+/g, ''));
    for (const word of contactWords) expect(all, word).toContain(word.replace(/\s+/g, ''));
    expect(press(state, 'about').about).toBeUndefined();
    expect(press(state, 'back').about).toBeUndefined();
  });
  it('at 200×60 the whole header fits: the section stays below it, and the keys do not scroll it', () => {
    const screen = {width: 200, rows: 60};
    const state = press(initialState(count, screen), 'about');
    const r = builder.regions(0, screen, state.about);
    expect(r.header.lines.length).toBe(r.header.total);
    expect(r.body.height).toBeGreaterThan(20);
    expect(press(state, 'down')).toBe(state);
  });
  it('a section key folds the header and goes to the section', () => {
    const state = press(initialState(count, {width: 80, rows: 24}), 'about', 'nextSection');
    expect(state.about).toBeUndefined();
    expect(state.section).toBe(1);
  });
  it('search finds the summary and the address in the header, unfolds it to show them, and marks the current match apart', () => {
    const screen = {width: 80, rows: 24};
    for (const query of [basics.location!.address!, basics.summary!.split(' ').at(-2)!]) {
      let state = press(initialState(count, screen), 'search');
      state = reduce(state, {type: 'text', text: query});
      state = reduce(state, {type: 'edit', key: 'submit'});
      expect(state.search!.matches.length, query).toBeGreaterThan(0);
      expect(state.search!.matches[0]!.section, query).toBe(HEADER_MATCH);
      expect(state.about, query).toBeDefined();
      const frame = builder.build(state);
      const r = builder.regions(state.section, screen, state.about);
      const current = frame.slice(0, r.bar.row).flatMap((l) => l.filter((sp) => sp.style === 'matchCurrent'));
      expect(current.map((sp) => sp.text), query).toEqual([query]);
    }
  });
});
