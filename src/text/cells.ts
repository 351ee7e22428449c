import {eastAsianWidth} from 'get-east-asian-width';

/**
 * How many terminal cells text occupies, counted as terminals count them: per code point, the
 * wcwidth way (https://www.cl.cam.ac.uk/~mgk25/ucs/wcwidth.c, which glibc, tmux and xterm.js
 * follow), not per grapheme as string-width does. A Thai SARA AM (ทำ), a Devanagari conjunct
 * (क्ष) or a soft hyphen is one grapheme that every terminal draws two or more cells wide
 * (https://github.com/sindresorhus/string-width/issues/75).
 *
 *  - East Asian Wide and Fullwidth: 2 cells (get-east-asian-width: the Unicode tables, kept
 *    current; emoji with emoji presentation are Wide since Unicode 9);
 *  - nonspacing marks (Mn), enclosing marks (Me), format characters (Cf: ZWJ, ...), the
 *    conjoining Hangul vowels and final consonants (U+1160–U+11FF, U+D7B0–U+D7FF) and controls: 0;
 *  - everything else, spacing marks (Mc), the soft hyphen and a lone surrogate (drawn as U+FFFD)
 *    included: 1.
 *
 * Emoji sequences are where terminals differ (xterm.js's Unicode 11 tables draw 👩‍💻 as 4 cells,
 * tmux as 2: https://github.com/xtermjs/xterm.js/issues/3527, and the comparison in
 * https://mitchellh.com/writing/grapheme-clusters-in-terminals). The default here is the per code
 * point sum, except that a pictograph joined by a ZWJ to an emoji before it adds nothing (tmux's
 * rule, and what grapheme-aware terminals draw): 👩‍💻 2, 👍🏽 4, ❤️ 1, 1️⃣ 1, 🇰🇷 2. Where a
 * terminal draws a cluster otherwise, the widths it reports (see width-probe.ts) are given to
 * setClusterWidths and answer first.
 */

// One byte per code point, filled on first use: width in bits 0-1, pictograph (bit 2),
// grapheme extender (bit 3), known (bit 4).
const KNOWN = 16;
const PICTOGRAPH = 4;
const EXTEND = 8;
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const IS_PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
// Grapheme_Cluster_Break=Extend is Grapheme_Extend plus the emoji modifiers (UAX #29).
const IS_EXTEND = /^[\p{Grapheme_Extend}\p{Emoji_Modifier}]$/u;

function widthOf(c: number): number {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 0;
  if (c === 0xad) return 1;
  if ((c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff)) return 0;
  if (c >= 0xd800 && c <= 0xdfff) return 1;
  if (ZERO.test(String.fromCodePoint(c))) return 0;
  return eastAsianWidth(c);
}

function info(c: number): number {
  let bits = c < 0x10000 ? bmp[c]! : (astral.get(c) ?? 0);
  if (bits === 0) {
    const ch = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCodePoint(c);
    bits = KNOWN | widthOf(c) | (IS_PICTOGRAPH.test(ch) ? PICTOGRAPH : 0) | (IS_EXTEND.test(ch) ? EXTEND : 0);
    if (c < 0x10000) bmp[c] = bits;
    else astral.set(c, bits);
  }
  return bits;
}

/** Cells one code point occupies on its own (0, 1 or 2), by the rules above. */
export const codePointWidth = (c: number): number => info(c) & 3;

/**
 * Code points that are a grapheme on their own, whose width is their East Asian Width: printable
 * ASCII and Latin-1 (not the soft hyphen), general punctuation, arrows, box drawing, shapes,
 * symbols, CJK punctuation and ideographs, Hangul syllables and compatibility jamo (not the
 * filler), full- and halfwidth forms, and the single-code-point emoji (U+1F300–U+1FAFF, not the skin-tone
 * modifiers). A word made only of these (nearly every word of a résumé) is measured from that
 * table and split with Array.from: no regex, no grapheme segmenter. test/unit/cells.test.ts
 * checks every one against codePointWidth and the segmenter.
 */
export function isSimpleCodePoint(c: number): boolean {
  if (c < 0x7f) return c >= 0x20;
  if (c < 0x100) return c >= 0xa0 && c !== 0xad;
  if (c >= 0xac00 && c <= 0xd7a3) return true;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c >= 0x2010 && c <= 0x2027) return true;
  if (c >= 0x2030 && c <= 0x205e) return true;
  if (c >= 0x2190 && c <= 0x21ff) return true;
  if (c >= 0x2500 && c <= 0x257f) return true;
  if (c >= 0x25a0 && c <= 0x27bf) return true;
  if (c >= 0x3000 && c <= 0x303f) return c < 0x302a || c > 0x302f;
  if (c >= 0x3131 && c <= 0x318e) return c !== 0x3164;
  // Not the halfwidth filler, nor the halfwidth sound marks U+FF9E/U+FF9F (grapheme extenders).
  if (c >= 0xff01 && c <= 0xffef) return c !== 0xffa0 && c !== 0xff9e && c !== 0xff9f && !(c >= 0xffbf && c <= 0xffc1);
  if (c >= 0x1f300 && c <= 0x1faff) return c < 0x1f3fb || c > 0x1f3ff;
  return false;
}

/** The width of `text` if every code point is simple (see above), else -1. */
export function simpleWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c < 0x7f && c >= 0x20) {
      width += 1;
      continue;
    }
    if (!isSimpleCodePoint(c)) return -1;
    width += eastAsianWidth(c);
  }
  return width;
}

/**
 * The default width of any text: per code point, a pictograph after "emoji, extenders, ZWJ"
 * (UAX #29 rule GB11, so never across a grapheme boundary) adding nothing.
 */
export function defaultCellWidth(text: string): number {
  let width = 0;
  // In an emoji so far: a pictograph followed only by extenders. joinNext: and then a ZWJ.
  let inEmoji = false;
  let joinNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (c > 0xffff) i++;
    const bits = info(c);
    if (joinNext && bits & PICTOGRAPH) {
      joinNext = false;
      inEmoji = true;
      continue;
    }
    joinNext = c === 0x200d && inEmoji;
    if (bits & PICTOGRAPH) inEmoji = true;
    else if (c === 0x200d || !(bits & EXTEND)) inEmoji = false;
    width += bits & 3;
  }
  return width;
}

/** Made on first need: creating it loads ICU's break data (~20 ms). */
let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters: a Hangul syllable, a ZWJ emoji family, a letter with its marks. */
export function graphemes(text: string): string[] {
  // Simple code points are graphemes on their own: no segmenter needed (see isSimpleCodePoint).
  if (simpleWidth(text) !== -1) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Widths this terminal was seen to draw, by cluster (setClusterWidths). */
let learned: ReadonlyMap<string, number> = new Map();
/** Whether a learned cluster is simple text (💻 alone, drawn 1 cell by Unicode 6 terminals). */
let learnedSimple = false;
const cache = new Map<string, number>();

/**
 * Tells the width function how wide this terminal draws some clusters (emoji sequences,
 * measured with the cursor: width-probe.ts). They answer before the default rules, from now on;
 * the map replaces any given before.
 */
export function setClusterWidths(widths: ReadonlyMap<string, number> | Readonly<Record<string, number>>): void {
  learned = widths instanceof Map ? new Map(widths) : new Map(Object.entries(widths));
  learnedSimple = [...learned.keys()].some((cluster) => simpleWidth(cluster) !== -1);
  cache.clear();
}

function measure(text: string): number {
  if (learned.size === 0) return defaultCellWidth(text);
  let width = 0;
  for (const g of graphemes(text)) width += learned.get(g) ?? defaultCellWidth(g);
  return width;
}

/**
 * Cells `text` occupies in a terminal (no escape sequences in it: text from data is sanitized).
 * Simple text is measured straight from the East Asian Width table; the rest once, then cached.
 */
export function cellWidth(text: string): number {
  let width = cache.get(text);
  if (width === undefined) {
    width = learnedSimple ? -1 : simpleWidth(text);
    if (width === -1) width = measure(text);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, width);
  }
  return width;
}
