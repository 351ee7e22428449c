import type {ResumeDocument} from '../../document/model';
import {MIN_SIZE} from '../../sizes';
import {cellWidth} from '../../text/width';
import {clampOffset} from '../scroll';
import {fullHeaderLines, headerLines, sectionBar} from './chrome';
import type {Line} from './lines';
import type {Glyphs} from '../../theme/glyphs';
import type {InlineRenderer} from './panel';

/** The terminal's size in cells. */
export interface Screen {
  width: number;
  rows: number;
}

/** Below MIN_SIZE the app shows one line asking for a larger terminal instead of a frame. */
export const isTooSmall = (screen: Screen): boolean => screen.width < MIN_SIZE.width || screen.rows < MIN_SIZE.rows;

/** A tab of the section bar: the section it opens and the columns [start, end) it covers. */
export interface TabRegion {
  section: number;
  start: number;
  end: number;
}

/**
 * The header's rows. Folded, it grows with the terminal (name; the greeting's first line; the
 * contacts). Unfolded (`i`), it holds the whole header (fullHeaderLines) and pushes the section
 * bar down; when the whole header is taller than the frame leaves room for, it shows `lines`
 * from `offset` of its `total` and scrolls.
 */
export interface HeaderRegion {
  top: 0;
  /** The rows shown. */
  lines: Line[];
  unfolded: boolean;
  /** Unfolded: the first line of the whole header shown, and how many lines it has in all. */
  offset: number;
  total: number;
}

/** How the header is shown: folded, or unfolded and scrolled to `offset`. */
export interface HeaderView {
  unfolded?: {offset: number};
  /** Renders the greeting's Markdown as the panels do. */
  inline?: InlineRenderer;
  /** The app's own characters (src/theme/glyphs.ts); Unicode when not given. */
  glyphs?: Glyphs;
}

/**
 * The frame's rows, top to bottom: the header, the section bar, the body (the scrolling content
 * or an overlay), the status line. The frame is as tall as the terminal: Ink 7 and later draw a
 * frame that fills the screen without clearing it (vadimdemedes/ink#450, fixed upstream by
 * "Fix fullscreen rerender flicker at terminal height"), so the bottom row is the status line's.
 * Drawing (FrameBuilder.build) and the mouse (a click's x and y) both read this, nothing else.
 */
export interface FrameRegions {
  header: HeaderRegion;
  bar: {row: number; line: Line; tabs: TabRegion[]};
  body: {top: number; height: number};
  status: {row: number};
}

/** The body's rows when the header is unfolded (at least this many stay for the section). */
const UNFOLDED_BODY_ROWS = 1;

/** The header's region: folded, or unfolded and scrolled (its offset clamped here). */
function headerRegion(doc: ResumeDocument, screen: Screen, view: HeaderView): HeaderRegion {
  if (!view.unfolded) {
    const lines = headerLines(doc, screen.width, screen.rows, view.inline, view.glyphs);
    return {top: 0, lines, unfolded: false, offset: 0, total: lines.length};
  }
  const all = fullHeaderLines(doc, screen.width, view.inline);
  // The bar, the status line and the body's least share the rows the header does not take.
  const room = Math.max(1, screen.rows - 2 - UNFOLDED_BODY_ROWS);
  const height = Math.min(all.length, room);
  const offset = clampOffset(view.unfolded.offset, all.length, height);
  return {top: 0, lines: all.slice(offset, offset + height), unfolded: true, offset, total: all.length};
}

/** Where everything is on a screen of this size with section `active` open and the header as `view` says. */
export function frameRegions(doc: ResumeDocument, active: number, screen: Screen, view: HeaderView = {}): FrameRegions {
  const head = headerRegion(doc, screen, view);
  const header = head.lines;
  const line = sectionBar(
    doc.sections.map((s) => s.title),
    active,
    screen.width,
    view.glyphs,
  );
  const tabs: TabRegion[] = [];
  let x = 0;
  for (const s of line) {
    const w = cellWidth(s.text);
    if (s.tab !== undefined) tabs.push({section: s.tab, start: x, end: x + w});
    x += w;
  }
  const top = header.length + 1;
  const height = Math.max(1, screen.rows - top - 1);
  return {header: head, bar: {row: header.length, line, tabs}, body: {top, height}, status: {row: top + height}};
}
