// @ts-check
// `npm run bench [-- --runs N | --quick | --only steps]`: see bench/main.ts. The bench is
// TypeScript that reuses test/helpers/ (the pty driver, the large résumé) and
// scripts/build/options.mjs. Node 20 does not run TypeScript, so ts-hooks.mjs has esbuild (already
// the build's tool) compile each .ts file as Node loads it: every module keeps its own path and
// import.meta.url, which a bundle into one file would not, and no other dependency is needed.
import {register} from 'node:module';

process.setSourceMapsEnabled(true);
register('./ts-hooks.mjs', import.meta.url);
await import(new URL('./main.ts', import.meta.url).href);
