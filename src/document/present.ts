import type {Entry} from './model';

/**
 * How the document is presented, decided once for every view (plain text, Markdown, the colored
 * print, the app): which entries fold, the one-line facts of an entry, an item's heading, how a
 * count reads, and how names are compared.
 */

/** Names and queries compared as a reader means them: NFC, lower case (`--tech`, `t`, search). */
export const fold = (text: string): string => text.normalize('NFC').toLowerCase();

/** A project with details beyond its badges folds to its title and badges (Enter, `z`). */
export const isFoldable = (entry: Entry): boolean => entry.kind === 'project' && entry.blocks.some((b) => b.kind !== 'tags');

/** What joins two facts on one line: `Engineer · 2021`. The app in ASCII joins them with ` - ` (src/theme/glyphs.ts). */
export const SEPARATOR = ' · ';

/** `role · period`: the one-line facts under an entry's title (items carry the period in their heading). */
export function entryFacts(entry: Entry, separator = SEPARATOR): string | undefined {
  if (entry.kind === 'item') return undefined;
  return [entry.role, entry.period].filter(Boolean).join(separator) || undefined;
}

/** An item's heading as the source writes it: `AI 융합학부생 (2017.03 ~ 2022.06)`. */
export function itemHeading(entry: Entry): string {
  if (entry.kind !== 'item' || !entry.period) return entry.title;
  return entry.title ? `${entry.title} (${entry.period})` : entry.period;
}

/** `1 project`, `5 projects`. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
