// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks (the colored
// print, the Ink app), so the piped path loads only what it uses. Every runtime library is in the
// bundle: the package has no dependencies.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';

const stub = (name) => new URL(`../src/stubs/${name}.ts`, import.meta.url).pathname;

/** Ink's devtools module (and the WebSocket library behind it) only runs with DEV=true: never here. */
const noDevtools = {
  name: 'no-ink-devtools',
  setup(b) {
    b.onResolve({filter: /^\.\/devtools\.js$/}, (args) => (args.importer.includes('/ink/') ? {path: stub('empty')} : undefined));
  },
};

// The schema validators are compiled first: the bundle imports their generated code.
await import('./gen-validators.mjs');
rmSync(new URL('../dist', import.meta.url), {recursive: true, force: true});
await build({
  entryPoints: {main: 'src/main.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build is fine.
  mainFields: ['module', 'main'],
  // CommonJS dependencies (signal-exit, jsonschema) call require(): give ESM one, under a name
  // that does not clash with yargs' own createRequire import.
  banner: {js: "import {createRequire as __kimCreateRequire} from 'node:module'; const require = __kimCreateRequire(import.meta.url);"},
  define: {'process.env.NODE_ENV': '"production"'},
  alias: {
    // No code blocks in a résumé: highlight.js (1.5 MB) stays out.
    'cli-highlight': stub('cli-highlight'),
    // marked-terminal runs with emoji: false; its 200 KB emoji table stays out.
    'node-emoji': stub('node-emoji'),
    'react-devtools-core': stub('empty'),
    // kim-resume decides itself whether a person is at a terminal (src/cli/mode.ts); Ink's own
    // CI check would freeze the app in a real terminal that merely has CI set.
    'is-in-ci': stub('false'),
  },
  plugins: [noDevtools],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
