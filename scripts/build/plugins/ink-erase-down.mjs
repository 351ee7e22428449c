// @ts-check
// Before each frame Ink erases the last one row by row from the bottom up (build/log-update.js,
// createStandard: ansi-escapes' eraseLines, `ESC[2K ESC[1A` per row): 236 bytes for a 30-row
// frame, every key, which the terminal's line discipline and the terminal then work through one
// by one. The same erase in one move and one erase: up to the frame's first row, column 1, then
// erase to the end of the screen (CUU, CR, ED 0). ED also clears the rows below the cursor: there
// are none of Ink's there, as the cursor is left on the row below the frame (or on its last row,
// when the frame fills the screen), and below that nothing was written. Only the drawing of a new
// frame changes; clear() (before <Static> output and on exit) keeps Ink's own erase.
// Sequences: https://invisible-island.net/xterm/ctlseqs/ctlseqs.html
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';

const ERASE_DOWN = `/** eraseLines(count) as one move and one erase to the end of the screen (ink-erase-down). */
const eraseFrame = (count) => (count === 0 ? '' : (count > 1 ? '\\u001B[' + (count - 1) + 'A' : '') + '\\r\\u001B[J');
const createStandard = `;

/**
 * @param {string} source Ink's build/log-update.js
 * @param {import('../guard.mjs').Where} where
 */
export function eraseDown(source, where) {
  const withHelper = replaceOnce(source, 'const createStandard = ', ERASE_DOWN, where);
  return replaceOnce(
    withHelper,
    `            stream.write(returnPrefix +
                ansiEscapes.eraseLines(previousLineCount) +
                str +
                cursorSuffix);
            previousLineCount = lines.length;`,
    `            stream.write(returnPrefix +
                eraseFrame(previousLineCount) +
                str +
                cursorSuffix);
            previousLineCount = lines.length;`,
    where,
  );
}

/** @returns {import('esbuild').Plugin} */
export const inkEraseDown = () =>
  patchSource({name: 'ink-erase-down', file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]log-update\.js$/, label: 'ink/build/log-update.js', patch: eraseDown});
