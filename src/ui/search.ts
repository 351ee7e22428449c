import type {Entry} from '../document/model';
import {fold} from '../document/present';
import {cellWidth, graphemes} from '../text/width';
import {lineText, span, type Line, type Span} from './layout/lines';
import {ENGLISH, type Messages} from '../i18n/messages';

/**
 * Search: pure matching and highlighting. Case-insensitive, Hangul as typed: both sides are
 * NFC-normalized and lower-cased, so a syllable typed whole or composed matches either way.
 */
export interface Match {
  /** The section, or HEADER_MATCH for the header (its lines as unfolded). */
  section: number;
  /** Line in the section's layout, or in the unfolded header. */
  line: number;
  /** Panel holding the line, or -1. */
  panel: number;
  /**
   * The query names the section (its id, a kind of entry it holds, a title: src/document/select.ts
   * namesSection) rather than occurring on the line: the section's top, nothing on it highlighted.
   */
  named?: boolean;
}

/** Match.section of a match in the header. */
export const HEADER_MATCH = -1;

export interface SearchState {
  query: string;
  /** Cursor position, in graphemes. */
  cursor: number;
  /** The search line is open for typing. */
  editing: boolean;
  /** Found when the query was submitted. */
  matches: Match[];
  /** The match shown, or -1. */
  current: number;
  /** Folded panels the search unfolded because they hold a match: folded again when it is closed (Esc). */
  unfolded?: readonly Entry[];
}

export const emptySearch = (): SearchState => ({query: '', cursor: 0, editing: true, matches: [], current: -1});

/**
 * Lower-cased NFC text with, for each of its code units, the index in the original it came from
 * (the same folding as `fold`, one character at a time, so a match maps back to what is shown).
 */
function folded(text: string): {text: string; map: number[]} {
  let out = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    for (let k = 0; k < lower.length; k++) map.push(i);
    out += lower;
    i += ch.length;
  }
  map.push(i);
  return {text: out, map};
}

/** A query folded as names are everywhere (src/document/present.ts): NFC, lower case. */
export const foldQuery = fold;

/** Where `query` occurs in `text`: [start, end) ranges in `text`'s code units. */
export function findAll(text: string, query: string): Array<[number, number]> {
  const q = foldQuery(query);
  if (!q) return [];
  const {text: hay, map} = folded(text.normalize('NFC') === text ? text : text.normalize('NFC'));
  const ranges: Array<[number, number]> = [];
  for (let at = hay.indexOf(q); at !== -1; at = hay.indexOf(q, at + q.length)) ranges.push([map[at]!, map[at + q.length]!]);
  return ranges;
}

/**
 * The line with every occurrence of `query` restyled as a match (badges keep their chips); the
 * occurrence numbered `current` (0 is the line's first) as the current match.
 */
export function highlight(line: Line, query: string, current = -1): Line {
  const text = lineText(line);
  const ranges = findAll(text, query);
  if (ranges.length === 0) return line;
  const out: Span[] = [];
  let pos = 0;
  for (const s of line) {
    const start = pos;
    const end = pos + s.text.length;
    pos = end;
    if (s.ansi) {
      out.push(s);
      continue;
    }
    let cut = start;
    for (const [n, [a, b]] of ranges.entries()) {
      if (b <= cut || a >= end) continue;
      const from = Math.max(a, cut);
      const to = Math.min(b, end);
      if (from > cut) out.push({...s, text: text.slice(cut, from)});
      out.push({text: text.slice(from, to), style: n === current ? 'matchCurrent' : 'match', link: s.link});
      cut = to;
    }
    if (cut < end) out.push({...s, text: text.slice(cut, end)});
  }
  return out;
}

/** Inserts typed text at the cursor. */
export function insertText(search: SearchState, text: string): SearchState {
  const parts = graphemes(search.query);
  const added = graphemes(text.normalize('NFC'));
  const query = [...parts.slice(0, search.cursor), ...added, ...parts.slice(search.cursor)].join('').normalize('NFC');
  return {...search, query, cursor: Math.min(graphemes(query).length, search.cursor + added.length), matches: [], current: -1};
}

/** Deletes the grapheme before the cursor. */
export function deleteBack(search: SearchState): SearchState {
  if (search.cursor === 0) return search;
  const parts = graphemes(search.query);
  parts.splice(search.cursor - 1, 1);
  return {...search, query: parts.join(''), cursor: search.cursor - 1, matches: [], current: -1};
}

/** Deletes the grapheme after the cursor (the Delete key). */
export function deleteForward(search: SearchState): SearchState {
  const parts = graphemes(search.query);
  if (search.cursor >= parts.length) return search;
  parts.splice(search.cursor, 1);
  return {...search, query: parts.join(''), matches: [], current: -1};
}

export function moveCursor(search: SearchState, to: number): SearchState {
  return {...search, cursor: Math.max(0, Math.min(graphemes(search.query).length, to))};
}

/**
 * The search line as it is typed: `/대시보드 A`, the cursor a reversed cell placed by display
 * width (a Hangul syllable moves it two cells), scrolled so the cursor stays on screen.
 */
export function searchLine(search: SearchState, width: number): Line {
  const parts = graphemes(search.query);
  const before = parts.slice(0, search.cursor);
  const at = parts[search.cursor] ?? ' ';
  const after = parts.slice(search.cursor + 1).join('');
  const room = width - 1 - cellWidth(at);
  // Drop graphemes from the start until what precedes the cursor fits.
  while (before.length > 0 && cellWidth(before.join('')) > room) before.shift();
  const head = before.join('');
  let tail = '';
  for (const g of graphemes(after)) {
    if (cellWidth(head) + cellWidth(at) + cellWidth(tail + g) + 1 > width) break;
    tail += g;
  }
  return [span('/', 'statusKey'), span(head), span(at, 'cursor'), span(tail)];
}

/** The status words after a search, in the reader's language: `3/7 "Kafka"` or `no match for "Kafka"`. */
export function searchSummary(search: SearchState, messages: Messages = ENGLISH): string {
  const query = JSON.stringify(search.query);
  return search.matches.length === 0 ? messages.say('search.noMatch', {query}) : messages.say('search.count', {current: search.current + 1, total: search.matches.length, query});
}
