import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {DEFAULT_WIDTH, MAX_READING_WIDTH, MIN_WIDTH} from '../../src/sizes';
import {
  breakWord,
  cellWidth,
  defaultWidth,
  graphemes,
  padEnd,
  truncate,
  wrapHanging,
  wrapText,
  wrapWords,
} from '../../src/text/width';
import stringWidth from '../../src/text/string-width';

const FAMILY = '👩\u200d👩\u200d👧';
const E_ACUTE = 'e\u0301'; // decomposed: two code points, one grapheme, one cell

/** Non-space characters of `text`, in order (what wrapping must never lose). */
const ink = (text: string) => text.replace(/[ \n]/g, '');

describe('cellWidth', () => {
  it.each([
    ['ASCII', 'Backend', 7],
    ['Hangul: 2 cells a syllable', '김성호', 6],
    ['mixed Hangul and ASCII', 'API 서버', 8],
    ['emoji 👍', '👍', 2],
    ['section emoji', '💻 Work', 7],
    ['ZWJ family: a pictograph after emoji + ZWJ adds nothing', FAMILY, 2],
    ['skin tone: counted per code point, as tmux and xterm.js U11 draw it', '👍🏽', 4],
    ['Thai SARA AM: per code point, not per grapheme', 'ทำ', 2],
    ['combining mark adds nothing', E_ACUTE, 1],
    ['precomposed é', '\u00e9', 1],
    ['several marks on one letter', 'a\u0301\u0302\u0303', 1],
    ['middle dot', '·', 1],
    ['ellipsis', '…', 1],
    ['empty', '', 0],
  ])('%s', (_name, text, cells) => {
    expect(cellWidth(text)).toBe(cells);
  });

  it('gives the same answer on repeated calls (the cache)', () => {
    for (let i = 0; i < 3; i++) expect(cellWidth('대시보드 API ทำ')).toBe(15);
  });
});

describe('graphemes', () => {
  it('splits into user-perceived characters', () => {
    expect(graphemes(`${FAMILY}${E_ACUTE}한a🇰🇷`)).toEqual([FAMILY, E_ACUTE, '한', 'a', '🇰🇷']);
  });

  it('returns nothing for the empty string', () => {
    expect(graphemes('')).toEqual([]);
  });
});

describe('breakWord', () => {
  it('never splits a Hangul syllable', () => {
    expect(breakWord('한글한글한', 3)).toEqual(['한', '글', '한', '글', '한']);
    expect(breakWord('한글한글한', 4)).toEqual(['한글', '한글', '한']);
  });

  it('never splits a ZWJ emoji', () => {
    expect(breakWord(`${FAMILY}${FAMILY}${FAMILY}`, 3)).toEqual([FAMILY, FAMILY, FAMILY]);
    expect(breakWord(`${FAMILY}${FAMILY}${FAMILY}`, 4)).toEqual([FAMILY + FAMILY, FAMILY]);
  });

  it('keeps combining marks with their letter', () => {
    expect(breakWord(`${E_ACUTE}${E_ACUTE}${E_ACUTE}`, 2)).toEqual([E_ACUTE + E_ACUTE, E_ACUTE]);
  });

  it('splits ASCII by cells', () => {
    expect(breakWord('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
  });

  it('puts a grapheme wider than the width on its own piece rather than looping', () => {
    expect(breakWord('한a', 1)).toEqual(['한', 'a']);
  });

  it('returns a word that fits as one piece', () => {
    expect(breakWord('Kubernetes', 10)).toEqual(['Kubernetes']);
  });
});

describe('wrapWords', () => {
  it('fills lines greedily without breaking words', () => {
    expect(wrapWords(['aaa', 'bbb', 'ccc', 'ddd'], 7)).toEqual(['aaa bbb', 'ccc ddd']);
  });

  it('counts Hangul as two cells', () => {
    // 대시보드 (8) + space + 설정 (4) = 13 > 12
    expect(wrapWords(['대시보드', '설정', '정보를'], 12)).toEqual(['대시보드', '설정 정보를']);
  });

  it('uses the separator between words and counts its width', () => {
    expect(wrapWords(['FastAPI', 'Trino', 'Redis'], 16, ' · ')).toEqual(['FastAPI · Trino', 'Redis']);
  });

  it('breaks a word longer than the line, then continues after its last piece', () => {
    expect(wrapWords(['ab', 'abcdefghij', 'x'], 4)).toEqual(['ab', 'abcd', 'efgh', 'ij x']);
  });

  it('returns one empty line for no words', () => {
    expect(wrapWords([], 10)).toEqual(['']);
  });
});

describe('wrapText', () => {
  it('keeps paragraphs and folds runs of spaces', () => {
    expect(wrapText('aaa bbb ccc   ddd\n\neee', 7)).toEqual(['aaa bbb', 'ccc ddd', '', 'eee']);
  });

  it('wraps the greeting at 20 cells', () => {
    expect(wrapText('안녕하세요. 백엔드 엔지니어 김성호 입니다.', 20)).toEqual(['안녕하세요. 백엔드', '엔지니어 김성호', '입니다.']);
  });
});

describe('wrapHanging', () => {
  it('hangs continuation lines under the text after the prefix', () => {
    expect(wrapHanging('대시보드 설정 정보를 요청 받아', 12, '- ')).toEqual(['- 대시보드', '  설정', '  정보를', '  요청 받아']);
  });

  it('accepts an explicit indent', () => {
    expect(wrapHanging('aa bb cc', 6, '* ', '>>')).toEqual(['* aa', '>>bb', '>>cc']);
  });
});

describe('truncate', () => {
  it.each([
    ['fits: unchanged', 'abc', 3, 'abc'],
    ['ASCII cut with …', 'abcdef', 4, 'abc…'],
    ['Hangul cut by cells', '김성호입니다', 7, '김성호…'],
    ['Hangul never split: 6 cells gives two syllables and …', '김성호입니다', 6, '김성…'],
    ['ZWJ emoji kept whole', `${FAMILY}${FAMILY}${FAMILY}`, 5, `${FAMILY}${FAMILY}…`],
    ['combining mark stays with its letter', `${E_ACUTE}${E_ACUTE}${E_ACUTE}x`, 3, `${E_ACUTE}${E_ACUTE}…`],
    ['width 1: only the ellipsis', '김성호', 1, '…'],
    ['width 0: nothing', '김성호', 0, ''],
  ])('%s', (_name, text, width, expected) => {
    const out = truncate(text, width);
    expect(out).toBe(expected);
    expect(cellWidth(out)).toBeLessThanOrEqual(width);
  });

  it('takes another ellipsis', () => {
    expect(truncate('abcdef', 5, '...')).toBe('ab...');
  });
});

describe('padEnd', () => {
  it.each([
    ['ASCII', 'ab', 5, 'ab   '],
    ['Hangul counts 2 cells', '한', 4, '한  '],
    ['emoji', '👍', 3, '👍 '],
    ['already at width', '김성호', 6, '김성호'],
    ['wider than width: unchanged', '김성호', 4, '김성호'],
  ])('%s', (_name, text, width, expected) => {
    expect(padEnd(text, width)).toBe(expected);
  });
});

describe('defaultWidth', () => {
  it('has the documented constants', () => {
    expect([MAX_READING_WIDTH, DEFAULT_WIDTH, MIN_WIDTH]).toEqual([100, 80, 10]);
  });

  it.each([
    [undefined, 80],
    [0, 80],
    [-1, 80],
    [5, 10],
    [10, 10],
    [60, 60],
    [100, 100],
    [101, 100],
    [250, 100],
  ])('columns %s → %i', (columns, expected) => {
    expect(defaultWidth(columns)).toBe(expected);
  });
});

describe('wrapping properties', () => {
  const syllable = fc.constantFrom('가', '나', '한', '글', '김', '성', '호', '뷁');
  const ascii = fc.constantFrom('a', 'B', 'z', '0', '9', '-', '.', ',', '(', ')', '$', '%');
  const emoji = fc.constantFrom('👍', '💻', '🚀', FAMILY, '🇰🇷', '👍🏽');
  const combining = fc.constantFrom(E_ACUTE, 'a\u0308', '\u0301');
  const piece = fc.oneof({weight: 4, arbitrary: syllable}, {weight: 4, arbitrary: ascii}, {weight: 1, arbitrary: emoji}, {weight: 1, arbitrary: combining});
  // Words are mostly short, sometimes very long (so that breaking is exercised at every width).
  const word = fc.oneof(
    {weight: 9, arbitrary: fc.array(piece, {minLength: 1, maxLength: 12}).map((p) => p.join(''))},
    {weight: 1, arbitrary: fc.array(piece, {minLength: 20, maxLength: 200}).map((p) => p.join(''))},
  );
  const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ' \n ');
  const text = fc
    .array(fc.tuple(word, separator), {maxLength: 120})
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
  const width = fc.integer({min: 10, max: 300});

  it('wrapText: every line fits and no character is lost or reordered', () => {
    fc.assert(
      fc.property(text, width, (input, w) => {
        const lines = wrapText(input, w);
        for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(w);
        expect(ink(lines.join(''))).toBe(ink(input));
        // One output paragraph (at least one line) per input paragraph.
        expect(lines.length).toBeGreaterThanOrEqual(input.split('\n').length);
      }),
      {numRuns: 300},
    );
  });

  it('wrapWords: every line fits; words come back whole, long words as pieces that concatenate back', () => {
    fc.assert(
      fc.property(fc.array(word, {minLength: 1, maxLength: 80}), width, (words, w) => {
        const lines = wrapWords(words, w);
        for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(w);
        const tokens = lines.flatMap((line) => line.split(' '));
        let t = 0;
        for (const original of words) {
          if (cellWidth(original) <= w) {
            expect(tokens[t++]).toBe(original);
          } else {
            let joined = '';
            while (joined.length < original.length && t < tokens.length) joined += tokens[t++];
            expect(joined).toBe(original);
          }
        }
        expect(t).toBe(tokens.length);
      }),
      {numRuns: 300},
    );
  });

  it('wrapWords with a separator: every line fits and the words come back in order', () => {
    // Tags of at most 10 cells: none needs breaking at the narrowest width.
    const tag = fc.array(fc.oneof(ascii, syllable), {minLength: 1, maxLength: 5}).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(tag, {minLength: 1, maxLength: 40}), width, (words, w) => {
        const lines = wrapWords(words, w, ' · ');
        for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(w);
        expect(lines.flatMap((line) => line.split(' · '))).toEqual(words);
      }),
      {numRuns: 200},
    );
  });

  it('wrapHanging: every line fits, the prefix opens the first line and the indent the rest', () => {
    const prefix = fc.constantFrom('- ', '* ', 'URL: ', '평균 학점: ');
    fc.assert(
      fc.property(text, width, prefix, (input, w, p) => {
        // Precondition: room for the prefix and one widest grapheme (👍🏽, 4 cells).
        fc.pre(cellWidth(p) + 4 <= w);
        const lines = wrapHanging(input, w, p);
        const indent = ' '.repeat(cellWidth(p));
        for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(w);
        expect(lines[0]!.startsWith(p)).toBe(true);
        for (const line of lines.slice(1)) expect(line.startsWith(indent)).toBe(true);
        const body = lines.map((line, i) => line.slice(i === 0 ? p.length : indent.length));
        expect(ink(body.join(''))).toBe(ink(input));
      }),
      {numRuns: 300},
    );
  });

  it('truncate: never wider than asked, and a prefix of the text when cut', () => {
    fc.assert(
      fc.property(text, fc.integer({min: 1, max: 60}), (input, w) => {
        const out = truncate(input, w);
        expect(cellWidth(out)).toBeLessThanOrEqual(w);
        if (out !== input) {
          expect(out.endsWith('…')).toBe(true);
          expect(input.startsWith(out.slice(0, -1))).toBe(true);
        }
      }),
      {numRuns: 300},
    );
  });
});

describe('graphemes', () => {
  it('agrees with the grapheme segmenter on strings mixing simple and other code points', () => {
    const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
    const pieces = fc.constantFrom('가', '힣', 'a', ' ', '·', '–', '…', '💻', '🚀', '中', 'ㄱ', 'Ａ', 'ｶ', 'ﾞ', '•', '╭', '☀', 'e\u0301', FAMILY, '☀\ufe0f', '👍🏽', '🇰🇷', 'ทำ', 'क्ष', '\u200d');
    fc.assert(
      fc.property(fc.array(pieces, {maxLength: 12}), (parts) => {
        const text = parts.join('');
        expect(graphemes(text)).toEqual(Array.from(segmenter.segment(text), (s) => s.segment));
        // Widths add up over graphemes: cutting text between graphemes never changes its width.
        expect(cellWidth(text)).toBe(graphemes(text).reduce((sum, g) => sum + cellWidth(g), 0));
      }),
      {numRuns: 500},
    );
  });
});

describe('string-width.ts (every string-width import in the bundle, Ink\'s included)', () => {
  it('answers as cellWidth does, escape sequences stripped', () => {
    for (const [text, plain] of [
      ['\x1b[1m대시보드\x1b[22m', '대시보드'],
      ['\x1b[38;5;12mAPI\x1b[39m ทำ', 'API ทำ'],
      ['\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\', 'link'],
      ['\x9b1mक्ष\x9b22m', 'क्ष'],
      ['💻 a', '💻 a'],
      ['👍🏽', '👍🏽'],
    ]) {
      expect(stringWidth(text!), JSON.stringify(text)).toBe(cellWidth(plain!));
      expect(stringWidth(text!), JSON.stringify(text)).toBe(cellWidth(plain!));
    }
    expect(stringWidth('')).toBe(0);
  });

  it('counts the escape codes as text when asked (string-width\'s countAnsiEscapeCodes)', () => {
    // ESC is a control (0 cells); "[1m" and "[22m" are 3 and 4 cells of text.
    expect(stringWidth('\x1b[1mab\x1b[22m', {countAnsiEscapeCodes: true})).toBe(9);
  });
});
