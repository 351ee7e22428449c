// @ts-check
// Ink's Output.get() draws every row of every frame cell by cell: a styled-character object per
// cell, written lines copied in, then the row turned back into a string by comparing the styles
// of each cell with the one before (@alcalzone/ansi-tokenize's styledCharsToString). For a full
// 100×30 screen that is most of what a key press costs, and most of the memory it allocates,
// though a key changes few rows and scrolling only moves them
// (https://github.com/vadimdemedes/ink/issues/560 and pull 564 made this path; it still redraws
// all rows). A row's string depends only on the frame's width and the lines written on it, in
// order, with their columns: Output.get() now collects those per row and draws a row only when
// that list was not drawn before, with Ink's own code for one row (copied from the library at
// build time, not rewritten). Bounded: the drawn rows are forgotten past ROWS_KEPT.
import {matchOnce, replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';
import {INK_OUTPUT} from './ink-shared-caches.mjs';

/** Rows remembered (a few screens, as their key and their string: some 0.5 MB at most). */
const ROWS_KEPT = 2048;

const GRID = `        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }
            output.push(row);
        }
`;

const GENERATE = `        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');`;

/**
 * @param {string} source Ink's build/output.js (after ink-shared-caches)
 * @param {import('../guard.mjs').Where} where
 */
export function memoRows(source, where) {
  // Ink's code placing one written line's characters on its row (uses this.caches, line, x, currentLine).
  const place = matchOnce(source, /( +)const characters = this\.caches\.getStyledChars\(line\);\n[\s\S]*?\n\1    offsetX \+= characterWidth;\n\1}\n/, where)[0];
  const blankCell = matchOnce(GRID, /row\.push\((\{[\s\S]*?\})\);/, where)[1];
  let patched = replaceOnce(source, GRID, `        // ink-row-memo: per row, what is written on it (x, line, x, line, …), drawn by drawnRow().
        const output = [];
        for (let y = 0; y < this.height; y++) {
            output.push([]);
        }
`, where);
  patched = replaceOnce(patched, place, '                    currentLine.push(x, line);\n', where);
  patched = replaceOnce(patched, GENERATE, '        const generatedOutput = output.map(writes => drawnRow(this.caches, this.width, writes)).join(\'\\n\');', where);
  const memo = `const drawnRows = new Map();
/** One row of a frame \`width\` wide with \`writes\` on it (x, line, …), as Ink draws it. */
function drawRow(caches, width, writes) {
    const currentLine = [];
    for (let x = 0; x < width; x++) {
        currentLine.push(${blankCell});
    }
    for (let i = 0; i < writes.length; i += 2) {
        const x = writes[i];
        const line = writes[i + 1];
${place.replaceAll('this.caches', 'caches')}    }
    const lineWithoutEmptyItems = currentLine.filter(item => item !== undefined);
    return styledCharsToString(lineWithoutEmptyItems).trimEnd();
}
/** drawRow(), remembered by its arguments (lengths keep the key unambiguous). */
function drawnRow(caches, width, writes) {
    let key = String(width);
    for (let i = 0; i < writes.length; i += 2) {
        key += '\\u0000' + writes[i] + '\\u0000' + writes[i + 1].length + '\\u0000' + writes[i + 1];
    }
    let row = drawnRows.get(key);
    if (row === undefined) {
        row = drawRow(caches, width, writes);
        if (drawnRows.size >= ${ROWS_KEPT}) {
            drawnRows.clear();
        }
        drawnRows.set(key, row);
    }
    return row;
}
`;
  return replaceOnce(patched, 'export default class Output {', `${memo}export default class Output {`, where);
}

/** @returns {import('esbuild').Plugin} */
export const inkRowMemo = () => patchSource({name: 'ink-row-memo', file: INK_OUTPUT, label: 'ink/build/output.js', patch: memoRows});
