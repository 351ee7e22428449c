/**
 * WCAG contrast of what a terminal draws: every non-blank cell of the emulated screen, its
 * foreground against its background, with palette colours resolved through xterm's own palette
 * and the default colours as the emulated terminal's (black on white for a light terminal, white
 * on black for a dark one). The measuring stick for the themes, kept apart from them: nothing
 * here comes from src/.
 */
import type {IBufferCell, Terminal} from '@xterm/headless';

export type Rgb = readonly [number, number, number];

/**
 * xterm's default 16 colours (XTerm-col.ad: color0 black, color1 red3, color2 green3, color3
 * yellow3, color4 blue2, color5 magenta3, color6 cyan3, color7 gray90, color8 gray50, color9 red,
 * color10 green, color11 yellow, color12 rgb:5c/5c/ff, color13 magenta, color14 cyan, color15
 * white; X11 rgb.txt values), https://invisible-island.net/xterm/xterm.faq.html#color_by_number
 */
export const XTERM_16: readonly Rgb[] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

/**
 * rxvt-unicode's default 16 (src/init.C `def_colorName`, as built without XTERM_COLORS: color7
 * AntiqueWhite rgb:fa/eb/d7, color8 Grey25 rgb:40/40/40; the rest as xterm but color4 Blue3
 * rgb:00/00/cd, color12 rgb:00/00/ff); black text on white unless configured (urxvt(1) -fg/-bg).
 * http://cvs.schmorp.de/rxvt-unicode/src/init.C
 */
export const URXVT_16: readonly Rgb[] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 205], [205, 0, 205], [0, 205, 205], [250, 235, 215],
  [64, 64, 64], [255, 0, 0], [0, 255, 0], [255, 255, 0], [0, 0, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

/**
 * VTE's built-in 16 (GNOME/vte src/vte.cc `Terminal::set_colors`: colors 0–7 have their channels
 * at 0xc0, 8–15 add 0x3f), with color 7 as the default foreground on color 0 when the
 * application sets none. https://gitlab.gnome.org/GNOME/vte/-/blob/master/src/vte.cc
 */
export const VTE_16: readonly Rgb[] = Array.from({length: 16}, (_, i) => {
  const channel = (bit: number) => ((i & bit) !== 0 ? 0xc0 : 0) + (i > 7 ? 0x3f : 0);
  return [channel(1), channel(2), channel(4)] as const;
});

/**
 * Alacritty with the Solarized Light scheme of its theme collection (alacritty/alacritty-theme
 * themes/solarized_light.toml): foreground #586e75 on #fdf6e3, normal then bright colours.
 * https://github.com/alacritty/alacritty-theme/blob/master/themes/solarized_light.toml
 */
export const ALACRITTY_SOLARIZED_LIGHT_16: readonly Rgb[] = [
  0x073642, 0xdc322f, 0x859900, 0xb58900, 0x268bd2, 0xd33682, 0x2aa198, 0xeee8d5,
  0x002b36, 0xcb4b16, 0x586e75, 0x657b83, 0x839496, 0x6c71c4, 0x93a1a1, 0xfdf6e3,
].map((hex) => [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255] as const);

/** A terminal's colours as it ships them: its 16 and its default foreground and background. */
export interface TerminalColours {
  name: string;
  palette: readonly Rgb[];
  defaults: Defaults;
}

/** The terminals a 16-colour theme is measured in (the 16 are each one's own choice). */
export const TERMINALS_16: readonly TerminalColours[] = [
  {name: 'xterm (black on white)', palette: XTERM_16, defaults: {fg: [0, 0, 0], bg: [255, 255, 255]}},
  {name: 'xterm (white on black)', palette: XTERM_16, defaults: {fg: [255, 255, 255], bg: [0, 0, 0]}},
  {name: 'rxvt-unicode', palette: URXVT_16, defaults: {fg: [0, 0, 0], bg: [255, 255, 255]}},
  {name: 'VTE', palette: VTE_16, defaults: {fg: VTE_16[7]!, bg: VTE_16[0]!}},
  {name: 'Alacritty, Solarized Light', palette: ALACRITTY_SOLARIZED_LIGHT_16, defaults: {fg: [0x58, 0x6e, 0x75], bg: [0xfd, 0xf6, 0xe3]}},
];

/** xterm's 256 colours: the 16, the 6×6×6 cube (levels 0, 95, 135, 175, 215, 255), 24 greys 8…238 (xterm 256colres.pl). */
export function xtermPalette(index: number, palette16: readonly Rgb[] = XTERM_16): Rgb {
  if (index < 16) return palette16[index]!;
  if (index < 232) {
    const levels = [0, 95, 135, 175, 215, 255];
    const n = index - 16;
    return [levels[Math.floor(n / 36)]!, levels[Math.floor(n / 6) % 6]!, levels[n % 6]!];
  }
  const grey = 8 + (index - 232) * 10;
  return [grey, grey, grey];
}

/** WCAG 2.1 relative luminance, from 0–255 channels. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.1 contrast ratio, 1–21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const WHITE: Rgb = [255, 255, 255];
export const BLACK: Rgb = [0, 0, 0];

/** The terminal's own default colours. */
export interface Defaults {
  fg: Rgb;
  bg: Rgb;
}
export const LIGHT_TERMINAL: Defaults = {fg: BLACK, bg: WHITE};
export const DARK_TERMINAL: Defaults = {fg: WHITE, bg: BLACK};

const rgbOf = (packed: number): Rgb => [(packed >> 16) & 255, (packed >> 8) & 255, packed & 255];

/**
 * The colours a cell is seen in. Bold text in palette colours 0–7 is drawn in 8–15, as xterm
 * (its boldColors resource, on by default) and xterm.js (drawBoldTextInBrightColors) do; inverse
 * swaps the two; faint text is drawn half-way to its background, as xterm.js does.
 */
export function cellColours(cell: IBufferCell, defaults: Defaults, palette16: readonly Rgb[] = XTERM_16): {fg: Rgb; bg: Rgb} {
  let fg: Rgb;
  if (cell.isFgRGB()) fg = rgbOf(cell.getFgColor());
  else if (cell.isFgPalette()) {
    const index = cell.getFgColor();
    fg = xtermPalette(cell.isBold() && index < 8 ? index + 8 : index, palette16);
  } else fg = defaults.fg;
  let bg: Rgb;
  if (cell.isBgRGB()) bg = rgbOf(cell.getBgColor());
  else if (cell.isBgPalette()) bg = xtermPalette(cell.getBgColor(), palette16);
  else bg = defaults.bg;
  if (cell.isInverse()) [fg, bg] = [bg, fg];
  if (cell.isDim()) fg = fg.map((c, i) => Math.round((c + bg[i]!) / 2)) as unknown as Rgb;
  return {fg, bg};
}

export interface ContrastCell {
  row: number;
  col: number;
  char: string;
  ratio: number;
  /** The 16-palette index of the cell's foreground and background, or undefined (default, 256 palette's 16–255, or RGB: a fixed value). */
  fgIndex?: number;
  bgIndex?: number;
}

/** A cell's colour when it is one of the 16 each terminal chooses itself (palette 0–15), else undefined. */
function paletteIndex(cell: IBufferCell, layer: 'fg' | 'bg'): number | undefined {
  const index = layer === 'fg' ? cell.getFgColor() : cell.getBgColor();
  const palette = layer === 'fg' ? cell.isFgPalette() : cell.isBgPalette();
  return palette && index < 16 ? index : undefined;
}

/** The contrast of every non-blank cell on the visible screen (palette colours 0–15 from `palette16`). */
export function screenContrast(term: Terminal, defaults: Defaults, palette16: readonly Rgb[] = XTERM_16): ContrastCell[] {
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const out: ContrastCell[] = [];
  for (let row = 0; row < term.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    for (let col = 0; col < term.cols; col++) {
      const got = line?.getCell(col, cell);
      if (!got || got.getWidth() === 0) continue;
      const char = got.getChars();
      if (char.trim() === '') continue;
      const {fg, bg} = cellColours(got, defaults, palette16);
      out.push({row, col, char, ratio: contrast(fg, bg), fgIndex: paletteIndex(got, 'fg'), bgIndex: paletteIndex(got, 'bg')});
    }
  }
  return out;
}

export interface ContrastSummary {
  cells: number;
  min: number;
  /** Share of cells at 4.5:1 or more, 0–1. */
  atAA: number;
  /** The cells under 3:1 (at most 10, for messages). */
  failing: ContrastCell[];
}

export function summarize(cells: readonly ContrastCell[]): ContrastSummary {
  const min = cells.reduce((m, c) => Math.min(m, c.ratio), Infinity);
  return {
    cells: cells.length,
    min: Math.round(min * 100) / 100,
    atAA: cells.length === 0 ? 1 : cells.filter((c) => c.ratio >= 4.5).length / cells.length,
    failing: cells.filter((c) => c.ratio < 3).slice(0, 10),
  };
}
