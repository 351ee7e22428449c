import {formatPeriod} from '../resume/dates';
import type {Resume} from '../resume/types';
import {DEFAULT_LABELS, defined, educationEntry, item, labelsOf, linkBlock, listBlock, moreBlock, projectEntry, tagsBlock, textBlock, workEntry} from './entries';
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
  /** Shown unless `meta["x-sectionTitles"][id]` says otherwise. */
  title: string;
  /** The résumé keys its entries come from (printing one section as JSON Resume keeps these). */
  keys: ReadonlyArray<keyof Resume>;
  /** Its entries' tags are technologies in the index (a project's tech stack always is). */
  tagsAreTechnologies?: boolean;
  /** `separator` joins two facts in a subtitle (document/present.ts SEPARATOR, or ASCII's). */
  build(resume: Resume, separator: string): Entry[];
}

/** Projects not shown under an employer of `work[]`: they get a section of their own. */
function unlinkedProjects(resume: Resume) {
  const employers = new Set((resume.work ?? []).map((w) => w.name).filter(defined));
  return (resume.projects ?? []).filter((p) => !defined(p.entity) || !employers.has(p.entity));
}

export const SECTIONS = [
  {id: 'work', title: 'Work Experience', keys: ['work', 'projects'], build: (r, sep) => (r.work ?? []).map((w) => workEntry(w, r.projects ?? [], labelsOf(r), sep))},
  {id: 'projects', title: 'Projects', keys: ['projects'], build: (r, sep) => unlinkedProjects(r).map((p) => projectEntry(p, labelsOf(r), false, sep))},
  {
    id: 'volunteer',
    title: 'Volunteer',
    keys: ['volunteer'],
    build: (r) =>
      (r.volunteer ?? []).map((v): Entry => ({
        kind: 'organization',
        title: v.organization ?? '',
        role: v.position,
        period: formatPeriod(v.startDate, v.endDate),
        blocks: [...textBlock(v.summary), ...listBlock(v.highlights), ...linkBlock(v.url), ...moreBlock(v, 'volunteer', labelsOf(r))],
        children: [],
      })),
  },
  {
    id: 'personal',
    title: 'Education',
    keys: ['education', 'x-service'],
    build: (r) => [
      ...(r.education ?? []).map((e) => educationEntry(e, labelsOf(r))),
      ...(r['x-service'] ?? []).map((s): Entry => ({
        kind: 'organization',
        // Required by the extension rules, but a leniently loaded file may lack it.
        title: s.organization ?? '',
        blocks: moreBlock(s, 'x-service', labelsOf(r)),
        children: [{kind: 'item', title: s.position ?? '', period: formatPeriod(s.startDate, s.endDate, '~'), blocks: [], children: []}],
      })),
    ],
  },
  {
    id: 'awards',
    title: 'Awards',
    keys: ['awards'],
    build: (r) => (r.awards ?? []).map((a) => item(a.title, a.awarder, a.date, [...textBlock(a.summary), ...moreBlock(a, 'awards', labelsOf(r))])),
  },
  {
    id: 'certificates',
    title: 'Certificates',
    keys: ['certificates'],
    build: (r) => (r.certificates ?? []).map((c) => item(c.name, c.issuer, c.date, [...linkBlock(c.url), ...moreBlock(c, 'certificates', labelsOf(r))])),
  },
  {
    id: 'publications',
    title: 'Publications',
    keys: ['publications'],
    build: (r) =>
      (r.publications ?? []).map((p) => item(p.name, p.publisher, p.releaseDate, [...textBlock(p.summary), ...linkBlock(p.url), ...moreBlock(p, 'publications', labelsOf(r))])),
  },
  {
    id: 'skills',
    title: 'Skills',
    keys: ['skills'],
    tagsAreTechnologies: true,
    build: (r) => (r.skills ?? []).map((s) => item(s.name, s.level, undefined, [...tagsBlock(s.keywords, DEFAULT_LABELS.keywords), ...moreBlock(s, 'skills', labelsOf(r))])),
  },
  {
    id: 'languages',
    title: 'Languages',
    keys: ['languages'],
    build: (r) => (r.languages ?? []).map((l) => item(l.language, l.fluency, undefined, moreBlock(l, 'languages', labelsOf(r)))),
  },
  {
    id: 'interests',
    title: 'Interests',
    keys: ['interests'],
    build: (r) => (r.interests ?? []).map((i) => item(i.name, undefined, undefined, [...tagsBlock(i.keywords, DEFAULT_LABELS.keywords), ...moreBlock(i, 'interests', labelsOf(r))])),
  },
  {
    id: 'references',
    title: 'References',
    keys: ['references'],
    build: (r) => (r.references ?? []).map((x) => item(x.name, undefined, undefined, [...textBlock(x.reference), ...moreBlock(x, 'references', labelsOf(r))])),
  },
  {
    id: 'essays',
    title: 'Essays',
    keys: ['x-essays'],
    build: (r) =>
      (r['x-essays'] ?? []).map((essay): Entry => ({
        kind: 'essay',
        // Required by the extension rules, but a leniently loaded file may lack them.
        title: essay.title ?? '',
        blocks: moreBlock(essay, 'x-essays', labelsOf(r)),
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
