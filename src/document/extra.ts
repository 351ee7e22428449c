import {formatDate, formatPeriod} from '../i18n/dates';
import {EXTRA_ENTRY, holdsEntries, isExtraKey} from '../resume/fields';
import type {Resume} from '../resume/types';
import {defined, linkBlock, listBlock, moreBlock, tagsBlock, textBlock, type Words} from './entries';
import type {Entry, Section} from './model';

/**
 * Nothing vanishes: a top-level key that is not a JSON Resume section (nor x-service, x-essays)
 * but holds entries or text is shown as a section of its own, after the standard ones, titled
 * from its key (`volunteers` → "Volunteers", `side_projects` → "Side Projects"). Its id is the
 * key (`--section certifications`, `meta["x-sectionTitles"].certifications`). Its entries were
 * read at load with the fields such sections use (src/resume/fields.ts EXTRA_ENTRY); each is an
 * item like an award's or a certificate's: a title, the organization under it, a role, a date or
 * period, its text, highlights, keywords and link, and whatever else it holds under "More".
 */

/** The keys whose entries are shown (their warning says so, src/resume/load.ts). */
export function extraKeys(resume: object): string[] {
  return Object.keys(resume).filter((key) => isExtraKey(key) && holdsEntries((resume as Record<string, unknown>)[key]));
}

/** `volunteers` → "Volunteers", `openSource` → "Open Source", `side_projects` → "Side Projects". */
export function titleOfKey(key: string): string {
  return key
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1))
    .join(' ');
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The fields that name an entry, in the order one is taken as its title. */
const TITLE_FIELDS = ['name', 'title', 'organization', 'institution', 'company'] as const;
/** The fields said under the title: who gave it, where it was. */
const SUBTITLE_FIELDS = ['organization', 'institution', 'company', 'issuer', 'awarder', 'publisher', 'event', 'venue', 'location'] as const;
const KNOWN = Object.keys(EXTRA_ENTRY.fields);

/** One entry of an extra section, read like the closest known shape: an item with a subtitle and a period. */
function extraEntry(entry: Record<string, unknown>, {labels, separator, dates, keywords}: Words): Entry {
  const titleKey = TITLE_FIELDS.find((key) => str(entry[key]));
  const role = str(entry.position) ?? str(entry.role);
  const title = titleKey ? str(entry[titleKey])! : (role ?? '');
  const subtitle = SUBTITLE_FIELDS.filter((key) => key !== titleKey).map((key) => str(entry[key])).filter(defined).join(separator) || undefined;
  const date = str(entry.date) ?? str(entry.releaseDate);
  const period = date ? formatDate(date, dates) : formatPeriod(str(entry.startDate), str(entry.endDate), dates);
  const blocks = [
    ...textBlock(str(entry.summary)),
    ...textBlock(str(entry.description)),
    ...listBlock(entry.highlights as string[] | undefined),
    ...tagsBlock(entry.keywords as string[] | undefined, keywords),
    ...linkBlock(str(entry.url)),
    ...moreBlock(entry, '', labels, KNOWN),
  ];
  // A role that is not the title is said under it, with the organization.
  const under = [subtitle, titleKey && role ? role : undefined].filter(defined).join(separator) || undefined;
  return {kind: 'item', title, subtitle: under, period, blocks, children: []};
}

/** The extra sections of a résumé, in the order of its keys, in the words (labels, dates) of the document. */
export function extraSections(resume: Resume, words: Words): Section[] {
  const custom: Partial<Record<string, string>> = resume.meta?.['x-sectionTitles'] ?? {};
  const sections: Section[] = [];
  for (const key of extraKeys(resume)) {
    const value = (resume as Record<string, unknown>)[key];
    let entries: Entry[];
    if (typeof value === 'string') entries = [{kind: 'item', title: '', blocks: textBlock(value), children: []}];
    else if ((value as unknown[]).every((item) => typeof item === 'string')) entries = [{kind: 'item', title: '', blocks: listBlock(value as string[]), children: []}];
    else entries = (value as Array<Record<string, unknown>>).map((entry) => extraEntry(entry, words));
    if (entries.length > 0) sections.push({id: key, title: custom[key] ?? titleOfKey(key), entries});
  }
  return sections;
}
