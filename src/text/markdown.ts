import type {Block, Entry, ResumeDocument} from '../document/model';
import {entryFacts, itemHeading} from '../document/present';
import {TAG_SEPARATOR} from './plain';

/**
 * The résumé as GitHub-flavoured Markdown. Data is escaped so that a `*` or `<b>` in a
 * description shows as written instead of becoming markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~]/g, '\\$&')
    .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
    .replace(/^(\s*\d+)([.)])(\s)/gm, '$1\\$2$3');
}

/**
 * A heading's text. A heading ends at the end of its line: a newline in a title (a bare CR in
 * the data becomes one when sanitized) would leave the rest as a paragraph under a cut heading.
 */
function headingText(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '));
}

/** A line of text inside a list item or paragraph: newlines become hard breaks. */
function inline(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, '  \n');
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'text':
      return [...(b.label ? [`**${escapeMarkdown(b.label)}**`] : []), inline(b.text)];
    case 'list':
      return [...(b.label ? [`**${escapeMarkdown(b.label)}**`] : []), b.items.map((item) => `- ${inline(item)}`).join('\n')];
    case 'tags':
      return [`**${escapeMarkdown(b.label)}:** ${b.items.map(escapeMarkdown).join(TAG_SEPARATOR)}`];
    case 'link':
      return [`**${escapeMarkdown(b.label)}:** <${b.url.replace(/[<>\s]/g, encodeURIComponent)}>`];
  }
}

function entry(e: Entry, level: number): string[] {
  const out: string[] = [];
  if (e.kind === 'item') {
    const heading = itemHeading(e);
    if (heading) out.push(`**${inline(heading)}**`);
    if (e.subtitle) out.push(inline(e.subtitle));
  } else {
    if (e.title) out.push(`${'#'.repeat(level)} ${headingText(e.title)}`);
    if (e.subtitle) out.push(inline(e.subtitle));
    const facts = entryFacts(e);
    if (facts) out.push(e.role ? `**${inline(e.role)}**${e.period ? ` · ${inline(e.period)}` : ''}` : inline(facts));
  }
  for (const b of e.blocks) out.push(...block(b));
  for (const child of e.children) out.push(...entry(child, level + 1));
  return out;
}

/** Renders the document as Markdown (paragraphs separated by blank lines), ending in a newline. */
export function renderMarkdown(doc: ResumeDocument): string {
  const out: string[] = [];
  if (doc.name) out.push(`# ${headingText(doc.name)}`);
  if (doc.label) out.push(`**${inline(doc.label)}**`);
  if (doc.greeting) out.push(inline(doc.greeting));
  if (doc.contacts.length > 0) {
    out.push(doc.contacts.map((c) => `- ${c.url && /^(https?|mailto):/.test(c.url) ? `[${escapeMarkdown(c.text)}](<${c.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : inline(c.text)}`).join('\n'));
  }
  for (const section of doc.sections) {
    out.push(`## ${headingText(section.title)}`);
    section.entries.forEach((e, i) => {
      if (i > 0) out.push('---');
      out.push(...entry(e, 3));
    });
  }
  return out.join('\n\n') + '\n';
}
