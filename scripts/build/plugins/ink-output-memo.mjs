// @ts-check
// Ink's Output (build/output.js) turns a frame's write operations into its rows, and every part
// of that is a pure function of strings that mostly repeat from one frame to the next: a key
// changes a few rows, scrolling moves them. Ink 8 still starts from nothing on every frame:
// - it makes a new Output, with new caches of tokenized lines and widths
//   (https://github.com/vadimdemedes/ink/pull/835), for each frame;
// - it tokenizes each written text and strings its lines back together to split it;
// - it draws every row cell by cell (a styled-character object per cell) and turns each row back
//   into a string (https://github.com/vadimdemedes/ink/issues/560, pull 564), all rows, always.
// This patch keeps what Output computed across frames, bounded: the caches are shared
// (cleared past a few screens of lines), the lines of a written text are remembered with them, and
// a row is drawn only when the list of what is written on it (x, line, x, line, …) was not drawn
// before, with Ink's own code for one row (copied from the library at build time, not rewritten).
// test/unit/ink-output-memo.test.ts holds the patched Output to Ink's own, frame after frame, on
// random frames (styled, wide and hyperlinked text, overlapping writes, transformers, clips).
import {matchOnce, replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

/** Ink's output.js, the file this patch changes. */
export const INK_OUTPUT = /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/;

const SHARED = `const sharedCaches = new OutputCaches();
/** The caches of every frame, one set, bounded (ink-output-memo). */
function framesCaches() {
    if (sharedCaches.styledChars.size > 400 || sharedCaches.widths.size > 20000 || sharedCaches.lines.size > 400) {
        sharedCaches.styledChars.clear();
        sharedCaches.widths.clear();
        sharedCaches.blockWidths.clear();
        sharedCaches.lines.clear();
    }
    return sharedCaches;
}
/** A written text's lines, as applyWriteOperation splits it (styles carried across newlines), remembered. */
function linesOf(caches, text) {
    let lines = caches.lines.get(text);
    if (lines === undefined) {
        const characterLines = [[]];
        for (const character of caches.getStyledChars(text)) {
            if (character.value === '\\n') {
                characterLines.push([]);
            }
            else {
                characterLines.at(-1).push(character);
            }
        }
        lines = characterLines.map(line => styledCharsToString(line));
        caches.lines.set(text, lines);
    }
    return lines;
}
`;

const SPLIT = `        const characterLines = [[]];
        for (const character of this.caches.getStyledChars(text)) {
            if (character.value === '\\n') {
                characterLines.push([]);
            }
            else {
                characterLines.at(-1).push(character);
            }
        }
        let lines = characterLines.map(line => styledCharsToString(line));`;

/**
 * Ink's OutputCaches shared by every frame, and a written text's lines kept with them.
 * @param {string} source Ink's build/output.js
 * @param {import('../guard.mjs').Where} where
 */
export function shareCaches(source, where) {
  let patched = replaceOnce(source, '    styledChars = new Map();\n', '    styledChars = new Map();\n    lines = new Map();\n', where);
  patched = replaceOnce(patched, 'export default class Output {', `${SHARED}export default class Output {`, where);
  patched = replaceOnce(patched, SPLIT, '        // The lines are never changed in place below: a remembered array is safe to hand out.\n        let lines = linesOf(this.caches, text);', where);
  return replaceOnce(patched, '    caches = new OutputCaches();', '    caches = framesCaches();', where);
}

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
 * @param {string} source Ink's build/output.js (after shareCaches)
 * @param {import('../guard.mjs').Where} where
 */
export function memoRows(source, where) {
  // Ink's code placing one written line's characters on its row (uses this.caches, line, x, currentLine).
  // Ink 7+ also blanks a wide character that a write cuts at either end, and skips empty writes.
  const place = matchOnce(source, /( +)const characters = this\.caches\.getStyledChars\(line\);\n[\s\S]*?\n\1    offsetX \+= characterWidth;\n\1}\n\1if \(currentLine\[offsetX\]\?\.value === ''\) \{\n[\s\S]*?\n\1}\n/, where)[0];
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
export const inkOutputMemo = () =>
  patchSource({name: 'ink-output-memo', file: INK_OUTPUT, label: 'ink/build/output.js', patch: (source, where) => memoRows(shareCaches(source, where), where)});
