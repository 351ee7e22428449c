import {describe, expect, it} from 'vitest';
import {clampOffset, initialState, LINE_STEP, reduce, revealOffset, scrollPercent, type Geometry, type NavState, type Region} from '../../src/ui/state';
import type {Command} from '../../src/ui/keymap';

/** Panels of the given heights, one blank line apart, in one section of a document with `sections`. */
function geometry(heights: number[], height: number, foldable = true): Geometry {
  const panels: Region[] = [];
  let line = 0;
  heights.forEach((h, i) => {
    panels.push({key: `s/${i}`, start: line, end: line + h, foldable});
    line += h + 1;
  });
  return {lines: Math.max(0, line - 1), panels, height};
}

const SECTIONS = 3;
const fixed = (g: Geometry) => () => g;
const run = (state: NavState, g: Geometry, ...commands: Command[]) =>
  commands.reduce((s, command) => reduce(s, {type: 'command', command}, fixed(g), SECTIONS), state);
const at = (s: NavState) => ({focus: s.focus[s.section], offset: s.offset[s.section]});

describe('clamping', () => {
  it('keeps offsets between 0 and the last full page', () => {
    expect(clampOffset(-5, 100, 10)).toBe(0);
    expect(clampOffset(95, 100, 10)).toBe(90);
    expect(clampOffset(50, 100, 10)).toBe(50);
    expect(clampOffset(3, 5, 10)).toBe(0);
  });
  it('reveals a region whole when it fits, else its top', () => {
    const r = {key: 'a', start: 20, end: 25, foldable: false};
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
  const start = initialState(SECTIONS);

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
  const start = initialState(SECTIONS);
  it('Space pages down and focus follows to a visible panel', () => {
    const s = run(start, g, 'pageDown');
    expect(at(s)).toEqual({focus: 1, offset: 10});
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
  });
});

describe('sections', () => {
  const g = geometry([5, 5], 10);
  const start = initialState(SECTIONS);
  it('Tab and Shift-Tab cycle, keeping each section’s place', () => {
    const s = run(start, g, 'down', 'nextSection');
    expect(s.section).toBe(1);
    expect(run(s, g, 'prevSection').focus[0]).toBe(1);
    expect(run(start, g, 'prevSection').section).toBe(2);
    expect(run(start, g, 'nextSection', 'nextSection', 'nextSection').section).toBe(0);
  });
  it('digits jump, and ignore sections that do not exist', () => {
    expect(reduce(start, {type: 'command', command: 'jumpSection', digit: 3}, fixed(g), SECTIONS).section).toBe(2);
    expect(reduce(start, {type: 'command', command: 'jumpSection', digit: 9}, fixed(g), SECTIONS)).toBe(start);
  });
  it('an empty section has no focus and scrolls nothing', () => {
    const empty: Geometry = {lines: 0, panels: [], height: 10};
    const s = run(start, empty, 'down', 'pageDown', 'bottom', 'toggle');
    expect(at(s)).toEqual({focus: -1, offset: 0});
  });
});

describe('folding, help and quitting', () => {
  const start = initialState(SECTIONS);
  it('Enter folds the focused panel and unfolds it again', () => {
    const g = geometry([5, 5], 10);
    const s = run(start, g, 'down', 'toggle');
    expect([...s.collapsed]).toEqual(['s/1']);
    expect([...run(s, g, 'toggle').collapsed]).toEqual([]);
  });
  it('Enter does nothing on a panel that cannot fold', () => {
    const g = geometry([5], 10, false);
    expect(run(start, g, 'toggle')).toBe(start);
  });
  it('z folds every project of the section, then unfolds them', () => {
    const g = geometry([5, 5, 5], 10);
    const s = run(start, g, 'toggleAll');
    expect([...s.collapsed].sort()).toEqual(['s/0', 's/1', 's/2']);
    expect(run(s, g, 'toggleAll').collapsed.size).toBe(0);
  });
  it('re-reads the layout after folding, keeping the focused panel in view', () => {
    const open = geometry([20, 20], 10);
    const folded = geometry([20, 2], 10);
    const s = run(start, open, 'down', 'down', 'down', 'down', 'down', 'down', 'down');
    expect(s.focus[0]).toBe(1);
    const after = reduce(s, {type: 'command', command: 'toggle'}, (st) => (st.collapsed.size > 0 ? folded : open), SECTIONS);
    expect(at(after)).toEqual({focus: 1, offset: 13});
  });
  it('? opens the help, which scrolls on its own and closes with ? or Esc', () => {
    const g = geometry([5, 5], 10);
    const helpG: Geometry = {lines: 30, panels: [], height: 10};
    const s = run(start, g, 'help');
    expect(s.help).toBe(true);
    const scrolled = reduce(s, {type: 'command', command: 'pageDown'}, fixed(helpG), SECTIONS);
    expect(scrolled.helpOffset).toBe(10);
    expect(scrolled.offset[0]).toBe(0);
    expect(reduce(scrolled, {type: 'command', command: 'back'}, fixed(helpG), SECTIONS).help).toBe(false);
    expect(reduce(scrolled, {type: 'command', command: 'help'}, fixed(helpG), SECTIONS).help).toBe(false);
    expect(reduce(scrolled, {type: 'command', command: 'back'}, fixed(helpG), SECTIONS).quit).toBe(false);
  });
  it('Esc with nothing open quits, and so does q', () => {
    const g = geometry([5], 10);
    expect(run(start, g, 'back').quit).toBe(true);
    expect(run(start, g, 'quit').quit).toBe(true);
  });
});

describe('resize', () => {
  it('clamps an offset that the new size puts past the end', () => {
    const big = geometry([5, 5, 5, 5], 20);
    const start = initialState(SECTIONS);
    const s = run(start, geometry([5, 5, 5, 5], 5), 'bottom');
    expect(at(s).offset).toBe(18);
    const resized = reduce(s, {type: 'resize'}, fixed(big), SECTIONS);
    expect(at(resized)).toEqual({focus: 3, offset: 3});
  });
  it('keeps the reader’s place when the focused panel is still in view', () => {
    const g = geometry([30, 5], 10);
    const s = run(initialState(SECTIONS), g, 'down');
    expect(at(reduce(s, {type: 'resize'}, fixed(geometry([30, 5], 8)), SECTIONS)).offset).toBe(LINE_STEP);
  });
  it('keeps the reader’s place when a shrink hides the focused panel, and focuses one in view', () => {
    const s = run(initialState(SECTIONS), geometry([5, 5, 5], 20), 'down', 'down');
    expect(at(s)).toEqual({focus: 2, offset: 0});
    const small = reduce(s, {type: 'resize'}, fixed(geometry([5, 5, 5], 5)), SECTIONS);
    expect(at(small)).toEqual({focus: 0, offset: 0});
    // growing back shows what was shown before
    expect(at(reduce(small, {type: 'resize'}, fixed(geometry([5, 5, 5], 20)), SECTIONS)).offset).toBe(0);
  });
});
