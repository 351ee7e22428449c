/**
 * scripts/build/plugins/franc-languages.mjs keeps, of franc-min's data and script expressions,
 * only the Latin-script languages src/i18n/detect.ts asks about. franc-min built on the patched
 * files must answer exactly what the whole library answers with the same `only`.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {keepLanguages, keepLatinScript} from '../../scripts/build/plugins/franc-languages.mjs';
import LATIN from '../../src/i18n/latin-languages.json';
import {REPO_ROOT} from '../helpers/fixtures';
import {importOriginal, importPatched} from '../helpers/patched';

type FrancAll = (text: string, options?: {only?: string[]; minLength?: number}) => Array<[string, number]>;
const DATA = 'node_modules/franc-min/data.js';
const EXPRESSIONS = 'node_modules/franc-min/expressions.js';
/** Where importPatched writes a patched copy (test/helpers/patched.ts). */
const copyOf = (file: string) => pathToFileURL(join(REPO_ROOT, 'node_modules/.cache/kim-resume/patched', `${file.replace(/[^A-Za-z0-9.]+/g, '_')}.mjs`)).href;

const only = Object.keys(LATIN);
let original: {data: Record<string, Record<string, string>>; expressions: Record<string, RegExp>; francAll: FrancAll};
let patched: {data: Record<string, Record<string, string>>; expressions: Record<string, RegExp>; francAll: FrancAll};

beforeAll(async () => {
  original = {
    ...(await importOriginal<{data: typeof original.data}>(DATA)),
    ...(await importOriginal<{expressions: typeof original.expressions}>(EXPRESSIONS)),
    ...(await importOriginal<{francAll: FrancAll}>('node_modules/franc-min/index.js')),
  };
  const data = await importPatched<{data: typeof original.data}>(DATA, keepLanguages);
  const expressions = await importPatched<{expressions: typeof original.expressions}>(EXPRESSIONS, keepLatinScript);
  // franc-min's own code, on the patched files.
  const onPatched = (source: string) => source.replace("from './data.js'", `from '${copyOf(DATA)}'`).replace("from './expressions.js'", `from '${copyOf(EXPRESSIONS)}'`);
  const {francAll} = await importPatched<{francAll: FrancAll}>('node_modules/franc-min/index.js', onPatched);
  patched = {...data, ...expressions, francAll};
});

describe('franc-languages: franc-min with only the languages kim-resume asks about', () => {
  it("keeps exactly those languages' trigrams, unchanged, and the Latin script's expression", () => {
    expect(patched.data).toEqual({Latin: Object.fromEntries(only.map((code) => [code, original.data.Latin![code]]))});
    expect(patched.expressions).toEqual({Latin: original.expressions.Latin});
  });

  it('answers as the whole library does with the same `only`', () => {
    const texts = [
      readFileSync(join(REPO_ROOT, 'test/fixtures/lang/de.json'), 'utf8'),
      readFileSync(join(REPO_ROOT, 'test/fixtures/lang/pt.json'), 'utf8'),
      'Backend engineer with eleven years of building payment and messaging systems.',
      'Ingegnere software con otto anni di esperienza nello sviluppo di sistemi di pagamento.',
      'Mjukvaruutvecklare med åtta års erfarenhet av betalningssystem.',
    ];
    for (const text of texts) expect(patched.francAll(text.slice(0, 500), {only, minLength: 1})).toEqual(original.francAll(text.slice(0, 500), {only, minLength: 1}));
  });

  it('fails the build when a language it must keep is gone', () => {
    const where = {plugin: 'franc-languages', file: DATA};
    const source = readFileSync(join(REPO_ROOT, DATA), 'utf8');
    expect(() => keepLanguages(source.replace(/\n {4}nld: [^\n]*/, ''), where)).toThrow(/franc-languages: expected one match/);
  });
});
