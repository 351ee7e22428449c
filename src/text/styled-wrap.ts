import {wrapText} from './width';

/**
 * Wrapping text that carries SGR styles (and OSC 8 links): the lines of wrapText over its visible
 * text (so styled and plain text break at the same places: UAX #14, linebreak.ts), each line
 * opening the styles and link still in force at its start and closing them at its end, as chalk
 * would write them, so a line stands alone. Only the escapes the app's own renderers write are
 * read: text from data was sanitized at load and holds none.
 */

const ESCAPE = /\x1b\[[0-9;:]*m|\x1b\]8;[^\x07\x1b]*;([^\x07\x1b]*)(?:\x07|\x1b\\)/g;
const LINK_END = '\x1b]8;;\x07';

/** The SGR code that ends what `code` starts (ansi-styles' pairs); 0 for a full reset. */
function closing(code: number): number {
  if (code === 1 || code === 2) return 22;
  if ((code >= 3 && code <= 9) || code === 53) return code === 6 ? 25 : code === 53 ? 55 : code + 20;
  if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) return 39;
  if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) return 49;
  return 0;
}
const CLOSERS = new Set([22, 23, 24, 25, 27, 28, 29, 39, 49, 55]);

interface Escape {
  /** Offset in the visible text before which it stands. */
  at: number;
  code: string;
  /** An OSC 8 link's address ('' ends the link); undefined for SGR. */
  link?: string;
}

/** The styles in force: each open code with the code that closes it, in the order opened. */
class Styles {
  open: Array<{code: string; close: number}> = [];
  link: string | undefined;

  apply(escape: Escape): void {
    if (escape.link !== undefined) {
      this.link = escape.link === '' ? undefined : escape.code;
      return;
    }
    const first = Number(escape.code.slice(2, -1).split(/[;:]/)[0] || '0');
    if (first === 0) this.open = [];
    else if (CLOSERS.has(first)) this.open = this.open.filter((s) => s.close !== first);
    else this.open.push({code: escape.code, close: closing(first)});
  }

  opening(): string {
    return this.open.map((s) => s.code).join('') + (this.link ?? '');
  }

  closing(): string {
    const closes = [...new Set(this.open.map((s) => s.close))].reverse();
    return (this.link ? LINK_END : '') + closes.map((c) => `\x1b[${c}m`).join('');
  }
}

/** Lines of at most `width` cells of `styled` (one paragraph), each with its styles whole. */
export function wrapStyled(styled: string, width: number): string[] {
  let plain = '';
  const escapes: Escape[] = [];
  let last = 0;
  for (const match of styled.matchAll(ESCAPE)) {
    plain += styled.slice(last, match.index);
    escapes.push({at: plain.length, code: match[0], link: match[0].startsWith('\x1b]') ? (match[1] ?? '') : undefined});
    last = match.index + match[0].length;
  }
  plain += styled.slice(last);
  const lines = wrapText(plain, width);
  if (escapes.length === 0) return lines;

  // Wrapping only drops spaces and line feeds: each line's characters are the plain text's, in order.
  const styles = new Styles();
  const out: string[] = [];
  let p = 0;
  let e = 0;
  for (const line of lines) {
    if (line === '') {
      out.push('');
      continue;
    }
    // Where each of the line's characters is in the plain text.
    const at: number[] = [];
    for (let i = 0; i < line.length; i++) {
      while (p < plain.length && plain[p] !== line[i]) p++;
      at.push(p++);
    }
    const start = at[0] ?? p;
    const end = (at.at(-1) ?? p - 1) + 1;
    // What opens or closes before the line's first character is in force from its start.
    while (e < escapes.length && escapes[e]!.at <= start) styles.apply(escapes[e++]!);
    let text = styles.opening();
    let next = 0;
    for (let i = start; i < end; i++) {
      while (e < escapes.length && escapes[e]!.at === i) {
        text += escapes[e]!.code;
        styles.apply(escapes[e++]!);
      }
      if (at[next] === i) {
        text += plain[i];
        next++;
      }
    }
    out.push(text + styles.closing());
  }
  return out;
}
