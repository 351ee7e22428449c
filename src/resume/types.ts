/**
 * The typed résumé: a JSON Resume 1.0 document (https://jsonresume.org/schema) plus the
 * optional extensions this project reads (all prefixed `x-`, documented in the README's
 * "Editing the résumé"). Every string here has been sanitized at load.
 */
import type {DatesMeta} from '../i18n/dates';

/** An ISO 8601 date as the schema allows it: `2021`, `2021-06` or `2021-06-29`. */
export type IsoDate = string;

export interface Location {
  address?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
  region?: string;
}

export interface Profile {
  network?: string;
  username?: string;
  url?: string;
}

export interface Basics {
  name?: string;
  label?: string;
  image?: string;
  email?: string;
  phone?: string;
  url?: string;
  summary?: string;
  location?: Location;
  profiles?: Profile[];
}

export interface Work {
  name?: string;
  location?: string;
  description?: string;
  position?: string;
  url?: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
  summary?: string;
  highlights?: string[];
}

export interface Volunteer {
  organization?: string;
  position?: string;
  url?: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
  summary?: string;
  highlights?: string[];
}

/** A position held at an institution, shown under it (extension). */
export interface XPosition {
  title: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
}

export interface Education {
  institution?: string;
  url?: string;
  area?: string;
  studyType?: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
  score?: string;
  courses?: string[];
  /** Extension: the line shown for this degree, as written (default: studyType and area). */
  'x-title'?: string;
  /** Extension: the label in front of the score (default "Score"). */
  'x-scoreLabel'?: string;
  /** Extension: other positions held at this institution. */
  'x-positions'?: XPosition[];
}

export interface Award {
  title?: string;
  date?: IsoDate;
  awarder?: string;
  summary?: string;
}

export interface Certificate {
  name?: string;
  date?: IsoDate;
  url?: string;
  issuer?: string;
}

export interface Publication {
  name?: string;
  publisher?: string;
  releaseDate?: IsoDate;
  url?: string;
  summary?: string;
}

export interface Skill {
  name?: string;
  level?: string;
  keywords?: string[];
}

export interface Language {
  language?: string;
  fluency?: string;
}

export interface Interest {
  name?: string;
  keywords?: string[];
}

export interface Reference {
  name?: string;
  reference?: string;
}

export interface Project {
  name?: string;
  description?: string;
  highlights?: string[];
  keywords?: string[];
  startDate?: IsoDate;
  endDate?: IsoDate;
  url?: string;
  roles?: string[];
  /** The organization the project belongs to; matched against `work[].name`. */
  entity?: string;
  type?: string;
}

/** Extension: military or civil service. */
export interface XService {
  organization: string;
  position?: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
}

/** Extension: one titled entry of an essay. */
export interface XEssayEntry {
  title?: string;
  body: string;
}

/** Extension: an essay (a question) with its titled entries. */
export interface XEssay {
  title: string;
  entries: XEssayEntry[];
}

/** Extension: section titles that override the defaults, keyed by section id. */
export type XSectionTitles = Partial<Record<string, string>>;

export interface Meta {
  canonical?: string;
  version?: string;
  lastModified?: string;
  'x-sectionTitles'?: XSectionTitles;
  /** The résumé's language, a BCP 47 tag (src/i18n/language.ts). */
  language?: string;
  /** Other spellings of `language` that real files and themes use, read after it. */
  lang?: string;
  locale?: string;
  /** Extension: the labels of an entry's blocks and an open end (src/i18n/labels.ts `Labels`). */
  'x-labels'?: Partial<Record<'description' | 'highlights' | 'keywords' | 'courses' | 'more' | 'score' | 'present', string>>;
  /** Extension: how dates are written (src/i18n/dates.ts `DatesMeta`). */
  'x-dates'?: DatesMeta;
}

export interface Resume {
  $schema?: string;
  basics?: Basics;
  work?: Work[];
  volunteer?: Volunteer[];
  education?: Education[];
  awards?: Award[];
  certificates?: Certificate[];
  publications?: Publication[];
  skills?: Skill[];
  languages?: Language[];
  interests?: Interest[];
  references?: Reference[];
  projects?: Project[];
  meta?: Meta;
  'x-service'?: XService[];
  'x-essays'?: XEssay[];
}
