/**
 * scripts/build/plugins/ansi-tokenize-simple-graphemes.mjs lets Ink's tokenizer take code units
 * of scripts with no combining behaviour as whole graphemes without asking Intl.Segmenter. The
 * tokens must be exactly the library's: every code point the shortcut takes, followed by each
 * kind of unit that can (or cannot) join it; and random styled text of every kind.
 */
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {simpleGraphemes} from '../../scripts/build/plugins/ansi-tokenize-simple-graphemes.mjs';
import {importOriginal, importPatched} from '../helpers/patched';

type Tokenize = (text: string, endChar?: number) => unknown[];
const TOKENIZE = 'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js';
let original: Tokenize;
let patched: Tokenize;

beforeAll(async () => {
  original = (await importOriginal<{tokenize: Tokenize}>(TOKENIZE)).tokenize;
  patched = (await importPatched<{tokenize: Tokenize}>(TOKENIZE, simpleGraphemes)).tokenize;
});

/** The code points the shortcut takes as they are (as the patch lists them). */
const SIMPLE: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x2bff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];
/** What may follow: nothing, simple units, controls, and every kind of unit that joins a grapheme. */
const FOLLOWERS = ['', 'a', '한', '\r', '\n', '\x1b[31m', '\u0301', '\u0903', '\u200d', '\u200d👍', '\ufe0f', '\ufe0e', '\u20e3', '\u{1f3fd}', '\u1100', '\u1160', '\u11a8', '\ud7b0', '\ud7cb', '\u{1f1f0}', '\u0600', '\u00ad', '\u3099'];

describe('ansi-tokenize-simple-graphemes: the tokens are the library’s', () => {
  it('for every code point the shortcut takes, before each kind of follower', () => {
    // In strings of 400 code points: Intl.Segmenter's time grows faster than the length of its text.
    for (const follower of FOLLOWERS) {
      for (const [from, to] of SIMPLE) {
        for (let start = from; start <= to; start += 400) {
          let text = '';
          for (let c = start; c <= Math.min(to, start + 399); c++) text += String.fromCodePoint(c) + follower;
          expect(JSON.stringify(patched(text)) === JSON.stringify(original(text)), `U+${start.toString(16)}… before ${JSON.stringify(follower)}`).toBe(true);
        }
      }
    }
  });

  it('for random text of every kind, styled, with a limit on visible characters', () => {
    const piece = fc.oneof(
      fc.constantFrom('a', 'Kim ', '김성호', '한', '漢', '┃', '━━', '•', '…', '→', '★', '\u2b50', '\u2b50\ufe0f', 'é', 'e\u0301', '👍', '👍🏽', '👩‍💻', '🇰🇷', '1️⃣', '\u1100\u1161\u11a8', '각\u11a8', 'क्ष', 'ทำ', '\r\n', '\r', '\n', '\t', '\u00ad', '\u200b', '\u200d'),
      fc.constantFrom('\x1b[31m', '\x1b[0m', '\x1b[1;44m', '\x1b[38;5;208m', '\x1b]8;;https://example.com\x07', '\x1b]8;;\x07', '\x1b]8;;https://example.com\x1b\\', '\x1b[2J', '\x1b', '\x9b1m'),
      fc.string({unit: 'binary', maxLength: 3}),
    );
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), fc.option(fc.integer({min: 0, max: 20}), {nil: undefined}), (pieces, endChar) => {
        const text = pieces.join('');
        expect(patched(text, endChar)).toEqual(original(text, endChar));
      }),
      {numRuns: 3000},
    );
  });
});
