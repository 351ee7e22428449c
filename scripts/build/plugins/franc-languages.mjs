// @ts-check
// franc-min (https://github.com/wooorm/franc) holds the trigrams of 82 languages in 20 scripts
// (data.js, ~100 kB) and a regular expression per script (expressions.js), 55 kB gzipped in the
// bundle. kim-resume asks it only about Latin-script text (src/i18n/detect.ts tells the other
// scripts apart by their letters), and only among the languages of src/i18n/latin-languages.json,
// with francAll's public `only` option: these two files keep just those, 6.8 kB gzipped. franc's
// scores for a language depend only on that language's trigrams (its `only` filters before it
// normalizes), so the answers are the same as the whole library's with `only`, which the tests
// (unbundled) use.
import {readFileSync} from 'node:fs';
import {matchOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';
import {fromRoot} from '../paths.mjs';

const name = 'franc-languages';

/** The ISO 639-3 codes franc is asked about. @returns {string[]} */
const wanted = () => Object.keys(JSON.parse(readFileSync(fromRoot('src/i18n/latin-languages.json'), 'utf8')));

/**
 * franc-min's data.js with only the wanted Latin-script languages.
 * @param {string} source
 * @param {import('../guard.mjs').Where} where
 */
export function keepLanguages(source, where) {
  const latin = matchOnce(source, /\n {2}Latin: \{\n([\s\S]*?)\n {2}\}/, where)[1] ?? '';
  const entries = wanted().map((code) => {
    const line = matchOnce(latin, new RegExp(`^ {4}${code}: ('[^'\\n]*')`, 'm'), where);
    return `${code}: ${line[1]}`;
  });
  return `export const data = {Latin: {${entries.join(', ')}}}\n`;
}

/**
 * franc-min's expressions.js with only the Latin script's: the only script its data now has.
 * @param {string} source
 * @param {import('../guard.mjs').Where} where
 */
export function keepLatinScript(source, where) {
  const latin = matchOnce(source, /\n {2}Latin:\s*(\/[^\n]+\/[a-z]*),?\n/, where)[1];
  return `export const expressions = {Latin: ${latin}}\n`;
}

/** @returns {import('esbuild').Plugin[]} */
export const francLanguages = () => [
  patchSource({name, file: /[\\/]franc-min[\\/]data\.js$/, label: "franc-min's data.js", patch: keepLanguages}),
  patchSource({name, file: /[\\/]franc-min[\\/]expressions\.js$/, label: "franc-min's expressions.js", patch: keepLatinScript}),
];
