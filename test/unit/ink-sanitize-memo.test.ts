/**
 * scripts/build/plugins/ink-sanitize-memo.mjs remembers what Ink's sanitizeAnsi() made of each
 * string. The patched module, loaded beside Ink's (its relative imports pointed at Ink's files),
 * must give what the original gives, the first time and when it answers from memory, also after
 * it forgot its oldest strings.
 */
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {importOriginal, importPatched} from '../helpers/patched';
import {memoSanitize} from '../../scripts/build/plugins/ink-sanitize-memo.mjs';

const SANITIZE = 'node_modules/ink/build/sanitize-ansi.js';
let original: (text: string) => string;
let remembered: (text: string) => string;

beforeAll(async () => {
  original = (await importOriginal<{default: typeof original}>(SANITIZE)).default;
  remembered = (await importPatched<{default: typeof original}>(SANITIZE, memoSanitize)).default;
});

const piece = fc.constantFrom('a', '김', ' ', '\x1b[31m', '\x1b[0m', '\x1b[2J', '\x1b[H', '\x1b[5A', '\x1b]8;;https://example.com\x1b\\', '\x1b]8;;\x07', '\x1b(B', '\x9b1m', '\x1b', '\x07');
const text = fc.array(piece, {maxLength: 10}).map((p) => p.join(''));

describe("ink-sanitize-memo: Ink's sanitizeAnsi, remembered", () => {
  it('gives what the original gives, from memory too, across more strings than it keeps', () => {
    const seen: string[] = [];
    fc.assert(
      fc.property(text, (t) => {
        seen.push(t);
        expect(remembered(t)).toBe(original(t));
        expect(remembered(t)).toBe(original(t));
      }),
      {numRuns: 3000},
    );
    // Past its bound (1,024 strings) it forgets the oldest: every answer still the same.
    for (let i = 0; i < 2000; i++) remembered(`x${i}\x1b[31m`);
    for (const t of seen.slice(0, 200)) expect(remembered(t)).toBe(original(t));
  });
});
