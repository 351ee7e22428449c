import type {StyleName} from './layout/lines';
import {fold} from '../document/present';

/**
 * Every color kim-resume shows comes from a theme: one map from semantic token to style, plus
 * the badge chips and the border characters. The Ink app reads the tokens directly; the colored
 * print and Markdown inside panels turn them into chalk functions (src/ui/theme-chalk.ts). This
 * module is pure data (no Ink, no chalk), so any path may import it cheaply.
 *
 * The mono theme (NO_COLOR, --no-color) has no color at all: focus and badges stay visible
 * through bold, inverse, underline, border weight and brackets.
 */
export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  inverse?: boolean;
}

/**
 * The semantic tokens: the app's span styles (src/ui/layout/lines.ts), plus what only Markdown
 * and badges use.
 */
export type Token =
  | StyleName
  /** A technology badge's text; colored themes put it on a chip from BADGE_PALETTE. */
  | 'badge'
  /** Markdown `**strong**`, `*emphasis*`, `` `code` ``, links, `~~deleted~~`, `> quotes`. */
  | 'strong'
  | 'emphasis'
  | 'code'
  | 'link'
  | 'deleted'
  | 'quote';

export type TokenMap = Readonly<Record<Token, TextStyle>>;

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
  /** The theme's token map: what every colored view reads. */
  styles: TokenMap;
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
  for (const ch of fold(name)) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % size;
}

/**
 * The themes, one token map each. A new theme (say, for light backgrounds) is one more map
 * here, nothing else: the app, the colored print and Markdown in panels all derive from it.
 */
export const THEMES = {
  /** For dark terminal backgrounds; the 16 named colors, so every terminal maps them to its own palette. */
  dark: {
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
    badge: {color: 'white', bold: true},
    strong: {bold: true},
    emphasis: {italic: true},
    code: {color: 'yellow'},
    link: {color: 'cyan', underline: true},
    deleted: {dimColor: true, strikethrough: true},
    quote: {color: 'gray', italic: true},
  },
  /** No color at all (NO_COLOR, --no-color): only attributes. */
  mono: {
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
    badge: {bold: true},
    strong: {bold: true},
    emphasis: {italic: true},
    code: {},
    link: {underline: true},
    deleted: {strikethrough: true},
    quote: {italic: true},
  },
} as const satisfies Record<string, TokenMap>;

export interface ThemeOptions {
  color: boolean;
  ascii: boolean;
  hyperlinks?: boolean;
  /** The token map; by default THEMES.dark with color, THEMES.mono without. */
  tokens?: TokenMap;
}

export function createTheme({color, ascii, hyperlinks = false, tokens}: ThemeOptions): Theme {
  const styles: TokenMap = tokens ?? (color ? THEMES.dark : THEMES.mono);
  return {
    color,
    styles,
    badge: (name) => (color ? {...styles.badge, backgroundColor: BADGE_PALETTE[badgeIndex(name)]} : styles.badge),
    badgeText: (name) => (color ? ` ${name} ` : `[${name}]`),
    box: ascii ? {normal: ASCII, focused: ASCII_FOCUS} : {normal: ROUND, focused: HEAVY},
    bullet: ascii ? '-' : '•',
    hyperlinks,
  };
}
