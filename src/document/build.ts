import {formatDate, formatPeriod} from '../resume/dates';
import type {Education, Project, Resume, Work} from '../resume/types';
import type {Block, Contact, Entry, ResumeDocument, Section} from './model';

/** Default section titles; `meta["x-sectionTitles"]` overrides any of them. */
export const DEFAULT_TITLES: Record<string, string> = {
  work: 'Work Experience',
  projects: 'Projects',
  volunteer: 'Volunteer',
  personal: 'Education',
  awards: 'Awards',
  certificates: 'Certificates',
  publications: 'Publications',
  skills: 'Skills',
  languages: 'Languages',
  interests: 'Interests',
  references: 'References',
  essays: 'Essays',
};

/** Labels of a project's blocks, as the source names them. */
export const LABELS = {description: 'Description', highlights: 'What did I do', techStack: 'Tech Stack', keywords: 'Keywords', courses: 'Courses', score: 'Score'};

const defined = <T>(value: T | undefined | null | ''): value is T => value !== undefined && value !== null && value !== '';

function textBlock(text: string | undefined, label?: string): Block[] {
  return defined(text) ? [{kind: 'text', label, text}] : [];
}
function listBlock(items: string[] | undefined, label?: string): Block[] {
  return items && items.length > 0 ? [{kind: 'list', label, items}] : [];
}
function tagsBlock(items: string[] | undefined, label: string): Block[] {
  return items && items.length > 0 ? [{kind: 'tags', label, items}] : [];
}
function linkBlock(url: string | undefined, label = 'URL'): Block[] {
  return defined(url) ? [{kind: 'link', label, url}] : [];
}

function projectEntry(project: Project): Entry {
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

function workEntry(work: Work, projects: Project[]): Entry {
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

function educationEntry(education: Education): Entry {
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

/** Builds the document every view renders. Pure: the same résumé always gives the same document. */
export function toDocument(resume: Resume): ResumeDocument {
  const titles = {...DEFAULT_TITLES, ...resume.meta?.['x-sectionTitles']};
  const projects = resume.projects ?? [];
  const work = resume.work ?? [];
  const employers = new Set(work.map((w) => w.name).filter(defined));
  const sections: Section[] = [];
  const add = (id: string, entries: Entry[]) => {
    if (entries.length > 0) sections.push({id, title: titles[id] ?? id, entries});
  };

  add('work', work.map((w) => workEntry(w, projects)));
  add('projects', projects.filter((p) => !defined(p.entity) || !employers.has(p.entity)).map(projectEntry));
  add('volunteer', (resume.volunteer ?? []).map((v) => ({
    kind: 'organization' as const,
    title: v.organization ?? '',
    role: v.position,
    period: formatPeriod(v.startDate, v.endDate),
    blocks: [...textBlock(v.summary), ...listBlock(v.highlights), ...linkBlock(v.url)],
    children: [],
  })));
  add('personal', [
    ...(resume.education ?? []).map(educationEntry),
    ...(resume['x-service'] ?? []).map((s): Entry => ({
      kind: 'organization',
      title: s.organization,
      blocks: [],
      children: [{kind: 'item', title: s.position ?? '', period: formatPeriod(s.startDate, s.endDate, '~'), blocks: [], children: []}],
    })),
  ]);
  add('awards', (resume.awards ?? []).map((a) => item(a.title, a.awarder, a.date, [...textBlock(a.summary)])));
  add('certificates', (resume.certificates ?? []).map((c) => item(c.name, c.issuer, c.date, linkBlock(c.url))));
  add('publications', (resume.publications ?? []).map((p) => item(p.name, p.publisher, p.releaseDate, [...textBlock(p.summary), ...linkBlock(p.url)])));
  add('skills', (resume.skills ?? []).map((s) => item(s.name, s.level, undefined, tagsBlock(s.keywords, LABELS.keywords))));
  add('languages', (resume.languages ?? []).map((l) => item(l.language, l.fluency, undefined, [])));
  add('interests', (resume.interests ?? []).map((i) => item(i.name, undefined, undefined, tagsBlock(i.keywords, LABELS.keywords))));
  add('references', (resume.references ?? []).map((r) => item(r.name, undefined, undefined, textBlock(r.reference))));
  add('essays', (resume['x-essays'] ?? []).map((essay) => ({
    kind: 'essay' as const,
    title: essay.title,
    blocks: [],
    children: essay.entries.map((part): Entry => ({kind: 'part', title: part.title ?? '', blocks: textBlock(part.body), children: []})),
  })));

  const basics = resume.basics ?? {};
  return oneLineFields({
    name: basics.name ?? '',
    label: basics.label,
    greeting: basics.summary,
    contacts: contactsOf(resume),
    sections,
  });
}

/** A field shown on one line: line breaks (and the spaces around them) become one space. */
const oneLine = <T extends string | undefined>(text: T): T => (text === undefined ? text : (text.replace(/\s*\n\s*/g, ' ') as T));

/**
 * Only paragraphs (text blocks, list items, the greeting) keep their line breaks: a name, title,
 * role, period, tag or link with one would break a heading, a badge or the header apart.
 */
function oneLineFields(doc: ResumeDocument): ResumeDocument {
  const block = (b: Block): Block => {
    if (b.kind === 'tags') return {...b, label: oneLine(b.label), items: b.items.map(oneLine)};
    if (b.kind === 'link') return {...b, label: oneLine(b.label), url: oneLine(b.url)};
    return {...b, label: oneLine(b.label)};
  };
  const entry = (e: Entry): Entry => ({
    ...e,
    title: oneLine(e.title),
    subtitle: oneLine(e.subtitle),
    role: oneLine(e.role),
    period: oneLine(e.period),
    blocks: e.blocks.map(block),
    children: e.children.map(entry),
  });
  return {
    ...doc,
    name: oneLine(doc.name),
    label: oneLine(doc.label),
    contacts: doc.contacts.map((c) => ({...c, text: oneLine(c.text), url: oneLine(c.url)})),
    sections: doc.sections.map((section) => ({...section, title: oneLine(section.title), entries: section.entries.map(entry)})),
  };
}

function item(title: string | undefined, subtitle: string | undefined, date: string | undefined, blocks: Block[]): Entry {
  return {kind: 'item', title: title ?? '', subtitle, period: date ? formatDate(date) : undefined, blocks, children: []};
}

function contactsOf(resume: Resume): Contact[] {
  const basics = resume.basics ?? {};
  const contacts: Contact[] = [];
  if (defined(basics.email)) contacts.push({kind: 'email', text: basics.email, url: `mailto:${basics.email}`});
  if (defined(basics.phone)) contacts.push({kind: 'phone', text: basics.phone});
  if (defined(basics.url)) contacts.push({kind: 'url', text: basics.url, url: basics.url});
  const location = basics.location;
  const place = location ? [location.city, location.region, location.countryCode].filter(defined).join(', ') : '';
  if (place) contacts.push({kind: 'location', text: place});
  for (const profile of basics.profiles ?? []) {
    const text = [profile.network, profile.username ?? profile.url].filter(defined).join(': ');
    if (text) contacts.push({kind: 'profile', text, url: profile.url});
  }
  return contacts;
}

/** The résumé keys each section is built from (for printing one section as JSON Resume). */
export const SECTION_KEYS: Record<string, Array<keyof Resume>> = {
  work: ['work', 'projects'],
  projects: ['projects'],
  volunteer: ['volunteer'],
  personal: ['education', 'x-service'],
  awards: ['awards'],
  certificates: ['certificates'],
  publications: ['publications'],
  skills: ['skills'],
  languages: ['languages'],
  interests: ['interests'],
  references: ['references'],
  essays: ['x-essays'],
};

/** The résumé with basics, meta and only the data of one section: still a valid JSON Resume. */
export function resumeSection(resume: Resume, id: string): Resume {
  const keep = new Set<string>(['$schema', 'basics', 'meta', ...(SECTION_KEYS[id] ?? [])]);
  return Object.fromEntries(Object.entries(resume).filter(([key]) => keep.has(key))) as Resume;
}
