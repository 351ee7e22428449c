import fc from 'fast-check';
import {visit} from 'jsonc-parser';
import {describe, expect, it} from 'vitest';
import {sanitizeText} from '../../src/resume/sanitize';
import {scanStructure} from '../../src/resume/scan';

/**
 * The references the scan replaced, kept here to hold it to them: jsonc-parser's visitor for
 * duplicate keys (a full tokenizer), and a character loop for the depth.
 */
function referenceDuplicates(text: string) {
  const frames: Array<{keys?: Set<string>; key?: string | number; index: number}> = [];
  const found: Array<{offset: number; path: Array<string | number>; key: string}> = [];
  const enter = (keys?: Set<string>) => {
    const parent = frames.at(-1);
    if (parent && !parent.keys) parent.key = parent.index;
    frames.push({keys, index: 0});
  };
  visit(
    text,
    {
      onObjectBegin: () => enter(new Set()),
      onArrayBegin: () => enter(),
      onObjectEnd: () => void frames.pop(),
      onArrayEnd: () => void frames.pop(),
      onSeparator: (character) => {
        const top = frames.at(-1);
        if (character === ',' && top && !top.keys) top.index++;
      },
      onObjectProperty: (property, offset) => {
        const top = frames.at(-1);
        if (!top?.keys) return;
        const key = sanitizeText(property);
        if (top.keys.has(key)) found.push({offset, path: frames.slice(0, -1).map((f) => f.key!), key});
        top.keys.add(key);
        top.key = key;
      },
    },
    {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false},
  );
  return found;
}

function referenceDepth(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

// Few distinct keys, so that objects repeat them: spelled plainly, with escapes, with what
// sanitizing removes, with quotes and backslashes in them.
const key = fc.constantFrom('name', 'n\\u0061me', '\\u200bname', 'a\\"b', 'a\\\\', 'x-\\u001b]0;t\\u0007k', '키', 'k', '\\"', '');
const ws = fc.constantFrom('', ' ', '\n  ', '\t');
const scalar = fc.oneof(
  fc.constantFrom('1', '-2.5e3', 'true', 'false', 'null'),
  fc.string({unit: fc.constantFrom('a', '"', '\\', '{', '[', ']', '}', ',', ':', '한', '\n', 'u')}).map((s) => JSON.stringify(s)),
);
const {value} = fc.letrec<{value: string}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    scalar,
    fc.tuple(fc.array(fc.tuple(key, tie('value'), ws), {maxLength: 5}), ws).map(([members, w]) => `{${w}${members.map(([k, v, s]) => `${s}"${k}"${s}:${s}${v}`).join(`,${w}`)}${w}}`),
    fc.tuple(fc.array(tie('value'), {maxLength: 4}), ws).map(([items, w]) => `[${w}${items.join(`${w},`)}]`),
  ),
}));

describe('scanStructure', () => {
  it('finds the same duplicate keys, at the same offsets and paths, as a full JSON tokenizer', () => {
    fc.assert(
      fc.property(value, (text) => {
        JSON.parse(text);
        expect(scanStructure(text, 1000).duplicates).toEqual(referenceDuplicates(text));
      }),
      {numRuns: 400},
    );
  });

  it('finds where nesting passes the limit as the character loop did, in any text, JSON or not', () => {
    const noise = fc.string({unit: fc.constantFrom('{', '[', '}', ']', '"', '\\', 'a', ',')});
    fc.assert(
      fc.property(fc.oneof(value, noise), fc.integer({min: 0, max: 6}), (text, max) => {
        expect(scanStructure(text, max).tooDeepAt).toBe(referenceDepth(text, max));
      }),
      {numRuns: 400},
    );
  });

  it('names duplicates in arrays and nested objects by their path', () => {
    const text = '{"work": [{}, {"a": {"k": 1, "k": 2}}], "x": {"\\u200bname": 1, "name": 2}, "work": 3}';
    expect(scanStructure(text, 64).duplicates).toEqual([
      {offset: text.indexOf('"k": 2'), path: ['work', 1, 'a'], key: 'k'},
      {offset: text.indexOf('"name"'), path: ['x'], key: 'name'},
      {offset: text.lastIndexOf('"work"'), path: [], key: 'work'},
    ]);
    expect(scanStructure('[[[', 2).tooDeepAt).toBe(2);
    expect(scanStructure('"[[[" [[', 2).tooDeepAt).toBe(-1);
  });
});
