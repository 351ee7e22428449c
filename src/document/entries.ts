import {formatDate, formatPeriod, type DateStyle} from '../i18n/dates';
import {ENGLISH, type Labels} from '../i18n/labels';
import {entryFields} from '../resume/fields';
import {textOf} from '../resume/normalize';
import type {Education, Project, Resume, Work} from '../resume/types';
import type {Block, Entry} from './model';

// The entries each section is made of, built from the résumé's own objects (src/document/sections.ts
// says which builder makes which section).

export type {Labels} from '../i18n/labels';

/** The words an entry is built with, decided once per document and section by toDocument. */
export interface Words {
  /** Joins two facts in a subtitle (document/present.ts SEPARATOR, or ASCII's). */
  separator: string;
  /** The language's labels, with meta["x-labels"] over them. */
  labels: Labels;
  /** A skill's or an interest's keywords: the language's label (meta["x-labels"].keywords names a project's). */
  keywords: string;
  dates: DateStyle;
}

/** English labels, JSON Resume's own words for its fields. */
export const DEFAULT_LABELS: Readonly<Labels> = Object.freeze({...ENGLISH.labels});

/**
 * The labels a résumé asks for (`meta["x-labels"]`, README "Editing the résumé"), the language's
 * (`base`) for the rest.
 */
export function labelsOf(resume: Resume, base: Readonly<Labels> = DEFAULT_LABELS): Labels {
  const custom: unknown = resume.meta?.['x-labels'];
  const labels = {...base};
  if (custom && typeof custom === 'object') {
    for (const key of Object.keys(labels) as Array<keyof Labels>) {
      const value = (custom as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim() !== '') labels[key] = value;
    }
  }
  return labels;
}

/**
 * The fields of an entry that the viewer does not know, as `key: value` lines under "More": a
 * résumé's own additions are shown, never dropped. `section` is the entry's top-level key.
 */
export function moreBlock(object: object, section: string, labels: Labels, skip: readonly string[] = []): Block[] {
  const known = entryFields(section);
  // A loop rather than a chain of entries/filter/map: it runs for every entry, a thousand projects included.
  const items: string[] = [];
  for (const key of Object.keys(object)) {
    if ((known && key in known.fields) || skip.includes(key)) continue;
    const text = textOf((object as Record<string, unknown>)[key]);
    if (text.trim() !== '') items.push(`${key}: ${text}`);
  }
  return listBlock(items, labels.more);
}

export const defined = <T>(value: T | undefined | null | ''): value is T => value !== undefined && value !== null && value !== '';

export function textBlock(text: string | undefined, label?: string): Block[] {
  return defined(text) ? [{kind: 'text', label, text}] : [];
}
export function listBlock(items: string[] | undefined, label?: string): Block[] {
  return items && items.length > 0 ? [{kind: 'list', label, items}] : [];
}
export function tagsBlock(items: string[] | undefined, label: string): Block[] {
  return items && items.length > 0 ? [{kind: 'tags', label, items}] : [];
}
export function linkBlock(url: string | undefined, label = 'URL'): Block[] {
  return defined(url) ? [{kind: 'link', label, url}] : [];
}

/**
 * A project. Its `entity` is said under its title when it is not shown under that employer
 * already (`underEmployer`), and so is its `type`.
 */
export function projectEntry(project: Project, {separator, labels, dates}: Words, underEmployer = false): Entry {
  return {
    kind: 'project',
    title: project.name ?? '',
    subtitle: [underEmployer ? undefined : project.entity, project.type].filter(defined).join(separator) || undefined,
    role: project.roles?.join(', ') || undefined,
    period: formatPeriod(project.startDate, project.endDate, dates),
    // concat, not spreads: this runs for every project, cold, where a spread steps an iterator.
    blocks: textBlock(project.description, labels.description).concat(
      listBlock(project.highlights, labels.highlights),
      tagsBlock(project.keywords, labels.keywords),
      linkBlock(project.url),
      moreBlock(project, 'projects', labels),
    ),
    children: [],
  };
}

/** An employer, with the projects whose `entity` names it as its children. */
export function workEntry(work: Work, projects: Project[], words: Words): Entry {
  return {
    kind: 'organization',
    title: work.name ?? '',
    subtitle: [work.description, work.location].filter(defined).join(words.separator) || undefined,
    role: work.position,
    period: formatPeriod(work.startDate, work.endDate, words.dates),
    blocks: [...textBlock(work.summary), ...listBlock(work.highlights), ...linkBlock(work.url), ...moreBlock(work, 'work', words.labels)],
    children: projects.filter((p) => defined(work.name) && p.entity === work.name).map((p) => projectEntry(p, words, true)),
  };
}

export function educationEntry(education: Education, {labels, dates}: Words): Entry {
  // "Bachelor, Computer Science": the degree, then its field.
  const degree = education['x-title'] ?? ([education.studyType, education.area].filter(defined).join(', ') || undefined);
  const scoreLine = defined(education.score) ? [`${education['x-scoreLabel'] ?? labels.score}: ${education.score}`] : [];
  const items: Entry[] = [];
  if (defined(degree) || scoreLine.length > 0 || education.startDate || education.endDate) {
    items.push({
      kind: 'item',
      title: degree ?? '',
      period: formatPeriod(education.startDate, education.endDate, dates),
      blocks: [...listBlock(scoreLine), ...tagsBlock(education.courses, labels.courses)],
      children: [],
    });
  }
  for (const position of education['x-positions'] ?? []) {
    items.push({kind: 'item', title: position.title ?? '', period: formatPeriod(position.startDate, position.endDate, dates), blocks: [], children: []});
  }
  return {kind: 'organization', title: education.institution ?? '', blocks: [...linkBlock(education.url), ...moreBlock(education, 'education', labels)], children: items};
}

/** A one-line item: a title, a line under it, a date, and its blocks. */
export function item(title: string | undefined, subtitle: string | undefined, date: string | undefined, blocks: Block[], dates: DateStyle): Entry {
  return {kind: 'item', title: title ?? '', subtitle, period: date ? formatDate(date, dates) : undefined, blocks, children: []};
}
