import {describe, expect, it} from 'vitest';
import {LINE_STEP} from '../../src/sizes';
import {clampOffset, clampTo, isScrollCommand, listView, scrollTarget, viewportView, type ScrollCommand, type ScrollView} from '../../src/ui/scroll';

type Targets = Record<ScrollCommand, number>;

// Where each step takes a view: [what the view is, the view, the target of every command].
const TABLE: Array<[string, ScrollView, Targets]> = [
  // One row: a half page and a page are one line each, never none.
  ['10 lines, 1 row, at the top', viewportView(0, 10, 1), {down: 1, up: 0, halfDown: 1, halfUp: 0, pageDown: 1, pageUp: 0, top: 0, bottom: 9}],
  ['10 lines, 1 row, in the middle', viewportView(5, 10, 1), {down: 6, up: 4, halfDown: 6, halfUp: 4, pageDown: 6, pageUp: 4, top: 0, bottom: 9}],
  ['10 lines, 1 row, at the bottom', viewportView(9, 10, 1), {down: 9, up: 8, halfDown: 9, halfUp: 8, pageDown: 9, pageUp: 8, top: 0, bottom: 9}],
  // Two rows: half a page is one line, a page two.
  ['10 lines, 2 rows, at the top', viewportView(0, 10, 2), {down: 1, up: 0, halfDown: 1, halfUp: 0, pageDown: 2, pageUp: 0, top: 0, bottom: 8}],
  ['10 lines, 2 rows, at the bottom', viewportView(8, 10, 2), {down: 8, up: 7, halfDown: 8, halfUp: 7, pageDown: 8, pageUp: 6, top: 0, bottom: 8}],
  ['10 lines, 5 rows, from 4', viewportView(4, 10, 5), {down: 5, up: 3, halfDown: 5, halfUp: 2, pageDown: 5, pageUp: 0, top: 0, bottom: 5}],
  ['100 lines, 10 rows, from 40', viewportView(40, 100, 10), {down: 41, up: 39, halfDown: 45, halfUp: 35, pageDown: 50, pageUp: 30, top: 0, bottom: 90}],
  // The section reads on LINE_STEP lines a press.
  ['a section, LINE_STEP lines a line', viewportView(40, 100, 10, LINE_STEP), {down: 43, up: 37, halfDown: 45, halfUp: 35, pageDown: 50, pageUp: 30, top: 0, bottom: 90}],
  ['a section, LINE_STEP near the end', viewportView(89, 100, 10, LINE_STEP), {down: 90, up: 86, halfDown: 90, halfUp: 84, pageDown: 90, pageUp: 79, top: 0, bottom: 90}],
  // All of it shown (or more rows than lines): nothing moves.
  ['as many lines as rows', viewportView(0, 10, 10), {down: 0, up: 0, halfDown: 0, halfUp: 0, pageDown: 0, pageUp: 0, top: 0, bottom: 0}],
  ['fewer lines than rows', viewportView(0, 3, 10), {down: 0, up: 0, halfDown: 0, halfUp: 0, pageDown: 0, pageUp: 0, top: 0, bottom: 0}],
  // An offset past the end (before a resize is normalized) comes back within it.
  ['an offset past the end', viewportView(50, 10, 5), {down: 5, up: 5, halfDown: 5, halfUp: 5, pageDown: 5, pageUp: 5, top: 0, bottom: 5}],
  // A list: the selection moves, up to the last row.
  ['a list of 5, 1 row shown', listView(0, 5, 1), {down: 1, up: 0, halfDown: 1, halfUp: 0, pageDown: 1, pageUp: 0, top: 0, bottom: 4}],
  ['a list of 5, 2 rows shown', listView(2, 5, 2), {down: 3, up: 1, halfDown: 3, halfUp: 1, pageDown: 4, pageUp: 0, top: 0, bottom: 4}],
  ['a list of 30, 10 rows shown', listView(20, 30, 10), {down: 21, up: 19, halfDown: 25, halfUp: 15, pageDown: 29, pageUp: 10, top: 0, bottom: 29}],
  ['an empty list', listView(0, 0, 5), {down: 0, up: 0, halfDown: 0, halfUp: 0, pageDown: 0, pageUp: 0, top: 0, bottom: 0}],
  // A view with no row at all (a technology's heading in a one-row body) still moves a line.
  ['10 lines, 0 rows', viewportView(0, 10, 0), {down: 1, up: 0, halfDown: 1, halfUp: 0, pageDown: 1, pageUp: 0, top: 0, bottom: 10}],
];

describe('scrollTarget: every step of every view', () => {
  for (const [name, view, targets] of TABLE) {
    it(name, () => {
      const got = Object.fromEntries(Object.keys(targets).map((command) => [command, scrollTarget(view, command as ScrollCommand)]));
      expect(got).toEqual(targets);
    });
  }

  it('the wheel moves by the lines it is given, clamped the same way', () => {
    expect(scrollTarget(viewportView(8, 10, 1), 3)).toBe(9);
    expect(scrollTarget(viewportView(1, 10, 1), -3)).toBe(0);
    expect(scrollTarget(viewportView(4, 100, 10), 3)).toBe(7);
    expect(scrollTarget(viewportView(0, 3, 10), 3)).toBe(0);
  });

  it('knows which commands scroll', () => {
    for (const command of ['down', 'up', 'halfDown', 'halfUp', 'pageDown', 'pageUp', 'top', 'bottom'] as const) expect(isScrollCommand(command)).toBe(true);
    for (const command of ['toggle', 'back', 'quit', 'nextSection', 'search'] as const) expect(isScrollCommand(command)).toBe(false);
  });
});

describe('the one clamp', () => {
  it('keeps a place from 0 to last, and an offset to the last full page', () => {
    expect(clampTo(-1, 5)).toBe(0);
    expect(clampTo(7, 5)).toBe(5);
    expect(clampTo(3, 5)).toBe(3);
    expect(clampTo(3, -2)).toBe(0);
    expect(clampOffset(95, 100, 10)).toBe(90);
    expect(clampOffset(3, 5, 10)).toBe(0);
  });
});
