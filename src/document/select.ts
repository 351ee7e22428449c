import type {TechEntry} from './tech';
import type {ResumeDocument, Section} from './model';

const fold = (text: string) => text.normalize('NFC').toLowerCase();
/** A title without its emoji and punctuation: `💻 Work Experience.` → `work experience`. */
const plainTitle = (title: string) => fold(title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The section a reader names: its number (1-based), its id (`work`, `personal`, `essays` …), or
 * the start of its title (`work`, `achievements`, `개인`), case-insensitively.
 */
export function findSection(doc: ResumeDocument, name: string): number {
  const wanted = fold(name.trim());
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    return n >= 1 && n <= doc.sections.length ? n - 1 : -1;
  }
  const byId = doc.sections.findIndex((s) => s.id === wanted);
  if (byId !== -1) return byId;
  const words = plainTitle(wanted);
  if (!words) return -1;
  return doc.sections.findIndex((s) => plainTitle(s.title).startsWith(words) || plainTitle(s.title).split(' ').includes(words));
}

/** How a reader can name each section, for error messages: `1 work (💻 Work Experience.)`. */
export function sectionChoices(doc: ResumeDocument): string {
  return doc.sections.map((s, i) => `${i + 1} ${s.id}`).join(', ');
}

/** The document with only one section (deep links with --format). */
export function onlySection(doc: ResumeDocument, index: number): ResumeDocument {
  return {...doc, sections: doc.sections.slice(index, index + 1)};
}

/** A document listing the projects that use a technology, for `--tech` (printed as text). */
export function techDocument(doc: ResumeDocument, tech: TechEntry): ResumeDocument {
  const section: Section = {
    id: 'tech',
    title: `${tech.name}: ${tech.projects.length} ${tech.projects.length === 1 ? 'project' : 'projects'}`,
    entries: tech.projects.map(({entry, organization}) => (organization ? {...entry, subtitle: organization} : entry)),
  };
  return {...doc, contacts: [], greeting: undefined, sections: [section]};
}

