import {dateStyleOf} from '../i18n/dates';
import {labelSetFor} from '../i18n/labels';
import {resolveLanguage} from '../i18n/language';
import type {Resume} from '../resume/types';
import {defined, labelsOf} from './entries';
import {RESUME_FIELDS} from '../resume/fields';
import {placeOf, textOf} from '../resume/normalize';
import {extraSections} from './extra';
import type {Block, Contact, Entry, ResumeDocument, Section} from './model';
import {SECTIONS, type SectionId} from './sections';
import {SEPARATOR} from './present';

export {resumeSection} from './sections';

/**
 * Builds the document every view renders, and decides its words once: the résumé's language
 * (`language`, the --lang flag, first: src/i18n/language.ts) picks the labels, section titles and
 * date style (src/i18n/), and what the résumé's meta says itself wins over them. Pure: the same
 * résumé and options always give the same document. `separator` joins two facts in a subtitle
 * (the app in ASCII gives its own, src/theme/glyphs.ts); `ascii` makes the language's dash between
 * two dates ASCII too (`-`).
 */
export function toDocument(resume: Resume, separator = SEPARATOR, {language, ascii = false}: {language?: string; ascii?: boolean} = {}): ResumeDocument {
  const tag = resolveLanguage(resume, language).tag;
  const {set} = labelSetFor(tag);
  const labels = labelsOf(resume, set.labels);
  const meta = resume.meta;
  const custom: Partial<Record<string, string>> = meta?.['x-sectionTitles'] ?? {};
  const sections: Section[] = [];
  for (const spec of SECTIONS) {
    const dates = dateStyleOf(tag, set, labels.present, meta?.['x-dates'], spec.id, ascii);
    const entries = spec.build(resume, {separator, labels, keywords: set.labels.keywords, dates});
    if (entries.length > 0) sections.push({id: spec.id, title: custom[spec.id] ?? set.titles[spec.id] ?? spec.title, entries});
  }
  // Then the résumé's own sections under other names: nothing it holds vanishes.
  sections.push(...extraSections(resume, {separator, labels, keywords: set.labels.keywords, dates: dateStyleOf(tag, set, labels.present, meta?.['x-dates'], undefined, ascii)}));
  const basics = resume.basics ?? {};
  return oneLineFields({
    name: basics.name ?? '',
    label: basics.label,
    greeting: basics.summary,
    contacts: contactsOf(resume),
    sections,
    language: tag,
  });
}

/** Whether a document has nothing at all to show: no name, no basics, no section. */
export function isEmptyDocument(doc: ResumeDocument): boolean {
  return !doc.name && !doc.label && !doc.greeting && doc.contacts.length === 0 && doc.sections.length === 0;
}

/** What is said, on stderr and on the app's screen, about a document with nothing to show. */
export function nothingToShow(file: string): string {
  return `${file} has nothing to show: no JSON Resume basics or sections with content`;
}

/** The default title of each section, by id (the sections table's). */
export const DEFAULT_TITLES = Object.fromEntries(SECTIONS.map((s) => [s.id, s.title])) as Record<SectionId, string>;

/** A field shown on one line: line breaks (and the spaces around them) become one space. */
const oneLine = <T extends string | undefined>(text: T): T => (text === undefined || !text.includes('\n') ? text : (text.replace(/\s*\n\s*/g, ' ') as T));

/** `items` with `f` applied to each; the same array when `f` changes none (most of a document). */
function mapSame<T>(items: T[], f: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const mapped = f(item);
    if (mapped !== item) (out ??= items.slice())[i] = mapped;
  }
  return out ?? items;
}

/**
 * Only paragraphs (text blocks, list items, the greeting) keep their line breaks: a name, title,
 * role, period, tag or link with one would break a heading, a badge or the header apart. An entry
 * or block without a line break in those fields is kept as built, not copied: a thousand projects
 * are not built twice.
 */
function oneLineFields(doc: ResumeDocument): ResumeDocument {
  const block = (b: Block): Block => {
    if (b.kind === 'tags') {
      const [label, items] = [oneLine(b.label), mapSame(b.items, oneLine)];
      return label === b.label && items === b.items ? b : {...b, label, items};
    }
    if (b.kind === 'link') {
      const [label, url] = [oneLine(b.label), oneLine(b.url)];
      return label === b.label && url === b.url ? b : {...b, label, url};
    }
    const label = oneLine(b.label);
    return label === b.label ? b : {...b, label};
  };
  const entry = (e: Entry): Entry => {
    const changed = {title: oneLine(e.title), subtitle: oneLine(e.subtitle), role: oneLine(e.role), period: oneLine(e.period), blocks: mapSame(e.blocks, block), children: mapSame(e.children, entry)};
    const same = changed.title === e.title && changed.subtitle === e.subtitle && changed.role === e.role && changed.period === e.period && changed.blocks === e.blocks && changed.children === e.children;
    return same ? e : {...e, ...changed};
  };
  return {
    ...doc,
    name: oneLine(doc.name),
    label: oneLine(doc.label),
    contacts: doc.contacts.map((c) => ({...c, text: oneLine(c.text), url: oneLine(c.url)})),
    sections: doc.sections.map((section) => ({...section, title: oneLine(section.title), entries: mapSame(section.entries, entry)})),
  };
}

function contactsOf(resume: Resume): Contact[] {
  const basics = resume.basics ?? {};
  const contacts: Contact[] = [];
  if (defined(basics.email)) contacts.push({kind: 'email', text: basics.email, url: `mailto:${basics.email}`});
  if (defined(basics.phone)) contacts.push({kind: 'phone', text: basics.phone});
  if (defined(basics.url)) contacts.push({kind: 'url', text: basics.url, url: basics.url});
  const location = basics.location;
  // In full, as an address is written: street, postal code, city, region, country.
  const place = location ? placeOf(location) : '';
  if (place) contacts.push({kind: 'location', text: place});
  for (const profile of basics.profiles ?? []) {
    // A username that is the profile's address (or any address) is shown once, as the address.
    const username = defined(profile.username) && (profile.username === profile.url || /^(https?:\/\/|www\.)/i.test(profile.username)) ? undefined : profile.username;
    const text = [profile.network, username ?? profile.url ?? profile.username].filter(defined).join(': ');
    if (text) contacts.push({kind: 'profile', text, url: profile.url ?? (username ? undefined : profile.username)});
  }
  // Fields of basics the viewer does not know (`basics.github`): listed after the rest, as written.
  const known = (RESUME_FIELDS.fields.basics as {object: {fields: Record<string, unknown>}}).object.fields;
  for (const [key, value] of Object.entries(basics)) {
    const text = key in known ? '' : textOf(value);
    if (text.trim() !== '') contacts.push({kind: 'other', text: `${key}: ${text}`});
  }
  return contacts;
}
