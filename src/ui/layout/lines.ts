import type {StyleName} from '../../theme/theme';
import {cellWidth, graphemes} from '../../text/width';

/**
 * The app lays out its whole screen as lines of styled spans (pure data, no Ink). Ink only
 * prints the lines that are visible: a viewport over the laid-out document, because Ink lays out
 * every child even under `overflow="hidden"`. Styles are semantic names that the theme resolves.
 */
export interface Span {
  text: string;
  style?: StyleName;
  /** A technology badge: the theme colors it by name. */
  badge?: string;
  /** A badge of the technology whose projects are shown (the theme's `badgeChosen` marks it). */
  chosen?: boolean;
  /** Already styled by marked-terminal (SGR codes, and OSC 8 links); widths ignore the codes. */
  ansi?: boolean;
  /** Where the text links to (an OSC 8 hyperlink where the terminal supports them). */
  link?: string;
  /** The section a tab of the section bar opens (for mouse clicks). */
  tab?: number;
}

export type Line = Span[];

export const span = (text: string, style?: StyleName): Span => ({text, style});

/**
 * What inline Markdown's output carries, zero cells wide: SGR sequences (`ESC [ … m`) and OSC 8
 * hyperlinks (`ESC ] 8 ; ; address ESC \`, src/theme/markdown.ts).
 */
const SGR = /\x1b\[[0-9;]*m|\x1b\]8;[^\x07\x1b]*\x1b\\/g;

/** Cells a span occupies: its text, or for an `ansi` span its text without the SGR codes. */
export function spanWidth(s: Span): number {
  return cellWidth(s.ansi ? s.text.replace(SGR, '') : s.text);
}

/** Cells a line occupies. */
export function lineWidth(line: Line): number {
  let width = 0;
  for (const s of line) width += spanWidth(s);
  return width;
}

/** The first `width` cells of an `ansi` span's text, its SGR codes kept (they take no cell). */
function clipAnsi(text: string, width: number): {text: string; used: number} {
  let out = '';
  let used = 0;
  for (const part of text.split(/(\x1b\[[0-9;]*m|\x1b\]8;[^\x07\x1b]*\x1b\\)/)) {
    if (part.startsWith('\x1b')) {
      out += part;
      continue;
    }
    for (const g of graphemes(part)) {
      const gw = cellWidth(g);
      // Cut: every style ends here, and a link open at the cut (its `ESC ] 8 ; ; address`) too.
      if (used + gw > width) return {text: out + (/\x1b\]8;;[^\x1b]/.test(out) ? '\x1b]8;;\x1b\\' : '') + '\x1b[0m', used};
      out += g;
      used += gw;
    }
  }
  return {text: out, used};
}

/** Pads a line with spaces (in `style`) to exactly `width` cells; it must fit. */
export function padLine(line: Line, width: number, style?: StyleName): Line {
  const rest = width - lineWidth(line);
  return rest > 0 ? [...line, {text: ' '.repeat(rest), style}] : line;
}

/** Cuts a line to at most `width` cells on grapheme boundaries (a wide character never half-shown). */
export function clipLine(line: Line, width: number): Line {
  if (lineWidth(line) <= width) return line;
  const out: Line = [];
  let used = 0;
  for (const s of line) {
    const w = spanWidth(s);
    if (used + w <= width) {
      out.push(s);
      used += w;
      continue;
    }
    if (s.ansi) {
      const cut = clipAnsi(s.text, width - used);
      out.push({...s, text: cut.text});
      used += cut.used;
      if (used < width) out.push({text: ' '.repeat(width - used), style: s.style});
      break;
    }
    let text = '';
    for (const g of graphemes(s.text)) {
      const gw = cellWidth(g);
      if (used + gw > width) break;
      text += g;
      used += gw;
    }
    if (text) out.push({...s, text});
    // A wide character that did not fit leaves one cell: fill it so the line keeps its width.
    if (used < width) out.push({text: ' '.repeat(width - used), style: s.style});
    break;
  }
  return out;
}

/**
 * A line's words as fit in `width` cells: whole words only, then `…` when some were left off
 * (the tech index's legend and headings in a narrow terminal). Spans keep their styles; a first
 * word wider than everything is cut by cells, as a last resort.
 */
export function fitWords(line: Line, width: number, ellipsis = '…'): Line {
  if (lineWidth(line) <= width) return line;
  // The line as words, each with its span's style: a cut may only fall between two words.
  const out: Line = [];
  let used = 0;
  const room = width - 1;
  outer: for (const s of line) {
    for (const piece of s.text.split(/(?<= )/)) {
      const w = cellWidth(piece.trimEnd());
      if (used + w > room) break outer;
      out.push({...s, text: piece});
      used += cellWidth(piece);
    }
  }
  // Trailing spaces and separators (` · `, `:`) before the ellipsis say nothing.
  while (out.length > 0 && /^[\s·:,-]*$/.test(out.at(-1)!.text)) out.pop();
  if (out.length > 0) out[out.length - 1] = {...out.at(-1)!, text: out.at(-1)!.text.replace(/[\s·:,-]+$/, '')};
  if (out.length === 0) return clipLine(line, width);
  return [...out, {text: ellipsis, style: out.at(-1)!.style}];
}

/** Plain text of a line (for tests and search). */
export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}
