import {formatDate, formatPeriod} from '../resume/dates';
import {entryFields} from '../resume/fields';
import {textOf} from '../resume/normalize';
import type {Education, Project, Resume, Work} from '../resume/types';
import type {Block, Entry} from './model';
import {SEPARATOR} from './present';

// The entries each section is made of, built from the résumé's own objects (src/document/sections.ts
// says which builder makes which section).

/**
 * Labels of an entry's blocks: JSON Resume's own words for its fields, unless the résumé's
 * `meta["x-labels"]` names them otherwise (README, "Editing the résumé").
 */
export interface Labels {
  /** A project's `description`. */
  description: string;
  /** A project's `highlights`. */
  highlights: string;
  /** A project's `keywords` (a skill's and an interest's keep the default). */
  keywords: string;
  /** An education's `courses`. */
  courses: string;
  /** Fields the viewer does not know, listed after the ones it does. */
  more: string;
}

export const DEFAULT_LABELS: Readonly<Labels> = Object.freeze({description: 'Summary', highlights: 'Highlights', keywords: 'Keywords', courses: 'Courses', more: 'More'});

/** The labels a résumé asks for (`meta["x-labels"]`), the defaults for the rest. */
export function labelsOf(resume: Resume): Labels {
  const custom: unknown = resume.meta?.['x-labels'];
  const labels = {...DEFAULT_LABELS};
  if (custom && typeof custom === 'object') {
    for (const key of Object.keys(labels) as Array<keyof Labels>) {
      const value = (custom as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim() !== '') labels[key] = value;
    }
  }
  return labels;
}

/** The label in front of an education's score, unless `x-scoreLabel` says otherwise. */
const SCORE_LABEL = 'Score';

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
export function projectEntry(project: Project, labels: Labels, underEmployer = false, separator = SEPARATOR): Entry {
  return {
    kind: 'project',
    title: project.name ?? '',
    subtitle: [underEmployer ? undefined : project.entity, project.type].filter(defined).join(separator) || undefined,
    role: project.roles?.join(', ') || undefined,
    period: formatPeriod(project.startDate, project.endDate),
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
export function workEntry(work: Work, projects: Project[], labels: Labels, separator = SEPARATOR): Entry {
  return {
    kind: 'organization',
    title: work.name ?? '',
    subtitle: [work.description, work.location].filter(defined).join(separator) || undefined,
    role: work.position,
    period: formatPeriod(work.startDate, work.endDate),
    blocks: [...textBlock(work.summary), ...listBlock(work.highlights), ...linkBlock(work.url), ...moreBlock(work, 'work', labels)],
    children: projects.filter((p) => defined(work.name) && p.entity === work.name).map((p) => projectEntry(p, labels, true, separator)),
  };
}

export function educationEntry(education: Education, labels: Labels): Entry {
  // "Bachelor, Computer Science": the degree, then its field.
  const degree = education['x-title'] ?? ([education.studyType, education.area].filter(defined).join(', ') || undefined);
  const scoreLine = defined(education.score) ? [`${education['x-scoreLabel'] ?? SCORE_LABEL}: ${education.score}`] : [];
  const items: Entry[] = [];
  if (defined(degree) || scoreLine.length > 0 || education.startDate || education.endDate) {
    items.push({
      kind: 'item',
      title: degree ?? '',
      period: formatPeriod(education.startDate, education.endDate, '~'),
      blocks: [...listBlock(scoreLine), ...tagsBlock(education.courses, labels.courses)],
      children: [],
    });
  }
  for (const position of education['x-positions'] ?? []) {
    items.push({kind: 'item', title: position.title ?? '', period: formatPeriod(position.startDate, position.endDate, '~'), blocks: [], children: []});
  }
  return {kind: 'organization', title: education.institution ?? '', blocks: [...linkBlock(education.url), ...moreBlock(education, 'education', labels)], children: items};
}

/** A one-line item: a title, a line under it, a date, and its blocks. */
export function item(title: string | undefined, subtitle: string | undefined, date: string | undefined, blocks: Block[]): Entry {
  return {kind: 'item', title: title ?? '', subtitle, period: date ? formatDate(date) : undefined, blocks, children: []};
}
