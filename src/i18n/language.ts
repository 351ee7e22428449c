import type {Resume} from '../resume/types';
import {detectLanguage, MIN_MARGIN, type Detection} from './detect';

// The résumé's language, which picks its labels, section titles and date style (toDocument):
//   1. the flag (`--lang de`);
//   2. the document: `meta.language` (what kim-resume recommends), or the spellings real files and
//      themes use: `meta.lang`, `meta.locale`, a top-level `language`;
//   3. detection from the résumé's own text (src/i18n/detect.ts), when it is sure enough;
//   4. English.

/** Where the document may name its language, in the order they are read. */
export const META_LANGUAGE_KEYS: ReadonlyArray<{path: readonly string[]; name: string}> = [
  {path: ['meta', 'language'], name: 'meta.language'},
  {path: ['meta', 'lang'], name: 'meta.lang'},
  {path: ['meta', 'locale'], name: 'meta.locale'},
  {path: ['language'], name: 'language'},
];

export type LanguageSource =
  | {by: 'flag'}
  | {by: 'meta'; key: string}
  | {by: 'detected'; detection: Extract<Detection, {tag: string}>}
  | {by: 'default'; detection?: Extract<Detection, {tag: undefined}>};

/** A language settled on: its BCP 47 tag, and how it was chosen. */
export interface Language {
  tag: string;
  source: LanguageSource;
}

export const DEFAULT_LANGUAGE = 'en';

/**
 * A language tag as written (`de`, `pt-BR`, `zh_TW`, `de_DE.UTF-8`) in its BCP 47 form, or
 * undefined when it is not one or its language is not an ISO 639 code of two or three letters
 * (`german`, `Deutsch`). Syntax only: asking the locale data which languages it has costs 20–80 ms
 * of start-up (Intl's supportedLocalesOf, measured); a well-formed code it lacks (`xx`) gets
 * English words and English dates (src/i18n/dates.ts asks Intl for it, then English).
 */
export function canonicalTag(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // A POSIX locale's codeset and modifier (`.UTF-8`, `@euro`) say nothing of the language.
  const written = raw.trim().replace(/[.@].*$/s, '').replace(/_/g, '-');
  if (written === '') return undefined;
  try {
    const [tag] = Intl.getCanonicalLocales(written);
    return tag && /^[a-z]{2,3}$/.test(new Intl.Locale(tag).language) ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** The language the document names, and where it names it; undefined when it names none. */
export function metaLanguage(resume: object): {tag: string; key: string} | undefined {
  for (const {path, name} of META_LANGUAGE_KEYS) {
    let value: unknown = resume;
    for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    const tag = canonicalTag(value);
    if (tag) return {tag, key: name};
  }
  return undefined;
}

/** The résumé's language: the flag's (already checked with canonicalTag), the document's, detected, or English. */
export function resolveLanguage(resume: Resume, flag?: string): Language {
  const flagged = flag === undefined ? undefined : canonicalTag(flag);
  if (flagged) return {tag: flagged, source: {by: 'flag'}};
  const named = metaLanguage(resume);
  if (named) return {tag: named.tag, source: {by: 'meta', key: named.key}};
  const detection = detectLanguage(resumeText(resume));
  if (detection.tag !== undefined) return {tag: detection.tag, source: {by: 'detected', detection}};
  return {tag: DEFAULT_LANGUAGE, source: {by: 'default', detection}};
}

/** How `--check` says it: `de (meta.language)`, `ja (detected: Han and kana, 0.97 of the letters)`. */
export function describeLanguage({tag, source}: Language): string {
  switch (source.by) {
    case 'flag':
      return `${tag} (--lang)`;
    case 'meta':
      return `${tag} (${source.key})`;
    case 'detected': {
      const d = source.detection;
      return d.by === 'script'
        ? `${tag} (detected from its script: ${d.script}, ${d.confidence.toFixed(2)} of the letters)`
        : `${tag} (detected from its text: franc-min puts it ahead by ${d.confidence.toFixed(3)}, at least ${MIN_MARGIN} needed)`;
    }
    case 'default':
      return `${tag} (the default: not detected, ${source.detection?.why ?? 'no text'}; meta.language can name it)`;
  }
}

/** Keys whose text is the résumé's prose: what its language is read from (names, addresses and tags are not). */
const PROSE_KEYS = new Set(['label', 'summary', 'description', 'highlights', 'position', 'area', 'studyType', 'courses', 'reference', 'x-title', 'title', 'body', 'roles', 'fluency', 'level']);
/** Enough text to tell a language by (detection reads the first 2,048 characters). */
const TEXT_LIMIT = 4096;

/** The résumé's prose, in document order, one string per line, up to TEXT_LIMIT characters. */
export function resumeText(resume: Resume): string {
  const parts: string[] = [];
  let length = 0;
  const add = (text: string) => {
    parts.push(text);
    length += text.length + 1;
  };
  const walk = (value: unknown, prose: boolean): void => {
    if (length >= TEXT_LIMIT) return;
    if (typeof value === 'string') {
      if (prose && value.trim() !== '') add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, prose);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (key !== 'meta') walk(inner, PROSE_KEYS.has(key));
    }
  };
  walk(resume, false);
  return parts.join('\n');
}
