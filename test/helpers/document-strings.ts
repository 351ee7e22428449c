import type {Block, Entry, ResumeDocument} from '../../src/document/model';
import {itemHeading} from '../../src/document/present';

/** Inline marks as their words: `**Kafka**` → `Kafka`, `[site](https://…)` → `site`. */
const words = (text: string): string =>
  text
    .replace(/\[((?:\\.|[^\\\]])*)\]\([^()\s]+\)/g, (_, shown: string) => shown.replace(/\\([\\[\]])/g, '$1'))
    .replace(/\*\*(\S(?:.*?\S)?)\*\*|\*(\S(?:.*?\S)?)\*|`([^`]+)`/g, (_, a, b, c) => a ?? b ?? c);

const blockStrings = (b: Block): string[] => {
  switch (b.kind) {
    case 'text':
      return [b.label ?? '', words(b.text)];
    case 'list':
      return [b.label ?? '', ...b.items.map(words)];
    case 'tags':
      return [b.label, ...b.items];
    case 'link':
      return [b.label, b.url];
  }
};

const entryStrings = (e: Entry): string[] => [itemHeading(e), e.subtitle ?? '', e.role ?? '', e.period ?? '', ...e.blocks.flatMap(blockStrings), ...e.children.flatMap(entryStrings)];

/** Every string the résumé shows, one per line of text, as words (what a PDF of the page must hold). */
export function documentStrings(doc: ResumeDocument): string[] {
  const all = [doc.name, doc.label ?? '', words(doc.greeting ?? ''), ...doc.contacts.map((c) => c.text), ...doc.sections.flatMap((s) => [s.title, ...s.entries.flatMap(entryStrings)])];
  return [...new Set(all.flatMap((s) => s.split('\n')).map((s) => s.trim()).filter(Boolean))];
}
