/**
 * scripts/build/plugins/linebreak-trie.mjs: linebreak's class table as base64 instead of a
 * decimal array literal, and its trie made on first use instead of at load. The patched files,
 * loaded beside the library's own, must give the same bytes and the same breaks.
 */
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {lazyTrie, trieAsBase64} from '../../scripts/build/plugins/linebreak-trie.mjs';
import {importOriginal, importPatched} from '../helpers/patched';

const DATA = 'node_modules/linebreak/src/classes-trie-data.js';
const BREAKER = 'node_modules/linebreak/src/linebreaker.js';
type Breaker = new (text: string) => {nextBreak(): {position: number; required: boolean} | null};
let original: Breaker;
let lazy: Breaker;

beforeAll(async () => {
  original = (await importOriginal<{LineBreaker: Breaker}>(BREAKER)).LineBreaker;
  lazy = (await importPatched<{LineBreaker: Breaker}>(BREAKER, lazyTrie)).LineBreaker;
});

const breaks = (Breaker: Breaker, text: string) => {
  const breaker = new Breaker(text);
  const out: Array<[number, boolean]> = [];
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) out.push([b.position, b.required]);
  return out;
};

describe('linebreak-trie', () => {
  it('base64 holds the very bytes of the array literal', async () => {
    const bytes = (await importOriginal<{default: Uint8Array}>(DATA)).default;
    const decoded = (await importPatched<{default: Uint8Array}>(DATA, trieAsBase64)).default;
    expect(Buffer.from(decoded).equals(Buffer.from(bytes))).toBe(true);
  });

  it('the trie made on first use breaks every text as the original does', () => {
    const piece = fc.oneof(fc.string({unit: 'grapheme', maxLength: 6}), fc.constantFrom('中文。', '「引用」', 'Redux', ' ', '\n', 'ทำงาน', '한국어', '👩‍💻', 'e\u0301'));
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 20}), (parts) => {
        const text = parts.join('');
        expect(breaks(lazy, text)).toEqual(breaks(original, text));
      }),
      {numRuns: 500},
    );
  });
});
