import {eastAsianWidth} from 'get-east-asian-width';
// The one import of the real string-width: the build points every other one at this module.
import stringWidth, {type Options as StringWidthOptions} from 'string-width';
import stripAnsi from 'strip-ansi';

const cache = new Map<string, number>();

/**
 * Code points that are a grapheme on their own and whose width string-width takes straight from
 * the East Asian Width table: printable ASCII and Latin-1, general punctuation, arrows, box
 * drawing, shapes, symbols, CJK punctuation and ideographs, Hangul syllables and compatibility
 * jamo, full-width forms, and the single-code-point emoji (U+1F300–U+1FAFF, not the skin-tone
 * modifiers). A word made only of these (nearly every word of a résumé) is measured with that
 * table and split with Array.from, and string-width's grapheme segmentation and emoji regex
 * (~90 ms and ~10 MiB on first use) are never loaded for it. test/unit/width.test.ts checks every
 * one of these code points against string-width.
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
  if (c >= 0xff01 && c <= 0xffef) return c !== 0xffa0 && !(c >= 0xffbf && c <= 0xffc1);
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
 * string-width, answered from the table for simple text and from a cache for text seen before.
 * The bundle routes every `import 'string-width'` here (scripts/build.mjs), Ink's included: Ink
 * measures every line of every frame, so this is the key-press path too. Options other than
 * the defaults go straight to string-width.
 */
export function fastStringWidth(text: string, options?: StringWidthOptions): number {
  if (options && (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes)) return stringWidth(text, options);
  let width = cache.get(text);
  if (width === undefined) {
    const plain = text.includes('\x1b') || text.includes('\x9b') ? stripAnsi(text) : text;
    width = simpleWidth(plain);
    if (width === -1) width = stringWidth(text, options);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, width);
  }
  return width;
}

export default fastStringWidth;
