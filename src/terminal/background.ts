import type {TerminalReply} from './input';

/**
 * The terminal's background, light or dark: what the theme is chosen by (src/cli/colour.ts).
 * Pure; the question itself goes out with the other queries of one batch (src/terminal/ask.ts).
 *
 * 1. OSC 11 with `?` asks for the background colour; xterm answers `OSC 11 ; rgb:RRRR/GGGG/BBBB`
 *    (https://invisible-island.net/xterm/ctlseqs/ctlseqs.html, "Operating System Commands").
 * 2. Without an answer, `COLORFGBG` (set by rxvt, urxvt, Konsole, iTerm2 …): `fg;bg` or
 *    `fg;xpm;bg`, colour indices of the 16-colour palette (urxvt(1), "ENVIRONMENT").
 * 3. Neither: unknown, and the theme must read on both.
 */
export type Background = 'light' | 'dark';

/** OSC 11 with `?`: "report the background colour", ST-terminated as xterm documents it. */
export const OSC11_QUERY = '\x1b]11;?\x1b\\';

/** WCAG 2 relative luminance of an sRGB colour, 0–1 per channel (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Light when black text has more contrast on it than white text (WCAG contrast): relative
 * luminance above √(1.05 × 0.05) − 0.05 ≈ 0.179, where the two are equal. Solarized Light's
 * base3 (#fdf6e3) is light, its dark base03 (#002b36) dark, a mid grey (#808080, 0.216) light.
 */
export function backgroundOf(rgb: readonly [number, number, number]): Background {
  return relativeLuminance(rgb) > Math.sqrt(1.05 * 0.05) - 0.05 ? 'light' : 'dark';
}

/** The background the replies to a batch tell, if one answered OSC 11. */
export function backgroundFromReplies(replies: readonly TerminalReply[]): Background | undefined {
  const reply = replies.find((r) => r.kind === 'background');
  return reply?.kind === 'background' ? backgroundOf(reply.rgb) : undefined;
}

/**
 * The background `COLORFGBG` names: its last field is the background's palette index (`15;0`
 * light text on black: dark; `0;15`: light; `0;default;15` from urxvt with pixmap support).
 * Indices 7 (light grey) and 9–15 (the bright colours) are light, 0–6 and 8 (dark grey) dark:
 * the rule Vim uses for 'background' (vim/vim src/term.c, term_bg_default()). Anything else
 * (`default`, a missing or malformed value) tells nothing.
 */
export function backgroundFromColorFgBg(value: string | undefined): Background | undefined {
  const fields = value?.split(';') ?? [];
  const last = fields.at(-1)?.trim();
  if (fields.length < 2 || last === undefined || !/^\d{1,2}$/.test(last)) return undefined;
  const index = Number(last);
  if (index > 15) return undefined;
  return index === 7 || index >= 9 ? 'light' : 'dark';
}
