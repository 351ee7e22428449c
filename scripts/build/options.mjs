// @ts-check
// The esbuild options of the product bundle (scripts/build.mjs), in one place, so that other
// builds (bench/: its baseline Ink app) take the same ones rather than a copy.
import {productPlugins} from './plugins/index.mjs';
import {ROOT} from './paths.mjs';

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
    plugins: productPlugins(),
  };
}
