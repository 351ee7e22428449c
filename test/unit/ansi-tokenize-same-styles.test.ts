/**
 * scripts/build/plugins/ansi-tokenize-same-styles.mjs changes how @alcalzone/ansi-tokenize (Ink's
 * tokenizer) turns styled characters back into a string: the strings must stay exactly the
 * library's. The patched styledChars.js is loaded beside the original (its relative imports
 * pointed at the library's files) and both are given the same random styled text: runs of one
 * line, and rows mixing the characters of several lines, as Ink composes them.
 */
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {importOriginal, importPatched} from '../helpers/patched';
import {sameStylesPatch} from '../../scripts/build/plugins/ansi-tokenize-same-styles.mjs';

interface StyledChar {
  value: string;
  styles: unknown[];
}
interface Tokenizer {
  tokenize(text: string): unknown[];
  styledCharsFromTokens(tokens: unknown[]): StyledChar[];
  styledCharsToString(chars: StyledChar[]): string;
}

const STYLED_CHARS = 'node_modules/@alcalzone/ansi-tokenize/build/styledChars.js';
let original: Tokenizer;
let patched: Tokenizer;

beforeAll(async () => {
  original = await importOriginal<Tokenizer>('node_modules/@alcalzone/ansi-tokenize/build/index.js');
  patched = {...original, ...(await importPatched<Partial<Tokenizer>>(STYLED_CHARS, sameStylesPatch))};
});

const piece = fc.constantFrom(
  'a',
  'Kim ',
  '김성호',
  '👍',
  ' ',
  '\x1b[31m',
  '\x1b[39m',
  '\x1b[1m',
  '\x1b[2m',
  '\x1b[22m',
  '\x1b[1;3;44m',
  '\x1b[38;5;208m',
  '\x1b[38;2;1;2;3m',
  '\x1b[7m',
  '\x1b[27m',
  '\x1b[0m',
  '\x1b[m',
  '\x1b]8;;https://example.com\x07',
  '\x1b]8;;\x07',
);
const styled = fc.array(piece, {maxLength: 12}).map((p) => p.join(''));

describe('ansi-tokenize-same-styles: the strings are the library’s', () => {
  it('for one styled line', () => {
    fc.assert(
      fc.property(styled, (text) => {
        expect(patched.styledCharsToString(patched.styledCharsFromTokens(patched.tokenize(text)))).toBe(original.styledCharsToString(original.styledCharsFromTokens(original.tokenize(text))));
      }),
      {numRuns: 1000},
    );
  });

  it('for a row mixing the characters of several lines (equal styles from different runs)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(styled, fc.nat(6), fc.nat(6)), {minLength: 1, maxLength: 4}), (parts) => {
        const row = (t: Tokenizer) => parts.flatMap(([text, from, count]) => t.styledCharsFromTokens(t.tokenize(text)).slice(from, from + count));
        expect(patched.styledCharsToString(row(patched))).toBe(original.styledCharsToString(row(original)));
      }),
      {numRuns: 1000},
    );
  });
});
