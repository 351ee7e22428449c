/**
 * Character widths for the emulated terminal. By default (`appWidths`) the emulator counts as the
 * app does (src/text/cells.ts: per code point, a pictograph after emoji + ZWJ adding nothing), so
 * it lays a row out in the cells the app planned whatever emoji the data holds. Tests of what
 * real terminals draw use xterm.js's own tables instead: `PtyOptions.unicode` '6' (xterm.js's
 * default) or '11' (@xterm/addon-unicode11, as VS Code's terminal).
 */
import type {IUnicodeVersionProvider, Terminal} from '@xterm/headless';
import {Unicode11Addon} from '@xterm/addon-unicode11';
import {codePointWidth} from '../../src/text/cells';

/**
 * Which widths the emulated terminal draws with: the app's, xterm.js's Unicode 6 or 11 tables, or
 * `conjuncts`: the app's, but a Devanagari consonant after a virama joins the cell before it and
 * adds nothing (क्षे one cell, क्षेत्रीय four where the app counts six), as grapheme-aware
 * terminals such as kitty and mlterm draw conjuncts narrower than xterm and tmux do.
 */
export type UnicodeWidths = 'app' | '6' | '11' | 'conjuncts';

const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const EXTEND = /^[\p{Grapheme_Extend}\p{Emoji_Modifier}]$/u;
/** Cluster kinds for appWidths.charProperties: plain text, an emoji so far, an emoji then ZWJ. */
const PLAIN = 0;
const EMOJI = 1;
const AFTER_ZWJ = 2;
const pack = (width: number, join: boolean, kind: number) => (kind << 3) | ((width & 3) << 1) | (join ? 1 : 0);

export const appWidths: IUnicodeVersionProvider = {
  version: 'app',
  wcwidth: (codepoint: number) => codePointWidth(codepoint) as 0 | 1 | 2,
  // xterm's own joining rule: a zero-width character after a printed one joins it. The value
  // packs (kind << 3) | (width << 1) | shouldJoin. Beyond it, as the app counts: a pictograph
  // after emoji + ZWJ joins the cluster and adds nothing (👩‍💻 is 2 cells, not 4).
  charProperties(codepoint: number, preceding: number): number {
    const before = (preceding >> 1) & 3;
    const kindBefore = preceding >> 3;
    const ch = String.fromCodePoint(codepoint);
    const pictograph = PICTOGRAPH.test(ch);
    if (kindBefore === AFTER_ZWJ && pictograph && before > 0) return pack(before, true, EMOJI);
    let width: number = this.wcwidth(codepoint);
    let join = width === 0 && preceding !== 0 && before > 0;
    if (join && before > width) width = before;
    const kind = pictograph ? EMOJI : kindBefore === EMOJI && codepoint === 0x200d ? AFTER_ZWJ : kindBefore === EMOJI && EXTEND.test(ch) ? EMOJI : PLAIN;
    if (join) return pack(width, true, kind);
    return pack(width, false, kind);
  },
};

/** A cluster kind beyond appWidths' own: a virama was the last code point. */
const AFTER_VIRAMA = 3;
const VIRAMA = 0x94d;
const isConsonant = (c: number) => (c >= 0x915 && c <= 0x939) || (c >= 0x958 && c <= 0x95f);

export const conjunctWidths: IUnicodeVersionProvider = {
  version: 'conjuncts',
  wcwidth: appWidths.wcwidth,
  charProperties(codepoint: number, preceding: number): number {
    const before = (preceding >> 1) & 3;
    if (preceding >> 3 === AFTER_VIRAMA && isConsonant(codepoint) && before > 0) return pack(before, true, PLAIN);
    if (codepoint === VIRAMA && preceding !== 0 && before > 0) return pack(before, true, AFTER_VIRAMA);
    return appWidths.charProperties(codepoint, preceding);
  },
};

/** Makes `term` draw with `widths`. */
export function useWidths(term: Terminal, widths: UnicodeWidths): void {
  if (widths === '6') return;
  if (widths === '11') {
    term.loadAddon(new Unicode11Addon());
    term.unicode.activeVersion = '11';
    return;
  }
  const provider = widths === 'conjuncts' ? conjunctWidths : appWidths;
  term.unicode.register(provider);
  term.unicode.activeVersion = provider.version;
}
