import {readFileSync, statSync} from 'node:fs';
import {parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError} from 'jsonc-parser';
import {validate as validateOfficial} from '@jsonresume/schema';
import {Validator, type ValidationError} from 'jsonschema';
import {firstInvalidUtf8, formatPath, positionAt} from './location';
import {checkDates, extensionSchema} from './rules';
import {sanitizeText, sanitizeValue} from './sanitize';
import type {Resume} from './types';

/** A load failure as a value: the CLI turns it into one line (see formatLoadError). */
export interface LoadError {
  file: string;
  line?: number;
  column?: number;
  /** The JSON path, e.g. `work[0].startDate`. */
  path?: string;
  message: string;
}

export type LoadResult = {ok: true; resume: Resume} | {ok: false; error: LoadError};

/** Files larger than this are refused before they are read: a résumé is a few kilobytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Deeper nesting than this is refused (the real document nests five levels). */
export const MAX_DEPTH = 64;

/** `data/resume.json:42:17: work[0].startDate: expected …` */
export function formatLoadError(error: LoadError): string {
  // The file name comes from the command line: it is data too.
  const file = sanitizeText(error.file).replace(/\n/g, ' ');
  const where = error.line === undefined ? file : `${file}:${error.line}:${error.column ?? 1}`;
  return error.path === undefined ? `${where}: ${error.message}` : `${where}: ${error.path}: ${error.message}`;
}

/** Reads, decodes, parses, validates and sanitizes a résumé file. `file` is the name shown in errors. */
export function loadResumeFile(filePath: string, file: string = filePath): LoadResult {
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
  return parseResume(bytes, file);
}

/** Decodes and checks a résumé from bytes (or already-decoded text). */
export function parseResume(input: Uint8Array | string, file: string): LoadResult {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
      return fail(file, 'is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8', 1, 1);
    }
    const bad = firstInvalidUtf8(input);
    if (bad !== -1) {
      const {line, column} = positionAt(new TextDecoder().decode(input.subarray(0, bad)), bad);
      return fail(file, `invalid UTF-8 (byte 0x${input[bad]!.toString(16).padStart(2, '0')}); save the file as UTF-8`, line, column);
    }
    text = new TextDecoder('utf-8', {ignoreBOM: false}).decode(input);
  }
  // A UTF-8 byte order mark is allowed (RFC 8259 §8.1 lets a parser ignore it) and dropped.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail(file, 'is empty; expected a JSON Resume object', 1, 1);

  const tooDeep = depthExceededAt(text);
  if (tooDeep !== -1) return failAt(file, text, tooDeep, `nested more than ${MAX_DEPTH} levels deep`);

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false});
  if (errors.length > 0 || tree === undefined) {
    const first = errors[0];
    return failAt(file, text, first?.offset ?? 0, `invalid JSON: ${describeParseError(first, text)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // The tolerant parser accepted something strict JSON does not: report it at the start.
    return fail(file, `invalid JSON: ${(error as Error).message}`, 1, 1);
  }
  const duplicate = findDuplicateKey(tree, []);
  if (duplicate) return failAt(file, text, duplicate.offset, duplicate.message, formatPath(duplicate.path));

  // Sanitize once, before anything (error messages included) can show a string from the data.
  const value = sanitizeValue(raw);
  const schemaError = firstSchemaError(value);
  if (schemaError) {
    const node = nodeFor(tree, schemaError.path);
    return failAt(file, text, node?.offset ?? 0, describeSchemaError(schemaError), formatPath(schemaError.path));
  }
  const dateError = checkDates(value);
  if (dateError) {
    const node = nodeFor(tree, dateError.path);
    return failAt(file, text, node?.offset ?? 0, dateError.message, formatPath(dateError.path));
  }
  return {ok: true, resume: value as Resume};
}

function fail(file: string, message: string, line?: number, column?: number): LoadResult {
  return {ok: false, error: {file, line, column, message}};
}

function failAt(file: string, text: string, offset: number, message: string, path?: string): LoadResult {
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

/** The offset where nesting first goes past MAX_DEPTH, or -1 (checked before the recursive parser runs). */
function depthExceededAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

function findDuplicateKey(node: Node, path: Array<string | number>): {offset: number; path: Array<string | number>; message: string} | undefined {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      // Compared as loaded: keys that differ only by what sanitizing removes ("name", "\u200bname") are the same key.
      const key = sanitizeText(String(keyNode.value));
      if (seen.has(key)) return {offset: keyNode.offset, path, message: `duplicate key ${JSON.stringify(key)}`};
      seen.add(key);
      if (valueNode) {
        const found = findDuplicateKey(valueNode, [...path, key]);
        if (found) return found;
      }
    }
  } else if (node.type === 'array') {
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) {
      const found = findDuplicateKey(children[i]!, [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The deepest node that exists along `path` (a missing property points at its object). */
function nodeFor(tree: Node, path: Array<string | number>): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return node;
  }
  return undefined;
}

interface SchemaError {
  path: Array<string | number>;
  error: ValidationError;
}

const extensionValidator = new Validator();

/** The first error (in document order) of the official schema, then of the extension rules. */
function firstSchemaError(value: unknown): SchemaError | undefined {
  let official: ValidationError[] = [];
  validateOfficial(value, (errors) => {
    official = errors ?? [];
  });
  const errors = official.length > 0 ? official : extensionValidator.validate(value, extensionSchema).errors;
  if (errors.length === 0) return undefined;
  // jsonschema reports in schema order; a reader wants the first problem in the file.
  const sorted = [...errors].sort((a, b) => comparePaths(a.path, b.path));
  const first = sorted[0]!;
  const path = first.name === 'required' ? [...first.path] : first.path;
  return {path, error: first};
}

function comparePaths(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
    return 0;
  }
  return a.length - b.length;
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

function describeSchemaError({error}: SchemaError): string {
  const got = describeValue(error.instance);
  switch (error.name) {
    case 'type': {
      const wanted = ([] as string[]).concat(error.argument as string | string[]).map((t) => TYPE_NAMES[t] ?? t);
      return `expected ${wanted.join(' or ')}, got ${got}`;
    }
    case 'pattern':
      if (String(error.argument).includes('[1-2][0-9]{3}')) return `expected a date like 2021-06, got ${got}`;
      return `does not match ${String(error.argument)}, got ${got}`;
    case 'format':
      if (error.argument === 'uri') return `expected a URL like https://example.com, got ${got}`;
      if (error.argument === 'email') return `expected an email address, got ${got}`;
      return `expected ${String(error.argument)}, got ${got}`;
    case 'required':
      return `missing required property ${JSON.stringify(error.argument)}`;
    default:
      return error.message;
  }
}
