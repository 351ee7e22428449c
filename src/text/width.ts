import {DEFAULT_WIDTH, MAX_READING_WIDTH, MIN_WIDTH} from '../sizes';
import {cellWidth, graphemes} from './cells';
import {breakWord, wrapParagraph} from './wrap';

/**
 * The width rules, defined once. Every width shown on a screen is counted in terminal cells with
 * cellWidth (cells.ts: per code point, as terminals count; Hangul and most emoji are two cells),
 * never with `.length`. Layout, wrapping, truncation, search highlighting, the mouse and Ink's own
 * measuring (the build routes string-width to it) all use this one function.
 */
export {cellWidth, codePointWidth, graphemes, setClusterWidths} from './cells';
export {breakWord} from './wrap';
export {emojiClusters, emojiClustersIn, widthProbe, widthsFromReports, type EmojiCluster} from './width-probe';

/** The default output width: the terminal's columns capped at MAX_READING_WIDTH, else DEFAULT_WIDTH. */
export function defaultWidth(columns: number | undefined): number {
  return columns && columns > 0 ? Math.max(MIN_WIDTH, Math.min(columns, MAX_READING_WIDTH)) : DEFAULT_WIDTH;
}

/**
 * Wraps words (already split: tags) to lines no wider than `width`, joining them with
 * `separator`. A word never breaks unless it alone is wider than the line.
 */
export function wrapWords(words: string[], width: number, separator = ' '): string[] {
  const lines: string[] = [];
  const sepWidth = cellWidth(separator);
  let line = '';
  let used = 0;
  for (const word of words) {
    const w = cellWidth(word);
    if (line !== '' && used + sepWidth + w <= width) {
      line += separator + word;
      used += sepWidth + w;
      continue;
    }
    if (line !== '') lines.push(line);
    if (w <= width) {
      line = word;
      used = w;
    } else {
      const pieces = breakWord(word, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      used = cellWidth(line);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Wraps prose to `width` cells: paragraphs split on newlines, runs of spaces fold to one, lines
 * break where the Unicode Line Breaking Algorithm allows (wrap.ts, linebreak.ts): at spaces,
 * between ideographs, never before closing punctuation, never inside a word or an address that
 * fits on a line.
 */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width));
}

/**
 * Wraps `text` behind a first-line prefix (a bullet, a label) with later lines indented by
 * `indent`: `- 대시보드 …` / `  집계하여 …`. Every line, prefix included, fits in `width`.
 */
export function wrapHanging(text: string, width: number, prefix: string, indent = ' '.repeat(cellWidth(prefix))): string[] {
  const inner = Math.max(1, width - Math.max(cellWidth(prefix), cellWidth(indent)));
  return wrapText(text, inner).map((line, i) => (i === 0 ? prefix : indent) + line);
}

/** Cuts `text` to at most `width` cells on a grapheme boundary, ending in `…` when cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (cellWidth(text) <= width) return text;
  const room = width - cellWidth(ellipsis);
  if (room < 0) return '';
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = cellWidth(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  return out + ellipsis;
}

/** Pads `text` with spaces to exactly `width` cells (it must not be wider). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}
