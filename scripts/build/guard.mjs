// @ts-check
// The two checks every build patch goes through, so that a library changing shape fails the build
// with a message naming the patch, instead of bundling the unpatched library without a word.

/**
 * @typedef {{plugin: string, file: string}} Where
 * @typedef {import('esbuild').PluginBuild} PluginBuild
 */

/** @param {Where} where */
const update = ({plugin, file}) => `the library changed: update or remove scripts/build/plugins/${plugin}.mjs (in ${file})`;

/**
 * `source` with the one occurrence of `expected` replaced. Throws (esbuild reports it as a build
 * error of the plugin) when `expected` is missing or occurs more than once.
 * @param {string} source
 * @param {string} expected
 * @param {string} replacement
 * @param {Where} where
 */
export function replaceOnce(source, expected, replacement, where) {
  const at = source.indexOf(expected);
  if (at === -1) throw new Error(`${where.plugin}: expected text not found: ${JSON.stringify(expected)}; ${update(where)}`);
  if (source.indexOf(expected, at + 1) !== -1) throw new Error(`${where.plugin}: expected text occurs more than once: ${JSON.stringify(expected)}; ${update(where)}`);
  return source.slice(0, at) + replacement + source.slice(at + expected.length);
}

/**
 * The one match of `pattern` in `source` (a non-global pattern); throws when there is none or
 * more than one.
 * @param {string} source
 * @param {RegExp} pattern
 * @param {Where} where
 */
export function matchOnce(source, pattern, where) {
  const all = [...source.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))];
  if (all.length !== 1) throw new Error(`${where.plugin}: expected one match of ${pattern}, found ${all.length}; ${update(where)}`);
  return /** @type {RegExpExecArray} */ (all[0]);
}

/**
 * Counts the times a hook of `plugin` did its work; at the end of a build that otherwise
 * succeeded, fails it when that never happened: the import it redirects or the file it patches
 * was not met (renamed, moved, or no longer used upstream), so the patch silently did nothing.
 * Call the returned function each time the hook matches.
 * @param {PluginBuild} build
 * @param {string} plugin
 * @param {string} what what the hook must meet, for the message: "Ink's import of ./devtools.js"
 * @returns {() => void}
 */
export function mustMatch(build, plugin, what) {
  let hits = 0;
  build.onStart(() => {
    hits = 0;
  });
  build.onEnd((result) => {
    if (hits > 0 || result.errors.length > 0) return;
    return {errors: [{pluginName: plugin, text: `${what} was never met: the library changed; update or remove scripts/build/plugins/${plugin}.mjs`}]};
  });
  return () => {
    hits++;
  };
}
