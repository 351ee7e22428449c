import {describe, expect, it} from 'vitest';
import type {Entry} from '../../src/document/model';
import {LINE_STEP} from '../../src/sizes';
import type {KeyPress} from '../../src/terminal/input';
import {KEYMAP, type Command} from '../../src/ui/keymap';
import type {FrameRegions} from '../../src/ui/layout/regions';
import {clampOffset, createReducer, initialState, revealOffset, scrollPercent, type Action, type Geometry, type NavState, type Region, type ReducerEnv} from '../../src/ui/state';

/** Entries to stand for panels (the reducer only compares them). */
const ENTRIES: Entry[] = Array.from({length: 10}, (_, i) => ({kind: 'project', title: `p${i}`, blocks: [], children: []}));

/** Panels of the given heights, one blank line apart, in one section of a document with `sections`. */
function geometry(heights: number[], height: number, foldable = true): Geometry {
  const panels: Region[] = [];
  let line = 0;
  heights.forEach((h, i) => {
    panels.push({entry: ENTRIES[i]!, start: line, end: line + h, foldable});
    line += h + 1;
  });
  return {lines: Math.max(0, line - 1), panels, height};
}

const SECTIONS = 3;
const SCREEN = {width: 80, rows: 24};
/** A frame with a one-row header, the bar on row 1 (three tabs of 10 columns), the body from row 2. */
const REGIONS = (height: number): FrameRegions => ({
  header: {top: 0, lines: [[]], unfolded: false, offset: 0, total: 1},
  bar: {row: 1, line: [], tabs: [0, 1, 2].map((section) => ({section, start: section * 10, end: section * 10 + 10}))},
  body: {top: 2, height},
  status: {row: 2 + height},
});
/** The reducer in an environment whose geometry is `g` (or follows the state). */
const envOf = (g: Geometry | ((s: NavState) => Geometry), extra: Partial<ReducerEnv> = {}): ReducerEnv => {
  const geometryOf = typeof g === 'function' ? g : () => g;
  return {sectionCount: SECTIONS, geometry: geometryOf, regions: (s) => REGIONS(geometryOf(s).height), matches: () => [], ...extra};
};
const reduce = (state: NavState, action: Action, g: Geometry | ((s: NavState) => Geometry), extra?: Partial<ReducerEnv>) => createReducer(envOf(g, extra))(state, action);
const run = (state: NavState, g: Geometry, ...commands: Command[]) => commands.reduce((s, command) => reduce(s, {type: 'command', command}, g), state);
const at = (s: NavState) => ({focus: s.focus[s.section], offset: s.offset[s.section]});
const start0 = () => initialState(SECTIONS, SCREEN);

describe('clamping', () => {
  it('keeps offsets between 0 and the last full page', () => {
    expect(clampOffset(-5, 100, 10)).toBe(0);
    expect(clampOffset(95, 100, 10)).toBe(90);
    expect(clampOffset(50, 100, 10)).toBe(50);
    expect(clampOffset(3, 5, 10)).toBe(0);
  });
  it('reveals a region whole when it fits, else its top', () => {
    const r = {entry: ENTRIES[0]!, start: 20, end: 25, foldable: false};
    expect(revealOffset(0, r, 10)).toBe(15);
    expect(revealOffset(30, r, 10)).toBe(20);
    expect(revealOffset(18, r, 10)).toBe(18);
    expect(revealOffset(0, {...r, end: 40}, 10)).toBe(20);
  });
  it('reports the scroll position in percent', () => {
    expect(scrollPercent(0, 100, 10)).toBe(0);
    expect(scrollPercent(45, 100, 10)).toBe(50);
    expect(scrollPercent(90, 100, 10)).toBe(100);
    expect(scrollPercent(0, 5, 10)).toBe(100);
  });
});

describe('moving between panels', () => {
  const g = geometry([5, 5, 5, 5], 10); // panels at 0, 6, 12, 18; 23 lines
  const start = start0();

  it('j moves focus to the next panel and scrolls it into view', () => {
    const s = run(start, g, 'down');
    expect(at(s)).toEqual({focus: 1, offset: 1});
    expect(at(run(start, g, 'down', 'down'))).toEqual({focus: 2, offset: 7});
  });
  it('k moves back, and stops at the first panel', () => {
    expect(at(run(start, g, 'down', 'down', 'up'))).toEqual({focus: 1, offset: 6});
    expect(at(run(start, g, 'up'))).toEqual({focus: 0, offset: 0});
  });
  it('j on the last panel stays there and scrolls to the end', () => {
    const s = run(start, g, 'down', 'down', 'down', 'down', 'down');
    expect(at(s)).toEqual({focus: 3, offset: 13});
  });
  it('reads on inside a panel taller than the screen before moving on', () => {
    const tall = geometry([25, 5], 10);
    const s1 = run(start, tall, 'down');
    expect(at(s1)).toEqual({focus: 0, offset: LINE_STEP});
    const s2 = run(start, tall, ...Array<Command>(5).fill('down'));
    expect(at(s2)).toEqual({focus: 0, offset: 15});
    const s3 = run(s2, tall, 'down');
    expect(at(s3)).toEqual({focus: 1, offset: 21});
    // and back up: into the tall panel, then up through it
    const s4 = run(s3, tall, 'up');
    expect(s4.focus[0]).toBe(0);
    expect(at(run(s4, tall, 'up')).offset).toBe(0);
  });
});

describe('paging', () => {
  const g = geometry([5, 5, 5, 5, 5, 5], 10); // 35 lines
  const start = start0();
  it('Space pages down and focus follows to the first panel whose title is on screen', () => {
    // Panels at lines 0, 6, 12…: from line 10 panel 1's last line shows, but its title (line 7) does not; panel 2's (13) does.
    const s = run(start, g, 'pageDown');
    expect(at(s)).toEqual({focus: 2, offset: 10});
  });
  it('a page move inside a panel taller than the screen keeps the focus on it (no title is on screen)', () => {
    const tall = geometry([30, 5], 10);
    expect(at(run(start, tall, 'pageDown'))).toEqual({focus: 0, offset: 10});
  });
  it('a page move keeps the focused panel when its title is still on screen', () => {
    const s = run(start, g, 'down');
    expect(at(s)).toEqual({focus: 1, offset: 1});
    expect(at(run(s, g, 'halfDown')), 'panel 1 (title on line 7) stays focused at offset 6').toEqual({focus: 1, offset: 6});
  });
  it('b pages up, d and u move half a page', () => {
    expect(at(run(start, g, 'pageDown', 'pageUp')).offset).toBe(0);
    expect(at(run(start, g, 'halfDown')).offset).toBe(5);
    expect(at(run(start, g, 'halfDown', 'halfUp')).offset).toBe(0);
  });
  it('G goes to the end and the last panel, g back to the top', () => {
    expect(at(run(start, g, 'bottom'))).toEqual({focus: 5, offset: 25});
    expect(at(run(start, g, 'bottom', 'top'))).toEqual({focus: 0, offset: 0});
  });
  it('never scrolls past either end', () => {
    expect(at(run(start, g, 'pageDown', 'pageDown', 'pageDown', 'pageDown')).offset).toBe(25);
    expect(at(run(start, g, 'pageUp')).offset).toBe(0);
  });  it('half a page is at least a line in every view, one or two rows tall: the section, the help, the header', () => {
    for (const [height, half] of [[1, 1], [2, 1], [3, 1], [4, 2]] as const) {
      const short = geometry([30], height);
      expect(at(run(start, short, 'halfDown')).offset, `section, ${height} rows`).toBe(half);
      expect(at(run(start, short, 'halfDown', 'halfUp')).offset).toBe(0);
      const help = run({...start, help: true}, {lines: 30, panels: [], height}, 'halfDown');
      expect(help.helpOffset, `help, ${height} rows`).toBe(half);
      // The unfolded header: 30 lines in `height` rows (the regions say where it is scrolled).
      const header = (s: NavState): FrameRegions => ({...REGIONS(10), header: {top: 0, lines: Array.from({length: height}, () => []), unfolded: true, offset: s.about?.offset ?? 0, total: 30}});
      const about = reduce({...start, about: {offset: 0}}, {type: 'command', command: 'halfDown'}, g, {regions: header});
      expect(about.about, `header, ${height} rows`).toEqual({offset: half});
    }
  });
});

describe('sections', () => {
  const g = geometry([5, 5], 10);
  const start = start0();
  it('Tab and Shift-Tab cycle, keeping each section’s place', () => {
    const s = run(start, g, 'down', 'nextSection');
    expect(s.section).toBe(1);
    expect(run(s, g, 'prevSection').focus[0]).toBe(1);
    expect(run(start, g, 'prevSection').section).toBe(2);
    expect(run(start, g, 'nextSection', 'nextSection', 'nextSection').section).toBe(0);
  });
  it('digits jump, and ignore sections that do not exist', () => {
    expect(reduce(start, {type: 'command', command: 'jumpSection', digit: 3}, g).section).toBe(2);
    expect(reduce(start, {type: 'command', command: 'jumpSection', digit: 9}, g)).toBe(start);
  });
  it('an empty section has no focus and scrolls nothing', () => {
    const empty: Geometry = {lines: 0, panels: [], height: 10};
    const s = run(start, empty, 'down', 'pageDown', 'bottom', 'toggle');
    expect(at(s)).toEqual({focus: -1, offset: 0});
  });
});

describe('folding, help and quitting', () => {
  const start = start0();
  it('Enter folds the focused panel and unfolds it again', () => {
    const g = geometry([5, 5], 10);
    const s = run(start, g, 'down', 'toggle');
    expect([...s.collapsed]).toEqual([ENTRIES[1]]);
    expect([...run(s, g, 'toggle').collapsed]).toEqual([]);
  });
  it('Enter does nothing on a panel that cannot fold', () => {
    const g = geometry([5], 10, false);
    expect(run(start, g, 'toggle')).toBe(start);
  });
  it('z folds every project of the section, then unfolds them', () => {
    const g = geometry([5, 5, 5], 10);
    const s = run(start, g, 'toggleAll');
    expect([...s.collapsed]).toEqual(ENTRIES.slice(0, 3));
    expect(run(s, g, 'toggleAll').collapsed.size).toBe(0);
  });
  it('re-reads the layout after folding, keeping the focused panel in view', () => {
    const open = geometry([20, 20], 10);
    const folded = geometry([20, 2], 10);
    const s = run(start, open, 'down', 'down', 'down', 'down', 'down', 'down', 'down');
    expect(s.focus[0]).toBe(1);
    const after = reduce(s, {type: 'command', command: 'toggle'}, (st) => (st.collapsed.size > 0 ? folded : open));
    expect(at(after)).toEqual({focus: 1, offset: 13});
  });
  it('? opens the help, which scrolls on its own and closes with ? or Esc', () => {
    const g = geometry([5, 5], 10);
    const helpG: Geometry = {lines: 30, panels: [], height: 10};
    const s = run(start, g, 'help');
    expect(s.help).toBe(true);
    const scrolled = reduce(s, {type: 'command', command: 'pageDown'}, helpG);
    expect(scrolled.helpOffset).toBe(10);
    expect(scrolled.offset[0]).toBe(0);
    expect(reduce(scrolled, {type: 'command', command: 'back'}, helpG).help).toBe(false);
    expect(reduce(scrolled, {type: 'command', command: 'help'}, helpG).help).toBe(false);
    expect(reduce(scrolled, {type: 'command', command: 'back'}, helpG).quit).toBe(false);
    expect(reduce(scrolled, {type: 'command', command: 'quit'}, helpG).quit).toBe(true);
    expect(reduce(scrolled, {type: 'command', command: 'suspend'}, helpG)).toMatchObject({suspends: 1, help: true, helpOffset: 10});
  });
  it('Esc with nothing open does not quit: it leaves the place as it was and notes that q quits; q quits', () => {
    const g = geometry([5], 10);
    const moved = run(start, geometry([5, 5, 5], 4), 'down');
    const escaped = run(moved, geometry([5, 5, 5], 4), 'back');
    expect(escaped.quit).toBe(false);
    expect(at(escaped)).toEqual(at(moved));
    expect(escaped.notice).toBe(true);
    expect(run(escaped, geometry([5, 5, 5], 4), 'down').notice, 'the note lasts until the next key').toBe(false);
    expect(run(start, g, 'quit').quit).toBe(true);
  });
});

describe('resize', () => {
  it('clamps an offset that the new size puts past the end', () => {
    const big = geometry([5, 5, 5, 5], 20);
    const start = start0();
    const s = run(start, geometry([5, 5, 5, 5], 5), 'bottom');
    expect(at(s).offset).toBe(18);
    const resized = reduce(s, {type: 'resize', screen: {width: 80, rows: 40}}, big);
    expect(resized.screen).toEqual({width: 80, rows: 40});
    expect(at(resized)).toEqual({focus: 3, offset: 3});
  });
  it('keeps the reader’s place when the focused panel is still in view', () => {
    const g = geometry([30, 5], 10);
    const s = run(start0(), g, 'down');
    expect(at(reduce(s, {type: 'resize', screen: {width: 80, rows: 22}}, geometry([30, 5], 8))).offset).toBe(LINE_STEP);
  });
  it('keeps the reader’s place when a shrink hides the focused panel, and focuses one in view', () => {
    const s = run(start0(), geometry([5, 5, 5], 20), 'down', 'down');
    expect(at(s)).toEqual({focus: 2, offset: 0});
    const small = reduce(s, {type: 'resize', screen: {width: 80, rows: 12}}, geometry([5, 5, 5], 5));
    expect(at(small)).toEqual({focus: 0, offset: 0});
    // growing back shows what was shown before
    expect(at(reduce(small, {type: 'resize', screen: {width: 80, rows: 30}}, geometry([5, 5, 5], 20))).offset).toBe(0);
  });
});

describe('input reaches the reducer as keys, text, pastes and clicks', () => {
  const g = geometry([5, 5, 5], 10);
  const key = (k: KeyPress): Action => ({type: 'key', key: k});
  const matches = (_s: NavState, query: string) => (query === 'hit' ? [{section: 1, line: 0, panel: 0}] : []);

  it('a key means what the keymap says here: j moves, Tab changes section, q quits', () => {
    expect(at(reduce(start0(), key({input: 'j'}), g)).focus).toBe(1);
    expect(reduce(start0(), key({name: 'tab', input: ''}), g).section).toBe(1);
    expect(reduce(start0(), key({name: 'tab', input: '', shift: true}), g).section).toBe(2);
    expect(reduce(start0(), key({input: '2'}), g).section).toBe(1);
    expect(reduce(start0(), key({input: 'q'}), g).quit).toBe(true);
    const s = start0();
    expect(reduce(s, key({input: 'x'}), g)).toBe(s);
  });

  it('text typed together is taken key by key: "jj" moves twice, "/hit" opens search and types its query', () => {
    expect(at(reduce(start0(), {type: 'text', text: 'jj'}, g)).focus).toBe(2);
    const searching = reduce(start0(), {type: 'text', text: 'j/hit'}, g, {matches});
    expect(at(searching).focus).toBe(1);
    expect(searching.search).toMatchObject({query: 'hit', editing: true});
    const found = reduce(searching, key({name: 'return', input: ''}), g, {matches});
    expect(found.search).toMatchObject({editing: false, current: 0, matches: [{section: 1, line: 0, panel: 0}]});
    expect(found.section).toBe(1);
  });

  it('in the search line, characters are text and only Ctrl-C among the commands still works', () => {
    const open = reduce(start0(), key({input: '/'}), g);
    const typed = reduce(open, {type: 'text', text: 'qj'}, g);
    expect(typed.quit).toBe(false);
    expect(typed.search?.query).toBe('qj');
    const back = reduce(typed, key({name: 'backspace', input: ''}), g);
    expect(back.search?.query).toBe('q');
    const left = reduce(back, key({name: 'left', input: ''}), g);
    expect(left.search?.cursor).toBe(0);
    expect(reduce(typed, key({input: 'c', ctrl: true}), g).quit).toBe(true);
    expect(reduce(typed, key({name: 'escape', input: ''}), g).search).toBeUndefined();
  });

  it('a paste is text in the search line (line breaks as spaces) and nothing outside it', () => {
    const open = reduce(start0(), key({input: '/'}), g);
    expect(reduce(open, {type: 'paste', text: 'Kafka\nq'}, g).search?.query).toBe('Kafka q');
    const s = start0();
    expect(reduce(s, {type: 'paste', text: 'jjq'}, g)).toBe(s);
  });

  it('a click on a tab opens its section; on a panel focuses it; elsewhere does nothing', () => {
    expect(reduce(start0(), {type: 'click', x: 25, y: 1}, g).section).toBe(2);
    expect(reduce(start0(), {type: 'click', x: 35, y: 1}, g).section).toBe(0);
    // Body from row 2: panel 1 spans lines 6–10.
    expect(at(reduce(start0(), {type: 'click', x: 5, y: 2 + 7}, g)).focus).toBe(1);
    expect(at(reduce(start0(), {type: 'click', x: 5, y: 2 + 5}, g)).focus).toBe(0);
    expect(at(reduce(start0(), {type: 'click', x: 5, y: 0}, g)).focus).toBe(0);
  });

  it('the wheel scrolls by the step it is given, clamped', () => {
    const long = geometry([5, 5, 5, 5, 5], 10);
    expect(at(reduce(start0(), {type: 'scroll', delta: 3}, long)).offset).toBe(3);
    expect(at(reduce(start0(), {type: 'scroll', delta: -3}, long)).offset).toBe(0);
  });

  it('below the minimum size only q does anything, and the place is kept for when it grows back', () => {
    const s = run(start0(), g, 'down');
    const tiny = reduce(s, {type: 'resize', screen: {width: 20, rows: 5}}, g);
    expect(tiny.screen).toEqual({width: 20, rows: 5});
    expect(at(tiny)).toEqual(at(s));
    expect(reduce(tiny, key({input: 'j'}), g)).toBe(tiny);
    expect(reduce(tiny, {type: 'text', text: 'j/x'}, g)).toBe(tiny);
    expect(reduce(tiny, key({input: 'q'}), g).quit).toBe(true);
    expect(reduce(tiny, key({name: 'escape', input: ''}), g)).toBe(tiny);
  });

  it('at 30×5 Ctrl-Z suspends, as the keymap says, and keeps the place; q still quits', () => {
    const s = run(start0(), g, 'down');
    const tiny = reduce(s, {type: 'resize', screen: {width: 30, rows: 5}}, g);
    const suspended = reduce(tiny, key({input: 'z', ctrl: true}), g);
    expect(suspended.suspends).toBe(1);
    expect(at(suspended)).toEqual(at(s));
    expect(suspended.quit).toBe(false);
    expect(reduce(suspended, key({input: 'z', ctrl: true}), g).suspends).toBe(2);
    expect(reduce(tiny, {type: 'command', command: 'suspend'}, g).suspends).toBe(1);
    // Every command the keymap keeps below the minimum size does something there; the others nothing.
    for (const binding of KEYMAP) {
      const next = reduce(tiny, {type: 'command', command: binding.command, digit: 1}, g);
      if (binding.whenTooSmall) expect(next, binding.command).not.toBe(tiny);
      else expect(next, binding.command).toBe(tiny);
    }
    expect(reduce(tiny, key({input: 'q'}), g).quit).toBe(true);
  });
});
