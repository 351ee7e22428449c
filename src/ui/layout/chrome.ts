import type {ResumeDocument} from '../../document/model';
import {cellWidth, truncate, wrapText} from '../../text/width';
import {KEYMAP, keyLabels, type Command} from '../keymap';
import {clipLine, padLine, span, type Line, type Span} from './lines';

/** The header: name and role, then the greeting and contacts when there is room. */
export function headerLines(doc: ResumeDocument, width: number, rows: number): Line[] {
  const lines: Line[] = [];
  const first: Line = [span(doc.name, 'name')];
  if (doc.label) first.push(span('  '), span(doc.label, 'label'));
  lines.push(clipLine(first, width));
  if (rows >= 16 && doc.greeting) lines.push([span(truncate(doc.greeting.replace(/\n/g, ' '), width), 'greeting')]);
  if (rows >= 20 && doc.contacts.length > 0) {
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
 * The section bar: ` 1 Work Experience ` tabs, the active one highlighted. Titles shorten to fit;
 * with many sections the others shrink to their numbers (` 7 `) and only the active tab keeps
 * words; with more still, the tabs farthest from the active one are left off.
 */
export function sectionBar(titles: string[], active: number, width: number): Line {
  // A tab never loses its number (1–9 jump to it): only the title is shortened, or left off.
  const label = (title: string, i: number, room: number) => {
    const n = String(i + 1);
    const titleRoom = room - 3 - n.length;
    return titleRoom >= 2 ? ` ${n} ${truncate(title, titleRoom)} ` : ` ${n} `;
  };
  const fits = (spans: Span[]) => spans.reduce((sum, s) => sum + cellWidth(s.text), 0) <= width;
  const style = (i: number) => (i === active ? 'tabActive' : 'tabInactive');
  let room = Math.max(...titles.map((t, i) => cellWidth(` ${i + 1} ${t} `)), 0);
  const tabs = (r: number): Span[] => titles.map((t, i) => ({text: label(t, i, r), style: style(i), tab: i}));
  // Shrink every title while each keeps at least a letter; then numbers only but the active one.
  while (room > 6 && !fits(tabs(room))) room--;
  if (fits(tabs(room))) return tabs(room);
  // Numbers only, but the active tab keeps what room is left for its title.
  const numbers: Span[] = titles.map((_, i) => ({text: ` ${i + 1} `, style: style(i), tab: i}));
  const others = numbers.reduce((sum, s, i) => (i === active ? sum : sum + cellWidth(s.text)), 0);
  if (titles[active] !== undefined) numbers[active] = {text: label(titles[active]!, active, Math.max(0, width - others)), style: 'tabActive', tab: active};
  let first = 0;
  let last = numbers.length;
  while (!fits(numbers.slice(first, last)) && last - first > 1) {
    if (active - first > last - 1 - active) first++;
    else last--;
  }
  return clipLine(numbers.slice(first, last), width);
}

/** The commands worth a hint in the status bar right now, in the order shown. */
export function hintsFor(context: {help: boolean; foldable: boolean}): Command[] {
  if (context.help) return ['back', 'down', 'quit'];
  return ['nextSection', 'down', ...(context.foldable ? (['toggle'] as Command[]) : []), 'search', 'techIndex', 'help', 'quit'];
}

/** When the bar is short of room, hints go in this order; help and quit stay longest. */
const DROP_FIRST: Command[] = ['techIndex', 'toggle', 'search', 'down', 'nextSection', 'back', 'help'];

/** The status bar: key hints from the keymap on the left, the scroll position on the right. */
export function statusBar(commands: Array<Command | [Command, string]>, position: string, width: number): Line {
  const right = ` ${position} `;
  const room = width - cellWidth(right);
  const hint = (item: Command | [Command, string]) => {
    const [command, words] = Array.isArray(item) ? item : [item, undefined];
    const binding = KEYMAP.find((b) => b.command === command)!;
    return {key: binding.keys[0]!.label, words: words ?? binding.hint ?? binding.description.split(' ')[0]!};
  };
  const commandOf = (item: Command | [Command, string]) => (Array.isArray(item) ? item[0] : item);
  const widthOf = (list: typeof commands) => list.reduce((sum, c) => sum + cellWidth(` ${hint(c).key} ${hint(c).words} `), 0);
  let shown = [...commands];
  for (const drop of DROP_FIRST) {
    if (widthOf(shown) <= room) break;
    shown = shown.filter((c) => commandOf(c) !== drop);
  }
  if (widthOf(shown) > room) shown = [];
  const spans: Span[] = shown.flatMap((c) => [span(` ${hint(c).key}`, 'statusKey'), span(` ${hint(c).words} `, 'status')]);
  return [...padLine(spans, Math.max(0, room), 'status'), span(right, 'status')];
}

/** The help overlay's lines, derived from the keymap table (never typed by hand). */
export function helpLines(width: number): Line[] {
  const keyWidth = Math.max(...KEYMAP.map((b) => cellWidth(keyLabels(b.command)))) + 2;
  const lines: Line[] = [[span('Keys', 'heading')]];
  let group = '';
  for (const binding of KEYMAP) {
    if (binding.group !== group) {
      group = binding.group;
      lines.push([], [span(group, 'blockLabel')]);
    }
    const keys = keyLabels(binding.command);
    lines.push(clipLine([span(`  ${keys}`, 'statusKey'), span(' '.repeat(Math.max(1, keyWidth - cellWidth(keys)))), span(binding.description)], width));
  }
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
