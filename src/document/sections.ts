import {formatPeriod} from '../i18n/dates';
import type {Resume} from '../resume/types';
import {defined, educationEntry, item, linkBlock, listBlock, moreBlock, projectEntry, tagsBlock, textBlock, workEntry, type Words} from './entries';
import type {Entry} from './model';

/**
 * Every section the viewer knows, in the order it shows them: its id, its default title, the
 * résumé keys it is made from, and the builder of its entries. The document (toDocument), the
 * titles, `--section` (with JSON, which keys to keep) and the technology index all read this
 * one table, so a section added here is everywhere, and a section missing from a place is a
 * compile error (SectionId is checked exhaustively).
 */
export type SectionId =
  | 'work'
  | 'projects'
  | 'volunteer'
  | 'personal'
  | 'awards'
  | 'certificates'
  | 'publications'
  | 'skills'
  | 'languages'
  | 'interests'
  | 'references'
  | 'essays';

export interface SectionSpec {
  id: SectionId;
  /** In English; in the résumé's language from src/i18n/labels.ts; `meta["x-sectionTitles"][id]` wins over both. */
  title: string;
  /** The résumé keys its entries come from (printing one section as JSON Resume keeps these). */
  keys: ReadonlyArray<keyof Resume>;
  /** Its entries' tags are technologies in the index (a project's tech stack always is). */
  tagsAreTechnologies?: boolean;
  /**
   * Words a reader searches for that name what the section holds without appearing in it (`/GPA`
   * finds the education): in English; the section's id, kinds and titles find it too (src/document/select.ts).
   */
  alsoCalled?: readonly string[];
  /** `words`: the separator, labels and date style the document is built with (toDocument). */
  build(resume: Resume, words: Words): Entry[];
}

/** Projects not shown under an employer of `work[]`: they get a section of their own. */
function unlinkedProjects(resume: Resume) {
  const employers = new Set((resume.work ?? []).map((w) => w.name).filter(defined));
  return (resume.projects ?? []).filter((p) => !defined(p.entity) || !employers.has(p.entity));
}

export const SECTIONS = [
  {id: 'work', title: 'Work Experience', keys: ['work', 'projects'], build: (r, w) => (r.work ?? []).map((work) => workEntry(work, r.projects ?? [], w))},
  {id: 'projects', title: 'Projects', keys: ['projects'], build: (r, w) => unlinkedProjects(r).map((p) => projectEntry(p, w, false))},
  {
    id: 'volunteer',
    title: 'Volunteer',
    keys: ['volunteer'],
    build: (r, w) =>
      (r.volunteer ?? []).map((v): Entry => ({
        kind: 'organization',
        title: v.organization ?? '',
        role: v.position,
        period: formatPeriod(v.startDate, v.endDate, w.dates),
        blocks: [...textBlock(v.summary), ...listBlock(v.highlights), ...linkBlock(v.url), ...moreBlock(v, 'volunteer', w.labels)],
        children: [],
      })),
  },
  {
    id: 'personal',
    title: 'Education',
    keys: ['education', 'x-service'],
    alsoCalled: ['GPA', 'degree', 'school', 'university', 'military'],
    build: (r, w) => [
      ...(r.education ?? []).map((e) => educationEntry(e, w)),
      ...(r['x-service'] ?? []).map((s): Entry => ({
        kind: 'organization',
        // Required by the extension rules, but a leniently loaded file may lack it.
        title: s.organization ?? '',
        blocks: moreBlock(s, 'x-service', w.labels),
        children: [{kind: 'item', title: s.position ?? '', period: formatPeriod(s.startDate, s.endDate, w.dates), blocks: [], children: []}],
      })),
    ],
  },
  {
    id: 'awards',
    title: 'Awards',
    keys: ['awards'],
    build: (r, w) => (r.awards ?? []).map((a) => item(a.title, a.awarder, a.date, [...textBlock(a.summary), ...moreBlock(a, 'awards', w.labels)], w.dates)),
  },
  {
    id: 'certificates',
    title: 'Certificates',
    keys: ['certificates'],
    build: (r, w) => (r.certificates ?? []).map((c) => item(c.name, c.issuer, c.date, [...linkBlock(c.url), ...moreBlock(c, 'certificates', w.labels)], w.dates)),
  },
  {
    id: 'publications',
    title: 'Publications',
    keys: ['publications'],
    build: (r, w) =>
      (r.publications ?? []).map((p) => item(p.name, p.publisher, p.releaseDate, [...textBlock(p.summary), ...linkBlock(p.url), ...moreBlock(p, 'publications', w.labels)], w.dates)),
  },
  {
    id: 'skills',
    title: 'Skills',
    keys: ['skills'],
    tagsAreTechnologies: true,
    build: (r, w) => (r.skills ?? []).map((s) => item(s.name, s.level, undefined, [...tagsBlock(s.keywords, w.keywords), ...moreBlock(s, 'skills', w.labels)], w.dates)),
  },
  {
    id: 'languages',
    title: 'Languages',
    keys: ['languages'],
    build: (r, w) => (r.languages ?? []).map((l) => item(l.language, l.fluency, undefined, moreBlock(l, 'languages', w.labels), w.dates)),
  },
  {
    id: 'interests',
    title: 'Interests',
    keys: ['interests'],
    build: (r, w) => (r.interests ?? []).map((i) => item(i.name, undefined, undefined, [...tagsBlock(i.keywords, w.keywords), ...moreBlock(i, 'interests', w.labels)], w.dates)),
  },
  {
    id: 'references',
    title: 'References',
    keys: ['references'],
    build: (r, w) => (r.references ?? []).map((x) => item(x.name, undefined, undefined, [...textBlock(x.reference), ...moreBlock(x, 'references', w.labels)], w.dates)),
  },
  {
    id: 'essays',
    title: 'Essays',
    keys: ['x-essays'],
    build: (r, w) =>
      (r['x-essays'] ?? []).map((essay): Entry => ({
        kind: 'essay',
        // Required by the extension rules, but a leniently loaded file may lack them.
        title: essay.title ?? '',
        blocks: moreBlock(essay, 'x-essays', w.labels),
        children: (essay.entries ?? []).map((part): Entry => ({kind: 'part', title: part.title ?? '', blocks: textBlock(part.body), children: []})),
      })),
  },
] as const satisfies readonly SectionSpec[];

/** Every SectionId has a row: leaving one out of SECTIONS fails to compile here. */
const everySection: Exclude<SectionId, (typeof SECTIONS)[number]['id']> extends never ? true : never = true;
void everySection;

/** The table's row for an id. */
export function sectionSpec(id: SectionId): SectionSpec {
  return (SECTIONS as readonly SectionSpec[]).find((s) => s.id === id)!;
}

/**
 * The résumé with basics, meta and only the data of one section: still a valid JSON Resume. A
 * section of the résumé's own (src/document/extra.ts) keeps its key.
 */
export function resumeSection<T extends object>(resume: T, id: string): Partial<T> {
  const spec = (SECTIONS as readonly SectionSpec[]).find((s) => s.id === id);
  const keep = new Set<string>(['$schema', 'basics', 'meta', ...(spec ? spec.keys : [id])]);
  return Object.fromEntries(Object.entries(resume).filter(([key]) => keep.has(key))) as Partial<T>;
}
