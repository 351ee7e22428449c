import {EXTRA_ENTRY, RESUME_FIELDS, holdsEntries, isExtraKey, type Fields, type Shape} from './fields';
import {reduceHtml} from './html';
import type {Location, Resume} from './types';

/**
 * Reads any JSON object as a Resume the document layer can rely on: each known field holds the
 * type it should (src/resume/fields.ts), so a document that breaks the schema still shows what it
 * says. Nothing a reader wrote is lost on the way:
 *  - pre-1.0 names are read as today's (`company` → `name`, `gpa` → `score`) unless both are given;
 *  - a number or true/false where text belongs is that text; a list where one text belongs is its
 *    items joined (a paragraph's as paragraphs); a lone string where a list belongs is a list of one;
 *  - an object in a list of keywords reads `name (level)` (`Go (Avanzado)`), a location object
 *    where a place belongs `City, Region, CC`;
 *  - HTML in a string is read for its meaning (src/resume/html.ts): marks in paragraphs, text
 *    alone in one-line fields; addresses (`url`, `email`, `image`) stay as written;
 *  - a top-level key that is not a section but holds entries or text (`volunteers`) is read as
 *    entries of the fields such sections use (EXTRA_ENTRY), to be shown as a section of its own;
 *  - an empty or null date is no date (an open end reads "present"); any other date stays as written;
 *  - a bare string in a list of entries is an entry with only its main field (`skills: ["Go"]`);
 *  - fields it does not know stay in their object, as written, to be listed after the known ones.
 * A valid JSON Resume 1.0 document without pre-1.0 names or HTML comes back equal to itself.
 */
export function normalizeResume(value: Record<string, unknown>): Resume {
  return objectOf(value, RESUME_FIELDS, true) as Resume;
}

/**
 * A place as an address is written: street, postal code, city, region, country code, each
 * given part once (`Madrid, Comunidad de Madrid, ES`).
 */
export function placeOf(location: Location | Record<string, unknown>): string {
  const parts = [location.address, location.postalCode, location.city, location.region, location.countryCode];
  return parts.map((part) => (typeof part === 'string' || typeof part === 'number' ? reduceHtml(String(part), 'line') : '')).filter((part) => part.trim() !== '').join(', ');
}

/** A keyword given as an object: its name and, when given, its level (`Go (Avanzado)`); other fields (a logo) are not text. */
function keywordOf(value: Record<string, unknown>): string {
  const name = [value.name, value.title, value.keyword, value.label, value.language].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
  if (name === undefined) return textOf(value);
  const level = [value.level, value.fluency].find((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number');
  return level === undefined ? name : `${name} (${String(level)})`;
}

/** Fields whose value is an address, kept as written: decoding `&amp;` in one would change where it points. */
const VERBATIM = new Set(['url', 'email', 'image', '$schema']);

/** Every string inside a value the viewer does not know (shown as `key: value`), HTML read as paragraphs. */
function reduceDeep(value: unknown): unknown {
  if (typeof value === 'string') return reduceHtml(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const inner = reduceDeep(value[i]);
      if (inner !== value[i]) (out ??= value.slice())[i] = inner;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const inner = (value as Record<string, unknown>)[key];
      const read = VERBATIM.has(key) ? inner : reduceDeep(inner);
      if (read !== inner) (out ??= {...(value as Record<string, unknown>)})[key] = read;
    }
    return out ?? value;
  }
  return value;
}

/** Any JSON value as one line of text: `a, b` for a list, `key: value; …` for an object. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter((t) => t !== '').join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => [key, textOf(inner)])
    .filter(([, text]) => text !== '')
    .map(([key, text]) => `${key}: ${text}`)
    .join('; ');
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function objectOf(value: Record<string, unknown>, spec: Fields, top = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Indexed loops, here and in read_: this runs once, cold, where for…of allocates an iterator
  // result per element.
  const keys = Object.keys(value);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const inner = value[key];
    const alias = spec.aliases?.[key];
    // An alias is read as its new name unless the document gives the new name too.
    const name = alias !== undefined && !(alias in value) ? alias : key;
    const shape = spec.fields[name];
    if (!shape || name === '__proto__') {
      if (name === '__proto__') continue;
      // A top-level key that is no section but holds entries or text: read as a section's entries.
      if (top && isExtraKey(name) && holdsEntries(inner)) out[name] = read_(inner, typeof inner === 'string' ? 'text' : (inner as unknown[]).some(isObject) ? {list: EXTRA_ENTRY, primary: 'name'} : 'texts');
      else out[name] = top || name.startsWith('x-') ? inner : reduceDeep(inner);
      continue;
    }
    if (VERBATIM.has(name) && typeof inner === 'string') {
      out[name] = inner;
      continue;
    }
    const read = read_(inner, shape);
    if (read !== undefined) out[name] = read;
  }
  return out;
}

function read_(value: unknown, shape: Shape): unknown {
  if (shape === 'date') {
    if (value === null || value === '') return undefined;
    return typeof value === 'string' ? value : textOf(value) || undefined;
  }
  if (shape === 'string' || shape === 'place') {
    if (value === null || value === undefined) return undefined;
    if (shape === 'place' && isObject(value)) return placeOf(value);
    return reduceHtml(typeof value === 'string' ? value : textOf(value), 'line');
  }
  if (shape === 'text') {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') return reduceHtml(value);
    // A list where one paragraph belongs: its items are paragraphs (`summary: ["…", "…"]`).
    if (Array.isArray(value)) return value.map((item) => reduceHtml(textOf(item))).filter((t) => t.trim() !== '').join('\n\n');
    return reduceHtml(textOf(value));
  }
  if (shape === 'strings' || shape === 'texts') {
    if (value === null || value === undefined) return undefined;
    const items: unknown[] = Array.isArray(value) ? value : [value];
    const texts: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const text = shape === 'strings' ? reduceHtml(isObject(item) ? keywordOf(item) : textOf(item), 'line') : reduceHtml(textOf(item));
      // A paragraph that is a list (`<ul><li>…</li></ul>` as one highlight) is that many items.
      if (shape === 'texts' && text !== item && /^- /.test(text) && text.split('\n').every((line) => /^(- | {2})/.test(line))) {
        for (const line of text.split(/\n(?=- )/)) texts.push(line.slice(2));
      } else if (text !== '') texts.push(text);
    }
    return texts;
  }
  if ('object' in shape) return isObject(value) ? objectOf(value, shape.object) : undefined;
  if (!Array.isArray(value)) return isObject(value) ? [objectOf(value, shape.list)] : undefined;
  // Plain loops, not map/filter/flatMap: a list of a thousand projects makes one array, not a
  // thousand and one.
  const entries: Record<string, unknown>[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (isObject(item)) entries.push(objectOf(item, shape.list));
    else {
      const text = reduceHtml(textOf(item), 'line');
      if (text !== '' && shape.primary) entries.push({[shape.primary]: text});
    }
  }
  return entries;
}
