// @ts-check
// string-width 8 holds the literal `/^\p{RGI_Emoji}$/v`. V8 builds a regular expression literal
// when the script that holds it is parsed, and `\p{RGI_Emoji}` (a property of strings,
// https://github.com/tc39/proposal-regexp-v-flag) is expanded from ICU's emoji data: 12–15 ms at
// every start that loads string-width, used or not (the piped path and simple text never test an
// emoji: src/text/string-width-fast.ts). The regex is made on first use instead, with the same
// pattern and flag; string-width only calls `.test()` on it.
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';
import {STRING_WIDTH} from './lazy-segmenter.mjs';

const name = 'lazy-emoji-regex';

/** @returns {import('esbuild').Plugin} */
export const lazyEmojiRegex = () =>
  patchSource({
    name,
    file: STRING_WIDTH,
    label: 'string-width/index.js',
    patch: (source, where) => {
      // Only `.test()` is ever called on it: any other use would need the real object.
      if (source.split('rgiEmojiRegex').length - 1 !== 2 || !source.includes('rgiEmojiRegex.test(')) {
        throw new Error(`${name}: expected rgiEmojiRegex declared once and used once, with .test(); the library changed: update or remove scripts/build/plugins/${name}.mjs (in ${where.file})`);
      }
      return replaceOnce(
        source,
        'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
        "let realRgiEmojiRegex;\nconst rgiEmojiRegex = {test: (text) => (realRgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
        where,
      );
    },
  });
