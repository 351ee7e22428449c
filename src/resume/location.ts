import {isUtf8} from 'node:buffer';

/** Where in a file something is: 1-based line and column (columns count characters). */
export interface Position {
  line: number;
  column: number;
}

/**
 * Converts a UTF-16 offset into `text` to a 1-based line and column. The column counts
 * characters (code points), as editors number them for "go to line:column": a position in the
 * file, not a width on screen, so string-width does not apply here.
 */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return {line, column: [...before.slice(lineStart)].length + 1};
}

/** Formats a JSON path the way a reader writes it: `work[0].startDate`, `(root)` for none. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * The byte offset of the first invalid UTF-8 sequence in `bytes`, or -1 when it is all valid.
 * (TextDecoder's fatal mode says that it failed, not where.)
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // Node's native check (simdutf) answers for a valid file, all but every one, in a fraction of a
  // millisecond where the loop below takes milliseconds: https://nodejs.org/api/buffer.html#bufferisutf8input
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
