/**
 * scripts/build/plugins/ink-compact-rows.mjs writes each row of Ink's frame in fewer bytes: runs of
 * unstyled blanks skipped with a cursor move, neighbouring SGR sequences joined. Its rows are not
 * Ink's strings any more, so they are held to what matters: written the way Ink's renderer writes
 * a frame (each row erased, then written), a terminal (xterm, headless) shows exactly the cells
 * Ink's own rows show: character, width, colours and every attribute, on random frames of
 * styled, wide and hyperlinked text over a screen that held other text before (frames whose
 * escape sequences Ink itself left whole). And never more bytes than Ink's.
 */
import xterm from '@xterm/headless';
import type {Terminal} from '@xterm/headless';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {outputs, type OutputClass} from '../helpers/ink-output';
import {useWidths} from '../helpers/term-widths';
import {compactRows} from '../../scripts/build/plugins/ink-compact-rows.mjs';
import {memoRows, shareCaches} from '../../scripts/build/plugins/ink-output-memo.mjs';

let Original: OutputClass;
let Compact: OutputClass;

beforeAll(async () => {
  ({original: Original, patched: Compact} = await outputs(shareCaches, memoRows, compactRows));
});

interface Write {
  x: number;
  y: number;
  text: string;
}

function frame(Output: OutputClass, width: number, height: number, writes: Write[]): string[] {
  const output = new Output({width, height});
  for (const w of writes) output.write(w.x, w.y, w.text, {transformers: []});
  return output.get().output.split('\n');
}

/** Writes `rows` as Ink's renderer does (each row erased first) over a screen full of other text; resolves with every cell. */
async function drawn(rows: string[], width: number): Promise<string[]> {
  const term: Terminal = new xterm.Terminal({cols: width, rows: rows.length + 1, allowProposedApi: true});
  useWidths(term, 'app');
  let data = '';
  // What was on the screen before: text in every style, to the last column.
  for (let y = 0; y < rows.length; y++) data += `\x1b[${y + 1};1H\x1b[1;4;7;41m${'#'.repeat(width)}\x1b[0m`;
  // The frame: from the row below, erased upwards and written (eraseLines, then the rows).
  data += `\x1b[${rows.length + 1};1H`;
  for (let y = rows.length; y >= 1; y--) data += `\x1b[2K${y > 1 ? '\x1b[1A' : ''}`;
  data += `\x1b[G${rows.join('\n')}\n`;
  await new Promise<void>((resolve) => term.write(data.replace(/\n/g, '\r\n'), resolve));
  const cells: string[] = [];
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  for (let y = 0; y < rows.length; y++) {
    const line = buffer.getLine(y)!;
    for (let x = 0; x < width; x++) {
      const c = line.getCell(x, cell)!;
      // An erased cell and a written unstyled blank look the same: both a blank.
      const chars = c.getChars() || ' ';
      const flags = [c.isBold(), c.isDim(), c.isItalic(), c.isUnderline(), c.isBlink(), c.isInverse(), c.isInvisible(), c.isStrikethrough(), c.isOverline()].map(Number).join('');
      cells.push(`${y},${x}:${chars}/${c.getWidth()}/${c.getFgColorMode()}:${c.getFgColor()}/${c.getBgColorMode()}:${c.getBgColor()}/${flags}`);
    }
  }
  term.dispose();
  return cells;
}

/**
 * Every escape sequence in `row` whole, read left to right as a terminal reads it: a CSI to its
 * final byte, an OSC to BEL or ST with no other escape inside, a link closed; no other control
 * character.
 */
function wellFormed(row: string): boolean {
  let link = false;
  for (let i = 0; i < row.length; i++) {
    const c = row.charCodeAt(i);
    if (c !== 0x1b) {
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
      continue;
    }
    const kind = row[i + 1];
    if (kind === '[') {
      const csi = /^\x1b\[[0-?]*[ -/]*[@-~]/.exec(row.slice(i));
      if (!csi) return false;
      i += csi[0].length - 1;
    } else if (kind === ']') {
      const osc = /^\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/.exec(row.slice(i));
      if (!osc) return false;
      // An OSC 8 link opened (a URI) or closed (none): one left open runs on into the next rows.
      const target = /^\x1b\]8;[^;]*;([^\x07\x1b]*)/.exec(osc[0]);
      if (target) link = target[1] !== '';
      i += osc[0].length - 1;
    } else return false;
  }
  return !link;
}

const piece = fc.constantFrom(
  'a',
  'Kim ',
  '김성호',
  '👍',
  ' ',
  '         ',
  '                          ',
  '│',
  '╭──╮',
  '\x1b[31mred\x1b[39m',
  '\x1b[1m\x1b[38;5;63m┃ \x1b[39m\x1b[22m',
  '\x1b[44m   blue   \x1b[49m',
  '\x1b[4m  under  \x1b[24m',
  '\x1b[7m        \x1b[27m',
  '\x1b[9m          \x1b[29m',
  '\x1b[1;44m bold \x1b[22;49m',
  '\x1b[38;2;10;20;30mrgb\x1b[39m',
  '\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\',
  '\x1b[0m',
);
const line = fc.array(piece, {maxLength: 8}).map((p) => p.join(''));
const write = (width: number, height: number) => fc.record({x: fc.integer({min: 0, max: width - 1}), y: fc.integer({min: 0, max: height - 1}), text: line});
const scene = fc
  .record({width: fc.integer({min: 10, max: 60}), height: fc.integer({min: 1, max: 6})})
  .chain(({width, height}) => fc.record({width: fc.constant(width), height: fc.constant(height), writes: fc.array(write(width, height), {maxLength: 8})}));

describe('ink-compact-rows: fewer bytes, the same cells', () => {
  it("a terminal shows Ink's frame and the compact one cell for cell, and the compact one is never longer", async () => {
    await fc.assert(
      fc.asyncProperty(scene, async ({width, height, writes}) => {
        const ink = frame(Original, width, height, writes);
        // A write over part of a link can cut its escape sequence: Ink's own frame is garbled then
        // (the terminal takes what follows as part of the sequence), and there is nothing to match.
        fc.pre(ink.every(wellFormed));
        const compact = frame(Compact, width, height, writes);
        expect(compact).toHaveLength(ink.length);
        compact.forEach((row, y) => expect(row.length).toBeLessThanOrEqual(ink[y]!.length));
        expect(await drawn(compact, width)).toEqual(await drawn(ink, width));
      }),
      {numRuns: 600},
    );
  });

  it("skips a panel's padding and joins its border's style codes", () => {
    const panel = `\x1b[1m\x1b[38;5;63m┃\x1b[39m\x1b[22m text${' '.repeat(40)}\x1b[1m\x1b[38;5;63m┃\x1b[39m\x1b[22m`;
    const [ink] = frame(Original, 60, 1, [{x: 0, y: 0, text: panel}]);
    const [compact] = frame(Compact, 60, 1, [{x: 0, y: 0, text: panel}]);
    expect(compact).toBe('\x1b[1;38;5;63m┃\x1b[39;22m text\x1b[40C\x1b[1;38;5;63m┃\x1b[39;22m');
    expect(compact!.length).toBeLessThan(ink!.length * 0.6);
  });

  it('writes blanks that a style shows (background, underline, inverse), and a short run of plain ones', () => {
    for (const text of ['a\x1b[44m          \x1b[49mb', 'a\x1b[4m          \x1b[24mb', 'a\x1b[7m          \x1b[27mb', 'a       b']) {
      const [compact] = frame(Compact, 30, 1, [{x: 0, y: 0, text}]);
      expect(compact, JSON.stringify(text)).not.toMatch(/\x1b\[\d+C/);
    }
  });
});
