// @ts-check
// Every `import 'string-width'` (Ink's, wrap-ansi's, cliui's) goes to src/text/string-width.ts:
// string-width's interface over the app's own width function (src/text/cells.ts), which counts
// cells per code point as terminals do. string-width counts per grapheme, so Ink would lay out a
// row with Thai, Devanagari or a soft hyphen narrower than the terminal draws it, and the
// terminal would wrap it (https://github.com/sindresorhus/string-width/issues/75). It is also
// most of a key press: Ink measures every line of every frame, and string-width segments each
// into graphemes (https://github.com/sindresorhus/string-width/issues/57), while the app's
// function measures simple text from a table and caches the rest. No copy of string-width (nor
// its Intl.Segmenter made at import, nor emoji-regex) is left in the bundle.
import {mustMatch} from '../guard.mjs';
import {fromRoot} from '../paths.mjs';

const name = 'string-width-cells';
const CELLS = fromRoot('src/text/string-width.ts');
const INK = /[\\/]node_modules[\\/]ink[\\/]/;

/** @returns {import('esbuild').Plugin} */
export const stringWidthCells = () => ({
  name,
  setup(build) {
    const inkHit = mustMatch(build, name, "Ink's import of string-width");
    build.onResolve({filter: /^string-width$/}, (args) => {
      // Only ESM imports: a require() expects string-width 4's CommonJS shape.
      if (args.kind !== 'import-statement') return undefined;
      if (INK.test(args.importer)) inkHit();
      return {path: CELLS};
    });
  },
});
