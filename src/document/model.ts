/**
 * The render-neutral résumé: what every view (plain text, Markdown, colored print, the Ink app)
 * reads. Sections hold entries; an entry holds blocks and child entries (an organization holds
 * its projects, an essay its titled parts). Labels and dates are already in the résumé's language (toDocument).
 */
import type {SectionId} from './sections';

export type Block =
  /** A paragraph, optionally under a label such as "Description". */
  | {kind: 'text'; label?: string; text: string}
  /** A bullet list, optionally under a label such as "What did I do". */
  | {kind: 'list'; label?: string; items: string[]}
  /** Technologies or keywords: shown as `Tech Stack: FastAPI · Trino` or as badges. */
  | {kind: 'tags'; label: string; items: string[]}
  /** A link: a label and its URL (never a hyperlink target from outside the data). */
  | {kind: 'link'; label: string; url: string};

export type EntryKind = 'organization' | 'project' | 'item' | 'essay' | 'part';

export interface Entry {
  kind: EntryKind;
  title: string;
  /** A line under the title: NC Lab's 숭실대학교, a skill's level. */
  subtitle?: string;
  /** The role held: Backend Engineer. */
  role?: string;
  /** The period, formatted: `Jun 2021 – Present`, `06/2021 – heute`, `2021.06 - present`. */
  period?: string;
  blocks: Block[];
  children: Entry[];
}

export interface Section {
  /**
   * Its row in the sections table (src/document/sections.ts); `tech` for a technology's projects;
   * for a section of the résumé's own (src/document/extra.ts), its top-level key.
   */
  id: SectionId | 'tech' | (string & {});
  title: string;
  entries: Entry[];
}

export interface Contact {
  /** `other`: a field of basics the viewer does not know, as `key: value`. */
  kind: 'email' | 'phone' | 'url' | 'location' | 'profile' | 'other';
  /** What is shown: the address, number, or `GitHub: kim`. */
  text: string;
  /** Where it points, for links (mailto:, https:). */
  url?: string;
}

export interface ResumeDocument {
  name: string;
  label?: string;
  /** The opening words: basics.summary. */
  greeting?: string;
  contacts: Contact[];
  sections: Section[];
  /** The résumé's language (BCP 47), which chose its labels and dates: src/i18n/language.ts. */
  language?: string;
  /** How many problems the file had when it was opened anyway (the app's status bar counts them). */
  warnings?: number;
}
