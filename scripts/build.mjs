// @ts-check
// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks (the colored
// print, the Ink app), so the piped path loads only what it uses. Every runtime library is in the
// bundle: the package has no dependencies. The options are in build/options.mjs; the patches made
// to libraries on the way, and why, are listed in build/plugins/index.mjs.
import {build} from 'esbuild';
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {productOptions} from './build/options.mjs';
import {BUILD_META, fromRoot} from './build/paths.mjs';

// The schema validators are compiled first: the bundle imports their generated code.
await import('./gen-validators.mjs');

// Built beside dist/ and swapped in at the end, so a program started meanwhile (a test, a bench
// run) never finds dist/ half written.
const dist = fromRoot('dist');
const stagingName = `dist.building-${process.pid}`;
const staging = fromRoot(stagingName);
rmSync(staging, {recursive: true, force: true});
const result = await build(productOptions(staging));
rmSync(dist, {recursive: true, force: true});
renameSync(staging, dist);

// What went into which file (esbuild's metafile), for test/unit/bundle.test.ts; kept out of dist/
// so it does not ship.
const metafile = /** @type {import('esbuild').Metafile} */ (result.metafile);
const outputs = Object.fromEntries(
  Object.entries(metafile.outputs).map(([file, out]) => [file.replace(stagingName, 'dist'), {inputs: Object.keys(out.inputs)}]),
);
const inputs = Object.fromEntries(Object.entries(metafile.inputs).map(([file, input]) => [file, {imports: input.imports.map(({path, original}) => ({path, original}))}]));
mkdirSync(fromRoot(BUILD_META.replace(/[^/]+$/, '')), {recursive: true});
writeFileSync(fromRoot(BUILD_META), JSON.stringify({inputs, outputs}));
