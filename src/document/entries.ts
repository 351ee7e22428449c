import {formatDate, formatPeriod} from '../resume/dates';
import type {Education, Project, Work} from '../resume/types';
import type {Block, Entry} from './model';

// The entries each section is made of, built from the résumé's own objects (src/document/sections.ts
// says which builder makes which section).

/** Labels of an entry's blocks, as the source names them. */
export const LABELS = {description: 'Description', highlights: 'What did I do', techStack: 'Tech Stack', keywords: 'Keywords', courses: 'Courses', score: 'Score'};

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

export function projectEntry(project: Project): Entry {
  return {
    kind: 'project',
    title: project.name ?? '',
    role: project.roles?.join(', ') || undefined,
    period: formatPeriod(project.startDate, project.endDate),
    blocks: [
      ...textBlock(project.description, LABELS.description),
      ...listBlock(project.highlights, LABELS.highlights),
      ...tagsBlock(project.keywords, LABELS.techStack),
      ...linkBlock(project.url),
    ],
    children: [],
  };
}

/** An employer, with the projects whose `entity` names it as its children. */
export function workEntry(work: Work, projects: Project[]): Entry {
  return {
    kind: 'organization',
    title: work.name ?? '',
    subtitle: [work.description, work.location].filter(defined).join(' · ') || undefined,
    role: work.position,
    period: formatPeriod(work.startDate, work.endDate),
    blocks: [...textBlock(work.summary), ...listBlock(work.highlights), ...linkBlock(work.url)],
    children: projects.filter((p) => p.entity === work.name).map(projectEntry),
  };
}

export function educationEntry(education: Education): Entry {
  const degree = education['x-title'] ?? ([education.studyType, education.area].filter(defined).join(' ') || undefined);
  const scoreLine = defined(education.score) ? [`${education['x-scoreLabel'] ?? LABELS.score}: ${education.score}`] : [];
  const items: Entry[] = [];
  if (defined(degree) || scoreLine.length > 0 || education.startDate || education.endDate) {
    items.push({
      kind: 'item',
      title: degree ?? '',
      period: formatPeriod(education.startDate, education.endDate, '~'),
      blocks: [...listBlock(scoreLine), ...tagsBlock(education.courses, LABELS.courses)],
      children: [],
    });
  }
  for (const position of education['x-positions'] ?? []) {
    items.push({kind: 'item', title: position.title, period: formatPeriod(position.startDate, position.endDate, '~'), blocks: [], children: []});
  }
  return {kind: 'organization', title: education.institution ?? '', blocks: linkBlock(education.url), children: items};
}

/** A one-line item: a title, a line under it, a date, and its blocks. */
export function item(title: string | undefined, subtitle: string | undefined, date: string | undefined, blocks: Block[]): Entry {
  return {kind: 'item', title: title ?? '', subtitle, period: date ? formatDate(date) : undefined, blocks, children: []};
}
