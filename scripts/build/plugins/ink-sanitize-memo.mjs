// @ts-check
// Ink 6.8 sanitizes the text of every <Text> on every frame (build/squash-text-nodes.js calls
// build/sanitize-ansi.js): a string with any escape in it, as every styled line is, is tokenized
// and put together again, though a key changes a few lines at most. sanitizeAnsi() is a pure
// function of its string, so its results are remembered, bounded like Ink's own caches
// (ink-shared-caches): forgotten past SANITIZED_KEPT strings.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

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
