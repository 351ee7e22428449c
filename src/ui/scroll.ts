import type {Command} from './keymap';

// Every scroll step of every view, in one place: the section, the unfolded header, the help, the
// technology list and a technology's projects all move by the same line, half page, page, top
// and bottom, clamped by the same helper. Pure numbers: no state, no layout.

/** The commands that move through a view. */
export type ScrollCommand = Extract<Command, 'down' | 'up' | 'halfDown' | 'halfUp' | 'pageDown' | 'pageUp' | 'top' | 'bottom'>;

const SCROLL_COMMANDS: ReadonlySet<Command> = new Set<ScrollCommand>(['down', 'up', 'halfDown', 'halfUp', 'pageDown', 'pageUp', 'top', 'bottom']);

export const isScrollCommand = (command: Command): command is ScrollCommand => SCROLL_COMMANDS.has(command);

/**
 * A view that scrolls: where it is (a viewport's first line shown, a list's selected row), the
 * last place it may reach, the rows one page holds, and the lines one ↓/↑ moves.
 */
export interface ScrollView {
  at: number;
  last: number;
  page: number;
  line: number;
}

/** The one clamp of every scroll: a place from 0 to `last`. */
export function clampTo(at: number, last: number): number {
  return Math.max(0, Math.min(at, last));
}

/** An offset clamped: never past the last full page, never negative. */
export function clampOffset(offset: number, lines: number, height: number): number {
  return clampTo(offset, lines - height);
}

/** A viewport over `lines` lines that shows `height` of them from `offset`. */
export function viewportView(offset: number, lines: number, height: number, line = 1): ScrollView {
  return {at: offset, last: Math.max(0, lines - height), page: height, line};
}

/** A list of `count` rows, `rows` of them shown, with row `selected` selected (the selection moves). */
export function listView(selected: number, count: number, rows: number): ScrollView {
  return {at: selected, last: Math.max(0, count - 1), page: rows, line: 1};
}

/**
 * Where a command, or the wheel's `delta` lines, takes a view: a line (`view.line`), half a
 * page, a page (each at least one line, however small the view), the top or the bottom;
 * clamped from 0 to the view's last place.
 */
export function scrollTarget(view: ScrollView, move: ScrollCommand | number): number {
  const half = Math.max(1, Math.floor(view.page / 2));
  const page = Math.max(1, view.page);
  const delta: number = typeof move === 'number' ? move : {
    down: view.line,
    up: -view.line,
    halfDown: half,
    halfUp: -half,
    pageDown: page,
    pageUp: -page,
    top: -view.at,
    bottom: view.last - view.at,
  }[move];
  return clampTo(view.at + delta, view.last);
}
