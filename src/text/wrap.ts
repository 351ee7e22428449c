import {cellWidth, graphemes} from './cells';
import {AL, BA, CL, CP, EX, HY, IS, NU, OP, PO, PR, QU, SY} from 'linebreak/src/classes.js';
import {DI_BRK, IN_BRK, pairTable} from 'linebreak/src/pairs.js';
import {addressCuts, addressSpans, breakSegments} from './linebreak';

/**
 * Filling lines: greedy, at the break opportunities of linebreak.ts (UAX #14), in terminal cells.
 * A line takes every piece that fits; spaces at a line's end are dropped; a piece wider than a
 * whole line is cut (breakWord): an address after `/`, `.` or `-`, anything else between
 * graphemes.
 */

const SPACES_AT_END = / +$/;
/**
 * Where a cut between graphemes would start a line with closing punctuation or end one with
 * opening punctuation (classes CL, CP, EX, IS, NS and OP, roughly): breakWord's last resort avoids them.
 */
const NO_START = /^[\p{Pe}\p{Pf}!?,.:;%\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\u30fc\u3005\u309d\u309e\u30fd\u30fe\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee]/u;
const NO_END = /[\p{Ps}\p{Pi}]$/u;
const trimEnd = (text: string) => (text.endsWith(' ') ? text.replace(SPACES_AT_END, '') : text);

/**
 * Splits `word`, wider than `width`, into pieces that fit: inside a web or e-mail address after
 * `/`, `.` or `-` where one fits, else on grapheme boundaries (a Hangul syllable, a ZWJ emoji, a
 * letter with its marks is never split). A grapheme wider than `width` gets a piece of its own.
 */
export function breakWord(word: string, width: number): string[] {
  const spans = addressSpans(word);
  const cuts = new Set(spans.flatMap((span) => addressCuts(word, span)));
  const inAddress = (offset: number) => spans.some((s) => s.start < offset && offset < s.end);
  const pieces: string[] = [];
  // The piece so far is word.slice(from, to), `used` cells; `candidates`: where it may end.
  let from = 0;
  let to = 0;
  let used = 0;
  let candidates: number[] = [];
  for (const g of graphemes(word)) {
    if (to === from && g === ' ') {
      from = to += 1;
      continue;
    }
    const w = cellWidth(g);
    while (used + w > width && to > from) {
      const at = candidates.at(-1) ?? to;
      pieces.push(trimEnd(word.slice(from, at)));
      from = at;
      while (word[from] === ' ' && from < to) from++;
      used = cellWidth(word.slice(from, to));
      candidates = candidates.filter((c) => c > from);
    }
    to += g.length;
    used += w;
    if (cuts.has(to) || (!inAddress(to) && !NO_START.test(word.slice(to, to + 2)) && !NO_END.test(g))) candidates.push(to);
  }
  if (to > from) pieces.push(trimEnd(word.slice(from, to)));
  return pieces;
}

/** Greedy fill of pieces (each ending in the spaces after it) into lines of `width` cells. */
function fill(segments: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const start = (segment: string) => {
    const visible = trimEnd(segment);
    if (cellWidth(visible) <= width) {
      line = segment;
      used = cellWidth(segment);
      return;
    }
    const pieces = breakWord(visible, width);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1)! + segment.slice(visible.length);
    used = cellWidth(line);
  };
  for (const segment of segments) {
    if (line === '') {
      start(segment);
      continue;
    }
    if (used + cellWidth(trimEnd(segment)) <= width) {
      line += segment;
      used += cellWidth(segment);
      continue;
    }
    lines.push(trimEnd(line));
    start(segment);
  }
  if (line !== '' || lines.length === 0) lines.push(trimEnd(line));
  return lines;
}

/**
 * The UAX #14 class of a character whose class is known without the library's Unicode table:
 * printable ASCII (LineBreak.txt), Hangul syllables (AL, Korean keeps its words: linebreak.ts),
 * the middle dot (AI, resolved to AL) and curly quotes (QU); -1 for anything else.
 * test/unit/linebreak.test.ts holds every pair of them to the library's own answers.
 */
function knownClass(c: number): number {
  if (c >= 0x21 && c <= 0x7e) return ASCII_CLASSES[c - 0x21]!;
  if (c >= 0xac00 && c <= 0xd7a3) return AL;
  if (c === 0xb7) return AL;
  if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) return QU;
  return -1;
}
/** U+0021–U+007E: letters, `#&*<=>@^_\`~` AL; digits NU; the rest by their own class. */
const ASCII_SPECIAL: Record<string, number> = {'!': EX, '?': EX, '"': QU, "'": QU, $: PR, '+': PR, '\\': PR, '%': PO, '(': OP, '[': OP, '{': OP, ')': CP, ']': CP, '}': CL, ',': IS, '.': IS, ':': IS, ';': IS, '-': HY, '/': SY, '|': BA};
const ASCII_CLASSES = Array.from({length: 0x7e - 0x20}, (_, i) => {
  const char = String.fromCharCode(0x21 + i);
  return char >= '0' && char <= '9' ? NU : (ASCII_SPECIAL[char] ?? AL);
});

/**
 * Whether UAX #14 breaks at the space between `before` and `word`, and nowhere inside `word`,
 * decided from characters of known class and the library's own pair table (an opportunity
 * without a space is a direct break; with one, a direct or an indirect one). False: "ask the
 * library". The pair table alone is exact for these classes: the library's other rules concern
 * combining marks, ZWJ, regional indicators and Hebrew letters, none of which is known here.
 */
export function onlySpaceBreaks(before: string, word: string): boolean {
  let previous = knownClass(before.charCodeAt(before.length - 1));
  let next = knownClass(word.charCodeAt(0));
  if (previous < 0 || next < 0) return false;
  const acrossSpace = pairTable[previous]![next];
  if (acrossSpace !== DI_BRK && acrossSpace !== IN_BRK) return false;
  for (let i = 1; i < word.length; i++) {
    previous = next;
    next = knownClass(word.charCodeAt(i));
    if (next < 0 || pairTable[previous]![next] === DI_BRK) return false;
  }
  return true;
}

/**
 * One paragraph (no line feeds) wrapped to `width` cells: runs of spaces fold to one. Most
 * paragraphs are words between spaces where every line ends at a space (onlySpaceBreaks): those
 * are filled word by word without the library; any other is filled at its UAX #14 opportunities.
 * Both give the same lines (test/unit/linebreak.test.ts compares them).
 */
export function wrapParagraph(paragraph: string, width: number): string[] {
  const words = paragraph.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of words) {
    const w = cellWidth(word);
    if (line !== '' && used + 1 + w <= width) {
      line += ' ' + word;
      used += 1 + w;
      continue;
    }
    // A line ends here (or a word is wider than a line): only a simple case is decided here.
    if (w > width || (line !== '' && !onlySpaceBreaks(line, word))) return wrapByOpportunities(words.join(' '), width);
    if (line !== '') lines.push(line);
    line = word;
    used = w;
  }
  lines.push(line);
  return lines;
}

/** `text` (spaces folded) filled at every UAX #14 break opportunity. */
export function wrapByOpportunities(text: string, width: number): string[] {
  return fill(breakSegments(text), width);
}
