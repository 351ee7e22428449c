// @ts-check
// Ink (6.8 to 8.0) sanitizes the text of a <Text> each time it squashes it (build/squash-text-nodes.js
// calls build/sanitize-ansi.js): to measure it and again to draw it, and on every frame. A
// string with any escape in it, as the app's frame always has, is tokenized and put together
// again each time. sanitizeAnsi() is a pure function of its string, so its results are
// remembered: a row is sanitized once, not twice, and a row seen before not at all.
// Bounded: the app writes each row of its frame as a <Text> of its own (src/ui/components/
// FrameText.tsx), 30 to a few hundred per frame. When full, the oldest string is forgotten, not
// all of them: a bound of 64 cleared everything about every other frame, so that nearly every
// row was tokenized again (key to screen, spaced ↓ in a 100×30 pty: 3.55 ms in the process
// with 64 kept, 2.65 ms with 1,024; bench/.out/pkg, node-pty, 60 presses).
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

/** Strings kept: some dozens of frames of rows (a row is some hundred bytes: under 1 MB in all). */
const SANITIZED_KEPT = 1024;

/**
 * @param {string} source Ink's build/sanitize-ansi.js
 * @param {import('../guard.mjs').Where} where
 */
export function memoSanitize(source, where) {
  return replaceOnce(
    source,
    'export default sanitizeAnsi;',
    `const sanitized = new Map();
/** sanitizeAnsi(), remembered (ink-sanitize-memo). */
const rememberedSanitizeAnsi = (text) => {
    let clean = sanitized.get(text);
    if (clean === undefined) {
        clean = sanitizeAnsi(text);
        if (sanitized.size >= ${SANITIZED_KEPT}) {
            sanitized.delete(sanitized.keys().next().value);
        }
        sanitized.set(text, clean);
    }
    return clean;
};
export default rememberedSanitizeAnsi;`,
    where,
  );
}

/** @returns {import('esbuild').Plugin} */
export const inkSanitizeMemo = () =>
  patchSource({name: 'ink-sanitize-memo', file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]sanitize-ansi\.js$/, label: 'ink/build/sanitize-ansi.js', patch: memoSanitize});
