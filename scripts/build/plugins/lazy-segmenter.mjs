// @ts-check
// string-width makes its Intl.Segmenter when its module is evaluated
// (https://github.com/sindresorhus/string-width/pull/47). The first Intl.Segmenter loads ICU's
// break rules (~20 ms here), paid at start-up even when nothing needs grapheme segmentation (the
// piped path and simple text never do: src/text/string-width-fast.ts). The segmenter is made on
// first use instead.
import {readFileSync} from 'node:fs';
import {mustMatch, replaceOnce} from '../guard.mjs';

const name = 'lazy-segmenter';

/** @returns {import('esbuild').Plugin} */
export const lazySegmenter = () => ({
  name,
  setup(build) {
    const hit = mustMatch(build, name, 'string-width/index.js');
    build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, (args) => {
      hit();
      const source = readFileSync(args.path, 'utf8');
      const contents = replaceOnce(
        source,
        'const segmenter = new Intl.Segmenter();',
        'let realSegmenter;\nconst segmenter = {segment: (text) => (realSegmenter ??= new Intl.Segmenter()).segment(text)};',
        {plugin: name, file: args.path},
      );
      return {contents, loader: 'js'};
    });
  },
});
