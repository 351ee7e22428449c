// @ts-check
// A row of the frame in fewer bytes, drawn the same. Ink writes every cell of a row: the padding
// inside a panel is up to ~90 spaces, and each style change is its own SGR sequence
// (`ESC[1m ESC[38;5;63m`). A 100×30 frame of the résumé was ~5.5 kB, a quarter of it blanks and a
// third SGR codes: every key's frame, over SSH too.
//
// Ink's renderer erases each row before it writes it (build/log-update.js, eraseLines; Ink's
// `incrementalRendering`, which does not, stays off in src/ui/run.tsx), so a run of blank cells
// with no style at all (no background, underline, inverse: nothing a blank would show) is skipped
// with a cursor move forward (CUF) instead of written, as curses skips blanks; and neighbouring SGR
// sequences are joined into one (their parameters apply in order, ECMA-48 8.3.117). On the same
// erased row the terminal shows the same cells, as test/unit/ink-compact-rows.test.ts checks with
// xterm, for every frame whose escape sequences Ink left whole (a write over part of a link can
// cut one, and then Ink's own frame is garbled). A row wider than the frame, or holding control
// characters (a sequence the tokenizer passed on as text, like an OSC 8 link ended by ST), is
// written as Ink writes it. Applied to ink-row-memo's drawRow: a row is compacted once, then
// remembered.
// Sequences: https://invisible-island.net/xterm/ctlseqs/ctlseqs.html
import {replaceOnce} from '../guard.mjs';
import {patchSource} from '../patch-source.mjs';
import {INK_OUTPUT} from './ink-output-memo.mjs';

/** Blank cells in a row from which a move is shorter than the spaces (`ESC[8C` is 4 bytes). */
const SKIP_FROM = 8;
/** Parameters in one joined SGR sequence at most (xterm takes 30). */
const SGR_PARAMS = 16;

const COMPACT = `/** A blank cell no style shows (ink-compact-rows). */
const isBareBlank = (char) => char.value === ' ' && char.styles.length === 0;
/** Neighbouring SGR sequences as one (ink-compact-rows). */
const joinSgr = (text) => text.replace(/(?:\\u001B\\[[0-9;]*m){2,}/g, (run) => {
    const params = run.slice(2, -1).split('m\\u001B[').map((p) => (p === '' ? '0' : p)).join(';');
    return params.split(';').length <= ${SGR_PARAMS} ? '\\u001B[' + params + 'm' : run;
});
/** styledCharsToString(chars).trimEnd() in fewer bytes, drawn the same on an erased row of the given width (ink-compact-rows). */
function compactRow(chars, width) {
    // A row wider than the frame wraps in the terminal, where a move would stop at the margin; and
    // a row holding control characters (an escape sequence the tokenizer passed on as text, such
    // as an OSC 8 link ended by ST) is written as it is, so that nothing it starts can take in
    // what follows differently.
    if (chars.length > width || chars.some((char) => /[\u0000-\u001F\u007F-\u009F]/.test(char.value))) {
        return styledCharsToString(chars).trimEnd();
    }
    let out = '';
    let start = 0;
    for (let i = 0; i < chars.length;) {
        if (!isBareBlank(chars[i])) {
            i++;
            continue;
        }
        let end = i;
        while (end < chars.length && isBareBlank(chars[end])) {
            end++;
        }
        // A run at the end of the row is trimmed, as Ink trims it.
        if (end - i >= ${SKIP_FROM} && end < chars.length) {
            out += styledCharsToString(chars.slice(start, i)) + '\\u001B[' + (end - i) + 'C';
            start = end;
        }
        i = end;
    }
    return joinSgr((out + styledCharsToString(chars.slice(start))).trimEnd());
}
`;

/**
 * @param {string} source Ink's build/output.js after ink-output-memo
 * @param {import('../guard.mjs').Where} where
 */
export function compactRows(source, where) {
  const patched = replaceOnce(
    source,
    `    const lineWithoutEmptyItems = currentLine.filter(item => item !== undefined);
    return styledCharsToString(lineWithoutEmptyItems).trimEnd();
}`,
    `    const lineWithoutEmptyItems = currentLine.filter(item => item !== undefined);
    return compactRow(lineWithoutEmptyItems, width);
}`,
    where,
  );
  return replaceOnce(patched, 'const drawnRows = new Map();', `${COMPACT}const drawnRows = new Map();`, where);
}

/** @returns {import('esbuild').Plugin} */
export const inkCompactRows = () => patchSource({name: 'ink-compact-rows', file: INK_OUTPUT, label: 'ink/build/output.js', patch: compactRows});
