import type {Block, Entry, ResumeDocument} from '../document/model';
import {contactLine} from '../document/select';
import {entryFacts, itemHeading} from '../document/present';
import type {Token} from '../theme/theme';
import {cellWidth, wrapHanging, wrapText, wrapWords} from './width';

/**
 * The résumé as plain text: no escape codes, every line at most `width` cells, nothing dropped.
 * Used for pipes and redirects (`kim-resume | less`, `> cv.txt`).
 */

/** How a list of tags is joined in text: `FastAPI · Trino · Redis`. */
export const TAG_SEPARATOR = ' · ';

/**
 * A run of a line and what it is, for the colored print (src/text/terminal.ts), which styles
 * each token with the theme; the plain text ignores the tokens. `ansi`: already styled by the
 * colored print's own inline renderer (SGR codes only).
 */
export interface Segment {
  text: string;
  token?: Token;
  ansi?: boolean;
}
export type StyledLine = Segment[];

/**
 * Wraps a paragraph that may hold inline Markdown (basics.summary, a text block, a list item) to
 * `width` cells, already styled; undefined: wrap it as plain text. Only the colored print gives one.
 */
export type InlineWrap = (text: string, width: number) => string[] | undefined;

/**
 * Splits wrapped lines back into the tokens of the parts they were made from. Wrapping only drops
 * spaces and newlines between words, so each line's characters are the parts' characters in order.
 */
function restyle(parts: Segment[], wrapped: string[]): StyledLine[] {
  const source = parts.flatMap((part) => Array.from(part.text, (char) => ({char, token: part.token})));
  let p = 0;
  return wrapped.map((line) => {
    const out: StyledLine = [];
    for (const char of line) {
      while (p < source.length && source[p]!.char !== char) p++;
      const token = source[p++]?.token;
      const last = out.at(-1);
      if (last && last.token === token) last.text += char;
      else out.push(token ? {text: char, token} : {text: char});
    }
    return out;
  });
}

const seg = (text: string, token?: Token): Segment => (token ? {text, token} : {text});

/** An inline Markdown link, `[text](address)` (what HTML's `<a href>` is read as at load). */
const MARKDOWN_LINK = /\[((?:\\.|[^\\\]])*)\]\(([^()\s]+)\)/g;

/**
 * A paragraph's links as printed text: `text (address)`, as a contact's address follows its text.
 * Other marks (`**bold**`) are plain text's own conventions and stay as written.
 */
export function linksAsText(text: string): string {
  if (!text.includes('](')) return text;
  return text.replace(MARKDOWN_LINK, (_, shown: string, url: string) => `${shown.replace(/\\([\\[\]])/g, '$1')} (${url})`);
}

class Lines {
  readonly out: StyledLine[] = [];
  constructor(
    readonly width: number,
    readonly inline?: InlineWrap,
    /** What joins tags and facts: ` · `, or the app's ASCII one (src/theme/glyphs.ts). */
    readonly separator = TAG_SEPARATOR,
  ) {}

  private push(indent: number, line: StyledLine): void {
    this.out.push(indent > 0 ? [seg(' '.repeat(indent)), ...line] : line);
  }

  /** Adds wrapped `text` at `indent` spaces, in `token`. */
  text(text: string, indent = 0, token?: Token): void {
    this.styled([seg(text, token)], indent);
  }

  /** Adds wrapped text made of parts in tokens of their own (`role · period`). */
  styled(parts: Segment[], indent = 0): void {
    const wrapped = wrapText(parts.map((p) => p.text).join(''), Math.max(1, this.width - indent));
    // One part: every line is in its token (the common case, and the plain text's only cost).
    const styled = parts.length === 1 ? wrapped.map((line) => [seg(line, parts[0]!.token)]) : restyle(parts, wrapped);
    for (const line of styled) this.push(indent, line);
  }

  /** A paragraph of body text: inline Markdown rendered where the colored print can. */
  paragraph(text: string, indent: number, token?: Token): void {
    const rendered = this.inline?.(text, Math.max(1, this.width - indent));
    if (!rendered) return this.text(linksAsText(text), indent, token);
    for (const line of rendered) this.push(indent, [{text: line, ansi: true}]);
  }

  /** `prefix` (a bullet, `URL: `) before the first line, its width in spaces before the others. */
  hanging(text: string, indent: number, prefix: Segment[], token?: Token, markdown = false): void {
    const room = Math.max(1, this.width - indent);
    const head = prefix.map((p) => p.text).join('');
    const pad = [seg(' '.repeat(cellWidth(head)))];
    const rendered = markdown ? this.inline?.(text, Math.max(1, room - cellWidth(head))) : undefined;
    if (rendered) {
      rendered.forEach((line, i) => this.push(indent, [...(i === 0 ? prefix : pad), {text: line, ansi: true}]));
      return;
    }
    // wrapHanging writes the prefix, then as many spaces, before each line's text.
    wrapHanging(markdown ? linksAsText(text) : text, room, head).forEach((line, i) => {
      this.push(indent, [...(i === 0 ? prefix : pad), seg(line.slice(head.length), token)]);
    });
  }

  tags(label: string, items: string[], indent: number): void {
    const prefix = `${label}: `;
    const room = this.width - indent - cellWidth(prefix);
    if (room < 8) {
      // Too narrow for a hanging list: the label on its own line, the tags below it.
      this.text(label + ':', indent, 'blockLabel');
      for (const line of wrapWords(items, Math.max(1, this.width - indent), this.separator)) this.push(indent, [seg(line)]);
      return;
    }
    wrapWords(items, room, this.separator).forEach((line, i) => {
      const head = i === 0 ? [seg(`${label}:`, 'blockLabel'), seg(' ')] : [seg(' '.repeat(cellWidth(prefix)))];
      this.push(indent, [...head, seg(line)]);
    });
  }

  blank(): void {
    if (this.out.length > 0 && this.out.at(-1)!.length > 0) this.out.push([]);
  }

  rule(title: string, char: string, indent = 0): void {
    const width = Math.min(cellWidth(title), this.width - indent);
    this.push(indent, [seg(char.repeat(Math.max(1, width)), 'border')]);
  }
}

/** Indentation never takes more than a quarter of the line, so narrow widths stay readable. */
function step(width: number): number {
  return width >= 30 ? 2 : 1;
}

const BULLET: Segment[] = [seg('-', 'bullet'), seg(' ')];

function renderBlock(lines: Lines, block: Block, indent: number, inner: number): void {
  switch (block.kind) {
    case 'text':
      if (block.label) lines.text(block.label, indent, 'blockLabel');
      lines.paragraph(block.text, block.label ? indent + inner : indent);
      break;
    case 'list':
      if (block.label) lines.text(block.label, indent, 'blockLabel');
      for (const item of block.items) lines.hanging(item, block.label ? indent + inner : indent, BULLET, undefined, true);
      break;
    case 'tags':
      lines.tags(block.label, block.items, indent);
      break;
    case 'link':
      lines.hanging(block.url, indent, [seg(`${block.label}:`, 'blockLabel'), seg(' ')], 'link');
      break;
  }
}

/** The token of an entry's heading: organizations and essays as the app's columns, the rest as its panels. */
const HEADING_TOKEN: Record<Entry['kind'], Token> = {organization: 'orgTitle', essay: 'orgTitle', project: 'panelTitle', item: 'panelTitle', part: 'panelTitle'};

function renderEntry(lines: Lines, entry: Entry, indent: number): void {
  const s = step(lines.width);
  lines.blank();
  const heading = itemHeading(entry);
  if (heading) lines.text(heading, indent, HEADING_TOKEN[entry.kind]);
  if (entry.kind === 'project' && heading) lines.rule(heading, '-', indent);
  if (entry.subtitle) lines.text(entry.subtitle, indent, 'muted');
  const facts = entryFacts(entry);
  if (facts) {
    // entryFacts joins them: `Backend Engineer · 2021.06 - present`.
    const role = entry.role ? [seg(entry.role, 'role')] : [];
    const period = entry.period ? [seg(entry.role ? `${lines.separator}${entry.period}` : entry.period, 'period')] : [];
    lines.styled([...role, ...period], indent);
  }
  entry.blocks.forEach((block, i) => {
    if (entry.kind === 'project' && i > 0) lines.blank();
    renderBlock(lines, block, indent, s);
  });
  const childIndent = entry.kind === 'organization' || entry.kind === 'essay' ? indent + s : indent;
  for (const child of entry.children) renderEntry(lines, child, childIndent);
}

/**
 * The plain text's lines with what each part is: the layout the plain text and the colored
 * print share. `inline` renders Markdown in paragraphs (the colored print's).
 */
export function renderStyledLines(doc: ResumeDocument, width: number, inline?: InlineWrap, separator?: string): StyledLine[] {
  const lines = new Lines(width, inline, separator);
  if (doc.name) lines.text(doc.name, 0, 'name');
  if (doc.label) lines.text(doc.label, 0, 'label');
  if (doc.greeting) lines.paragraph(doc.greeting, 0, 'greeting');
  if (doc.contacts.length > 0) {
    lines.blank();
    // Without a terminal there are no hyperlinks: a link's address is printed after its text.
    for (const contact of doc.contacts) {
      const line = contactLine(contact);
      lines.styled(line === contact.text ? [seg(line, contact.url ? 'link' : undefined)] : [seg(contact.text), seg(line.slice(contact.text.length), 'link')]);
    }
  }
  for (const section of doc.sections) {
    lines.blank();
    lines.blank();
    lines.out.push([]);
    lines.text(section.title, 0, 'heading');
    lines.rule(section.title, '=');
    for (const entry of section.entries) renderEntry(lines, entry, 0);
  }
  while (lines.out[0]?.length === 0) lines.out.shift();
  return lines.out;
}

/** Renders the whole document as plain text lines of at most `width` cells. */
export function renderPlainLines(doc: ResumeDocument, width: number, separator?: string): string[] {
  return renderStyledLines(doc, width, undefined, separator).map((line) => line.map((s) => s.text).join(''));
}

/** The plain text output, ending in a newline. */
export function renderPlain(doc: ResumeDocument, width: number, separator?: string): string {
  return renderPlainLines(doc, width, separator).join('\n') + '\n';
}
