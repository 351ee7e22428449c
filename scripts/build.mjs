// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks (the colored
// print, the Ink app), so the piped path loads only what it uses. Every runtime library is in the
// bundle: the package has no dependencies.
import {build} from 'esbuild';
import {existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const stub = (name) => new URL(`../src/stubs/${name}.ts`, import.meta.url).pathname;

/** Ink's devtools module (and the WebSocket library behind it) only runs with DEV=true: never here. */
const noDevtools = {
  name: 'no-ink-devtools',
  setup(b) {
    b.onResolve({filter: /^\.\/devtools\.js$/}, (args) => (args.importer.includes('/ink/') ? {path: stub('empty')} : undefined));
    // kim-resume offers no shell completion: yargs' completion scripts stay out.
    b.onResolve({filter: /^\.\/completion-templates\.js$/}, (args) => (args.importer.includes('/yargs/') ? {path: stub('yargs-completion-templates')} : undefined));
    // Ink's error overview (stack-utils, code-excerpt) is never shown: our boundary catches first.
    b.onResolve({filter: /^\.\/ErrorOverview\.js$/}, (args) =>
      args.importer.includes('/ink/') ? {path: new URL('../src/stubs/ink-error-overview.tsx', import.meta.url).pathname} : undefined,
    );
  },
};

// The schema validators are compiled first: the bundle imports their generated code.
await import('./gen-validators.mjs');
/**
 * yoga-layout ships its WebAssembly as a base64 string inside JavaScript (~95 KB that gzip
 * barely shrinks). The bundle ships the binary beside the chunk instead and hands it to
 * Emscripten as `wasmBinary`: a smaller package, and no base64 decoding at start-up.
 */
const YOGA = /yoga-wasm-base64-esm\.js$/;
const BASE64 = /H="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
let yogaWasm;
const yogaBinary = {
  name: 'yoga-binary',
  setup(b) {
    b.onLoad({filter: YOGA}, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const match = BASE64.exec(source);
      if (!match || !source.includes('export default loadYoga;')) throw new Error('yoga-layout changed shape: update scripts/build.mjs');
      yogaWasm = Buffer.from(match[1], 'base64');
      const contents = source
        .replace(BASE64, 'H="data:application/octet-stream;base64,"')
        .replace(
          'export default loadYoga;',
          "import {readFileSync as __kimReadFile} from 'node:fs';\n" +
            "export default (options = {}) => loadYoga({...options, wasmBinary: __kimReadFile(new URL('./yoga.wasm', import.meta.url))});",
        );
      return {contents, loader: 'js'};
    });
  },
};

/**
 * Every `import 'string-width'` (Ink's, wrap-ansi's, cliui's, ours) goes to
 * src/text/string-width-fast.ts: the same answers, from the East Asian Width table for simple
 * text and from a cache for text seen before. Ink measures every line of every frame, so this
 * is most of a key press; and cliui and wrap-ansi no longer bring their own copies of
 * string-width 7 and emoji-regex. Only that module itself imports the real string-width 8.
 */
const FAST_WIDTH = new URL('../src/text/string-width-fast.ts', import.meta.url).pathname;
const require = createRequire(import.meta.url);

/**
 * Ink 6.8 makes a new Output, with new caches, for every frame, so every line of every frame is
 * tokenized again (most of a key press's time here). The caches are shared across frames instead:
 * a line seen in an earlier frame costs nothing. Bounded: cleared past a few screens of lines.
 */
/** string-width makes its Intl.Segmenter (ICU break data, ~20 ms) at import: make it on first use. */
const lazySegmenter = {
  name: 'lazy-segmenter',
  setup(b) {
    b.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = 'const segmenter = new Intl.Segmenter();';
      if (!source.includes(eager)) throw new Error('string-width changed shape: update scripts/build.mjs');
      const lazy = 'let realSegmenter;\nconst segmenter = {segment: (text) => (realSegmenter ??= new Intl.Segmenter()).segment(text)};';
      return {contents: source.replace(eager, lazy), loader: 'js'};
    });
  },
};

const inkSharedCaches = {
  name: 'ink-shared-caches',
  setup(b) {
    b.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const field = '    caches = new OutputCaches();';
      if (!source.includes(field)) throw new Error('ink/build/output.js changed shape: update scripts/build.mjs');
      const shared = `const sharedCaches = new OutputCaches();
function framesCaches() {
    if (sharedCaches.styledChars.size > 400 || sharedCaches.widths.size > 20000) {
        sharedCaches.styledChars.clear();
        sharedCaches.widths.clear();
        sharedCaches.blockWidths.clear();
    }
    return sharedCaches;
}
`;
      const contents = source.replace('export default class Output {', `${shared}export default class Output {`).replace(field, '    caches = framesCaches();');
      return {contents, loader: 'js'};
    });
  },
};
const lighterDependencies = {
  name: 'lighter-dependencies',
  setup(b) {
    // Ink and restore-cursor each bring signal-exit 3 in their own folder: bundle one copy.
    const signalExit3 = new URL('../node_modules/ink/node_modules/signal-exit/index.js', import.meta.url).pathname;
    b.onResolve({filter: /^signal-exit$/}, (args) =>
      /[\\/](ink|restore-cursor)[\\/]/.test(args.importer) && existsSync(signalExit3) ? {path: signalExit3} : undefined,
    );
    // yargs imports node:assert for two sanity checks; loading it costs ~15 ms of every start.
    // Only yargs' import is replaced: signal-exit 3 (under Ink) uses more of node:assert.
    b.onResolve({filter: /^assert$/}, (args) => (/[\\/]yargs[\\/]/.test(args.importer) ? {path: stub('assert')} : undefined));
    b.onResolve({filter: /^string-width$/}, (args) =>
      args.importer === FAST_WIDTH ? {path: require.resolve('string-width')} : args.kind === 'import-statement' ? {path: FAST_WIDTH} : undefined,
    );
  },
};

// Built beside dist/ and swapped in at the end, so a program started meanwhile (a test, a bench
// run) never finds dist/ half written.
const dist = new URL('../dist', import.meta.url);
const staging = new URL(`../dist.building-${process.pid}`, import.meta.url);
rmSync(staging, {recursive: true, force: true});
await build({
  entryPoints: {main: 'src/main.ts'},
  outdir: staging.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // es2024, not node20: esbuild's node20 table turns every /v regex literal into an eager
  // `new RegExp(…, 'v')` (string-width's emoji regex alone then costs ~20 ms at start-up, used
  // or not). Node 20 runs ES2024 syntax; the only ES2024 syntax is that flag.
  target: 'es2024',
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
    // Tables are never drawn (see the stub): cli-table3 and its dependencies stay out.
    'cli-table3': new URL('../src/stubs/cli-table3.cjs', import.meta.url).pathname,
    // kim-resume decides itself whether a person is at a terminal (src/cli/mode.ts); Ink's own
    // CI check would freeze the app in a real terminal that merely has CI set.
    'is-in-ci': stub('false'),
  },
  plugins: [noDevtools, yogaBinary, lighterDependencies, inkSharedCaches, lazySegmenter],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Keep non-ASCII text as UTF-8 rather than \u escapes (half the bytes for Hangul and box lines).
  charset: 'utf8',
  logLevel: 'warning',
});

// The chunk that holds Ink reads yoga's binary from beside itself (dist/chunks/yoga.wasm).
if (!yogaWasm) throw new Error('yoga-layout was not bundled: scripts/build.mjs expected it in the app chunk');
writeFileSync(new URL('chunks/yoga.wasm', `${staging.href}/`), yogaWasm);
rmSync(dist, {recursive: true, force: true});
renameSync(staging, dist);
