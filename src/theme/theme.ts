import {fold} from '../document/present';

/**
 * Every color kim-resume shows comes from a theme: one map from semantic token to style, plus
 * the badge chips and the border characters. The Ink app reads the tokens directly; the colored
 * print and Markdown inside panels turn them into chalk functions (src/theme/chalk.ts). This
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

/** The styles of the app's spans (src/ui/layout/lines.ts): semantic names that each theme maps to a style. */
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
  | 'matchCurrent'
  | 'cursor';

/** The semantic tokens: the span styles, plus what only Markdown and badges use. */
export type Token =
  | StyleName
  /** A technology badge's text; colored themes put it on a chip from BADGE_PALETTE. */
  | 'badge'
  /** Over a badge: the technology whose projects the index shows (inverse: the chip's colors swapped, the same contrast). */
  | 'badgeChosen'
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
  /**
   * Laid out for a screen reader, which reads the screen row by row: one column in reading order
   * (an organization above its projects, never beside them), boxes drawn with blanks, no fold
   * markers. Chosen by --screen-reader or INK_SCREEN_READER=true.
   */
  linear: boolean;
}

const ROUND: BoxChars = {topLeft: '╭', topRight: '╮', bottomLeft: '╰', bottomRight: '╯', horizontal: '─', vertical: '│'};
const HEAVY: BoxChars = {topLeft: '┏', topRight: '┓', bottomLeft: '┗', bottomRight: '┛', horizontal: '━', vertical: '┃'};
const ASCII: BoxChars = {topLeft: '+', topRight: '+', bottomLeft: '+', bottomRight: '+', horizontal: '-', vertical: '|'};
const ASCII_FOCUS: BoxChars = {topLeft: '#', topRight: '#', bottomLeft: '#', bottomRight: '#', horizontal: '=', vertical: '#'};
/** No lines to read aloud: a box keeps its place and padding, drawn with spaces. */
const BLANK: BoxChars = {topLeft: ' ', topRight: ' ', bottomLeft: ' ', bottomRight: ' ', horizontal: ' ', vertical: ' '};

/**
 * Badge chips: white text (`whiteBright`, xterm's color15 #ffffff) on colors of xterm's 256-color
 * cube, each at least 4.5:1 against it (WCAG 2.1), so a badge reads the same on a light and a dark
 * terminal: it carries its own background. Cube indices, not #hex: chalk turns #hex into the
 * nearest index by rounding each channel linearly (#005faf becomes 31, #0087af, 4.1:1), while an
 * index is written as it is at every color level. Cube levels 0, 95, 135, 175, 215, 255 and greys
 * 8 + 10n (xterm 256colres.pl; https://invisible-island.net/xterm/xterm.faq.html#color_by_number).
 * Contrast with white: 25 #005faf 6.5, 55 #5f00af 10.0, 125 #af005f 7.0, 124 #af0000 7.4,
 * 130 #af5f00 4.7, 94 #875f00 5.7, 28 #008700 4.7, 23 #005f5f 7.5, 19 #0000af 13.0,
 * 90 #870087 8.8, 60 #5f5f87 6.1, 240 #585858 7.1.
 */
export const BADGE_PALETTE = [
  'ansi256(25)', 'ansi256(55)', 'ansi256(125)', 'ansi256(124)', 'ansi256(130)', 'ansi256(94)',
  'ansi256(28)', 'ansi256(23)', 'ansi256(19)', 'ansi256(90)', 'ansi256(60)', 'ansi256(240)',
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
 * The themes, one token map each. A new theme is one more map here, nothing else: the app, the
 * colored print and Markdown in panels all derive from it. Which one runs: src/cli/colour.ts.
 *
 * Colors are chosen by their WCAG 2.1 contrast on xterm's default palette (XTerm-col.ad:
 * color1 red3 #cd0000, color4 blue2 #0000ee, color5 magenta3 #cd00cd, color6 cyan3 #00cdcd,
 * color7 gray90 #e5e5e5, color8 gray50 #7f7f7f, color11 yellow #ffff00, color12 #5c5cff,
 * color14 cyan #00ffff, color15 white #ffffff), against white and black. xterm draws bold text
 * in colors 0–7 with their bright twins 8–15 (its boldColors resource, on by default; xterm.js
 * likewise), so a bold token is measured in the bright color. The 256-color cube and grey ramp
 * (`ansi256(n)`, values as for BADGE_PALETTE) hold their values under bold.
 */
/**
 * Tokens that read the same on any background (attributes, or a color on its own background:
 * black on bright yellow 19.6:1, on bright magenta 6.7:1; badge text on its chip), shared by
 * every colored theme below; a theme overrides any of them.
 */
const EVERY_BACKGROUND = {
  plain: {},
  role: {bold: true},
  panelTitle: {bold: true},
  match: {color: 'black', backgroundColor: 'yellowBright'},
  // The current match: set apart from the others' yellow.
  matchCurrent: {color: 'black', backgroundColor: 'magentaBright'},
  cursor: {inverse: true},
  badge: {color: 'whiteBright', bold: true},
  badgeChosen: {inverse: true},
  strong: {bold: true},
  emphasis: {italic: true},
} as const satisfies Partial<Record<Token, TextStyle>>;

export const THEMES = {
  /**
   * For dark backgrounds; mostly the 16 named colors, so every terminal maps them to its own
   * palette. On black every text color here is at least 4.5:1 (gray50 5.2, cyan3 10.6,
   * bright cyan 16.7, bright yellow 19.6, bright magenta 6.7); on white several are near 1:1.
   */
  dark: {
    ...EVERY_BACKGROUND,
    name: {color: 'cyanBright', bold: true},
    label: {color: 'white', bold: true},
    greeting: {color: 'gray'},
    muted: {color: 'gray'},
    heading: {color: 'cyanBright', bold: true},
    orgTitle: {color: 'yellowBright', bold: true},
    period: {color: 'gray'},
    panelTitleFocus: {color: 'cyanBright', bold: true},
    border: {color: 'gray'},
    borderFocus: {color: 'cyanBright', bold: true},
    blockLabel: {color: 'magentaBright', bold: true},
    bullet: {color: 'cyan'},
    // Not bold: xterm would draw bold black in gray50, 3.2:1 on bright cyan (black: 16.7).
    tabActive: {color: 'black', backgroundColor: 'cyanBright'},
    tabInactive: {color: 'gray'},
    status: {color: 'gray'},
    statusKey: {color: 'cyanBright', bold: true},
    code: {color: 'yellow'},
    link: {color: 'cyan', underline: true},
    deleted: {dimColor: true, strikethrough: true},
    quote: {color: 'gray', italic: true},
  },
  /**
   * For light backgrounds. On white: blue2 9.4 (bold: #5c5cff 4.7), red3 5.8, and from the cube
   * and greys 241 #626262 6.1, 242 #6c6c6c 5.3, 124 #af0000 7.4, 127 #af00af 6.1; the focused
   * tab is white on 25 #005faf (6.5), a match black on bright yellow (19.6).
   */
  light: {
    ...EVERY_BACKGROUND,
    name: {color: 'blue', bold: true},
    label: {bold: true},
    greeting: {color: 'ansi256(241)'},
    muted: {color: 'ansi256(241)'},
    heading: {color: 'blue', bold: true},
    orgTitle: {color: 'ansi256(124)', bold: true},
    period: {color: 'ansi256(241)'},
    panelTitleFocus: {color: 'blue', bold: true},
    border: {color: 'ansi256(242)'},
    borderFocus: {color: 'blue', bold: true},
    blockLabel: {color: 'ansi256(127)', bold: true},
    bullet: {color: 'blue'},
    tabActive: {color: 'whiteBright', backgroundColor: 'ansi256(25)', bold: true},
    tabInactive: {color: 'ansi256(241)'},
    status: {color: 'ansi256(241)'},
    statusKey: {color: 'blue', bold: true},
    code: {color: 'red'},
    link: {color: 'blue', underline: true},
    deleted: {strikethrough: true},
    quote: {color: 'ansi256(241)', italic: true},
  },
  /**
   * When the background is unknown: the terminal's own foreground for text, and color only
   * where it holds on both white and black. Six colors of the 256 reach 4.5:1 on both, and these
   * are used: 63 #5f5fff (4.6 on white, 4.6 on black), 131 #af5f5f (4.5, 4.6), 98 #875fd7
   * (4.5, 4.7), 243 #767676 (4.5, 4.6). Chips carry their own background (as in `light`).
   */
  neutral: {
    ...EVERY_BACKGROUND,
    name: {color: 'ansi256(63)', bold: true},
    label: {bold: true},
    greeting: {},
    muted: {color: 'ansi256(243)'},
    heading: {color: 'ansi256(63)', bold: true},
    orgTitle: {color: 'ansi256(131)', bold: true},
    period: {color: 'ansi256(243)'},
    panelTitleFocus: {color: 'ansi256(63)', bold: true},
    border: {color: 'ansi256(243)'},
    borderFocus: {color: 'ansi256(63)', bold: true},
    blockLabel: {color: 'ansi256(98)', bold: true},
    bullet: {color: 'ansi256(63)'},
    tabActive: {color: 'whiteBright', backgroundColor: 'ansi256(25)', bold: true},
    tabInactive: {},
    status: {},
    statusKey: {color: 'ansi256(63)', bold: true},
    code: {color: 'ansi256(131)'},
    link: {color: 'ansi256(63)', underline: true},
    deleted: {strikethrough: true},
    quote: {italic: true},
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
    // Bold too: set apart from the other matches, and from the active tab (inverse and bold, not underlined).
    matchCurrent: {inverse: true, underline: true, bold: true},
    cursor: {inverse: true},
    badge: {bold: true},
    badgeChosen: {inverse: true},
    strong: {bold: true},
    emphasis: {italic: true},
    code: {},
    link: {underline: true},
    deleted: {strikethrough: true},
    quote: {italic: true},
  },
} as const satisfies Record<string, TokenMap>;

/** A theme's name: `mono` without color, else the background's (`neutral` when it is unknown). */
export type ThemeName = keyof typeof THEMES;

export interface ThemeOptions {
  color: boolean;
  ascii: boolean;
  hyperlinks?: boolean;
  /** Lay out for a screen reader (Theme.linear). */
  reader?: boolean;
  /** The token map; by default THEMES.dark with color, THEMES.mono without (src/cli/colour.ts chooses). */
  tokens?: TokenMap;
}

export function createTheme({color, ascii, hyperlinks = false, reader = false, tokens}: ThemeOptions): Theme {
  const styles: TokenMap = tokens ?? (color ? THEMES.dark : THEMES.mono);
  return {
    color,
    styles,
    badge: (name) => (color ? {...styles.badge, backgroundColor: BADGE_PALETTE[badgeIndex(name)]} : styles.badge),
    badgeText: (name) => (color ? ` ${name} ` : `[${name}]`),
    box: reader ? {normal: BLANK, focused: BLANK} : ascii ? {normal: ASCII, focused: ASCII_FOCUS} : {normal: ROUND, focused: HEAVY},
    bullet: ascii || reader ? '-' : '•',
    hyperlinks,
    linear: reader,
  };
}
