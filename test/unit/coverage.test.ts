/**
 * Every string a résumé's sections hold reaches the printed text: pre-1.0 names, the address,
 * a project's entity and type, fields the viewer does not know, sections under other names
 * (`volunteers`). Walked from the file as written, so a field that the document layer forgets
 * fails here by name. A string with HTML is looked for as it reads (src/resume/html.ts: its text,
 * its links as `text (address)`), marks aside; a keyword given as an object, by its name and level.
 */
import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {extraKeys} from '../../src/document/extra';
import {reduceHtml} from '../../src/resume/html';
import {dateStyleOf, formatDate, type DateStyle} from '../../src/i18n/dates';
import {labelSetFor} from '../../src/i18n/labels';
import {loadResumeFile} from '../../src/resume/load';
import {linksAsText, renderPlain} from '../../src/text/plain';
import {fixturePath} from '../helpers/fixtures';
import {LENIENT_FIXTURES, lenientFixture, OFFICIAL_RESUMES} from '../helpers/lenient';
import {ANY_RESUMES} from '../helpers/resumes';

/** Keys whose strings are not reading matter: the schema's URL, metadata, a picture's address. */
const SKIPPED_TOP = new Set(['$schema', 'meta']);
const SKIPPED_KEYS = new Set(['image', 'picture']);
const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

/** Every non-empty string under the résumé's known sections, with its path; dates as `dates` writes them (src/i18n/dates.ts). */
function stringsOf(value: unknown, path: string, dates?: DateStyle, out: Array<{path: string; text: string}> = []): Array<{path: string; text: string}> {
  if (typeof value === 'string') {
    const key = path.replace(/.*\./, '');
    if (value.trim() !== '') out.push({path, text: DATE_KEYS.has(key) && dates ? formatDate(value, dates) : value});
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => stringsOf(v, `${path}[${i}]`, dates, out));
  } else if (value !== null && typeof value === 'object') {
    // A keyword given as an object is shown as its name and level; a logo is no text.
    const keyword = /\.keywords\[\d+\]$/.test(path);
    for (const [key, inner] of Object.entries(value)) if (!SKIPPED_KEYS.has(key) && (!keyword || key === 'name' || key === 'level')) stringsOf(inner, `${path}.${key}`, dates, out);
  }
  return out;
}

/** Whitespace folded: wrapping moves line breaks, never words; inline marks aside (`**`, `*`). */
const flat = (text: string) => text.replace(/\*+/g, '').replace(/\s+/g, ' ');

const KNOWN_TOP = new Set(['basics', 'work', 'volunteer', 'education', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references', 'projects', 'x-service', 'x-essays']);

const FILES = [
  ...LENIENT_FIXTURES.map(lenientFixture),
  fixturePath('ada'),
  fixturePath('jiwoo'),
  fixturePath('minimal'),
  ...OFFICIAL_RESUMES,
];

describe('every string of every section reaches the printed text', () => {
  it.each(FILES.map((f) => [basename(f), f]))('%s', (_name, file) => {
    const loaded = loadResumeFile(file, file, {lenient: true});
    if (!loaded.ok) throw new Error(`${file} did not open: ${loaded.error.message}`);
    const doc = toDocument(loaded.resume);
    const text = flat(renderPlain(doc, 1000));
    // Dates in the résumé's own style (its language's, or its meta's): one style for every section.
    const dates = dateStyleOf(doc.language!, labelSetFor(doc.language!).set, '', loaded.resume.meta?.['x-dates']);
    // Read as written (JSON.parse keeps the last of a duplicate key, as the loader does).
    const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const extra = new Set(extraKeys(source));
    const strings = Object.entries(source)
      .filter(([key]) => (KNOWN_TOP.has(key) || extra.has(key)) && !SKIPPED_TOP.has(key))
      .flatMap(([key, value]) => stringsOf(value, key, dates));
    const missing = strings.filter(({text: s}) => !text.includes(flat(linksAsText(reduceHtml(s))))).map((s) => `${s.path}: ${s.text}`);
    expect(missing).toEqual([]);
  });

  it('the walk sees what it should: the fixture of every field has strings in all twelve sections', () => {
    const source = JSON.parse(readFileSync(lenientFixture('every-field'), 'utf8')) as Record<string, unknown>;
    const tops = new Set(stringsOf(source, '').map((s) => s.path.split(/[.[]/)[1]));
    for (const key of KNOWN_TOP) expect(tops, key).toContain(key);
  });
});

describe('the official schema package’s résumés', () => {
  it('its sample and every one of its examples are among ANY_RESUMES: printed as text, Markdown and JSON and opened in the app', () => {
    expect(OFFICIAL_RESUMES.map((f) => basename(f))).toEqual(['sample.resume.json', 'career-changer.resume.json', 'new-grad.resume.json', 'senior-engineer.resume.json']);
    const listed = new Set(ANY_RESUMES.map((r) => r.path));
    for (const file of OFFICIAL_RESUMES) expect(listed, basename(file)).toContain(file);
  });
});
