// @ts-check
// Ink turns every row of a frame back into a string with @alcalzone/ansi-tokenize's
// styledCharsToString(), which asks diffAnsiCodes() what changed between each two neighbouring
// characters: three Sets and four arrays per character, though nearly every character has the
// same style as the one before it, for which the answer is always nothing. And
// styledCharsFromTokens() gives every character its own copy of the style list. Together that was
// about half of what a first frame allocated (~4 of 8 MB for 100×30, measured with V8's sampling
// heap profiler) and a key press's time. Patched: neighbours whose style lists are equal code for
// code write nothing, which is what diffAnsiCodes() gives them; characters of one run share their
// list, which nothing changes in place (reduceAnsiCodesIncremental() returns a new one). The
// strings are unchanged: test/unit/ansi-tokenize-same-styles.test.ts holds them to the library's.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

const SAME_STYLES = `/** kim-resume: equal style lists, code for code (diffAnsiCodes gives [] for them). */
function sameStyles(from, to) {
    if (from === to)
        return true;
    if (from.length !== to.length)
        return false;
    for (let i = 0; i < from.length; i++) {
        if (from[i].code !== to[i].code || from[i].endCode !== to[i].endCode)
            return false;
    }
    return true;
}
export function styledCharsToString(chars) {`;

/**
 * @param {string} source @alcalzone/ansi-tokenize's build/styledChars.js
 * @param {import('../guard.mjs').Where} where
 */
export function sameStylesPatch(source, where) {
  let patched = replaceOnce(source, 'export function styledCharsToString(chars) {', SAME_STYLES, where);
  patched = replaceOnce(
    patched,
    `        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`,
    `        else if (!sameStyles(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }`,
    where,
  );
  patched = replaceOnce(patched, '        if (i === chars.length - 1) {', '        if (i === chars.length - 1 && char.styles.length > 0) {', where);
  return replaceOnce(patched, '                styles: [...codes],', '                styles: codes,', where);
}

/** @returns {import('esbuild').Plugin} */
export const ansiTokenizeSameStyles = () =>
  patchSource({
    name: 'ansi-tokenize-same-styles',
    file: /[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    label: '@alcalzone/ansi-tokenize/build/styledChars.js',
    patch: sameStylesPatch,
  });
