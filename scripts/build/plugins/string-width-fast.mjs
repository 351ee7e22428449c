// @ts-check
// Every `import 'string-width'` (Ink's, wrap-ansi's, cliui's, kim-resume's) goes to
// src/text/string-width-fast.ts: string-width's answers, from the East Asian Width table for
// simple text and from a cache for text seen before. Ink measures every line of every frame with
// string-width, so this is most of a key press (Intl.Segmenter, which string-width uses per
// grapheme, is slow on long text: https://github.com/sindresorhus/string-width/issues/57); and
// cliui and wrap-ansi no longer bring their own copies of string-width 7 and emoji-regex. Only
// that module itself imports the real string-width.
import {createRequire} from 'node:module';
import {mustMatch} from '../guard.mjs';
import {fromRoot} from '../paths.mjs';

const name = 'string-width-fast';
const FAST = fromRoot('src/text/string-width-fast.ts');
const INK = /[\\/]node_modules[\\/]ink[\\/]/;

/** @returns {import('esbuild').Plugin} */
export const stringWidthFast = () => ({
  name,
  setup(build) {
    const inkHit = mustMatch(build, name, "Ink's import of string-width");
    const realHit = mustMatch(build, name, `${FAST}'s import of the real string-width`);
    const real = createRequire(FAST).resolve('string-width');
    build.onResolve({filter: /^string-width$/}, (args) => {
      if (args.importer === FAST) {
        realHit();
        return {path: real};
      }
      // Only ESM imports: a require() expects string-width 4's CommonJS shape.
      if (args.kind !== 'import-statement') return undefined;
      if (INK.test(args.importer)) inkHit();
      return {path: FAST};
    });
  },
});
