import type {ResumeDocument} from '../../document/model';
import {cellWidth, truncate, wrapText} from '../../text/width';
import {HEADER_CONTACTS_ROWS, HEADER_GREETING_ROWS} from '../../sizes';
import {EDIT_KEYMAP, HINT_DROP_ORDER, hintWords, KEYMAP, keyLabels, type Hint} from '../keymap';
import {clipLine, padLine, span, type Line, type Span} from './lines';

/** The header: name and role, then the greeting and contacts when there is room. */
export function headerLines(doc: ResumeDocument, width: number, rows: number): Line[] {
  const lines: Line[] = [];
  const first: Line = [span(doc.name, 'name')];
  if (doc.label) first.push(span('  '), span(doc.label, 'label'));
  lines.push(clipLine(first, width));
  if (rows >= HEADER_GREETING_ROWS && doc.greeting) lines.push([span(truncate(doc.greeting.replace(/\n/g, ' '), width), 'greeting')]);
  if (rows >= HEADER_CONTACTS_ROWS && doc.contacts.length > 0) {
    const spans: Span[] = [];
    doc.contacts.forEach((c, i) => {
      if (i > 0) spans.push(span(' · ', 'muted'));
      spans.push({text: c.text, style: 'muted', link: safeLink(c.url)});
    });
    lines.push(clipLine(spans, width));
  }
  return lines;
}

/** A link target worth making clickable: an http(s) or mailto URL without spaces, else undefined. */
export function safeLink(url: string | undefined): string | undefined {
  return url && /^(https?:\/\/|mailto:)[^\s]+$/i.test(url) ? url : undefined;
}

/**
 * The section bar: ` 1 Work Experience ` tabs, the active one highlighted. When every title does
 * not fit, the active tab keeps its title in full and the others shorten to their first word,
 * then to the same number of its first cells, at least three (`Work`, `Proj`, `Edu`: no "…"
 * spent on a cut),
 * then to their numbers; with more still, the tabs farthest from the active one are left off.
 * A tab never loses its number (1–9 jump to it).
 */
export function sectionBar(titles: string[], active: number, width: number): Line {
  const style = (i: number) => (i === active ? 'tabActive' : 'tabInactive');
  const tab = (i: number, title: string): Span => ({text: title ? ` ${i + 1} ${title} ` : ` ${i + 1} `, style: style(i), tab: i});
  const fits = (spans: Span[]) => spans.reduce((sum, s) => sum + cellWidth(s.text), 0) <= width;
  const full = titles.map((t, i) => tab(i, t));
  if (fits(full)) return full;
  // The others by their first word (emoji and punctuation left off), cut to `cells` each.
  const word = (title: string) => title.split(/\s+/).find((w) => /[\p{L}\p{N}]/u.test(w))?.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') ?? '';
  // Shortened tabs drop their trailing space (one space between two of them, not two).
  const shortened = (cells: number) =>
    titles.map((t, i): Span => {
      if (i === active) return full[i]!;
      const short = truncate(word(t), cells, '');
      return {...tab(i, short), text: short ? ` ${i + 1} ${short}` : ` ${i + 1}`};
    });
  const longest = Math.max(0, ...titles.map((t) => cellWidth(word(t))));
  for (let cells = longest; cells >= 3; cells--) {
    const spans = shortened(cells);
    if (fits(spans)) return spans;
  }
  // Numbers only, but the active tab keeps what room is left for its title.
  const numbers: Span[] = titles.map((_, i) => tab(i, ''));
  const others = numbers.reduce((sum, s, i) => (i === active ? sum : sum + cellWidth(s.text)), 0);
  if (titles[active] !== undefined) {
    const room = width - others - 3 - String(active + 1).length;
    numbers[active] = tab(active, room >= 2 ? truncate(titles[active]!, room) : '');
  }
  let first = 0;
  let last = numbers.length;
  while (!fits(numbers.slice(first, last)) && last - first > 1) {
    if (active - first > last - 1 - active) first++;
    else last--;
  }
  return clipLine(numbers.slice(first, last), width);
}

/** The status bar: key hints from the keymap on the left, the scroll position on the right. */
export function statusBar(hints: readonly Hint[], position: string, width: number): Line {
  const right = ` ${position} `;
  const room = width - cellWidth(right);
  const command = (hint: Hint) => (Array.isArray(hint) ? hint[0] : hint);
  const widthOf = (list: readonly Hint[]) => list.reduce((sum, h) => sum + cellWidth(` ${hintWords(h).key} ${hintWords(h).words} `), 0);
  let shown = [...hints];
  for (const drop of HINT_DROP_ORDER) {
    if (widthOf(shown) <= room) break;
    shown = shown.filter((h) => command(h) !== drop);
  }
  if (widthOf(shown) > room) shown = [];
  const spans: Span[] = shown.flatMap((h) => [span(` ${hintWords(h).key}`, 'statusKey'), span(` ${hintWords(h).words} `, 'status')]);
  return [...padLine(spans, Math.max(0, room), 'status'), span(right, 'status')];
}

/** The help overlay's lines, derived from the keymap tables (never typed by hand). */
export function helpLines(width: number): Line[] {
  const editLabels = (keys: readonly {label: string}[]) => keys.map((k) => k.label).join('/');
  const keyWidth = Math.max(...KEYMAP.map((b) => cellWidth(keyLabels(b.command))), ...EDIT_KEYMAP.map((b) => cellWidth(editLabels(b.keys)))) + 2;
  const row = (keys: string, description: string): Line =>
    clipLine([span(`  ${keys}`, 'statusKey'), span(' '.repeat(Math.max(1, keyWidth - cellWidth(keys)))), span(description)], width);
  const lines: Line[] = [[span('Keys', 'heading')]];
  let group = '';
  for (const binding of KEYMAP) {
    if (binding.group !== group) {
      group = binding.group;
      lines.push([], [span(group, 'blockLabel')]);
    }
    lines.push(row(keyLabels(binding.command), binding.description));
  }
  lines.push([], [span('In the search line', 'blockLabel')]);
  for (const binding of EDIT_KEYMAP) lines.push(row(editLabels(binding.keys), binding.description));
  lines.push([], [span('Piped or redirected, kim-resume prints plain text: kim-resume | less', 'muted')]);
  return lines.map((l) => clipLine(l, width));
}

/** Shown instead of a broken frame when the terminal is too small (wrapped, never wider). */
export function tooSmallLines(width: number, rows: number, min: {width: number; rows: number}): Line[] {
  const message = `enlarge the terminal (now ${width}×${rows}, need ${min.width}×${min.rows})`;
  return wrapText(message, Math.max(1, width))
    .slice(0, Math.max(1, rows - 1))
    .map((l) => [span(l, 'plain')]);
}
