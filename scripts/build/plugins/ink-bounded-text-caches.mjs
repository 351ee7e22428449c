// @ts-check
// Ink 6.8 remembers the size of every text it measures (build/measure-text.js, a Map) and every
// text it wraps (build/wrap-text.js, an object), keyed by the whole text, and never forgets one:
// vadimdemedes/ink#986 ("measureText / wrapText caches are unbounded and never evicted"). The app's
// frame is one <Text> (src/ui/components/FrameText.tsx), so every distinct frame ever drawn (each
// scroll position, each search query as it is typed, each window size) stayed in memory, a few kB
// each, for as long as the process ran; in `kim-resume serve` that is every frame of every session
// since the server started. Both caches now keep at most TEXTS_KEPT entries and start again when
// full (the frames in use are measured again at once: a frame costs one widestLine pass).
// Same answers: each file's results are a pure function of its arguments.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

const TEXTS_KEPT = 256;

/**
 * @param {string} source Ink's build/measure-text.js
 * @param {import('../guard.mjs').Where} where
 */
export function boundMeasureCache(source, where) {
  return replaceOnce(
    source,
    '    cache.set(text, dimensions);',
    `    if (cache.size >= ${TEXTS_KEPT}) {
        cache.clear();
    }
    cache.set(text, dimensions);`,
    where,
  );
}

/**
 * @param {string} source Ink's build/wrap-text.js
 * @param {import('../guard.mjs').Where} where
 */
export function boundWrapCache(source, where) {
  let out = replaceOnce(source, 'const cache = {};', 'const cache = new Map();', where);
  out = replaceOnce(out, 'const cachedText = cache[cacheKey];', 'const cachedText = cache.get(cacheKey);', where);
  return replaceOnce(
    out,
    '    cache[cacheKey] = wrappedText;',
    `    if (cache.size >= ${TEXTS_KEPT}) {
        cache.clear();
    }
    cache.set(cacheKey, wrappedText);`,
    where,
  );
}

/** @returns {import('esbuild').Plugin[]} */
export const inkBoundedTextCaches = () => [
  patchSource({name: 'ink-bounded-measure-cache', file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]measure-text\.js$/, label: 'ink/build/measure-text.js', patch: boundMeasureCache}),
  patchSource({name: 'ink-bounded-wrap-cache', file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]wrap-text\.js$/, label: 'ink/build/wrap-text.js', patch: boundWrapCache}),
];
