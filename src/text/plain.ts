import type {Block, Entry, ResumeDocument} from '../document/model';
import {contactLine} from '../document/select';
import {entryFacts, itemHeading} from '../document/present';
import {cellWidth, wrapHanging, wrapText, wrapWords} from './width';

/**
 * The résumé as plain text: no escape codes, every line at most `width` cells, nothing dropped.
 * Used for pipes and redirects (`kim-resume | less`, `> cv.txt`).
 */

/** How a list of tags is joined in text: `FastAPI · Trino · Redis`. */
export const TAG_SEPARATOR = ' · ';

class Lines {
  readonly out: string[] = [];
  constructor(readonly width: number) {}

  /** Adds wrapped `text` at `indent` spaces. */
  text(text: string, indent = 0): void {
    const pad = ' '.repeat(indent);
    for (const line of wrapText(text, Math.max(1, this.width - indent))) this.out.push(pad + line);
  }

  hanging(text: string, indent: number, prefix: string): void {
    const pad = ' '.repeat(indent);
    for (const line of wrapHanging(text, Math.max(1, this.width - indent), prefix)) this.out.push(pad + line);
  }

  tags(label: string, items: string[], indent: number): void {
    const pad = ' '.repeat(indent);
    const prefix = `${label}: `;
    const room = this.width - indent - cellWidth(prefix);
    if (room < 8) {
      // Too narrow for a hanging list: the label on its own line, the tags below it.
      this.out.push(...wrapText(label + ':', this.width - indent).map((l) => pad + l));
      for (const line of wrapWords(items, Math.max(1, this.width - indent), TAG_SEPARATOR)) this.out.push(pad + line);
      return;
    }
    wrapWords(items, room, TAG_SEPARATOR).forEach((line, i) => {
      this.out.push(pad + (i === 0 ? prefix : ' '.repeat(cellWidth(prefix))) + line);
    });
  }

  blank(): void {
    if (this.out.length > 0 && this.out.at(-1) !== '') this.out.push('');
  }

  rule(title: string, char: string, indent = 0): void {
    const width = Math.min(cellWidth(title), this.width - indent);
    this.out.push(' '.repeat(indent) + char.repeat(Math.max(1, width)));
  }
}

/** Indentation never takes more than a quarter of the line, so narrow widths stay readable. */
function step(width: number): number {
  return width >= 30 ? 2 : 1;
}

function renderBlock(lines: Lines, block: Block, indent: number, inner: number): void {
  switch (block.kind) {
    case 'text':
      if (block.label) lines.text(block.label, indent);
      lines.text(block.text, block.label ? indent + inner : indent);
      break;
    case 'list':
      if (block.label) lines.text(block.label, indent);
      for (const item of block.items) lines.hanging(item, block.label ? indent + inner : indent, '- ');
      break;
    case 'tags':
      lines.tags(block.label, block.items, indent);
      break;
    case 'link':
      lines.hanging(block.url, indent, `${block.label}: `);
      break;
  }
}

function renderEntry(lines: Lines, entry: Entry, indent: number): void {
  const s = step(lines.width);
  lines.blank();
  const heading = itemHeading(entry);
  if (heading) lines.text(heading, indent);
  if (entry.kind === 'project' && heading) lines.rule(heading, '-', indent);
  if (entry.subtitle) lines.text(entry.subtitle, indent);
  const facts = entryFacts(entry);
  if (facts) lines.text(facts, indent);
  entry.blocks.forEach((block, i) => {
    if (entry.kind === 'project' && i > 0) lines.blank();
    renderBlock(lines, block, indent, s);
  });
  const childIndent = entry.kind === 'organization' || entry.kind === 'essay' ? indent + s : indent;
  for (const child of entry.children) renderEntry(lines, child, childIndent);
}

/** Renders the whole document as plain text lines of at most `width` cells. */
export function renderPlainLines(doc: ResumeDocument, width: number): string[] {
  const lines = new Lines(width);
  if (doc.name) lines.text(doc.name);
  if (doc.label) lines.text(doc.label);
  if (doc.greeting) lines.text(doc.greeting);
  if (doc.contacts.length > 0) {
    lines.blank();
    // Without a terminal there are no hyperlinks: a link's address is printed after its text.
    for (const contact of doc.contacts) lines.text(contactLine(contact));
  }
  for (const section of doc.sections) {
    lines.blank();
    lines.blank();
    lines.out.push('');
    lines.text(section.title);
    lines.rule(section.title, '=');
    for (const entry of section.entries) renderEntry(lines, entry, 0);
  }
  while (lines.out[0] === '') lines.out.shift();
  return lines.out;
}

/** The plain text output, ending in a newline. */
export function renderPlain(doc: ResumeDocument, width: number): string {
  return renderPlainLines(doc, width).join('\n') + '\n';
}
