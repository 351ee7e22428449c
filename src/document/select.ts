import type {TechEntry} from './tech';
import type {Resume} from '../resume/types';
import type {Contact, ResumeDocument, Section} from './model';
import {countOf, fold} from './present';
import {SECTIONS, type SectionSpec} from './sections';
import {labelSetFor} from '../i18n/labels';

/** A title without its emoji and punctuation: `🚀 Work Experience.` → `work experience`. */
const plainTitle = (title: string) => fold(title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** What a section holds, by the résumé keys its entries come from: `education` and `service` for `personal`. */
const HOLDS = new Map<string, string[]>(SECTIONS.map((spec) => [spec.id, spec.keys.map((key) => fold(key.replace(/^x-/, '')))]));

/** `projects` and `project`, `essays` and `essay`: a kind named in the singular or the plural. */
const singular = (word: string) => word.replace(/s$/, '');

/**
 * The section a reader names: its number (1-based), its id (`work`, `personal`, `essays` …), a
 * kind of entry it holds (`education` and `service` are in `personal`), or the start of its
 * title (`work`, `achievements`, `개인`), case-insensitively.
 */
export function findSection(doc: ResumeDocument, name: string): number {
  const wanted = fold(name.trim());
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    return n >= 1 && n <= doc.sections.length ? n - 1 : -1;
  }
  const byId = doc.sections.findIndex((s) => s.id === wanted || singular(s.id) === singular(wanted));
  if (byId !== -1) return byId;
  const byKind = doc.sections.findIndex((s) => (HOLDS.get(s.id) ?? []).some((kind) => singular(kind) === singular(wanted)));
  if (byKind !== -1) return byKind;
  const words = plainTitle(wanted);
  if (!words) return -1;
  return doc.sections.findIndex((s) => plainTitle(s.title).startsWith(words) || plainTitle(s.title).split(' ').includes(words));
}

/**
 * The words a section is known by besides its text, folded: its id, its title and the title's
 * words, the kinds of entry it holds (`education`, `service`), its title in English and in the
 * résumé's language (src/i18n/labels.ts: `학력`), the labels of what it holds in that language
 * (an education's score and courses: `학점`), and the words of the sections table's `alsoCalled`
 * (`gpa`). Search (`/education`) takes the reader to the section these name.
 */
export function sectionNames(doc: ResumeDocument, index: number): string[] {
  const section = doc.sections[index];
  if (!section) return [];
  const spec: SectionSpec | undefined = SECTIONS.find((s) => s.id === section.id);
  const {set} = labelSetFor(doc.language ?? 'en');
  const kinds = HOLDS.get(section.id) ?? [];
  const titles = [section.title, spec?.title, spec ? set.titles[spec.id] : undefined].filter((t): t is string => t !== undefined).map(plainTitle);
  const labels = kinds.includes('education') ? [set.labels.score, set.labels.courses].map(plainTitle) : [];
  const words = [fold(section.id), ...kinds, ...titles, ...titles.flatMap((t) => t.split(' ')), ...labels, ...(spec?.alsoCalled ?? []).map(fold)];
  return [...new Set(words.filter((w) => w !== ''))];
}

/**
 * Whether a search query names the section (sectionNames): one of its names, in the singular or
 * the plural, or the start of one when the query is 3 characters or more (`/educ`). Shorter
 * queries name nothing by a start: `/e` is looked for in the text only.
 */
export function namesSection(doc: ResumeDocument, index: number, query: string): boolean {
  const wanted = plainTitle(query);
  if (!wanted) return false;
  return sectionNames(doc, index).some((name) => name === wanted || singular(name) === singular(wanted) || ([...wanted].length >= 3 && name.startsWith(wanted)));
}

/** How a reader can name each section, for error messages: `1 work, 2 personal (education, service), 3 essays`. */
export function sectionChoices(doc: ResumeDocument): string {
  return doc.sections
    .map((s, i) => {
      const kinds = (HOLDS.get(s.id) ?? []).filter((kind) => singular(kind) !== singular(s.id));
      return `${i + 1} ${s.id}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`;
    })
    .join(', ');
}

/** A contact as one line of text: its address follows it unless the text already holds it. */
export function contactLine(contact: Contact): string {
  const shown = !contact.url || contact.url.endsWith(contact.text) || contact.text.endsWith(contact.url);
  return shown ? contact.text : `${contact.text} (${contact.url})`;
}

/** The document with only one section (deep links with --format). */
export function onlySection(doc: ResumeDocument, index: number): ResumeDocument {
  return {...doc, sections: doc.sections.slice(index, index + 1)};
}

/** How many places list a technology: its projects and the skills that name it. */
export const techUses = (tech: TechEntry): number => tech.projects.length + tech.skillEntries.length;

/**
 * `Kafka: 2 projects`, `Go: 1 skill`, `Python: 3 projects, 1 skill`: how a technology's uses are
 * introduced, in print and in the app.
 */
export const techTitle = (tech: TechEntry, withSkills = true): string => {
  const skills = withSkills ? tech.skillEntries.length : 0;
  const counts = [tech.projects.length > 0 || skills === 0 ? countOf(tech.projects.length, 'project') : '', skills > 0 ? countOf(skills, 'skill') : ''];
  return `${tech.name}: ${counts.filter(Boolean).join(', ')}`;
};

/**
 * A technology's uses as a section of their own: its projects, each keeping its organization as
 * its subtitle, then (in the app: `withSkills`) the skills that list it.
 */
export function techSection(tech: TechEntry, withSkills = true): Section {
  const projects = tech.projects.map(({entry, organization}) => (organization ? {...entry, subtitle: organization} : entry));
  return {id: 'tech', title: techTitle(tech, withSkills), entries: withSkills ? [...projects, ...tech.skillEntries] : projects};
}

/** A document listing the projects that use a technology, for `--tech` (printed as text). */
export function techDocument(doc: ResumeDocument, tech: TechEntry): ResumeDocument {
  return {...doc, contacts: [], greeting: undefined, sections: [techSection(tech, false)]};
}


/**
 * `--tech NAME --format json`: the résumé with basics, meta, only the projects that list the
 * technology, and the employers those projects name: still a valid JSON Resume.
 */
export function resumeForTech(source: Record<string, unknown>, resume: Resume, name: string): Record<string, unknown> {
  const wanted = fold(name);
  // Chosen in the résumé as read (pre-1.0 names included), kept as written: entries keep their places.
  const projects = (resume.projects ?? []).map((p, i) => ({p, i})).filter(({p}) => (p.keywords ?? []).some((k) => fold(k) === wanted));
  const employers = new Set(projects.map(({p}) => p.entity));
  const work = (resume.work ?? []).map((w, i) => ({w, i})).filter(({w}) => employers.has(w.name));
  const pick = (key: string, kept: Array<{i: number}>) => kept.map(({i}) => (source[key] as unknown[])[i]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'projects') out.projects = pick(key, projects);
    else if (key === 'work') {
      if (work.length > 0) out.work = pick(key, work);
    } else if (key === '$schema' || key === 'basics' || key === 'meta') out[key] = value;
  }
  return out;
}
