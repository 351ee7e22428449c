import type {ResumeDocument} from '../../document/model';
import {contactLine} from '../../document/select';
import {cellWidth, truncate, wrapHanging, wrapText} from '../../text/width';
import {HEADER_CONTACTS_ROWS, HEADER_GREETING_ROWS} from '../../sizes';
import {describeCommand, EDIT_KEYMAP, HINT_DROP_ORDER, hintWords as keymapWords, KEYMAP, keyLabels as commandLabels, type Hint} from '../keymap';
import {ENGLISH, type Messages} from '../../i18n/messages';
import {clipLine, lineWidth, padLine, span, type Line, type Span} from './lines';
import {plainInline, type InlineRenderer} from './panel';
import {UNICODE, type Glyphs} from '../../theme/glyphs';
import {PROGRAM} from '../../program';

/**
 * The header, folded: name and role, then the greeting's first line and the contacts on one line
 * when there is room, each ending in "…" when cut (`i` unfolds it: fullHeaderLines).
 */
export function headerLines(doc: ResumeDocument, width: number, rows: number, inline: InlineRenderer = plainInline, glyphs: Glyphs = UNICODE): Line[] {
  const lines: Line[] = [];
  const first: Line = [span(doc.name, 'name')];
  if (doc.label) first.push(span('  '), span(doc.label, 'label'));
  lines.push(clipLine(first, width));
  if (rows >= HEADER_GREETING_ROWS && doc.greeting) {
    // The greeting as the panels render it (Markdown too), one line of it.
    const greeting = inline(doc.greeting.replace(/\n/g, ' '), Math.max(1, width - 1), 'greeting');
    lines.push(greeting.length > 1 ? [...greeting[0]!, span(glyphs.ellipsis, 'greeting')] : (greeting[0] ?? []));
  }
  if (rows >= HEADER_CONTACTS_ROWS && doc.contacts.length > 0) {
    const spans: Span[] = [];
    doc.contacts.forEach((c, i) => {
      if (i > 0) spans.push(span(glyphs.separator, 'muted'));
      spans.push({text: c.text, style: 'muted', link: safeLink(c.url)});
    });
    lines.push(lineWidth(spans) > width ? [...clipLine(spans, width - 1), span(glyphs.ellipsis, 'muted')] : spans);
  }
  return lines;
}

/**
 * The header unfolded (`i`): the name and role, the whole greeting (Markdown rendered as in the
 * panels), then every contact and profile on a line of its own, each wrapped, never cut. Search
 * looks at these lines too.
 */
export function fullHeaderLines(doc: ResumeDocument, width: number, inline: InlineRenderer = plainInline): Line[] {
  const lines: Line[] = [];
  const first: Line = [span(doc.name, 'name')];
  if (doc.label) first.push(span('  '), span(doc.label, 'label'));
  if (lineWidth(first) <= width) lines.push(first);
  else {
    lines.push(...wrapText(doc.name, width).map((l) => [span(l, 'name')]));
    if (doc.label) lines.push(...wrapText(doc.label, width).map((l) => [span(l, 'label')]));
  }
  if (doc.greeting) lines.push([], ...inline(doc.greeting, width, 'greeting'));
  if (doc.contacts.length > 0) lines.push([]);
  for (const contact of doc.contacts) {
    const link = safeLink(contact.url);
    // An address shown apart from its text (a profile's page) follows it, as in the printed text.
    const text = link ? contactLine(contact) : contact.text;
    lines.push(...wrapHanging(text, width, '', '  ').map((l): Line => [{text: l, style: 'plain', link}]));
  }
  return lines;
}

/** A link target worth making clickable: an http(s) or mailto URL without spaces, else undefined. */
export function safeLink(url: string | undefined): string | undefined {
  return url && /^(https?:\/\/|mailto:)[^\s]+$/i.test(url) ? url : undefined;
}

export {sectionBar} from './tabs';

/**
 * The status bar: key hints from the keymap (in the reader's language and the glyphs' words) on
 * the left, the scroll position on the right. Hints that do not fit are dropped whole, by
 * priority (HINT_DROP_ORDER): never cut, whatever the language's widths (Hangul and kana take
 * two cells each). A position wider than the bar (a long search query) is cut at its end.
 */
export function statusBar(hints: readonly Hint[], position: string, width: number, glyphs: Glyphs = UNICODE, messages: Messages = ENGLISH): Line {
  // The position may hold the reader's search words: shown as typed.
  const right = truncate(` ${position} `, Math.max(0, width), glyphs.ellipsis);
  const room = width - cellWidth(right);
  const command = (hint: Hint) => (Array.isArray(hint) ? hint[0] : hint);
  const hintWords = (hint: Hint) => {
    const {key, words} = keymapWords(hint, messages);
    return {key: glyphs.text(key), words: glyphs.text(words)};
  };
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

/** What the mouse does, said in the help (the reducer's `click` and `scroll`): the message ids of each row. */
const MOUSE_HELP = [
  ['help.wheel', 'help.wheelDoes'],
  ['help.click', 'help.clickDoes'],
] as const;

/** The help overlay's lines, derived from the keymap tables (never typed by hand), in the reader's language and the glyphs' words. */
export function helpLines(width: number, glyphs: Glyphs = UNICODE, messages: Messages = ENGLISH): Line[] {
  const {text} = glyphs;
  const say = messages.say;
  const editLabels = (keys: readonly {label: string}[]) => text(keys.map((k) => k.label).join('/'));
  const keyLabels = (command: Parameters<typeof commandLabels>[0]) => text(commandLabels(command));
  const mouseLabels = MOUSE_HELP.map(([what]) => text(say(what)));
  const keyWidth = Math.max(...KEYMAP.map((b) => cellWidth(keyLabels(b.command))), ...EDIT_KEYMAP.map((b) => cellWidth(editLabels(b.keys))), ...mouseLabels.map(cellWidth)) + 2;
  // A description wraps under itself (never cut): `  ?       show or hide` / `          this help`.
  const rows = (keys: string, said: string): Line[] => {
    const description = text(said);
    const indent = keyWidth + 2;
    if (width - indent < 12) return [clipLine([span(`  ${keys}`, 'statusKey')], width), ...wrapHanging(description, width, '    ').map((l) => [span(l)])];
    return wrapText(description, width - indent).map((l, i): Line =>
      i === 0 ? clipLine([span(`  ${keys}`, 'statusKey'), span(' '.repeat(Math.max(1, indent - 2 - cellWidth(keys)))), span(l)], width) : [span(' '.repeat(indent) + l)],
    );
  };
  const lines: Line[] = [[span(text(say('help.title')), 'heading')]];
  let group = '';
  for (const binding of KEYMAP) {
    if (binding.group !== group) {
      group = binding.group;
      lines.push([], [span(text(say(`group.${binding.group}`)), 'blockLabel')]);
    }
    lines.push(...rows(keyLabels(binding.command), describeCommand(binding.command, messages)));
  }
  lines.push([], [span(text(say('help.searchLine')), 'blockLabel')]);
  for (const binding of EDIT_KEYMAP) lines.push(...rows(editLabels(binding.keys), say(`edit.${binding.edit}`)));
  lines.push([], [span(text(say('help.mouse')), 'blockLabel')]);
  MOUSE_HELP.forEach(([, does], i) => lines.push(...rows(mouseLabels[i]!, say(does))));
  lines.push([]);
  lines.push(...wrapText(text(say('help.piped', {program: PROGRAM})), width).map((l) => [span(l, 'muted')]));
  return lines.map((l) => clipLine(l, width));
}

/** Shown instead of a broken frame when the terminal is too small (wrapped, never wider). */
export function tooSmallLines(width: number, rows: number, min: {width: number; rows: number}, glyphs: Glyphs = UNICODE, messages: Messages = ENGLISH): Line[] {
  const message = glyphs.text(messages.say('tooSmall', {width, rows, minWidth: min.width, minRows: min.rows}));
  return wrapText(message, Math.max(1, width))
    .slice(0, Math.max(1, rows))
    .map((l) => [span(l, 'plain')]);
}
