// @ts-check
// esbuild lets one onLoad hook load a file: when two patches change the same library file
// (string-width/index.js: the lazy segmenter and the lazy emoji regex), the second would be
// skipped without a word. Patches made with patchSource() share one hook per file pattern and are
// applied in the order their plugins are listed; each still fails the build on its own (guard.mjs).
import {readFileSync} from 'node:fs';
import {mustMatch} from './guard.mjs';

/**
 * @typedef {import('./guard.mjs').Where} Where
 * @typedef {{name: string, hit: () => void, patch: (source: string, where: Where) => string}} Patch
 */

/** Per build (its options object, shared by its plugins): file pattern → the patches of that file. */
const registries = new WeakMap();

/**
 * A plugin that rewrites the library file(s) matching `file` with `patch`, and fails the build if
 * no such file was loaded.
 * @param {{name: string, file: RegExp, label: string, patch: (source: string, where: Where) => string}} options
 * @returns {import('esbuild').Plugin}
 */
export function patchSource({name, file, label, patch}) {
  return {
    name,
    setup(build) {
      const hit = mustMatch(build, name, label);
      /** @type {Map<string, Patch[]>} */
      let byFile = registries.get(build.initialOptions);
      if (!byFile) registries.set(build.initialOptions, (byFile = new Map()));
      const key = `${file.source}/${file.flags}`;
      let patches = byFile.get(key);
      if (!patches) {
        const list = /** @type {Patch[]} */ ([]);
        patches = list;
        byFile.set(key, list);
        build.onLoad({filter: file}, (args) => {
          let contents = readFileSync(args.path, 'utf8');
          for (const p of list) {
            p.hit();
            contents = p.patch(contents, {plugin: p.name, file: args.path});
          }
          return {contents, loader: 'js'};
        });
      }
      patches.push({name, hit, patch});
    },
  };
}
