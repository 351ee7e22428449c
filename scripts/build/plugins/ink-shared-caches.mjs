// @ts-check
// Ink 6 keeps per-output caches of tokenized lines and widths
// (https://github.com/vadimdemedes/ink/pull/835), but makes a new Output, with new caches, for
// every frame: every line of every frame is tokenized and measured again, most of a key press's
// time here. The caches are shared across frames instead, so a line seen in an earlier frame
// costs nothing; bounded, they are cleared past a few screens of lines.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

const SHARED = `const sharedCaches = new OutputCaches();
function framesCaches() {
    if (sharedCaches.styledChars.size > 400 || sharedCaches.widths.size > 20000) {
        sharedCaches.styledChars.clear();
        sharedCaches.widths.clear();
        sharedCaches.blockWidths.clear();
    }
    return sharedCaches;
}
`;

/** Ink's output.js, the file this patch and ink-row-memo change (one load hook: patch-source.mjs). */
export const INK_OUTPUT = /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/;

/**
 * @param {string} source
 * @param {import('../guard.mjs').Where} where
 */
export function shareCaches(source, where) {
  const shared = replaceOnce(source, 'export default class Output {', `${SHARED}export default class Output {`, where);
  return replaceOnce(shared, '    caches = new OutputCaches();', '    caches = framesCaches();', where);
}

/** @returns {import('esbuild').Plugin} */
export const inkSharedCaches = () => patchSource({name: 'ink-shared-caches', file: INK_OUTPUT, label: 'ink/build/output.js', patch: shareCaches});
