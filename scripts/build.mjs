// @ts-check
// Bundles the CLI into dist/ with esbuild: one entry plus lazily loaded chunks (the colored
// print, the Ink app), so the piped path loads only what it uses; each file is then turned into
// CommonJS, which dist/boot.cjs (src/boot/) runs with a V8 code cache. Every runtime library is in the
// bundle: the package has no dependencies. The options are in build/options.mjs; the patches made
// to libraries on the way, and why, are listed in build/plugins/index.mjs.
import {build, transform} from 'esbuild';
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {bootOptions, commonJsOptions, productOptions} from './build/options.mjs';
import {ARCHIVES, pack, packArchive, SINGLE_FROM, SINGLE_SUFFIX, staticClosure} from './build/packed.mjs';
import {BUILD_META, fromRoot} from './build/paths.mjs';
import {appliedPatches} from './build/patch-source.mjs';

// The schema validators are compiled first: the bundle imports their generated code.
await import('./gen-validators.mjs');

/** Every file under a folder, as paths. @param {string} dir @returns {string[]} */
const filesUnder = (dir) => readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

// Built beside dist/ and swapped in at the end, so a program started meanwhile (a test, a bench
// run) never finds dist/ half written.
const dist = fromRoot('dist');
const stagingName = `dist.building-${process.pid}`;
const staging = fromRoot(stagingName);
rmSync(staging, {recursive: true, force: true});
const options = productOptions(staging);
const result = await build(options);
// Each file to CommonJS (build/options.mjs commonJsOptions says why); esbuild fails here on any
// top-level await left in the bundle.
const hash = createHash('sha256');
for (const file of filesUnder(staging).sort()) {
  if (file.endsWith('.js')) {
    const {code} = await transform(readFileSync(file, 'utf8'), {...commonJsOptions, sourcefile: file});
    writeFileSync(file, code);
  }
  hash.update(relative(staging, file)).update('\0').update(readFileSync(file));
}
// The chunks as the package ships them, compressed (build/packed.mjs says why); yoga's wasm is
// already (build/plugins/yoga-wasm-binary.mjs).
const chunks = join(staging, 'chunks');
// What every start loads goes into the first archive, the rest into the second.
const atStart = staticClosure(/** @type {import('esbuild').Metafile} */ (result.metafile), `${stagingName}/main.js`);
const [startArchive, moreArchive] = ARCHIVES;
/** @type {Map<string, [string, Buffer][]>} */
const archived = new Map([[startArchive, []], [moreArchive, []]]);
for (const name of readdirSync(chunks).filter((n) => n.endsWith('.js')).sort()) {
  const bytes = readFileSync(join(chunks, name));
  if (bytes.length >= SINGLE_FROM) writeFileSync(join(chunks, name + SINGLE_SUFFIX), pack(bytes, 'text'));
  else archived.get(atStart.has(`${stagingName}/chunks/${name}`) ? startArchive : moreArchive)?.push([name, bytes]);
  rmSync(join(chunks, name));
}
for (const [archive, files] of archived) writeFileSync(join(chunks, archive), packArchive(files));
// The loader carries the version and the bundle's hash: its code cache is keyed by them.
const {version} = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
const boot = await build(bootOptions(staging, {version, build: hash.digest('hex').slice(0, 16)}));
rmSync(dist, {recursive: true, force: true});
renameSync(staging, dist);

// What went into which file (esbuild's metafile), for test/unit/bundle.test.ts; kept out of dist/
// so it does not ship.
const metafile = /** @type {import('esbuild').Metafile} */ (result.metafile);
const outputs = Object.fromEntries(
  Object.entries({...metafile.outputs, ...boot.metafile?.outputs}).map(([file, out]) => [file.replace(stagingName, 'dist'), {inputs: Object.keys(out.inputs)}]),
);
const inputs = Object.fromEntries(Object.entries(metafile.inputs).map(([file, input]) => [file, {imports: input.imports.map(({path, original}) => ({path, original}))}]));
mkdirSync(fromRoot(BUILD_META.replace(/[^/]+$/, '')), {recursive: true});
// Which library files each source patch rewrote (scripts/build/patch-source.mjs), as paths from the root.
const patches = Object.fromEntries([...appliedPatches(options)].map(([name, files]) => [name, [...files].map((f) => relative(fromRoot('.'), f).split(sep).join('/')).sort()]));
writeFileSync(fromRoot(BUILD_META), JSON.stringify({inputs, outputs, patches}));
