/**
 * The width function against what terminals draw: the table in test/helpers/width-table.ts,
 * whose xterm.js columns are checked live here.
 */
import xterm from '@xterm/headless';
import {afterEach, describe, expect, it} from 'vitest';
import {cellWidth, codePointWidth, defaultCellWidth, graphemes, isSimpleCodePoint, setClusterWidths, simpleWidth} from '../../src/text/cells';
import {useWidths} from '../helpers/term-widths';
import {EMOJI_ROWS, TERMINALS, TEXT_ROWS} from '../helpers/width-table';

/** The cursor column after printing `text` at column 1 of a headless xterm.js with `version` tables. */
async function xtermDraws(version: '6' | '11', texts: string[]): Promise<number[]> {
  const term = new xterm.Terminal({cols: 80, rows: 3, allowProposedApi: true});
  useWidths(term, version);
  const out: number[] = [];
  for (const text of texts) {
    await new Promise<void>((resolve) => term.write(`\r\x1b[2K${text}`, resolve));
    out.push(term.buffer.active.cursorX);
  }
  term.dispose();
  return out;
}

afterEach(() => setClusterWidths({}));

describe('the table is what xterm.js draws', () => {
  const rows = [...TEXT_ROWS, ...EMOJI_ROWS];
  it.each([['6', 'U6'] as const, ['11', 'U11'] as const])('Unicode %s', async (version, column) => {
    expect(await xtermDraws(version, rows.map((r) => r.text))).toEqual(rows.map((r) => r[column]));
  });
});

describe('cellWidth counts text as every terminal draws it', () => {
  it.each(TEXT_ROWS)('$name: $app', (row) => {
    for (const terminal of TERMINALS) expect(row[terminal], terminal).toBe(row.app);
    expect(cellWidth(row.text)).toBe(row.app);
    // Inside other text, and after it was cached.
    expect(cellWidth(`x ${row.text} 한`)).toBe(row.app + 5);
    expect(cellWidth(row.text)).toBe(row.app);
  });
});

describe('cellWidth counts emoji sequences as most terminals draw them', () => {
  it.each(EMOJI_ROWS)('$name: $app ($agrees)', (row) => {
    expect(cellWidth(row.text)).toBe(row.app);
    for (const terminal of TERMINALS) {
      if (row.agrees.includes(terminal)) expect(row[terminal], `${terminal} agrees`).toBe(row.app);
      else expect(row[terminal], `${terminal} differs: the probe learns it`).not.toBe(row.app);
    }
  });

  it.each(TERMINALS)('once learned from %s, answers as it draws, inside any text', (terminal) => {
    setClusterWidths(new Map(EMOJI_ROWS.map((row) => [row.text, row[terminal]])));
    for (const row of [...EMOJI_ROWS, ...TEXT_ROWS]) {
      expect(cellWidth(row.text), row.name).toBe(row[terminal]);
      expect(cellWidth(`Project ${row.text} 한`), row.name).toBe(row[terminal] + 11);
    }
  });

  it('forgets what it learned when given new widths (no stale cache)', () => {
    setClusterWidths({'👍🏽': 2});
    expect(cellWidth('a👍🏽')).toBe(3);
    setClusterWidths({});
    expect(cellWidth('a👍🏽')).toBe(5);
  });

  it('a ZWJ joins only inside an emoji sequence (UAX #29 GB11), so the width adds up over graphemes', () => {
    for (const text of ['a\u200d💻', '💻\u200db', '👩\u200d\u200d💻', '1\u200d💻', '👩\u200d👩\u200d👧x👍🏽\u200d🚀']) {
      expect(cellWidth(text), text).toBe(graphemes(text).reduce((sum, g) => sum + cellWidth(g), 0));
    }
    expect(cellWidth('a\u200d💻')).toBe(3);
  });
});

describe('codePointWidth: the wcwidth rules', () => {
  it.each([
    ['Latin a', 0x61, 1],
    ['Hangul syllable', 0xd55c, 2],
    ['CJK ideograph', 0x4e2d, 2],
    ['fullwidth A', 0xff21, 2],
    ['combining acute (Mn)', 0x301, 0],
    ['Devanagari virama (Mn)', 0x94d, 0],
    ['Devanagari AA (Mc)', 0x93e, 1],
    ['Thai SARA AM (Lo)', 0xe33, 1],
    ['Thai MAI THO (Mn)', 0xe49, 0],
    ['enclosing keycap (Me)', 0x20e3, 0],
    ['ZWJ (Cf)', 0x200d, 0],
    ['VS16 (Mn)', 0xfe0f, 0],
    ['Arabic letter mark (Cf)', 0x61c, 0],
    ['soft hyphen (Cf, drawn)', 0xad, 1],
    ['Hangul jungseong (conjoining)', 0x1161, 0],
    ['Hangul jongseong extended-B', 0xd7cb, 0],
    ['Hangul choseong (wide)', 0x1100, 2],
    ['lone surrogate (drawn as U+FFFD)', 0xd800, 1],
    ['emoji 💻', 0x1f4bb, 2],
    ['skin-tone modifier', 0x1f3fd, 2],
    ['regional indicator', 0x1f1f0, 1],
    ['tag (Cf)', 0xe0067, 0],
    ['ideographic tone mark (Mn, East Asian Wide)', 0x302a, 0],
    ['NUL', 0, 0],
    ['C1 control', 0x85, 0],
  ])('%s U+%s', (_name, c, cells) => {
    expect(codePointWidth(c)).toBe(cells);
  });
});

describe('the fast path for simple text', () => {
  it('gives every simple code point its width by the general rule, and keeps it a grapheme of its own', () => {
    const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
    let checked = 0;
    for (let c = 0x20; c <= 0x1faff; c++) {
      if (!isSimpleCodePoint(c)) continue;
      const ch = String.fromCodePoint(c);
      if (simpleWidth(ch) !== defaultCellWidth(ch)) throw new Error(`U+${c.toString(16)}: fast path ${simpleWidth(ch)}, rule ${defaultCellWidth(ch)}`);
      // Followed by another simple code point, it stays a grapheme of its own.
      if ([...segmenter.segment(`${ch}a${ch}`)].length !== 3) throw new Error(`U+${c.toString(16)} joins its neighbour`);
      checked++;
    }
    expect(checked).toBeGreaterThan(30_000);
  });

  it('is not taken for text holding anything else', () => {
    for (const text of ['a\u00adb', '\u3164', 'ทำ', '👍🏽', 'e\u0301', '❤\ufe0f']) expect(simpleWidth(text), text).toBe(-1);
  });

  it('steps aside when a simple cluster was learned (💻 drawn 1 cell by Unicode 6 tables)', () => {
    expect(cellWidth('💻 Work')).toBe(7);
    setClusterWidths({'💻': 1});
    expect(cellWidth('💻 Work')).toBe(6);
  });
});
