import {cellWidth, graphemes} from '../../text/width';

/**
 * The app lays out its whole screen as lines of styled spans (pure data, no Ink). Ink only
 * prints the lines that are visible: a viewport over the laid-out document (FIELD-NOTES
 * "Layout cost"). Styles are semantic names that the theme resolves.
 */
export type StyleName =
  | 'plain'
  | 'name'
  | 'label'
  | 'greeting'
  | 'muted'
  | 'heading'
  | 'orgTitle'
  | 'role'
  | 'period'
  | 'panelTitle'
  | 'panelTitleFocus'
  | 'border'
  | 'borderFocus'
  | 'blockLabel'
  | 'bullet'
  | 'tabActive'
  | 'tabInactive'
  | 'status'
  | 'statusKey'
  | 'match'
  | 'cursor';

export interface Span {
  text: string;
  style?: StyleName;
  /** A technology badge: the theme colors it by name. */
  badge?: string;
  /** Already styled by marked-terminal (SGR codes only); widths ignore the codes. */
  ansi?: boolean;
  /** Where the text links to (an OSC 8 hyperlink where the terminal supports them). */
  link?: string;
  /** The section a tab of the section bar opens (for mouse clicks). */
  tab?: number;
}

export type Line = Span[];

export const span = (text: string, style?: StyleName): Span => ({text, style});

/** Cells a line occupies. */
export function lineWidth(line: Line): number {
  let width = 0;
  for (const s of line) width += cellWidth(s.text);
  return width;
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
    const w = cellWidth(s.text);
    if (used + w <= width) {
      out.push(s);
      used += w;
      continue;
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

/** Plain text of a line (for tests and search). */
export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}
