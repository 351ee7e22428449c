/**
 * scripts/build/plugins/ink-output-memo.mjs makes Ink's Output keep its work across frames: shared
 * caches, the lines of a written text, and each drawn row, drawn again only when what is written
 * on it changed. The rewritten output.js must give, frame after frame, exactly the
 * strings Ink's own gives: both are loaded here (the rewritten one through the build's own patch
 * functions, beside Ink's dependencies) and fed the same random frames: styled,
 * wide and hyperlinked text, lines off the frame, overlapping writes, transformers and clips.
 */
import fc from 'fast-check';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {REPO_ROOT} from '../helpers/fixtures';
import {outputs, type Clip, type OutputClass, type Transformer} from '../helpers/ink-output';
import {memoRows, shareCaches} from '../../scripts/build/plugins/ink-output-memo.mjs';

type Op = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {type: 'clip'; clip: Clip} | {type: 'unclip'};

let Original: OutputClass;
let Memo: OutputClass;

beforeAll(async () => {
  // Ink has no copies of its own of what output.js imports: the copy resolves the same packages.
  for (const id of ['slice-ansi', 'string-width', '@alcalzone/ansi-tokenize']) expect(existsSync(join(REPO_ROOT, 'node_modules/ink/node_modules', id))).toBe(false);
  ({original: Original, patched: Memo} = await outputs(shareCaches, memoRows));
});

function draw(Output: OutputClass, width: number, height: number, ops: Op[]): {output: string; height: number} {
  const output = new Output({width, height});
  for (const op of ops) {
    if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers});
    else if (op.type === 'clip') output.clip(op.clip);
    else output.unclip();
  }
  return output.get();
}

const piece = fc.constantFrom('a', 'Kim ', '김성호', '한글', '👍', '👩‍💻', 'e\u0301', ' ', '│', '╭──╮', '\x1b[31mred\x1b[39m', '\x1b[1;44m bold \x1b[22;49m', '\x1b[7m', '\x1b[27m', '\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\', '\x1b[38;5;208m', '\x1b[0m');
const line = fc.array(piece, {maxLength: 6}).map((p) => p.join(''));
const text = fc.array(line, {minLength: 1, maxLength: 4}).map((l) => l.join('\n'));
const upper: Transformer = (l) => l.toUpperCase();
const numbered: Transformer = (l, i) => `${i}:${l}`;
const coordinate = fc.integer({min: -3, max: 14});
const maybe = fc.option(coordinate, {nil: undefined});
const op: fc.Arbitrary<Op> = fc.oneof(
  {weight: 6, arbitrary: fc.record({type: fc.constant('write' as const), x: coordinate, y: coordinate, text, transformers: fc.constantFrom<Transformer[]>([], [upper], [numbered, upper])})},
  {weight: 1, arbitrary: fc.record({type: fc.constant('clip' as const), clip: fc.record({x1: maybe, x2: maybe, y1: maybe, y2: maybe})})},
  {weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
);
const frame = fc.array(op, {maxLength: 8});

describe('ink-output-memo: Output.get() remembers rows, and gives what Ink gives', () => {
  it('draws every frame of a sequence as Ink does, the repeated and the changed rows alike', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 12}), fc.integer({min: 0, max: 10}), fc.array(frame, {minLength: 1, maxLength: 4}), (width, height, frames) => {
        // Each frame twice, and the sequence again: the second draws come from the memory.
        for (const ops of [...frames, ...frames, ...frames.toReversed()]) {
          expect(draw(Memo, width, height, ops)).toEqual(draw(Original, width, height, ops));
        }
      }),
      {numRuns: 400},
    );
  });

  it('tells apart rows whose writes differ only in where one line ends and the next begins', () => {
    const a: Op[] = [{type: 'write', x: 0, y: 0, text: 'ab', transformers: []}, {type: 'write', x: 2, y: 0, text: 'c', transformers: []}];
    const b: Op[] = [{type: 'write', x: 0, y: 0, text: 'a', transformers: []}, {type: 'write', x: 2, y: 0, text: 'bc', transformers: []}];
    expect(draw(Memo, 6, 1, a).output).toBe('abc');
    expect(draw(Memo, 6, 1, b).output).toBe(draw(Original, 6, 1, b).output);
    expect(draw(Memo, 6, 1, b).output).toBe('a bc');
  });
});
