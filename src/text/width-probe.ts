import {graphemes} from './cells';

/**
 * The pure parts of learning how wide this terminal draws the emoji in a résumé: which clusters
 * to measure, what to write to measure them, and how to read the answers. Terminals agree on
 * text but not on emoji sequences (xterm.js's Unicode 11 tables draw 👩‍💻 as 4 cells, tmux as 2;
 * Unicode 6 tables draw 💻 as 1), and only the terminal knows (see
 * https://mitchellh.com/writing/grapheme-clusters-in-terminals). The terminal I/O is done by the
 * caller, which gives the widths read back to setClusterWidths (cells.ts).
 */

/**
 * What kind of emoji cluster: a ZWJ sequence (👩‍💻), a keycap (1️⃣), a flag (🇰🇷, 🏴 with tags), a
 * skin-tone modifier (👍🏽), an emoji presentation selector VS16 (❤️), or one emoji-presentation
 * pictograph (💻: one cell in Unicode 6 tables, two since Unicode 9).
 */
export type EmojiKind = 'zwj' | 'keycap' | 'flag' | 'modifier' | 'vs16' | 'pictograph';

export interface EmojiCluster {
  cluster: string;
  kind: EmojiKind;
}

// Any code point that can make a grapheme an emoji cluster; text without one is skipped unsegmented.
const CANDIDATE = /[\u200d\ufe0f\u20e3\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}\p{Emoji_Presentation}]/u;
// A superset of CANDIDATE in plain code-unit ranges, three times cheaper to test on text that
// has none (most of a résumé): every BMP Emoji_Presentation code point lies in U+231A–U+2B55,
// and every astral one (flags, skin tones, tags too) starts with a high surrogate.
const MAYBE_CANDIDATE = /[\u200d\u20e3\ufe0f\u231a-\u2b55\ud800-\udbff]/;
const isCandidate = (text: string) => MAYBE_CANDIDATE.test(text) && CANDIDATE.test(text);
const PICTOGRAPHS = /\p{Extended_Pictographic}/gu;
const FLAG = /^[\u{1f1e6}-\u{1f1ff}]{2}$|[\u{e0020}-\u{e007f}]/u;
const MODIFIER = /[\u{1f3fb}-\u{1f3ff}]/u;
const PRESENTATION = /^\p{Emoji_Presentation}$/u;

/** The kind of emoji cluster `g` (one grapheme) is, or undefined when it is none. */
export function emojiKind(g: string): EmojiKind | undefined {
  if (g.includes('\u20e3')) return 'keycap';
  if (g.includes('\u200d') && (g.match(PICTOGRAPHS)?.length ?? 0) >= 2) return 'zwj';
  if (FLAG.test(g)) return 'flag';
  if (MODIFIER.test(g)) return 'modifier';
  if (g.includes('\ufe0f')) return 'vs16';
  if (PRESENTATION.test(g)) return 'pictograph';
  return undefined;
}

/** The emoji clusters in `texts`, each once, in order of first appearance. */
export function emojiClusters(texts: Iterable<string>): EmojiCluster[] {
  const seen = new Map<string, EmojiKind>();
  for (const text of texts) {
    if (!isCandidate(text)) continue;
    for (const g of graphemes(text)) {
      if (seen.has(g) || !CANDIDATE.test(g)) continue;
      const kind = emojiKind(g);
      if (kind) seen.set(g, kind);
    }
  }
  return Array.from(seen, ([cluster, kind]) => ({cluster, kind}));
}

/** Every string (and key) of `value` that holds a candidate code point, into `out`, in order. */
function candidates(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (isCandidate(value)) out.push(value);
  } else if (Array.isArray(value)) {
    // Indexed loops: this runs once, cold, where for…of allocates an iterator result per element.
    for (let i = 0; i < value.length; i++) candidates(value[i], out);
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (isCandidate(key)) out.push(key);
      candidates((value as Record<string, unknown>)[key], out);
    }
  }
}

/**
 * The emoji clusters in every string (and key) of a loaded résumé or any JSON value. One regex
 * test per string decides whether it is segmented at all: a résumé of 20,000 strings without
 * emoji costs a walk and those tests, no generator or segmenter.
 */
export function emojiClustersIn(value: unknown): EmojiCluster[] {
  const texts: string[] = [];
  candidates(value, texts);
  return emojiClusters(texts);
}

/**
 * What to write to measure `clusters`: each printed at column 1 of `row` (1-based) followed by a
 * cursor position request (CSI 6n, answered `ESC [ row ; col R`); then the row is cleared and the
 * cursor left at its start. Nothing is written for no clusters.
 */
export function widthProbe(clusters: readonly string[], row: number): string {
  if (clusters.length === 0) return '';
  const home = `\x1b[${row};1H`;
  return `${clusters.map((cluster) => `${home}${cluster}\x1b[6n`).join('')}${home}\x1b[2K`;
}

/**
 * The widths the terminal drew, from the cursor reports answering widthProbe(clusters, row), in
 * the same order: a cluster printed from column 1 leaves the cursor at column width + 1. A report
 * from another row (the cluster wrapped or scrolled) or with a column before the start says
 * nothing, and that cluster is left out; so are clusters with no report.
 */
export function widthsFromReports(clusters: readonly string[], reports: readonly {row: number; col: number}[], row: number): Map<string, number> {
  const widths = new Map<string, number>();
  clusters.forEach((cluster, i) => {
    const report = reports[i];
    if (report && report.row === row && report.col >= 1) widths.set(cluster, report.col - 1);
  });
  return widths;
}
