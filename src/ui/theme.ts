import type {StyleName} from './layout/lines';

/**
 * Every color the app shows comes from a theme: semantic styles, the badge palette and the
 * border characters. The mono theme (NO_COLOR, --no-color) keeps focus and badges visible
 * through bold, inverse, border weight and brackets.
 */
export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface BoxChars {
  topLeft: string;
  topRight: string;
  bottomLeft: string;
  bottomRight: string;
  horizontal: string;
  vertical: string;
}

export interface Theme {
  color: boolean;
  styles: Record<StyleName, TextStyle>;
  /** The style of a technology's badge: one stable color per name, everywhere. */
  badge(name: string): TextStyle;
  /** What a badge shows: ` FastAPI ` on a colored chip, `[FastAPI]` without color. */
  badgeText(name: string): string;
  box: {normal: BoxChars; focused: BoxChars};
  /** The bullet in front of list items. */
  bullet: string;
  /** Whether links are written as OSC 8 hyperlinks (supports-hyperlinks decides; FORCE_HYPERLINK). */
  hyperlinks: boolean;
}

const ROUND: BoxChars = {topLeft: '╭', topRight: '╮', bottomLeft: '╰', bottomRight: '╯', horizontal: '─', vertical: '│'};
const HEAVY: BoxChars = {topLeft: '┏', topRight: '┓', bottomLeft: '┗', bottomRight: '┛', horizontal: '━', vertical: '┃'};
const ASCII: BoxChars = {topLeft: '+', topRight: '+', bottomLeft: '+', bottomRight: '+', horizontal: '-', vertical: '|'};
const ASCII_FOCUS: BoxChars = {topLeft: '#', topRight: '#', bottomLeft: '#', bottomRight: '#', horizontal: '=', vertical: '#'};

/** Chip colors: dark enough for white text, distinct from each other and from the accent. */
export const BADGE_PALETTE = [
  '#1f6feb', '#8250df', '#bf3989', '#cf222e', '#bc4c00', '#9a6700',
  '#1a7f37', '#0f766e', '#0969da', '#6e40c9', '#a40e26', '#57606a',
];

/** A stable index for a technology name (case-insensitive FNV-1a): the same chip everywhere. */
export function badgeIndex(name: string, size = BADGE_PALETTE.length): number {
  let hash = 0x811c9dc5;
  for (const ch of name.toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % size;
}

const COLOR_STYLES: Record<StyleName, TextStyle> = {
  plain: {},
  name: {color: 'cyanBright', bold: true},
  label: {color: 'white', bold: true},
  greeting: {color: 'gray'},
  muted: {color: 'gray'},
  heading: {color: 'cyanBright', bold: true},
  orgTitle: {color: 'yellowBright', bold: true},
  role: {bold: true},
  period: {color: 'gray'},
  panelTitle: {bold: true},
  panelTitleFocus: {color: 'cyanBright', bold: true},
  border: {color: 'gray'},
  borderFocus: {color: 'cyanBright', bold: true},
  blockLabel: {color: 'magentaBright', bold: true},
  bullet: {color: 'cyan'},
  tabActive: {color: 'black', backgroundColor: 'cyanBright', bold: true},
  tabInactive: {color: 'gray'},
  status: {color: 'gray'},
  statusKey: {color: 'cyanBright', bold: true},
  match: {color: 'black', backgroundColor: 'yellowBright'},
  cursor: {inverse: true},
};

const MONO_STYLES: Record<StyleName, TextStyle> = {
  plain: {},
  name: {bold: true},
  label: {bold: true},
  greeting: {},
  muted: {},
  heading: {bold: true},
  orgTitle: {bold: true, underline: true},
  role: {bold: true},
  period: {},
  panelTitle: {bold: true},
  panelTitleFocus: {bold: true, inverse: true},
  border: {},
  borderFocus: {bold: true},
  blockLabel: {underline: true},
  bullet: {},
  tabActive: {inverse: true, bold: true},
  tabInactive: {},
  status: {},
  statusKey: {bold: true},
  match: {inverse: true, underline: true},
  cursor: {inverse: true},
};

export interface ThemeOptions {
  color: boolean;
  ascii: boolean;
  hyperlinks?: boolean;
}

export function createTheme({color, ascii, hyperlinks = false}: ThemeOptions): Theme {
  return {
    color,
    styles: color ? COLOR_STYLES : MONO_STYLES,
    badge: (name) => (color ? {color: 'white', backgroundColor: BADGE_PALETTE[badgeIndex(name)], bold: true} : {bold: true}),
    badgeText: (name) => (color ? ` ${name} ` : `[${name}]`),
    box: ascii ? {normal: ASCII, focused: ASCII_FOCUS} : {normal: ROUND, focused: HEAVY},
    bullet: ascii ? '-' : '•',
    hyperlinks,
  };
}
