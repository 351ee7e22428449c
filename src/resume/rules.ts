import {canonicalTag, META_LANGUAGE_KEYS} from '../i18n/language';

/**
 * The project's own rules on top of the official schema, beyond what a JSON schema can say (the
 * shapes of the x- extensions are in extensions.schema.json): real calendar dates, ends that do
 * not come before starts, and a language named by a BCP 47 tag.
 */

/** A rule broken: where (a JSON path) and what. */
export interface RuleViolation {
  path: Array<string | number>;
  message: string;
}

const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why an ISO date string that matched the pattern is still not a date, or undefined. */
function badCalendarDate(value: string): string | undefined {
  const [, month, day] = value.split('-').map(Number);
  if (month !== undefined && (month < 1 || month > 12)) return 'month';
  if (month !== undefined && day !== undefined && (day < 1 || day > DAYS[month - 1]!)) return 'day';
  return undefined;
}

/** The schema's date pattern (iso8601): only such dates are checked further (the schema reports the rest). */
const ISO_DATE = /^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/;

/**
 * Checks every date-valued key for a real month and day, and every entry for an end that does
 * not come before its start: every violation, in document order. Dates that do not match the
 * schema's pattern are the schema's to report.
 */
export function checkDates(value: unknown): RuleViolation[] {
  const found: RuleViolation[] = [];
  walk(value, [], found);
  return found;
}

/** checkDates below `path`: one path array, grown and shrunk as the walk goes, copied only for a violation. */
function walk(value: unknown, path: Array<string | number>, found: RuleViolation[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      // Only objects and arrays hold dates: a list of highlights is passed over, not walked into.
      const item: unknown = value[i];
      if (item === null || typeof item !== 'object') continue;
      path.push(i);
      walk(item, path, found);
      path.pop();
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  // Indexed loops, here and above: the walk runs cold (once, at start-up), where for…of
  // allocates an iterator result per element (a megabyte for a thousand projects).
  const keys = Object.keys(record);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const inner = record[key];
    if (DATE_KEYS.has(key) && typeof inner === 'string') {
      const bad = ISO_DATE.test(inner) ? badCalendarDate(inner) : undefined;
      if (bad) found.push({path: [...path, key], message: `expected a date like 2021-06, got ${JSON.stringify(inner)} (no such ${bad})`});
    } else if (inner !== null && typeof inner === 'object') {
      path.push(key);
      walk(inner, path, found);
      path.pop();
    }
  }
  const {startDate, endDate} = record;
  if (typeof startDate === 'string' && typeof endDate === 'string' && ISO_DATE.test(startDate) && ISO_DATE.test(endDate) && endDate < startDate.slice(0, endDate.length)) {
    found.push({path: [...path, 'endDate'], message: `ends (${endDate}) before it starts (${startDate})`});
  }
}

/**
 * Every place the document names its language (`meta.language`, `meta.lang`, `meta.locale`, a
 * top-level `language`) with text that is not a BCP 47 tag with an ISO 639 language: it is not
 * read (src/i18n/language.ts), so it is said.
 */
export function checkLanguage(value: unknown): RuleViolation[] {
  const found: RuleViolation[] = [];
  for (const {path} of META_LANGUAGE_KEYS) {
    let inner: unknown = value;
    for (const key of path) inner = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>)[key] : undefined;
    if (typeof inner === 'string' && canonicalTag(inner) === undefined) {
      found.push({path: [...path], message: `expected a BCP 47 language tag such as de or pt-BR, got ${JSON.stringify(inner)}`});
    }
  }
  return found;
}
