import {LineBreaker} from 'linebreak';

/**
 * Where a line may break, by the Unicode Line Breaking Algorithm (UAX #14,
 * https://www.unicode.org/reports/tr14/), with three tailorings the standard allows:
 *
 *  - the break classes and pair rules come from `linebreak` (foliojs, PDFKit's line breaker): a
 *    line may break between ideographs and kana, never before closing punctuation (。，、：）」)
 *    nor after opening punctuation, never inside a Latin word (Redux, i18n, Fabric.js);
 *  - Korean keeps its words whole and breaks at spaces (UAX #14 section 8.1, "Korean": Hangul
 *    treated as AL, CSS's `word-break: keep-all`), as Korean résumés are written and set;
 *  - Thai, Lao, Khmer and Burmese (class SA, which needs a dictionary) break at the word
 *    boundaries of the engine's dictionary segmenter (`Intl.Segmenter`, granularity `word`);
 *  - a web address or an e-mail address is never broken inside: when it is wider than the line,
 *    the wrapper cuts it after `/`, `.` or `-` (addressCuts).
 *
 * Positions are UTF-16 offsets where a line may start: after a space, not before it.
 */

/** Hangul syllables and jamo: every one is a single UTF-16 unit, so replacing keeps offsets. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/g;

/** Scripts of class SA (UAX #14: "South East Asian"), which break at dictionary word boundaries. */
const SOUTHEAST_ASIAN = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tai_Tham}\p{sc=Tai_Viet}\p{sc=New_Tai_Lue}]+/gu;
/** Repetition and abbreviation marks (ๆ ฯ ໆ ៗ ...) end the word before them: never a line's first character. */
const NO_BREAK_BEFORE = /^[\u0e2f\u0e46\u0ec6\u17d7\u0e5a\u0e5b]/;
const LANGUAGE: ReadonlyArray<[RegExp, string]> = [
  [/\p{sc=Thai}/u, 'th'],
  [/\p{sc=Lao}/u, 'lo'],
  [/\p{sc=Khmer}/u, 'km'],
  [/\p{sc=Myanmar}/u, 'my'],
];
const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(run: string): Intl.Segmenter {
  const lang = LANGUAGE.find(([script]) => script.test(run))?.[1] ?? 'th';
  let segmenter = wordSegmenters.get(lang);
  if (!segmenter) wordSegmenters.set(lang, (segmenter = new Intl.Segmenter(lang, {granularity: 'word'})));
  return segmenter;
}

/** Characters of a web address (RFC 3986's unreserved, reserved and `%`), ASCII only. */
const URL_CHAR = String.raw`[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]`;
const ADDRESS = new RegExp(
  String.raw`(?<![A-Za-z0-9@._%+\-/])(?:` +
    [
      String.raw`(?:https?|ftp|ssh|git|file):\/\/${URL_CHAR}+`,
      String.raw`mailto:${URL_CHAR}+`,
      String.raw`www\.${URL_CHAR}+`,
      String.raw`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`,
      String.raw`[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\/${URL_CHAR}*`,
    ].join('|') +
    ')',
  'g',
);
/** A cheap test before the pattern: every address has one of these. */
const ADDRESS_HINT = /[/@]|www\./;

export interface Span {
  start: number;
  end: number;
}

/** Drops what ends a sentence rather than the address: `.`, `,`, `)` without its `(`. */
function trimAddress(text: string): string {
  let end = text.length;
  for (;;) {
    const c = text[end - 1];
    if (c === undefined) return '';
    if ('.,;:!?\''.includes(c)) end--;
    else if ((c === ')' || c === ']') && count(text.slice(0, end), c === ')' ? '(' : '[') < count(text.slice(0, end), c)) end--;
    else return text.slice(0, end);
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** The web and e-mail addresses in `text`. */
export function addressSpans(text: string): Span[] {
  if (!ADDRESS_HINT.test(text)) return [];
  const spans: Span[] = [];
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimAddress(match[0]);
    // A bare `x.io/` or `a@b` needs more than its punctuation to be an address.
    if (address.length > 3) spans.push({start: match.index, end: match.index + address.length});
  }
  return spans;
}

/**
 * Where an address wider than the line may be cut, as offsets into `text`: after `/`, `.` or `-`
 * (after the last of `//`), never at its end.
 */
export function addressCuts(text: string, span: Span): number[] {
  const cuts: number[] = [];
  for (let i = span.start; i < span.end - 1; i++) {
    const c = text[i]!;
    if ((c === '/' || c === '.' || c === '-') && text[i + 1] !== c) cuts.push(i + 1);
  }
  return cuts;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The dictionary's word boundaries inside runs of Thai, Lao, Khmer and Burmese, and the edges of
 * a run that touches a word of another script (`ด้วยPrometheus`): the segmenter ends a word there.
 */
function dictionaryBreaks(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(SOUTHEAST_ASIAN)) {
    const run = match[0];
    const end = match.index + run.length;
    if (match.index > 0 && LETTER_OR_DIGIT.test(text[match.index - 1]!)) out.push(match.index);
    for (const {index} of wordSegmenter(run).segment(run)) {
      if (index > 0 && !NO_BREAK_BEFORE.test(run.slice(index))) out.push(match.index + index);
    }
    if (end < text.length && LETTER_OR_DIGIT.test(text[end]!) && !NO_BREAK_BEFORE.test(text.slice(end))) out.push(end);
  }
  return out;
}

/** Whether `text` has a character of class SA. */
const hasSoutheastAsian = (text: string) => /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u1950-\u19df\u1a20-\u1aaf\uaa60-\uaadf\ua9e0-\ua9ff]/.test(text);

/**
 * The offsets (0 < offset < text.length) where a line may start, in order. `text` is one
 * paragraph: no line feeds.
 */
export function breakOpportunities(text: string): number[] {
  const breaker = new LineBreaker(text.replace(HANGUL, 'a'));
  let breaks: number[] = [];
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) if (b.position > 0 && b.position < text.length) breaks.push(b.position);
  if (hasSoutheastAsian(text)) breaks = [...new Set([...breaks, ...dictionaryBreaks(text)])].sort((a, b) => a - b);
  const spans = addressSpans(text);
  if (spans.length > 0) breaks = breaks.filter((p) => !spans.some((s) => s.start < p && p < s.end));
  return breaks;
}

/** `text` cut at its break opportunities: each piece ends with the spaces after it. */
export function breakSegments(text: string): string[] {
  const segments: string[] = [];
  let last = 0;
  for (const position of breakOpportunities(text)) {
    segments.push(text.slice(last, position));
    last = position;
  }
  if (last < text.length) segments.push(text.slice(last));
  return segments;
}
