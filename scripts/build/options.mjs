// @ts-check
// The esbuild options of the product bundle (scripts/build.mjs), in one place, so that other
// builds (bench/: its baseline Ink app) take the same ones rather than a copy.
import {productPlugins} from './plugins/index.mjs';
import {ROOT} from './paths.mjs';
import {programDefine} from './program.mjs';

/**
 * What every bundled Ink program here is built with: one ESM entry plus lazily loaded chunks,
 * for Node, production React.
 * @type {import('esbuild').BuildOptions}
 */
export const commonOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build is fine.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (signal-exit, jsonschema) call require(): give ESM one, under a name
  // that does not clash with yargs' own createRequire import.
  banner: {js: "import {createRequire as __kimCreateRequire} from 'node:module'; const require = __kimCreateRequire(import.meta.url);"},
  define: {'process.env.NODE_ENV': '"production"'},
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * The product: src/main.ts into `outdir`, minified, with every patch of plugins/index.mjs.
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function productOptions(outdir) {
  return {
    ...commonOptions,
    entryPoints: {main: 'src/main.ts'},
    outdir,
    // es2024, not node20: esbuild's node20 table turns every /v regex literal into an eager
    // `new RegExp(…, 'v')` (string-width's emoji regex alone then costs ~20 ms at start-up, used
    // or not). Node 20 runs ES2024 syntax; the only ES2024 syntax is that flag.
    target: 'es2024',
    minify: true,
    // Keep non-ASCII text as UTF-8 rather than \u escapes (half the bytes for Hangul and box lines).
    charset: 'utf8',
    metafile: true,
    // No createRequire banner: scripts/build.mjs turns every output file into CommonJS, whose
    // `require` the loader (src/boot/loader.ts) hands in.
    banner: {},
    // The program's name and variable prefix from package.json (src/program.ts).
    define: {...commonOptions.define, ...programDefine()},
    plugins: productPlugins(),
  };
}

/**
 * What each output file of the product is turned into after the build: CommonJS, run by
 * src/boot/loader.ts as a classic script with a V8 code cache. esbuild splits chunks only for
 * ES modules, so the bundle is split as ESM first (the piped path never loads the Ink app's
 * chunk), then each file is converted on its own: `import`s become `require`s between the same
 * files, `import()` a `require` in a promise. `import.meta.url` is the file's own URL, handed in
 * by the loader as `__kimUrl`.
 * @type {import('esbuild').TransformOptions}
 */
export const commonJsOptions = {
  format: 'cjs',
  loader: 'js',
  platform: 'node',
  target: 'es2024',
  minify: true,
  // ASCII, with \u escapes: a few hundred non-ASCII characters (box lines, arrows) would make V8
  // hold each whole file as a two-byte string, twice the memory for the source of every file.
  charset: 'ascii',
  legalComments: 'none',
  define: {'import.meta.url': '__kimUrl'},
  // import() as a require in a promise: a vm.Script has no module loader for import().
  supported: {'dynamic-import': false},
  logLevel: 'error',
};

/**
 * The loader, src/boot/main.ts → dist/boot.cjs: CommonJS, which bin/kim-resume.js (CommonJS too,
 * by bin/package.json) requires, so that Node never starts its ES module loader.
 * @param {string} outdir
 * @param {{version: string, build: string}} stamp the package version and the bundle's hash, for the cache key
 * @returns {import('esbuild').BuildOptions}
 */
export function bootOptions(outdir, {version, build}) {
  return {
    absWorkingDir: ROOT,
    bundle: true,
    format: 'cjs',
    outExtension: {'.js': '.cjs'},
    platform: 'node',
    target: 'es2024',
    minify: true,
    entryPoints: {boot: 'src/boot/main.ts'},
    outdir,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: {__KIM_VERSION__: JSON.stringify(version), __KIM_BUILD__: JSON.stringify(build), ...programDefine()},
  };
}
