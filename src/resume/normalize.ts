import {RESUME_FIELDS, type Fields, type Shape} from './fields';
import type {Resume} from './types';

/**
 * Reads any JSON object as a Resume the document layer can rely on: each known field holds the
 * type it should (src/resume/fields.ts), so a document that breaks the schema still shows what it
 * says. Nothing a reader wrote is lost on the way:
 *  - pre-1.0 names are read as today's (`company` → `name`, `gpa` → `score`) unless both are given;
 *  - a number or true/false where text belongs is that text; a list where one text belongs is its
 *    items joined; a lone string where a list belongs is a list of one;
 *  - an empty or null date is no date (an open end reads "present"); any other date stays as written;
 *  - a bare string in a list of entries is an entry with only its main field (`skills: ["Go"]`);
 *  - fields it does not know stay in their object, as written, to be listed after the known ones.
 * A valid JSON Resume 1.0 document without pre-1.0 names comes back equal to itself.
 */
export function normalizeResume(value: Record<string, unknown>): Resume {
  return objectOf(value, RESUME_FIELDS) as Resume;
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

function objectOf(value: Record<string, unknown>, spec: Fields): Record<string, unknown> {
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
      if (name !== '__proto__') out[name] = inner;
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
  if (shape === 'string') {
    if (value === null || value === undefined) return undefined;
    return typeof value === 'string' ? value : textOf(value);
  }
  if (shape === 'strings') {
    if (value === null || value === undefined) return undefined;
    const items: unknown[] = Array.isArray(value) ? value : [value];
    const texts: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const text = textOf(items[i]);
      if (text !== '') texts.push(text);
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
      const text = textOf(item);
      if (text !== '' && shape.primary) entries.push({[shape.primary]: text});
    }
  }
  return entries;
}
