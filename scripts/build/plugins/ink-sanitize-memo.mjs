// @ts-check
// Ink (6.8 to 8.0) sanitizes the text of a <Text> each time it squashes it (build/squash-text-nodes.js
// calls build/sanitize-ansi.js): to measure it and again to draw it, and on every frame. A
// string with any escape in it, as the app's frame always has, is tokenized and put together
// again each time. sanitizeAnsi() is a pure function of its string, so its results are
// remembered: the frame is sanitized once, not twice, and a frame seen before not at all.
// Bounded: the app's frame is one string of a few kB, so a few dozen are kept.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

const SANITIZED_KEPT = 64;

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
            sanitized.clear();
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
