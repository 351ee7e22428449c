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

/** xterm's 256 colours: the 16, the 6×6×6 cube (levels 0, 95, 135, 175, 215, 255), 24 greys 8…238 (xterm 256colres.pl). */
export function xtermPalette(index: number): Rgb {
  if (index < 16) return XTERM_16[index]!;
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
export function cellColours(cell: IBufferCell, defaults: Defaults): {fg: Rgb; bg: Rgb} {
  let fg: Rgb;
  if (cell.isFgRGB()) fg = rgbOf(cell.getFgColor());
  else if (cell.isFgPalette()) {
    const index = cell.getFgColor();
    fg = xtermPalette(cell.isBold() && index < 8 ? index + 8 : index);
  } else fg = defaults.fg;
  let bg: Rgb;
  if (cell.isBgRGB()) bg = rgbOf(cell.getBgColor());
  else if (cell.isBgPalette()) bg = xtermPalette(cell.getBgColor());
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
}

/** The contrast of every non-blank cell on the visible screen. */
export function screenContrast(term: Terminal, defaults: Defaults): ContrastCell[] {
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
      const {fg, bg} = cellColours(got, defaults);
      out.push({row, col, char, ratio: contrast(fg, bg)});
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
