import stripAnsi from 'strip-ansi';
import {cellWidth} from './cells';

/**
 * string-width's interface over the app's one width function (cells.ts). The bundle routes every
 * `import 'string-width'` here (scripts/build/plugins/string-width-cells.mjs), Ink's included, so
 * Ink lays out and clips rows in the cells the app counted them in, and a terminal draws them in.
 * Ink measures every line of every frame: this is the key-press path too, hence the caches.
 */
export interface Options {
  /** Count escape sequences as text (string-width's option); by default they are stripped. */
  countAnsiEscapeCodes?: boolean;
  /**
   * string-width's option to count East Asian Ambiguous characters as wide. Terminals draw them
   * narrow unless configured otherwise; no library in the bundle passes it (test/unit/bundle.test.ts).
   */
  ambiguousIsNarrow?: boolean;
}

/** Styled text → its visible text, for text with escape sequences (Ink's styled lines). */
const stripped = new Map<string, string>();

export default function stringWidth(text: string, options?: Options): number {
  if (typeof text !== 'string' || text === '') return 0;
  if (options?.countAnsiEscapeCodes || (!text.includes('\x1b') && !text.includes('\x9b'))) return cellWidth(text);
  let plain = stripped.get(text);
  if (plain === undefined) {
    plain = stripAnsi(text);
    if (stripped.size > 10_000) stripped.clear();
    stripped.set(text, plain);
  }
  return cellWidth(plain);
}
