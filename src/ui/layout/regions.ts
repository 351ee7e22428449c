import type {ResumeDocument} from '../../document/model';
import {MIN_SIZE} from '../../sizes';
import {cellWidth} from '../../text/width';
import {headerLines, sectionBar} from './chrome';
import type {Line} from './lines';

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
 * The frame's rows, top to bottom: the header, the section bar, the body (the scrolling content
 * or an overlay), the status line. The frame is `rows - 1` lines tall: as tall as the terminal,
 * Ink clears the whole screen on every render and flickers (vadimdemedes/ink#450).
 * Drawing (FrameBuilder.build) and the mouse (a click's x and y) both read this, nothing else.
 */
export interface FrameRegions {
  header: {top: 0; lines: Line[]};
  bar: {row: number; line: Line; tabs: TabRegion[]};
  body: {top: number; height: number};
  status: {row: number};
}

/** Where everything is on a screen of this size with section `active` open. */
export function frameRegions(doc: ResumeDocument, active: number, screen: Screen): FrameRegions {
  const header = headerLines(doc, screen.width, screen.rows);
  const line = sectionBar(
    doc.sections.map((s) => s.title),
    active,
    screen.width,
  );
  const tabs: TabRegion[] = [];
  let x = 0;
  for (const s of line) {
    const w = cellWidth(s.text);
    if (s.tab !== undefined) tabs.push({section: s.tab, start: x, end: x + w});
    x += w;
  }
  const top = header.length + 1;
  const height = Math.max(1, screen.rows - 1 - top - 1);
  return {header: {top: 0, lines: header}, bar: {row: header.length, line, tabs}, body: {top, height}, status: {row: top + height}};
}
