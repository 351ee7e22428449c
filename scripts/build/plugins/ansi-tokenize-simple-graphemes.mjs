// @ts-check
// @alcalzone/ansi-tokenize (Ink's tokenizer) walks every line with Intl.Segmenter, one grapheme
// object after another: for a first frame of 100×30 that was most of the tokenizer's ~4 ms and
// allocation. A code unit of a script with no combining behaviour (ASCII and Latin, punctuation,
// arrows, box drawing and other symbols, CJK ideographs, Hangul syllables: grapheme break
// property Other, or LV/LVT for the syllables, https://www.unicode.org/reports/tr29/), when the
// unit after it is one of those too or below U+0300, is a whole grapheme by rules GB5-GB999:
// nothing joins it to the next. Such units are taken as they are; anything else, from there, is
// asked of the segmenter for the same string (`containing`), so the boundaries are the
// segmenter's for the whole string, as before. test/unit/ansi-tokenize-simple-graphemes.test.ts
// holds the tokens to the library's, every such code point against the units that could join it.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

const SIMPLE = `/** kim-resume: a code unit whose grapheme break property is Other (or LV/LVT: Hangul syllables). */
function isSimpleUnit(c) {
    return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x2ff && c !== 0xad) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || (c >= 0x2190 && c <= 0x2bff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}
export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {`;

const LOOP = `    let segments;
    for (let index = 0, end = 0; index < str.length; index = end) {
        let segment;
        const unit = str.charCodeAt(index);
        // A control but CR ends its grapheme (GB4); a simple unit does before a unit below
        // U+0300 (no Extend, SpacingMark or ZWJ there) or another simple one (GB999).
        if (unit < 0x20 ? unit !== 0x0d : isSimpleUnit(unit) && (index + 1 === str.length || str.charCodeAt(index + 1) < 0x300 || isSimpleUnit(str.charCodeAt(index + 1)))) {
            segment = str[index];
        }
        else {
            segments ??= segmenter.segment(str);
            segment = segments.containing(index).segment;
        }
        end = index + segment.length;`;

/**
 * @param {string} source @alcalzone/ansi-tokenize's build/tokenize.js
 * @param {import('../guard.mjs').Where} where
 */
export function simpleGraphemes(source, where) {
  const patched = replaceOnce(source, 'export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {', SIMPLE, where);
  return replaceOnce(patched, '    for (const { segment, index } of segmenter.segment(str)) {', LOOP, where);
}

/** @returns {import('esbuild').Plugin} */
export const ansiTokenizeSimpleGraphemes = () =>
  patchSource({
    name: 'ansi-tokenize-simple-graphemes',
    file: /[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
    label: '@alcalzone/ansi-tokenize/build/tokenize.js',
    patch: simpleGraphemes,
  });
