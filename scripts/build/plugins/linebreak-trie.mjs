// @ts-check
// linebreak (UAX #14, src/text/linebreak.ts) ships its table of line-break classes as a deflated
// trie written out as a decimal array literal (src/classes-trie-data.js: 4 KB of data in 15 KB of
// text), inflated when the module loads (src/linebreaker.js: `new UnicodeTrie(data)`). Two
// changes, each measured:
//  - the same bytes as a base64 string, decoded by Buffer (which unicode-trie reads as it is):
//    5.9 → 4.2 kB gzipped, in a package held to 300 kB;
//  - the trie made on the first character looked up, not at load: the piped text and the app
//    start without inflating it (~1.8 ms), and text that needs no library (src/text/wrap.ts, its
//    fast path) never does.
// https://github.com/foliojs/linebreak/blob/master/src/linebreaker.js
import {matchOnce, replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

/**
 * @param {string} source linebreak/src/classes-trie-data.js
 * @param {import('../guard.mjs').Where} where
 */
export function trieAsBase64(source, where) {
  const literal = matchOnce(source, /export default new Uint8Array\(\[([\d,\s]+)\]\);/, where);
  const bytes = Buffer.from(/** @type {string} */ (literal[1]).split(',').map((n) => Number(n.trim())));
  return replaceOnce(source, literal[0], `export default Buffer.from(${JSON.stringify(bytes.toString('base64'))}, 'base64');`, where);
}

/**
 * @param {string} source linebreak/src/linebreaker.js
 * @param {import('../guard.mjs').Where} where
 */
export function lazyTrie(source, where) {
  const declared = replaceOnce(source, 'const classTrie = new UnicodeTrie(data);', 'let classTrie;', where);
  return replaceOnce(declared, 'classTrie.get(this.nextCodePoint())', '(classTrie ??= new UnicodeTrie(data)).get(this.nextCodePoint())', where);
}

/** @param {string} file */
const LINEBREAK = (file) => new RegExp(`[\\\\/]node_modules[\\\\/]linebreak[\\\\/]src[\\\\/]${file.replace('.', '\\.')}$`);

export const linebreakTrie = () => [
  patchSource({name: 'linebreak-trie', file: LINEBREAK('classes-trie-data.js'), label: 'linebreak/src/classes-trie-data.js', patch: trieAsBase64}),
  patchSource({name: 'linebreak-trie', file: LINEBREAK('linebreaker.js'), label: 'linebreak/src/linebreaker.js', patch: lazyTrie}),
];
