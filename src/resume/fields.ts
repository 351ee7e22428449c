/**
 * The fields of a JSON Resume 1.0 document (https://jsonresume.org/schema) and of this project's
 * x- extensions, with the type each one holds: what normalize.ts reads a document by, and what
 * the document layer calls "known" (a field not listed here is shown as `key: value`).
 */

/** What a field holds. */
export type Shape =
  /** One line of text: a name, a title, a keyword. HTML in it is read as its text alone. */
  | 'string'
  /** A paragraph: HTML in it is read as inline marks and line breaks (src/resume/html.ts). */
  | 'text'
  /** A place: text, or a location object read as `City, Region, CC`. */
  | 'place'
  /** A date as written; `""` and `null` mean "not given" (an open end: present). */
  | 'date'
  /** A list of one-line items (keywords, courses); an object in it reads `name (level)`. */
  | 'strings'
  /** A list of paragraphs (highlights). */
  | 'texts'
  | {object: Fields}
  /** A list of objects; a bare string in it is read as an object with only `primary` set. */
  | {list: Fields; primary?: string};

export interface Fields {
  fields: Record<string, Shape>;
  /** Pre-1.0 names read as today's: `company` → `name` (the schema's v0.0.0 field names). */
  aliases?: Record<string, string>;
}

const dated = {startDate: 'date', endDate: 'date'} as const;

const LOCATION: Fields = {fields: {address: 'string', postalCode: 'string', city: 'string', countryCode: 'string', region: 'string'}};

const BASICS: Fields = {
  fields: {
    name: 'string',
    label: 'string',
    image: 'string',
    email: 'string',
    phone: 'string',
    url: 'string',
    summary: 'text',
    location: {object: LOCATION},
    profiles: {list: {fields: {network: 'string', username: 'string', url: 'string'}}, primary: 'url'},
  },
  aliases: {website: 'url', picture: 'image'},
};

const WORK: Fields = {
  fields: {name: 'string', location: 'place', description: 'string', position: 'string', url: 'string', ...dated, summary: 'text', highlights: 'texts'},
  aliases: {company: 'name', website: 'url'},
};

const VOLUNTEER: Fields = {
  fields: {organization: 'string', position: 'string', url: 'string', ...dated, summary: 'text', highlights: 'texts'},
  aliases: {website: 'url'},
};

const EDUCATION: Fields = {
  fields: {
    institution: 'string',
    url: 'string',
    area: 'string',
    studyType: 'string',
    ...dated,
    score: 'string',
    courses: 'strings',
    'x-title': 'string',
    'x-scoreLabel': 'string',
    'x-positions': {list: {fields: {title: 'string', ...dated}}, primary: 'title'},
  },
  aliases: {gpa: 'score', website: 'url'},
};

/** The top level: every section and what its entries hold. */
export const RESUME_FIELDS: Fields = {
  fields: {
    $schema: 'string',
    basics: {object: BASICS},
    work: {list: WORK, primary: 'name'},
    volunteer: {list: VOLUNTEER, primary: 'organization'},
    education: {list: EDUCATION, primary: 'institution'},
    awards: {list: {fields: {title: 'string', date: 'date', awarder: 'string', summary: 'text'}}, primary: 'title'},
    certificates: {list: {fields: {name: 'string', date: 'date', url: 'string', issuer: 'string'}}, primary: 'name'},
    publications: {list: {fields: {name: 'string', publisher: 'string', releaseDate: 'date', url: 'string', summary: 'text'}, aliases: {website: 'url'}}, primary: 'name'},
    skills: {list: {fields: {name: 'string', level: 'string', keywords: 'strings'}}, primary: 'name'},
    languages: {list: {fields: {language: 'string', fluency: 'string'}}, primary: 'language'},
    interests: {list: {fields: {name: 'string', keywords: 'strings'}}, primary: 'name'},
    references: {list: {fields: {name: 'string', reference: 'text'}}, primary: 'reference'},
    projects: {
      list: {
        fields: {name: 'string', description: 'text', highlights: 'texts', keywords: 'strings', ...dated, url: 'string', roles: 'strings', entity: 'string', type: 'string'},
        aliases: {website: 'url'},
      },
      primary: 'name',
    },
    // meta is read as written (its x- fields are checked by extensions.schema.json).
    meta: {object: {fields: {canonical: 'string', version: 'string', lastModified: 'string'}}},
    'x-service': {list: {fields: {organization: 'string', position: 'string', ...dated}}, primary: 'organization'},
    'x-essays': {list: {fields: {title: 'string', entries: {list: {fields: {title: 'string', body: 'text'}}, primary: 'body'}}}, primary: 'title'},
  },
};

/** The fields of one section's entries, by its top-level key (`work`, `projects` …). */
export function entryFields(key: string): Fields | undefined {
  const shape = RESUME_FIELDS.fields[key];
  return shape && typeof shape === 'object' && 'list' in shape ? shape.list : undefined;
}

/** The top-level keys kim-resume reads. */
export const TOP_LEVEL_KEYS: readonly string[] = Object.keys(RESUME_FIELDS.fields);

/**
 * The entries of a top-level key that is not a JSON Resume section (`volunteers`,
 * `certifications`, `community`, `portfolio`): the fields such entries use, read as the known
 * sections read theirs, so they are shown as a section of their own (src/document/extra.ts).
 */
export const EXTRA_ENTRY: Fields = {
  fields: {
    name: 'string',
    title: 'string',
    organization: 'string',
    institution: 'string',
    company: 'string',
    issuer: 'string',
    awarder: 'string',
    publisher: 'string',
    event: 'string',
    venue: 'string',
    position: 'string',
    role: 'string',
    location: 'place',
    date: 'date',
    releaseDate: 'date',
    ...dated,
    summary: 'text',
    description: 'text',
    highlights: 'texts',
    keywords: 'strings',
    url: 'string',
  },
  aliases: {website: 'url'},
};

/** A top-level key that is neither a JSON Resume section, one of ours, nor an extension (`x-…`). */
export const isExtraKey = (key: string): boolean => !TOP_LEVEL_KEYS.includes(key) && !key.startsWith('x-');

/** Whether a value can be shown as a section: entries (a list of objects or strings) or text. */
export function holdsEntries(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return Array.isArray(value) && value.some((item) => (typeof item === 'string' && item.trim() !== '') || (item !== null && typeof item === 'object' && !Array.isArray(item)));
}
