import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {FrameBuilder} from '../../src/ui/frame';
import {filterMouse, parseMouse, type MouseEvent} from '../../src/ui/mouse';
import {initialState, reduce} from '../../src/ui/state';
import {createTheme} from '../../src/ui/theme';
import {fixtureDocument} from '../helpers/resume';

describe('SGR mouse reports', () => {
  it('parse wheel, press and release; coordinates become 0-based', () => {
    const {events, rest, pending} = parseMouse('\x1b[<64;10;5M\x1b[<65;1;1M\x1b[<0;30;3M\x1b[<0;30;3m\x1b[<2;4;4M');
    expect(events).toEqual([
      {kind: 'wheelUp', button: 0, x: 9, y: 4},
      {kind: 'wheelDown', button: 0, x: 0, y: 0},
      {kind: 'press', button: 0, x: 29, y: 2},
      {kind: 'release', button: 0, x: 29, y: 2},
      {kind: 'press', button: 2, x: 3, y: 3},
    ]);
    expect(rest).toBe('');
    expect(pending).toBe('');
  });
  it('leave keys alone, modifiers do not change the button, motion is ignored', () => {
    const {events, rest} = parseMouse('j\x1b[<4;2;2Mk\x1b[<35;5;5M\x1b[B');
    expect(events).toEqual([{kind: 'press', button: 0, x: 1, y: 1}]);
    expect(rest).toBe('jk\x1b[B');
  });
  it('hold back a report cut off at the end of a chunk, but never a lone Esc', () => {
    expect(parseMouse('q\x1b[<64;1')).toEqual({events: [], rest: 'q', pending: '\x1b[<64;1'});
    expect(parseMouse('\x1b')).toEqual({events: [], rest: '\x1b', pending: ''});
  });
  it('filterMouse passes keys on to Ink and emits the reports, across chunk boundaries', async () => {
    const source = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
    Object.assign(source, {setRawMode: () => source});
    const filtered = filterMouse(source);
    const events: MouseEvent[] = [];
    filtered.mouse.on('mouse', (e: MouseEvent) => events.push(e));
    let keys = '';
    filtered.stdin.on('data', (d: string) => (keys += d));
    source.write('j\x1b[<65;3');
    source.write(';4Mk');
    await new Promise((r) => setTimeout(r, 10));
    expect(keys).toBe('jk');
    expect(events).toEqual([{kind: 'wheelDown', button: 0, x: 2, y: 3}]);
    expect(filtered.stdin.isTTY).toBe(true);
    filtered.dispose();
  });
});

describe('mouse actions', () => {
  const doc = fixtureDocument('jiwoo');
  const count = doc.sections.length;
  const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
  const screen = {width: 100, rows: 30};
  const g = (s: ReturnType<typeof initialState>) => builder.geometry(s, screen);
  it('the wheel scrolls the content, clamped', () => {
    let s = reduce(initialState(count), {type: 'scroll', delta: 3}, g, count);
    expect(s.offset[0]).toBe(3);
    s = reduce(s, {type: 'scroll', delta: -10}, g, count);
    expect(s.offset[0]).toBe(0);
  });
  it('a click on a panel focuses it; a click between panels does nothing', () => {
    const panels = builder.section(initialState(count), 100).panels;
    const s = reduce(initialState(count), {type: 'click', line: panels[1]!.start + 2}, g, count);
    expect(s.focus[0]).toBe(1);
    const between = reduce(initialState(count), {type: 'click', line: 10_000}, g, count);
    expect(between.focus[0]).toBe(0);
  });
  it('tabs have columns on the section bar row, under the header', () => {
    const chrome = builder.chrome(initialState(count), screen);
    // jiwoo's header at 30 rows: the name line, the summary, the contacts.
    expect(chrome.barRow).toBe(3);
    expect(chrome.top).toBe(4);
    // Its ten sections all get a tab in 100 columns (titles shorten to fit; no tab is left off).
    expect(chrome.tabs).toHaveLength(10);
    expect(chrome.tabs[0]!.start).toBe(0);
    expect(chrome.tabs[1]!.start).toBe(chrome.tabs[0]!.end);
    expect(chrome.tabs.map((t) => t.section)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it('a tab says which section it opens, also when the bar leaves the far tabs off', () => {
    const titles = Array.from({length: 30}, (_, i) => `Section number ${i + 1}`);
    const many = {...doc, sections: titles.map((title, i) => ({id: `s${i}`, title, entries: []}))};
    const wide = new FrameBuilder(many, createTheme({color: false, ascii: false}));
    const state = {...initialState(30), section: 25};
    const tabs = wide.chrome(state, {width: 40, rows: 20}).tabs;
    expect(tabs.length).toBeLessThan(30);
    expect(tabs.some((t) => t.section === 25)).toBe(true);
    expect(tabs[0]!.section).toBeGreaterThan(0);
    expect(tabs.map((t) => t.section)).toEqual(Array.from({length: tabs.length}, (_, i) => tabs[0]!.section + i));
  });
});
