/**
 * Character widths for the emulated terminal, as the app measures them (string-width), so the
 * emulator lays a row out in the same cells the app planned. xterm.js alone knows only Unicode 6,
 * where the section bar's emoji are one cell wide: a row the app overflowed by a cell per emoji
 * would then still fit. Register with `term.unicode.register(appWidths)` and make it active.
 */
import type {IUnicodeVersionProvider} from '@xterm/headless';
import stringWidth from 'string-width';

const widthCache = new Map<number, 0 | 1 | 2>();

const EMOJI = /^\p{Extended_Pictographic}$/u;
/** Cluster kinds for appWidths.charProperties: plain text, an emoji cluster, an emoji cluster ending in ZWJ. */
const PLAIN = 0;
const EMOJI_CLUSTER = 1;
const AFTER_ZWJ = 2;
const pack = (width: number, join: boolean, kind: number) => (kind << 3) | ((width & 3) << 1) | (join ? 1 : 0);

export const appWidths: IUnicodeVersionProvider = {
  version: 'string-width',
  wcwidth(codepoint: number): 0 | 1 | 2 {
    let width = widthCache.get(codepoint);
    if (width === undefined) {
      width = Math.min(2, Math.max(0, stringWidth(String.fromCodePoint(codepoint)))) as 0 | 1 | 2;
      widthCache.set(codepoint, width);
    }
    return width;
  },
  // The same joining rule as xterm's built-in provider: a zero-width character after a printed
  // one joins it. The value packs (kind << 3) | (width << 1) | shouldJoin. Beyond it, emoji
  // sequences stay one cluster as string-width (and the app) measure them: an emoji after
  // emoji + ZWJ (👩‍👩‍👧 is 2 cells, not 6) and a skin-tone modifier after an emoji. `kind` carries
  // what those rules need to know about the cluster so far.
  charProperties(codepoint: number, preceding: number): number {
    const before = (preceding >> 1) & 3;
    const kindBefore = preceding >> 3;
    const pictographic = EMOJI.test(String.fromCodePoint(codepoint));
    if (kindBefore !== PLAIN && before > 0) {
      if (kindBefore === AFTER_ZWJ && pictographic) return pack(before, true, EMOJI_CLUSTER);
      if (kindBefore === EMOJI_CLUSTER && codepoint >= 0x1f3fb && codepoint <= 0x1f3ff) return pack(before, true, EMOJI_CLUSTER);
    }
    let width: number = this.wcwidth(codepoint);
    let join = width === 0 && preceding !== 0;
    if (join) {
      if (before === 0) join = false;
      else if (before > width) width = before;
    }
    if (join) return pack(width, true, codepoint === 0x200d && kindBefore === EMOJI_CLUSTER ? AFTER_ZWJ : kindBefore === AFTER_ZWJ ? PLAIN : kindBefore);
    return pack(width, false, pictographic ? EMOJI_CLUSTER : PLAIN);
  },
};
