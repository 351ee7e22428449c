// @ts-check
import {mustMatch} from './guard.mjs';

/**
 * @typedef {object} StubImport
 * @property {string} name the plugin's name (and its file: scripts/build/plugins/<name>.mjs)
 * @property {string} specifier the import, exactly as the library writes it: 'cli-highlight', './devtools.js'
 * @property {string} stub the absolute path of the module bundled in its place
 * @property {{label: string, test: RegExp}} [from] only this library's imports (matched against the importer's path)
 */

/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A plugin that bundles `stub` wherever `specifier` is imported (from the library `from`, if
 * given), and fails the build if that import never happened: a library that renamed or stopped
 * making it would otherwise have its real module bundled, or the stub left dead, without a word.
 * @param {StubImport} options
 * @returns {import('esbuild').Plugin}
 */
export function stubImport({name, specifier, stub, from}) {
  return {
    name,
    setup(build) {
      const hit = mustMatch(build, name, `${from ? `${from.label}'s` : 'an'} import of ${specifier}`);
      build.onResolve({filter: new RegExp(`^${escape(specifier)}$`)}, (args) => {
        if (from && !from.test.test(args.importer)) return undefined;
        hit();
        return {path: stub};
      });
    },
  };
}

/** Importer paths inside one package of node_modules: `inPackage('ink')`. */
export const inPackage = (/** @type {string} */ name) => ({label: name, test: new RegExp(`[\\\\/]node_modules[\\\\/]${escape(name)}[\\\\/]`)});
