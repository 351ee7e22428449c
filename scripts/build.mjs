// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks (the colored
// print, and later the Ink app), so the plain path loads only what it uses.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';

rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
await build({
  entryPoints: {main: 'src/main.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build is fine.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (signal-exit, jsonschema) call require(): give ESM one, under a name
  // that does not clash with yargs' own createRequire import.
  banner: {js: "import {createRequire as __kimCreateRequire} from 'node:module'; const require = __kimCreateRequire(import.meta.url);"},
  define: {'process.env.NODE_ENV': '"production"'},
  alias: {
    'cli-highlight': './src/stubs/cli-highlight.ts',
    'react-devtools-core': './src/stubs/empty.ts',
    // kim-resume decides itself whether a person is at a terminal (src/cli/mode.ts); Ink's own
    // CI check would freeze the app in a real terminal that merely has CI set.
    'is-in-ci': './src/stubs/false.ts',
  },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
