import {codePointWidth, graphemes} from './cells';

/**
 * The pure parts of learning how wide this terminal draws the clusters of a résumé that
 * terminals disagree on: which clusters to measure, what to write to measure them, and how to
 * read the answers. Terminals agree on most text but not on emoji sequences (xterm.js's Unicode 11
 * tables draw 👩‍💻 as 4 cells, tmux as 2; Unicode 6 tables draw 💻 as 1) nor on Indic conjuncts
 * (क्षेत्रीय: 5 cells in kitty and mlterm, 6 in xterm and tmux), and only the terminal knows (see
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
const MAYBE_CANDIDATE_SET = String.raw`\u200d\u20e3\ufe0f\u231a-\u2b55\ud800-\udbff`;
const MAYBE_CANDIDATE = new RegExp(`[${MAYBE_CANDIDATE_SET}]`);
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

/** Every string (and key) of `value` that passes `test`, into `out`, in order. */
function candidates(value: unknown, out: string[], test: (text: string) => boolean): void {
  if (typeof value === 'string') {
    if (test(value)) out.push(value);
  } else if (Array.isArray(value)) {
    // Indexed loops: this runs once, cold, where for…of allocates an iterator result per element.
    for (let i = 0; i < value.length; i++) candidates(value[i], out, test);
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (test(key)) out.push(key);
      candidates((value as Record<string, unknown>)[key], out, test);
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
  candidates(value, texts, isCandidate);
  return emojiClusters(texts);
}


// ─── Beyond emoji ────────────────────────────────────────────────────────────────────────────

/**
 * Every kind of cluster whose width terminals disagree on: the emoji kinds above, `joined` (more
 * than one code point that takes cells: a Devanagari conjunct क्षे, a base with a spacing mark
 * का, Thai SARA AM ทำ: `क्षेत्रीय` is 5 cells in kitty and mlterm, 6 in xterm and tmux) and
 * `special` (a soft hyphen, a Hangul filler or conjoining jamo, a format character such as a
 * zero-width space or a ZWJ outside an emoji).
 */
export type ProbeKind = EmojiKind | 'joined' | 'special';

export interface ProbeCluster {
  cluster: string;
  kind: ProbeKind;
}

/**
 * At most this many distinct clusters are measured at start-up: emoji first, then the others,
 * each group most frequent first. 128 clusters are about 4 KB written and 256 cursor reports
 * read, one round trip (a few milliseconds locally); a résumé in Hindi or Thai has a few hundred
 * distinct clusters, and its most frequent 128 cover most of its text. The rest keep the default
 * count (src/text/cells.ts).
 */
export const MAX_PROBED_CLUSTERS = 128;

/** A cluster longer than this (UTF-16 code units) is not measured: no real text has one, and the probe stays small. */
export const MAX_PROBED_LENGTH = 64;

// Single code points terminals draw differently: the soft hyphen, the Hangul fillers and
// conjoining jamo, and format characters (Cf: zero-width space, ZWJ/ZWNJ outside an emoji …).
const SPECIAL = /[\u00ad\u1100-\u11ff\u3164\uffa0\ua960-\ua97f\ud7b0-\ud7ff\p{Cf}]/u;

// Any code point that can make a grapheme one of the others: a spacing mark (Mc; Thai and Lao
// SARA AM are SpacingMark too), a virama that joins two consonants into one grapheme (the
// Indic conjunct linkers of UAX #29: Devanagari, Bengali, Gujarati, Oriya, Telugu, Malayalam),
// and the special ones above.
export const JOINER_OR_SPECIAL = /[\p{Mc}\u0e33\u0eb3\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d\u00ad\u1100-\u11ff\u3164\uffa0\ua960-\ua97f\ud7b0-\ud7ff\p{Cf}]/u;

// A superset of JOINER_OR_SPECIAL in plain code-unit ranges, cheaper to test on text that has
// none (Hangul, Latin): test/unit/width-probe.test.ts checks every code point.
const MAYBE_JOINER_OR_SPECIAL_SET = String.raw`\u00ad\u0600-\u1cff\u200b-\u206f\u302e\u302f\u3164\ua800-\uabff\ud7b0-\ud7ff\ud800-\udbff\ufeff\uffa0\ufff9-\ufffb`;
export const MAYBE_JOINER_OR_SPECIAL = new RegExp(`[${MAYBE_JOINER_OR_SPECIAL_SET}]`);
// Both supersets in one class: a string of Hangul or Latin (nearly every one) costs one test, not two.
const MAYBE_EITHER = new RegExp(`[${MAYBE_CANDIDATE_SET}${MAYBE_JOINER_OR_SPECIAL_SET}]`);

/** Whether `text` may hold a cluster to measure: an emoji candidate, or a code point that can make one of the others. */
const mayDispute = (text: string) => MAYBE_EITHER.test(text) && (isCandidate(text) || (MAYBE_JOINER_OR_SPECIAL.test(text) && JOINER_OR_SPECIAL.test(text)));

/** The kind of cluster `g` (one grapheme) is, or undefined when terminals agree on its width. */
export function probeKind(g: string): ProbeKind | undefined {
  const emoji = emojiKind(g);
  if (emoji) return emoji;
  if (SPECIAL.test(g)) return 'special';
  let spacing = 0;
  for (const ch of g) if (codePointWidth(ch.codePointAt(0)!) > 0 && ++spacing > 1) return 'joined';
  return undefined;
}

const isEmojiKind = (kind: ProbeKind) => kind !== 'joined' && kind !== 'special';

/**
 * The clusters of `texts` to measure, each once: emoji first, then the others, each group by how
 * often it occurs (then by first appearance), at most MAX_PROBED_CLUSTERS.
 */
export function probeClusters(texts: Iterable<string>, max = MAX_PROBED_CLUSTERS): ProbeCluster[] {
  const seen = new Map<string, {kind: ProbeKind | undefined; count: number}>();
  for (const text of texts) {
    if (!mayDispute(text)) continue;
    // Word by word, and only the words that may hold one: segmenting costs more than linear time
    // on long text (48,000 characters of Thai: 0.74 s), and a summary may be long.
    for (const word of text.split(/\s+/)) {
      if (!mayDispute(word)) continue;
      for (const g of graphemes(word)) {
        const known = seen.get(g);
        if (known) known.count++;
        else seen.set(g, {kind: g.length > MAX_PROBED_LENGTH ? undefined : probeKind(g), count: 1});
      }
    }
  }
  const found = [...seen].flatMap(([cluster, {kind, count}], order) => (kind ? [{cluster, kind, count, order}] : []));
  found.sort((a, b) => Number(isEmojiKind(b.kind)) - Number(isEmojiKind(a.kind)) || b.count - a.count || a.order - b.order);
  return found.slice(0, max).map(({cluster, kind}) => ({cluster, kind}));
}

/** The clusters to measure in every string (and key) of a loaded résumé or any JSON value (see probeClusters). */
export function probeClustersIn(value: unknown, max = MAX_PROBED_CLUSTERS): ProbeCluster[] {
  const texts: string[] = [];
  candidates(value, texts, mayDispute);
  return probeClusters(texts, max);
}

// ─── Measuring ───────────────────────────────────────────────────────────────────────────────

/**
 * Written before each cluster, and once after the last: a Hangul syllable, wide in every
 * terminal, which joins nothing that follows it. It ends whatever the cluster before left open:
 * after a cluster that ends in a ZWJ (`👨‍👩‍`), tmux 3.3 drops or joins the next character that
 * is not ASCII (ASCII takes a fast path that leaves the joiner pending), cursor moves and erases
 * notwithstanding, and so reported 0 cells for the family emoji 👨‍👩‍👧 after it. The guard takes
 * that instead; whether it is drawn or dropped, the width is read after it (see widthProbe).
 */
export const PROBE_GUARD = '\ud55c';

/**
 * What to write to measure `clusters`: for each, at column 1 of `row` (1-based), the guard, a
 * cursor position request (CSI 6n), the cluster and another request; the width is the distance
 * between the two reports, so it holds whatever origin the terminal reports from (dvtm counts
 * from 0, xterm from 1). After the last cluster, the guard once more, then the rows from `row`
 * down are erased and the cursor left at the start of `row`. Nothing is written for no clusters.
 */
export function widthProbe(clusters: readonly string[], row: number): string {
  if (clusters.length === 0) return '';
  const home = `\x1b[${row};1H`;
  return `${clusters.map((cluster) => `${home}${PROBE_GUARD}\x1b[6n${cluster}\x1b[6n`).join('')}${home}${PROBE_GUARD}${home}\x1b[J`;
}

/**
 * The widths the terminal drew, from the cursor reports answering widthProbe(clusters, row) in
 * the same order (two per cluster; reports after those, as the batch's sentinel, are ignored), on
 * a terminal `columns` wide. A cluster's width is the second report's column minus the first's,
 * on the same row. Left out, as saying nothing: a cluster whose reports are on different rows (it
 * wrapped), go backwards, or may reach the last column (it starts after the guard, two cells, and
 * a terminal holds the cursor on the last column after filling it, so a width there may be one
 * short); and every cluster when fewer reports than two a cluster came back (which report answers
 * which is then unknown).
 */
export function widthsFromReports(clusters: readonly string[], reports: readonly {row: number; col: number}[], columns: number): Map<string, number> {
  const widths = new Map<string, number>();
  if (reports.length < 2 * clusters.length) return widths;
  clusters.forEach((cluster, i) => {
    const before = reports[2 * i]!;
    const after = reports[2 * i + 1]!;
    const width = after.col - before.col;
    if (after.row === before.row && width >= 0 && width < columns - 3) widths.set(cluster, width);
  });
  return widths;
}
