import type {Entry, ResumeDocument} from '../document/model';

/** Text that may hold inline Markdown: emphasis, code, links. Anything else is wrapped as it is. */
export const MARKDOWN_HINT = /[*_`]|\[[^\]]*\]\(/;

/** Whether any paragraph or list item of the document, the greeting (basics.summary) included, looks like Markdown (then the renderer is worth loading). */
export function hasMarkdown(doc: ResumeDocument): boolean {
  if (doc.greeting && MARKDOWN_HINT.test(doc.greeting)) return true;
  const visit = (entries: Entry[]): boolean =>
    entries.some(
      (e) => e.blocks.some((b) => (b.kind === 'text' && MARKDOWN_HINT.test(b.text)) || (b.kind === 'list' && b.items.some((item) => MARKDOWN_HINT.test(item)))) || visit(e.children),
    );
  return doc.sections.some((s) => visit(s.entries));
}
