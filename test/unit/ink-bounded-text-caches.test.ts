/**
 * scripts/build/plugins/ink-bounded-text-caches.mjs bounds the caches of Ink's measureText and
 * wrapText (vadimdemedes/ink#986). The patched modules, loaded beside Ink's, must give what the
 * originals give, also past their bound, and must not keep every text they were given, as the
 * originals do.
 */
import fc from 'fast-check';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {beforeAll, describe, expect, it} from 'vitest';
import {importOriginal, importPatched} from '../helpers/patched';
import {boundMeasureCache, boundWrapCache} from '../../scripts/build/plugins/ink-bounded-text-caches.mjs';

const MEASURE = 'node_modules/ink/build/measure-text.js';
const WRAP = 'node_modules/ink/build/wrap-text.js';
type Measure = (text: string) => {width: number; height: number};
type Wrap = (text: string, maxWidth: number, wrapType: string) => string;
let original: {measure: Measure; wrap: Wrap};
let bounded: {measure: Measure; wrap: Wrap};

beforeAll(async () => {
  original = {
    measure: (await importOriginal<{default: Measure}>(MEASURE)).default,
    wrap: (await importOriginal<{default: Wrap}>(WRAP)).default,
  };
  bounded = {
    measure: (await importPatched<{default: Measure}>(MEASURE, boundMeasureCache)).default,
    wrap: (await importPatched<{default: Wrap}>(WRAP, boundWrapCache)).default,
  };
});

const piece = fc.constantFrom('a', 'word ', '김성호', '\n', ' ', '\x1b[31m', '\x1b[39m', '💻', 'x'.repeat(30));
const text = fc.array(piece, {maxLength: 12}).map((p) => p.join(''));
const wrapType = fc.constantFrom('wrap', 'truncate', 'truncate-end', 'truncate-middle', 'truncate-start');

/** Heap in use after a full collection. */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** `count` distinct flat strings of about 4 kB (a frame's size; one line: the library measures plain ASCII quickly), none sharing memory. */
const frames = (count: number, tag: string) => Array.from({length: count}, (_, i) => Buffer.from(`${tag}${i}|${'a row of a frame '.repeat(240)}`).toString('latin1'));

describe("ink-bounded-text-caches: Ink's measureText and wrapText, bounded", () => {
  it('give what the originals give, from the cache too, across more texts than they keep', () => {
    fc.assert(
      fc.property(text, fc.integer({min: 1, max: 40}), wrapType, (t, width, type) => {
        expect(bounded.measure(t)).toEqual(original.measure(t));
        expect(bounded.measure(t)).toEqual(original.measure(t));
        expect(bounded.wrap(t, width, type)).toBe(original.wrap(t, width, type));
        expect(bounded.wrap(t, width, type)).toBe(original.wrap(t, width, type));
      }),
      {numRuns: 1500},
    );
  });

  it('keep a few hundred texts, not every text given (the originals keep them all)', () => {
    const grown = (measure: Measure, wrap: Wrap, tag: string) => {
      const texts = frames(2000, tag);
      const before = heapAfterGc();
      for (const t of texts) {
        measure(t);
        wrap(t, 20, 'truncate');
      }
      texts.length = 0;
      return heapAfterGc() - before;
    };
    const kept = grown(original.measure, original.wrap, 'original');
    const boundedKept = grown(bounded.measure, bounded.wrap, 'bounded');
    // 2,000 texts of ~4 kB: ~8 MB that the original caches keep for good.
    expect(kept).toBeGreaterThan(6 * 1024 * 1024);
    // 256 of them at most: ~1 MB.
    expect(boundedKept).toBeLessThan(2 * 1024 * 1024);
  });
});
