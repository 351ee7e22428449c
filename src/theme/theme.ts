import {fold} from '../document/present';
import {ASCII as ASCII_GLYPHS, UNICODE, type Glyphs} from './glyphs';

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
  /** The other characters the app draws itself (src/theme/glyphs.ts): Unicode, or ASCII. */
  glyphs: Glyphs;
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
 * Badge chips: white text (231 #ffffff) on colors of xterm's 256-color
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
 * colored print and Markdown in panels all derive from it. Which one runs: src/cli/colour.ts
 * (the background) and tokensFor below (the terminal's colour depth).
 *
 * Text is drawn in colors whose values are fixed: the 256-color cube and grey ramp
 * (`ansi256(16)`–`ansi256(255)`, values as for BADGE_PALETTE, the same in every terminal that
 * does not redefine them) or the terminal's own foreground (no color). The 16 named colors are
 * each terminal's own choice (SGR 90 on black: 5.2:1 in xterm, 2.0:1 in rxvt-unicode and VTE), so
 * no text in these maps depends on them: test/e2e/contrast.test.ts checks it cell by cell.
 * Contrast is WCAG 2.1's, against white and black; the cube keeps its value under bold (xterm
 * brightens bold text only in colors 0–7).
 */
/**
 * Tokens that read the same on any background (attributes, or a color on its own background:
 * 16 #000000 on 226 #ffff00 19.6:1, on 201 #ff00ff 6.7:1; badge text, 231 #ffffff, on its chip),
 * shared by every colored theme below; a theme overrides any of them.
 */
const EVERY_BACKGROUND = {
  plain: {},
  role: {bold: true},
  panelTitle: {bold: true},
  match: {color: 'ansi256(16)', backgroundColor: 'ansi256(226)'},
  // The current match: set apart from the others' yellow.
  matchCurrent: {color: 'ansi256(16)', backgroundColor: 'ansi256(201)'},
  cursor: {inverse: true},
  badge: {color: 'ansi256(231)', bold: true},
  badgeChosen: {inverse: true},
  strong: {bold: true},
  emphasis: {italic: true},
} as const satisfies Partial<Record<Token, TextStyle>>;

export const THEMES = {
  /**
   * For dark backgrounds. On black: 51 #00ffff 16.7, 44 #00d7d7 11.7, 226 #ffff00 19.6,
   * 184 #d7d700 13.6, 201 #ff00ff 6.7, 245 #8a8a8a 6.1; on white several are near 1:1.
   */
  dark: {
    ...EVERY_BACKGROUND,
    name: {color: 'ansi256(51)', bold: true},
    label: {bold: true},
    greeting: {color: 'ansi256(245)'},
    muted: {color: 'ansi256(245)'},
    heading: {color: 'ansi256(51)', bold: true},
    orgTitle: {color: 'ansi256(226)', bold: true},
    period: {color: 'ansi256(245)'},
    panelTitleFocus: {color: 'ansi256(51)', bold: true},
    border: {color: 'ansi256(245)'},
    borderFocus: {color: 'ansi256(51)', bold: true},
    blockLabel: {color: 'ansi256(201)', bold: true},
    bullet: {color: 'ansi256(44)'},
    tabActive: {color: 'ansi256(16)', backgroundColor: 'ansi256(51)'},
    tabInactive: {color: 'ansi256(245)'},
    status: {color: 'ansi256(245)'},
    statusKey: {color: 'ansi256(51)', bold: true},
    code: {color: 'ansi256(184)'},
    link: {color: 'ansi256(44)', underline: true},
    deleted: {dimColor: true, strikethrough: true},
    quote: {color: 'ansi256(245)', italic: true},
  },
  /**
   * For light backgrounds. On white: 20 #0000d7 10.6, 124 #af0000 7.4, 127 #af00af 6.1,
   * 241 #626262 6.1, 242 #6c6c6c 5.3; the focused tab is white on 25 #005faf (6.5), a match
   * black on 226 (19.6).
   */
  light: {
    ...EVERY_BACKGROUND,
    name: {color: 'ansi256(20)', bold: true},
    label: {bold: true},
    greeting: {color: 'ansi256(241)'},
    muted: {color: 'ansi256(241)'},
    heading: {color: 'ansi256(20)', bold: true},
    orgTitle: {color: 'ansi256(124)', bold: true},
    period: {color: 'ansi256(241)'},
    panelTitleFocus: {color: 'ansi256(20)', bold: true},
    border: {color: 'ansi256(242)'},
    borderFocus: {color: 'ansi256(20)', bold: true},
    blockLabel: {color: 'ansi256(127)', bold: true},
    bullet: {color: 'ansi256(20)'},
    tabActive: {color: 'ansi256(231)', backgroundColor: 'ansi256(25)', bold: true},
    tabInactive: {color: 'ansi256(241)'},
    status: {color: 'ansi256(241)'},
    statusKey: {color: 'ansi256(20)', bold: true},
    code: {color: 'ansi256(124)'},
    link: {color: 'ansi256(20)', underline: true},
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
    tabActive: {color: 'ansi256(231)', backgroundColor: 'ansi256(25)', bold: true},
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

/**
 * For a terminal of 16 colors, whatever its background: the 16 are each terminal's own choice
 * (nobody measured them against its background), so everything read is in the terminal's own
 * foreground, set apart by bold, underline and inverse as in `mono`; palette colors only on
 * what is not read (the other panels' box lines, the bullet). The focused panel's heavy lines
 * stay in the foreground, so the focus shows on any palette. Badges are `[name]`, as without color.
 */
export const BASIC_TOKENS: TokenMap = {
  ...THEMES.mono,
  border: {color: 'blue'},
  bullet: {color: 'cyan'},
};

/**
 * How many colors the terminal says it has (src/cli/colour.ts reads it from chalk's level):
 * 16 (SGR 30–37, 90–97 and the 40s), the 256 palette (`38;5;n`), or 24-bit truecolour (`38;2;r;g;b`).
 */
export type ColourDepth = 16 | 256 | 'truecolor';

/** xterm's value of a 256-palette color from the cube or the grey ramp (16–255; xterm 256colres.pl). */
export function paletteRgb(index: number): readonly [number, number, number] {
  if (index < 232) {
    const levels = [0, 95, 135, 175, 215, 255];
    const n = index - 16;
    return [levels[Math.floor(n / 36)]!, levels[Math.floor(n / 6) % 6]!, levels[n % 6]!];
  }
  const grey = 8 + (index - 232) * 10;
  return [grey, grey, grey];
}

/** A theme color at a depth: in truecolour, a cube or grey index as its exact value (`rgb(r,g,b)`). */
function colourAt(color: string | undefined, depth: ColourDepth): string | undefined {
  if (color === undefined || depth !== 'truecolor') return color;
  const index = /^ansi256\((\d+)\)$/.exec(color);
  if (!index || Number(index[1]) < 16) return color;
  return `rgb(${paletteRgb(Number(index[1])).join(',')})`;
}

const styleAt = (style: TextStyle, depth: ColourDepth): TextStyle =>
  depth === 'truecolor' && (style.color || style.backgroundColor) ? {...style, color: colourAt(style.color, depth), backgroundColor: colourAt(style.backgroundColor, depth)} : style;

const truecolorCache = new Map<TokenMap, TokenMap>();

/**
 * The token map that runs: the theme's own on a 256-color terminal; in truecolour the same
 * colors as exact values; on a 16-color terminal BASIC_TOKENS, whatever the background (`mono`
 * stays `mono`).
 */
export function tokensFor(name: ThemeName, depth: ColourDepth): TokenMap {
  if (name === 'mono') return THEMES.mono;
  if (depth === 16) return BASIC_TOKENS;
  const tokens: TokenMap = THEMES[name];
  if (depth === 256) return tokens;
  let mapped = truecolorCache.get(tokens);
  if (!mapped) {
    mapped = Object.fromEntries(Object.entries(tokens).map(([token, style]) => [token, styleAt(style, depth)])) as unknown as TokenMap;
    truecolorCache.set(tokens, mapped);
  }
  return mapped;
}

export interface ThemeOptions {
  color: boolean;
  /** The app's own characters (boxes, markers, ellipsis, its words) in ASCII (src/theme/glyphs.ts). */
  ascii: boolean;
  /** The terminal's colour depth (default 256): 16 has no badge chips; truecolour writes them as exact values. */
  depth?: ColourDepth;
  hyperlinks?: boolean;
  /** Lay out for a screen reader (Theme.linear). */
  reader?: boolean;
  /** The token map; by default THEMES.dark with color, THEMES.mono without (src/cli/colour.ts chooses). */
  tokens?: TokenMap;
}

export function createTheme({color, ascii, depth = 256, hyperlinks = false, reader = false, tokens}: ThemeOptions): Theme {
  const styles: TokenMap = tokens ?? (color ? THEMES.dark : THEMES.mono);
  // Chips need a background of fixed value: the cube, so 256 colors or more.
  const chips = color && depth !== 16;
  const glyphs = ascii ? ASCII_GLYPHS : UNICODE;
  return {
    color,
    styles,
    badge: (name) => (chips ? {...styles.badge, backgroundColor: colourAt(BADGE_PALETTE[badgeIndex(name)], depth)} : styles.badge),
    badgeText: (name) => (chips ? ` ${name} ` : `[${name}]`),
    box: reader ? {normal: BLANK, focused: BLANK} : ascii ? {normal: ASCII, focused: ASCII_FOCUS} : {normal: ROUND, focused: HEAVY},
    bullet: reader ? '-' : glyphs.bullet,
    glyphs,
    hyperlinks,
    linear: reader,
  };
}
