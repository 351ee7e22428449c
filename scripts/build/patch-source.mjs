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

/** Per build: the source files each patch rewrote (plugin name → paths), for the build's record. */
const applied = new WeakMap();

/**
 * What the patches of a build rewrote: plugin name → the library files (absolute paths) it was
 * applied to. scripts/build.mjs writes it into the build's record beside esbuild's metafile, so
 * test/unit/bundle.test.ts checks where each patch went without reading minified text.
 * @param {import('esbuild').BuildOptions} options the options the build was started with
 * @returns {Map<string, Set<string>>}
 */
export function appliedPatches(options) {
  let record = applied.get(options);
  if (!record) applied.set(options, (record = new Map()));
  return record;
}

/**
 * Notes that patch `name` rewrote the library file at `path` in this build (every plugin that
 * rewrites a source file calls it, through patchSource or by itself).
 * @param {import('esbuild').PluginBuild} build
 * @param {string} name
 * @param {string} path
 */
export function recordPatch(build, name, path) {
  const record = appliedPatches(build.initialOptions);
  if (!record.has(name)) record.set(name, new Set());
  record.get(name)?.add(path);
}

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
            recordPatch(build, p.name, args.path);
          }
          return {contents, loader: 'js'};
        });
      }
      patches.push({name, hit, patch});
    },
  };
}
