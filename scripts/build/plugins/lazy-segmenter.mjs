// @ts-check
// string-width makes its Intl.Segmenter when its module is evaluated
// (https://github.com/sindresorhus/string-width/pull/47). The first Intl.Segmenter loads ICU's
// break rules (~20 ms here), paid at start-up even when nothing needs grapheme segmentation (the
// piped path and simple text never do: src/text/string-width-fast.ts). The segmenter is made on
// first use instead.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

export const STRING_WIDTH = /[\\/]node_modules[\\/]string-width[\\/]index\.js$/;

/** @returns {import('esbuild').Plugin} */
export const lazySegmenter = () =>
  patchSource({
    name: 'lazy-segmenter',
    file: STRING_WIDTH,
    label: 'string-width/index.js',
    patch: (source, where) =>
      replaceOnce(source, 'const segmenter = new Intl.Segmenter();', 'let realSegmenter;\nconst segmenter = {segment: (text) => (realSegmenter ??= new Intl.Segmenter()).segment(text)};', where),
  });
