import {readFileSync, statSync} from 'node:fs';
import {findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError} from 'jsonc-parser';
import {distance} from './distance';
import {firstInvalidUtf8, formatPath, positionAt} from './location';
import {TOP_LEVEL_KEYS, holdsEntries, isExtraKey} from './fields';
import {normalizeResume} from './normalize';
import {checkDates, checkLanguage} from './rules';
import {scanStructure} from './scan';
import {sanitizeText, sanitizeValue, sourceIsUntouched} from './sanitize';
import type {Resume} from './types';
import {validateExtensions, validateOfficial, type SchemaViolation} from './validators.generated';

/** A load failure as a value: the CLI turns it into one line (see formatLoadError). */
export interface LoadError {
  file: string;
  line?: number;
  column?: number;
  /** The JSON path, e.g. `work[0].startDate`. */
  path?: string;
  message: string;
  /**
   * Something the official validator accepts but a reader may not mean (a top-level key that is
   * no JSON Resume section): said, with `note:` before it, but never a problem: `--check` still
   * exits 0 and `--strict` still opens the file.
   */
  note?: boolean;
}

/**
 * A loaded résumé: `resume` read for showing (src/resume/normalize.ts), `source` as written
 * (sanitized; what `--format json` prints), and the problems it has. Strict loading refuses a
 * file with any problem (so `warnings` is empty); lenient loading shows it and warns.
 */
export type LoadResult = {ok: true; resume: Resume; source: Record<string, unknown>; warnings: LoadError[]} | {ok: false; error: LoadError};

export interface LoadOptions {
  /**
   * Open any JSON object within the limits, and report schema problems, duplicate keys and
   * unknown top-level keys as warnings instead of refusing the file (default: strict).
   */
  lenient?: boolean;
}

const PARSE_OPTIONS = {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false};

/** Files larger than this are refused before they are read: a résumé is a few kilobytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Deeper nesting than this is refused (the real document nests five levels). */
export const MAX_DEPTH = 64;

/** A file name as messages show it: it comes from the command line, so it is data too. */
export function shownFileName(file: string): string {
  return sanitizeText(file).replace(/\n/g, ' ');
}

/** `data/resume.json:42:17: work[0].startDate: expected …` */
export function formatLoadError(error: LoadError): string {
  const file = shownFileName(error.file);
  const where = error.line === undefined ? file : `${file}:${error.line}:${error.column ?? 1}`;
  const message = error.note ? `note: ${error.message}` : error.message;
  return error.path === undefined ? `${where}: ${message}` : `${where}: ${error.path}: ${message}`;
}

/** Reads, decodes, parses, validates and sanitizes a résumé file. `file` is the name shown in errors. */
export function loadResumeFile(filePath: string, file: string = filePath, options: LoadOptions = {}): LoadResult {
  const bytes = readResume(filePath, file);
  return bytes instanceof Uint8Array ? parseResume(bytes, file, options) : bytes;
}

/**
 * Every problem of a résumé file, in the order of the file (`--check`): one that cannot be read
 * or parsed has exactly one; a valid JSON Resume has none.
 */
export function checkResumeFile(filePath: string, file: string = filePath): LoadError[] {
  const bytes = readResume(filePath, file);
  if (!(bytes instanceof Uint8Array)) return [bytes.error];
  const examined = examine(bytes, file);
  return 'fatal' in examined ? [examined.fatal] : inFileOrder(examined.problems).map(plain);
}

function readResume(filePath: string, file: string): Uint8Array | Failure {
  let bytes: Uint8Array;
  try {
    const stat = statSync(filePath);
    if (stat.isDirectory()) return fail(file, 'is a directory, not a JSON file');
    if (stat.size > MAX_FILE_BYTES) {
      return fail(file, `is ${(stat.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / 1048576} MiB`);
    }
    bytes = readFileSync(filePath);
  } catch (error) {
    return fail(file, describeIoError(error));
  }
  return bytes;
}

/** Decodes and checks a résumé from bytes (or already-decoded text). */
export function parseResume(input: Uint8Array | string, file: string, options: LoadOptions = {}): LoadResult {
  const examined = examine(input, file);
  if ('fatal' in examined) return {ok: false, error: examined.fatal};
  const {source, problems} = examined;
  // Strict: the first problem of the first kind (duplicates, the schema, the date rules); notes are no problem.
  const first = problems.find((p) => !p.note);
  if (!options.lenient && first) return {ok: false, error: plain(first)};
  const warnings = options.lenient ? inFileOrder(problems).map(({shown, ...p}) => ({...p, message: shown ? `${p.message} (${shown})` : p.message})) : [];
  return {ok: true, resume: normalizeResume(source), source, warnings};
}

const plain = ({shown: _, ...error}: Problem): LoadError => error;

/** Problems sorted by where they are in the file (stable: the same place keeps its kinds' order). */
function inFileOrder<T extends LoadError>(problems: T[]): T[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** A problem, and how the viewer shows the value anyway (`read as present`), said only when it does. */
type Problem = LoadError & {shown?: string};

type Examined = {fatal: LoadError} | {source: Record<string, unknown>; problems: Problem[]};

/**
 * Decodes, parses and checks a résumé. What stops it from being read at all is `fatal`; every
 * rule it breaks is a problem, grouped by kind (duplicate keys, the official schema, the
 * extension rules, dates, unknown top-level keys), each kind in file order.
 */
function examine(input: Uint8Array | string, file: string): Examined {
  const fatal = (result: Failure): Examined => ({fatal: result.error});
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
      return fatal(fail(file, 'is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8', 1, 1));
    }
    const bad = firstInvalidUtf8(input);
    if (bad !== -1) {
      const {line, column} = positionAt(new TextDecoder().decode(input.subarray(0, bad)), bad);
      // A file cut off (a failed copy or download) inside a multi-byte character is not badly encoded.
      if (cutInsideCharacter(input, bad)) return fatal(fail(file, 'unexpected end of file (cut inside a UTF-8 character)', line, column));
      return fatal(fail(file, `invalid UTF-8 (byte 0x${input[bad]!.toString(16).padStart(2, '0')}); save the file as UTF-8`, line, column));
    }
    text = new TextDecoder('utf-8', {ignoreBOM: false}).decode(input);
  }
  // A UTF-8 byte order mark is allowed (RFC 8259 §8.1 lets a parser ignore it) and dropped.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fatal(fail(file, 'is empty; expected a JSON Resume object', 1, 1));

  const {tooDeepAt, duplicates} = scanStructure(text, MAX_DEPTH);
  if (tooDeepAt !== -1) return fatal(failAt(file, text, tooDeepAt, `nested more than ${MAX_DEPTH} levels deep`));

  // The fast path: the native parser, the structure scan above for duplicate keys, precompiled validators.
  // The slower tree parse runs only to say where a problem is.
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const errors: ParseError[] = [];
    parseTree(text, errors, PARSE_OPTIONS);
    const first = errors[0];
    // The tolerant parser found nothing: report what the strict one said, at the start.
    if (!first) return fatal(fail(file, `invalid JSON: ${(error as Error).message}`, 1, 1));
    return fatal(failAt(file, text, first.offset, `invalid JSON: ${describeParseError(first, text)}`));
  }
  // Sanitize once, before anything (error messages included) can show a string from the data; a
  // text with nothing sanitizing could change is read through once instead (./sanitize.ts).
  const value = sourceIsUntouched(text) ? raw : sanitizeValue(raw);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fatal(failAt(file, text, text.length - text.trimStart().length, `expected an object, got ${describeValue(value)}`, '(root)'));
  }
  let tree: Node | undefined;
  const at = (path: Array<string | number>, message: string): LoadError => {
    tree ??= parseTree(text, [], PARSE_OPTIONS);
    const node = tree && nodeFor(tree, path);
    const {line, column} = positionAt(text, node?.offset ?? 0);
    return {file, line, column, path: formatPath(path), message};
  };
  const byPlace = (a: LoadError, b: LoadError) => a.line! - b.line! || a.column! - b.column!;
  const problems: Problem[] = [];
  for (const duplicate of duplicates) {
    const {line, column} = positionAt(text, duplicate.offset);
    problems.push({file, line, column, path: formatPath(duplicate.path), message: `duplicate key ${JSON.stringify(duplicate.key)}`, shown: 'the last one is used'});
  }
  for (const validator of [validateOfficial, validateExtensions]) {
    if (validator(value)) continue;
    const seen = new Set<string>();
    const found: Problem[] = [];
    for (const error of validator.errors ?? []) {
      const path = pointerToPath(error.instancePath, value);
      const instance = valueAt(value, path);
      const problem: Problem = {...at(path, describeSchemaError(error, instance)), shown: howShown(error, instance, path)};
      const key = `${problem.path}|${problem.message}`;
      if (!seen.has(key)) found.push(problem), seen.add(key);
    }
    problems.push(...found.sort(byPlace));
  }
  problems.push(...checkDates(value).map((v) => at(v.path, v.message)));
  problems.push(...checkLanguage(value).map((v) => at(v.path, v.message)));
  // The official schema allows other top-level keys (additionalProperties: true): a note each.
  for (const key of Object.keys(value)) {
    if (!isExtraKey(key)) continue;
    const shown = holdsEntries((value as Record<string, unknown>)[key]);
    problems.push({...at([key], unknownKeyMessage(key, shown)), note: true});
  }
  return {source: value as Record<string, unknown>, problems};
}

/**
 * The sections real files name otherwise, which edit distance alone does not find (or finds
 * wrongly): `certifications` is 5 edits from `certificates`.
 */
const SECTION_ALIASES: Readonly<Record<string, string>> = {
  certifications: 'certificates',
  certification: 'certificates',
  licenses: 'certificates',
  volunteers: 'volunteer',
  volunteering: 'volunteer',
  experience: 'work',
  employment: 'work',
  jobs: 'work',
  honors: 'awards',
  hobbies: 'interests',
  talks: 'publications',
  portfolio: 'projects',
};

/** The section a key was probably meant to be: an alias, else one at most two edits away. */
export function meantSection(key: string): string | undefined {
  const lower = key.toLowerCase();
  const alias = SECTION_ALIASES[lower];
  if (alias) return alias;
  return TOP_LEVEL_KEYS.filter((k) => k !== '$schema' && !k.startsWith('x-'))
    .map((k) => ({k, d: distance(k.toLowerCase(), lower)}))
    .filter((c) => c.d <= (key.length >= 4 ? 2 : 1))
    .sort((a, b) => a.d - b.d)[0]?.k;
}

/** `not a JSON Resume section, not shown; did you mean "basics"?` */
function unknownKeyMessage(key: string, shown: boolean): string {
  const meant = meantSection(key);
  const how = shown ? 'shown as a section of its own' : 'not shown (no entries or text)';
  return `not a JSON Resume section, ${how}${meant ? `; did you mean "${meant}"?` : ''}`;
}

/** Whether the bytes from `at` to the end are the start of a multi-byte UTF-8 character, cut short. */
function cutInsideCharacter(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at]!;
  const need = lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xc2 && lead <= 0xdf ? 1 : 0;
  const rest = bytes.subarray(at + 1);
  return need > 0 && rest.length < need && rest.every((c) => (c & 0xc0) === 0x80);
}

type Failure = {ok: false; error: LoadError};

function fail(file: string, message: string, line?: number, column?: number): Failure {
  return {ok: false, error: {file, line, column, message}};
}

function failAt(file: string, text: string, offset: number, message: string, path?: string): Failure {
  const {line, column} = positionAt(text, offset);
  return {ok: false, error: {file, line, column, path, message}};
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a directory, not a JSON file';
  return `cannot be read (${code ?? (error as Error).message})`;
}

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' or a closing bracket",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected content after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'control character in a string (escape it, e.g. \\n)',
};

function describeParseError(error: ParseError | undefined, text: string): string {
  if (!error) return 'not a JSON document';
  const code = printParseErrorCode(error.error);
  const message = PARSE_MESSAGES[code] ?? code;
  const end = text.trimEnd().length;
  // A string or comment cut off by the end of the file starts before the end: where it ends is what counts.
  const cutOff = code.startsWith('UnexpectedEndOf') && error.offset + error.length >= end;
  return error.offset >= end || cutOff ? `unexpected end of file (${message})` : message;
}

/** The deepest node that exists along `path` (a missing property points at its object). */
function nodeFor(tree: Node, path: Array<string | number>): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return node;
  }
  return undefined;
}

/** `/work/0/startDate` → `['work', 0, 'startDate']`, numbers where the value is an array. */
function pointerToPath(pointer: string, value: unknown): Array<string | number> {
  const path: Array<string | number> = [];
  let at = value;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(at) ? Number(part) : part;
    path.push(key);
    at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined), value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') { const chars = [...value]; return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : value); }
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  object: 'an object',
  array: 'an array',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

/** What the viewer does with a value the schema refuses, when it opens the file anyway. */
function howShown(error: SchemaViolation, instance: unknown, path: Array<string | number>): string | undefined {
  if (path.at(-1) === 'endDate' && (instance === null || instance === '')) return 'read as present';
  if (error.keyword === 'format' && error.params.format === 'uri') return 'shown as written';
  if (error.keyword === 'type' && String(error.params.type) === 'string') {
    const key = path.findLast((part) => typeof part === 'string');
    // Values of other shapes, read as a person would (src/resume/normalize.ts).
    if (Array.isArray(instance) && (key === 'summary' || key === 'description' || key === 'reference' || key === 'body')) return 'read as paragraphs';
    if (instance !== null && typeof instance === 'object' && !Array.isArray(instance)) {
      if (key === 'location') return 'read as its place';
      if (typeof path.at(-1) === 'number' && (key === 'keywords' || key === 'courses' || key === 'roles')) return 'read as its name and level';
    }
  }
  return undefined;
}

function describeSchemaError(error: SchemaViolation, instance: unknown): string {
  const got = describeValue(instance);
  const params = error.params;
  switch (error.keyword) {
    case 'type': {
      const wanted = String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t);
      return `expected ${wanted.join(' or ')}, got ${got}`;
    }
    case 'pattern':
      if (String(params.pattern).includes('[1-2][0-9]{3}')) return `expected a date like 2021-06, got ${got}`;
      if (String(params.pattern).includes('2-digit')) return `expected short, long, 2-digit, numeric or June 2021 as written (2021.06, 06/2021), got ${got}`;
      return `does not match ${String(params.pattern)}, got ${got}`;
    case 'format':
      if (params.format === 'uri') return `expected a URL like https://example.com, got ${got}`;
      if (params.format === 'email') return `expected an email address, got ${got}`;
      return `expected ${String(params.format)}, got ${got}`;
    case 'required':
      return `missing required property ${JSON.stringify(params.missingProperty)}`;
    default:
      return error.message ?? error.keyword;
  }
}
