import {chmodSync, mkdirSync, readFileSync, truncateSync, writeFileSync} from 'node:fs';
import fc from 'fast-check';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {firstInvalidUtf8, formatPath, positionAt} from '../../src/resume/location';
import {formatLoadError, loadResumeFile, MAX_DEPTH, MAX_FILE_BYTES, parseResume, type LoadResult} from '../../src/resume/load';
import {checkDates} from '../../src/resume/rules';
import {fixturePath, RESUME_PATH, tempFixtures} from '../helpers/fixtures';

// readFileSync is watched (and still reads), so a test can tell that a file was never read.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {...actual, readFileSync: vi.fn(actual.readFileSync)};
});

const fx = tempFixtures();
afterAll(() => fx.cleanup());

/** Writes `content` as `name` in the fixture directory and loads it, naming it `name` in errors. */
function load(name: string, content: string | Uint8Array): LoadResult {
  return loadResumeFile(fx.write(name, content), name);
}

/** The one-line error for a fixture; fails the test if the file loads. */
function errorOf(name: string, content: string | Uint8Array): string {
  const result = load(name, content);
  if (result.ok) throw new Error(`${name} loaded, but an error was expected`);
  return formatLoadError(result.error);
}

const isRoot = process.getuid?.() === 0;

describe('loadResumeFile: files that cannot be read', () => {
  it('a missing file', () => {
    const result = loadResumeFile(fx.path('missing.json'), 'missing.json');
    expect(result).toEqual({ok: false, error: {file: 'missing.json', message: 'no such file'}});
    if (!result.ok) expect(formatLoadError(result.error)).toBe('missing.json: no such file');
  });

  it('names the file by its path when no display name is given', () => {
    const path = fx.path('nowhere.json');
    const result = loadResumeFile(path);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatLoadError(result.error)).toBe(`${path}: no such file`);
  });

  it('a directory', () => {
    const dir = fx.path('a-directory');
    mkdirSync(dir);
    const result = loadResumeFile(dir, 'a-directory');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatLoadError(result.error)).toBe('a-directory: is a directory, not a JSON file');
  });

  it.skipIf(isRoot || process.platform === 'win32')('a file without read permission (skipped as root, who reads mode-000 files, and on Windows, which has no such mode)', () => {
    const file = fx.write('locked.json', '{}');
    chmodSync(file, 0o000);
    try {
      const result = loadResumeFile(file, 'locked.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(formatLoadError(result.error)).toBe('locked.json: cannot be read (permission denied)');
    } finally {
      chmodSync(file, 0o600);
    }
  });

  it('a path through a file (other I/O errors name their code)', () => {
    const file = fx.write('plain-file', '{}');
    const result = loadResumeFile(`${file}/resume.json`, 'plain-file/resume.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatLoadError(result.error)).toBe('plain-file/resume.json: cannot be read (ENOTDIR)');
  });

  it('a file bigger than the limit is refused before it is read', () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(errorOf('big.json', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20))).toBe('big.json: is 10.0 MiB; the limit is 10 MiB');
  });
});

describe('loadResumeFile: empty and invalid JSON', () => {
  it.each([
    ['an empty file', 'empty.json', '', 'empty.json:1:1: is empty; expected a JSON Resume object'],
    ['a whitespace-only file', 'blank.json', '  \n\t\r\n  ', 'blank.json:1:1: is empty; expected a JSON Resume object'],
    [
      // The comma is missing at the end of line 3; the parser notices at the next key (4:5).
      'a missing comma',
      'comma.json',
      '{\n  "basics": {\n    "name": "김성호"\n    "label": "Backend Engineer"\n  }\n}\n',
      "comma.json:4:5: invalid JSON: expected ',' or a closing bracket",
    ],
    [
      // Columns count characters: the emoji is one column, not two UTF-16 units.
      'a missing comma after an emoji',
      'emoji.json',
      '{"basics": {"name": "👍" "label": "x"}}',
      "emoji.json:1:25: invalid JSON: expected ',' or a closing bracket",
    ],
    [
      'a trailing comma in an object',
      'trailing.json',
      '{\n  "basics": {\n    "name": "김성호",\n  }\n}\n',
      'trailing.json:4:3: invalid JSON: expected a property name in double quotes',
    ],
    ['a trailing comma in an array', 'trailing-array.json', '{\n  "work": [\n    {},\n  ]\n}\n', 'trailing-array.json:4:3: invalid JSON: expected a value'],
    ['a line comment', 'comment.json', '{\n  // my résumé\n  "basics": {}\n}\n', 'comment.json:2:3: invalid JSON: comments are not allowed in JSON'],
    ['a block comment', 'block.json', '{\n  "basics": {} /* x */\n}\n', 'block.json:2:16: invalid JSON: comments are not allowed in JSON'],
    [
      'a file cut off inside a string',
      'cut-string.json',
      '{\n  "basics": {\n    "name": "김성',
      'cut-string.json:3:13: invalid JSON: unexpected end of file (unterminated string)',
    ],
    [
      'a file cut off after a value',
      'cut-value.json',
      '{\n  "basics": {\n    "name": "김성호"\n  }\n',
      "cut-value.json:5:1: invalid JSON: unexpected end of file (expected '}')",
    ],
    [
      'a string broken by a raw newline (not at the end: no "end of file")',
      'newline.json',
      '{\n  "basics": {\n    "name": "김\n성호"\n  }\n}\n',
      'newline.json:3:13: invalid JSON: unterminated string',
    ],
    ['trailing garbage', 'garbage.json', '{"basics": {}} x', 'garbage.json:1:16: invalid JSON: unexpected character'],
    ['two documents', 'two.json', '{"basics": {}}\n{}', 'two.json:2:1: invalid JSON: unexpected content after the end of the document'],
    [
      // The parser reports a bad string at its opening quote (column 22), not at the bad character.
      'a raw control character in a string',
      'control.json',
      '{\n  "basics": {"name": "a\u001bb"}\n}',
      'control.json:2:22: invalid JSON: control character in a string (escape it, e.g. \\n)',
    ],
    ['single quotes', 'quotes.json', "{'basics': {}}", 'quotes.json:1:2: invalid JSON: unexpected character'],
  ])('%s', (_name, file, content, expected) => {
    expect(errorOf(file, content)).toBe(expected);
  });

  it('a résumé cut inside a string: unexpected end of file, at the string that was cut', () => {
    const full = readFileSync(fixturePath('jiwoo'), 'utf8');
    // Cut inside the essay body "명절 직전 배송량이 … 두 시간까지 쌓였습니다.": the error points at its opening quote.
    const half = full.slice(0, full.indexOf('두 시간까지'));
    const message = errorOf('half.json', half);
    expect(message).toMatch(/^half\.json:\d+:\d+: invalid JSON: unexpected end of file \(.+\)$/);
    const opening = half.lastIndexOf('"');
    const before = half.slice(0, opening).split('\n');
    const line = before.length;
    const column = [...before.at(-1)!].length + 1;
    expect(message).toBe(`half.json:${line}:${column}: invalid JSON: unexpected end of file (unterminated string)`);
  });
});

describe('loadResumeFile: schema and rule violations', () => {
  it.each([
    ['work as an object', 'work.json', '{\n  "work": {}\n}\n', 'work.json:2:11: work: expected an array, got an object'],
    ['the root is an array', 'array.json', '[]', 'array.json:1:1: (root): expected an object, got an array'],
    ['the root is a string', 'string.json', '"김성호"', 'string.json:1:1: (root): expected an object, got "김성호"'],
    ['the root is null', 'null.json', 'null', 'null.json:1:1: (root): expected an object, got null'],
    [
      'a date in words',
      'date.json',
      '{\n  "work": [\n    {\n      "name": "Laplace",\n      "startDate": "June 2021"\n    }\n  ]\n}\n',
      'date.json:5:20: work[0].startDate: expected a date like 2021-06, got "June 2021"',
    ],
    [
      'an impossible month',
      'month.json',
      '{\n  "work": [\n    {\n      "name": "Laplace",\n      "startDate": "2021-13"\n    }\n  ]\n}\n',
      'month.json:5:20: work[0].startDate: expected a date like 2021-06, got "2021-13" (no such month)',
    ],
    [
      'month 00',
      'month0.json',
      '{"education": [{"endDate": "2022-00"}]}',
      'month0.json:1:28: education[0].endDate: expected a date like 2021-06, got "2022-00" (no such month)',
    ],
    [
      'an impossible day',
      'day.json',
      '{"work": [{"startDate": "2021-02-30"}]}',
      'day.json:1:25: work[0].startDate: expected a date like 2021-06, got "2021-02-30" (no such day)',
    ],
    [
      'an end before the start',
      'order.json',
      '{\n  "work": [\n    {"name": "NC Lab", "startDate": "2021-06", "endDate": "2020-07"}\n  ]\n}\n',
      'order.json:3:59: work[0].endDate: ends (2020-07) before it starts (2021-06)',
    ],
    [
      'an end before the start in an extension',
      'xorder.json',
      '{"x-service": [{"organization": "해군", "startDate": "2019-06", "endDate": "2017-08"}]}',
      'xorder.json:1:74: x-service[0].endDate: ends (2017-08) before it starts (2019-06)',
    ],
    ['a number for a name', 'type.json', '{\n  "basics": {\n    "name": 42\n  }\n}\n', 'type.json:3:13: basics.name: expected a string, got number 42'],
    ['a boolean for a list', 'bool.json', '{"projects": [{"highlights": true}]}', 'bool.json:1:30: projects[0].highlights: expected an array, got boolean true'],
    [
      'a URL that is not one',
      'url.json',
      '{\n  "basics": {\n    "url": "not a url"\n  }\n}\n',
      'url.json:3:12: basics.url: expected a URL like https://example.com, got "not a url"',
    ],
    [
      'an email that is not one',
      'email.json',
      '{\n  "basics": {\n    "email": "kim at example"\n  }\n}\n',
      'email.json:3:14: basics.email: expected an email address, got "kim at example"',
    ],
    [
      'an essay without entries',
      'essay.json',
      '{\n  "x-essays": [\n    {"title": "1. 경험"}\n  ]\n}\n',
      'essay.json:3:5: x-essays[0]: missing required property "entries"',
    ],
    [
      'an essay entry without a body',
      'entry.json',
      '{"x-essays": [{"title": "t", "entries": [{"title": "알림 시스템"}]}]}',
      'entry.json:1:42: x-essays[0].entries[0]: missing required property "body"',
    ],
    ['a service without an organization', 'service.json', '{"x-service": [{}]}', 'service.json:1:16: x-service[0]: missing required property "organization"'],
    [
      'a position without a title',
      'position.json',
      '{"education": [{"x-positions": [{"startDate": "2020-07"}]}]}',
      'position.json:1:33: education[0].x-positions[0]: missing required property "title"',
    ],
    [
      'a section title that is not a string',
      'titles.json',
      '{"meta": {"x-sectionTitles": {"work": 5}}}',
      'titles.json:1:39: meta.x-sectionTitles.work: expected a string, got number 5',
    ],
    [
      'a long bad value is shortened in the message',
      'long.json',
      `{"work": [{"startDate": "${'x'.repeat(100)}"}]}`,
      `long.json:1:25: work[0].startDate: expected a date like 2021-06, got "${'x'.repeat(57)}..."`,
    ],
    [
      'the first problem in file order is reported',
      'first.json',
      '{"work": [{"startDate": "2021-06"}, {"startDate": "June"}, {"startDate": "July"}]}',
      'first.json:1:51: work[1].startDate: expected a date like 2021-06, got "June"',
    ],
  ])('%s', (_name, file, content, expected) => {
    expect(errorOf(file, content)).toBe(expected);
  });

  it('accepts a JSON Resume with no extensions and extra x- fields', () => {
    const result = load('plain.json', '{"basics": {"name": "Jane"}, "x-other": {"anything": [1, 2]}, "work": [{"name": "Acme", "startDate": "2020"}]}');
    expect(result.ok).toBe(true);
  });

  it('accepts dates with a day and a year alone, and an end in the start month', () => {
    const result = load('dates.json', '{"work": [{"startDate": "2021-06-15", "endDate": "2021-06"}, {"startDate": "2020", "endDate": "2024-02-29"}]}');
    expect(result.ok).toBe(true);
  });
});

describe('loadResumeFile: encodings', () => {
  const json = '{"basics": {"name": "김성호"}}';

  it('accepts a UTF-8 byte order mark (a documented decision) and drops it', () => {
    const result = load('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.resume.basics?.name).toBe('김성호');
  });

  it('refuses UTF-16 LE with a byte order mark', () => {
    expect(errorOf('utf16le.json', Buffer.from(`\ufeff${json}`, 'utf16le'))).toBe(
      'utf16le.json:1:1: is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8',
    );
  });

  it('refuses UTF-16 BE with a byte order mark', () => {
    const be = Buffer.from(`\ufeff${json}`, 'utf16le').swap16();
    expect(be[0]).toBe(0xfe);
    expect(errorOf('utf16be.json', be)).toBe('utf16be.json:1:1: is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  });

  it('refuses invalid UTF-8, pointing at the bad byte by line and character column', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "basics": {"name": "김'), Buffer.from([0xff]), Buffer.from('"}\n}\n')]);
    // Line 2: two spaces, `"basics":` (9), space, `{`, `"name":` (7), space, `"`, 김 → the byte is column 24.
    expect(errorOf('latin.json', bytes)).toBe('latin.json:2:24: invalid UTF-8 (byte 0xff); save the file as UTF-8');
  });

  it('refuses a Latin-1 file', () => {
    const bytes = Buffer.from('{"basics": {"name": "Ren\xe9"}}', 'latin1');
    expect(errorOf('latin1.json', bytes)).toBe('latin1.json:1:25: invalid UTF-8 (byte 0xe9); save the file as UTF-8');
  });
});

describe('loadResumeFile: structure limits', () => {
  it(`refuses nesting deeper than MAX_DEPTH (${MAX_DEPTH})`, () => {
    expect(MAX_DEPTH).toBe(64);
    // The object is level 1; the 64th bracket is level 65, at index 6 + 63 = 69 (column 70).
    const deep = `{"a": ${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(errorOf('deep.json', deep)).toBe('deep.json:1:70: nested more than 64 levels deep');
  });

  it('accepts nesting of exactly MAX_DEPTH levels', () => {
    const ok = `{"x-deep": ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}}`;
    expect(load('just-deep.json', ok).ok).toBe(true);
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(load('brackets.json', `{"basics": {"summary": "${'['.repeat(200)}\\"${'{'.repeat(200)}"}}`).ok).toBe(true);
  });

  it('refuses a duplicate key, naming the object and the key', () => {
    const dup = '{\n  "basics": {\n    "name": "김성호",\n    "name": "Kim"\n  }\n}\n';
    expect(errorOf('dup.json', dup)).toBe('dup.json:4:5: basics: duplicate key "name"');
  });

  it('refuses a duplicate key at the top level', () => {
    expect(errorOf('dup-root.json', '{"work": [],\n"work": []}')).toBe('dup-root.json:2:1: (root): duplicate key "work"');
  });

  it('refuses keys that are the same once sanitized (an invisible ZWSP must not hide a second "name")', () => {
    expect(errorOf('dup-zwsp.json', '{"basics": {"name": "Kim", "\\u200bname": "Evil"}}')).toBe('dup-zwsp.json:1:28: basics: duplicate key "name"');
  });

  it('names the path of a duplicate by sanitized keys', () => {
    expect(errorOf('dup-path.json', '{"x-\\u001b]0;pwned\\u0007a": {"k": 1, "k": 2}}')).toBe('dup-path.json:1:38: x-a: duplicate key "k"');
  });

  it('refuses a duplicate key inside an array item', () => {
    expect(errorOf('dup-item.json', '{"projects": [{}, {"name": "a", "name": "b"}]}')).toBe('dup-item.json:1:33: projects[1]: duplicate key "name"');
  });
});

describe('loadResumeFile: a valid résumé', () => {
  it('loads data/resume.json (whatever it holds) and the jiwoo fixture', () => {
    const shipped = loadResumeFile(RESUME_PATH, 'data/resume.json');
    if (!shipped.ok) throw new Error(formatLoadError(shipped.error));
    const result = loadResumeFile(fixturePath('jiwoo'), 'jiwoo.json');
    if (!result.ok) throw new Error(formatLoadError(result.error));
    expect(result.resume.basics?.name).toBe('한지우');
    expect(result.resume.projects).toHaveLength(4);
  });

  it.each(['jiwoo', 'ada'] as const)('returns the same data as JSON.parse for %s (nothing in it needs sanitizing)', (name) => {
    const result = loadResumeFile(fixturePath(name));
    expect(result.ok && result.resume).toEqual(JSON.parse(readFileSync(fixturePath(name), 'utf8')));
  });
});

describe('loadResumeFile: data is sanitized', () => {
  it('removes escape sequences from strings and keys', () => {
    const json = JSON.stringify({
      basics: {name: '\u001b]0;pwned\u0007김성호\u001b[31m', summary: 'a\r\nb\u202ec', 'label\u001b[1m': 'x'},
      work: [{name: '\u009b2JNC Lab', highlights: ['\u001b]52;c;cm0gLXJm\u0007copied']}],
    });
    const result = load('escapes.json', json);
    if (!result.ok) throw new Error(formatLoadError(result.error));
    expect(result.resume.basics).toEqual({name: '김성호', summary: 'a\nbc', label: 'x'});
    expect(result.resume.work).toEqual([{name: 'NC Lab', highlights: ['copied']}]);
    expect(JSON.stringify(result.resume)).not.toMatch(/\\u001b|\\u009b/);
  });

  it('an error quoting a bad value never contains ESC', () => {
    const json = '{"work": [{"startDate": "\\u001b[31mJune\\u001b]0;pwned\\u0007 2021\\u009b2J"}]}';
    const message = errorOf('evil.json', json);
    expect(message).toBe('evil.json:1:25: work[0].startDate: expected a date like 2021-06, got "June 2021"');
    expect(message).not.toContain('\x1b');
    expect(message).not.toContain('\x9b');
  });

  it('a duplicate key with escapes is quoted sanitized', () => {
    const message = errorOf('evil-key.json', '{"basics": {"\\u001b[31mname": 1, "\\u001b[31mname": 2}}');
    expect(message).toBe('evil-key.json:1:34: basics: duplicate key "name"');
  });

  it('formatLoadError sanitizes the file name and keeps it on one line', () => {
    expect(formatLoadError({file: 'a\u001b]0;pwned\u0007b\n.json', message: 'no such file'})).toBe('ab .json: no such file');
  });

  it('formatLoadError puts line, column and path in order', () => {
    expect(formatLoadError({file: 'f.json', line: 3, column: 7, path: 'work[0]', message: 'm'})).toBe('f.json:3:7: work[0]: m');
    expect(formatLoadError({file: 'f.json', line: 3, message: 'm'})).toBe('f.json:3:1: m');
    expect(formatLoadError({file: 'f.json', message: 'm'})).toBe('f.json: m');
  });
});

describe('parseResume', () => {
  it('accepts already-decoded text, BOM included', () => {
    const result = parseResume('\ufeff{"basics": {"name": "김성호"}}', 'text.json');
    expect(result.ok && result.resume.basics?.name).toBe('김성호');
  });
});

describe('location helpers', () => {
  it.each([
    ['', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 3, 2, 2],
    ['a\n\n', 3, 3, 1],
    ['👍x', 2, 1, 2],
    ['김성호\n👍👍x', 8, 2, 3],
  ])('positionAt(%j, %i) = %i:%i', (text, offset, line, column) => {
    expect(positionAt(text, offset)).toEqual({line, column});
  });

  it.each([
    [[], '(root)'],
    [['work', 0, 'startDate'], 'work[0].startDate'],
    [['x-essays', 1, 'entries', 0], 'x-essays[1].entries[0]'],
    [['meta', 'x-sectionTitles', 'work'], 'meta.x-sectionTitles.work'],
    [['basics', 'my key'], 'basics["my key"]'],
    [[0], '[0]'],
  ] as const)('formatPath(%j) = %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });

  it.each([
    ['valid ASCII and Hangul', Buffer.from('a김👍'), -1],
    ['a lone continuation byte', Buffer.from([0x61, 0x80]), 1],
    ['an overlong encoding', Buffer.from([0x61, 0xc0, 0xaf]), 1],
    ['an overlong 3-byte encoding', Buffer.from([0xe0, 0x80, 0xaf]), 0],
    ['a UTF-16 surrogate', Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]), 2],
    ['above U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a truncated sequence at the end', Buffer.from([0x61, 0xea, 0xb0]), 1],
    ['0xFF', Buffer.from([0xff]), 0],
  ])('firstInvalidUtf8: %s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(bytes)).toBe(expected);
  });

  it('firstInvalidUtf8 is -1 exactly when a strict decoder takes the bytes, and otherwise the end of the valid prefix', () => {
    const strict = new TextDecoder('utf-8', {fatal: true});
    const decodes = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const byte = fc.oneof(fc.integer({min: 0, max: 0x7f}), fc.integer({min: 0x80, max: 0xff}), fc.constantFrom(0xc2, 0xe0, 0xed, 0xf0, 0xf4, 0x80, 0xbf));
    const bytes = fc.oneof(fc.array(byte, {maxLength: 12}), fc.string({unit: 'grapheme', maxLength: 8}).map((s) => [...Buffer.from(s)]));
    fc.assert(
      fc.property(bytes, (list) => {
        const input = Uint8Array.from(list);
        const bad = firstInvalidUtf8(input);
        expect(bad === -1).toBe(decodes(input));
        if (bad !== -1) expect(decodes(input.subarray(0, bad))).toBe(true);
      }),
      {numRuns: 2000},
    );
  });
});

describe('checkDates', () => {
  it('names every violation by its own path, in document order, however deep and however many', () => {
    const value = {
      work: [{startDate: '2021-06'}, {startDate: '2021-13', endDate: '2020-01'}],
      'x-service': [{units: [{}, {date: '2020-02-30'}]}, {startDate: '2019-06', endDate: '2017-08'}],
      projects: Array.from({length: 3}, (_, i) => ({name: `p${i}`, startDate: '2020-01', endDate: i === 2 ? '2019-12' : '2020-02'})),
    };
    expect(checkDates(value)).toEqual([
      {path: ['work', 1, 'startDate'], message: 'expected a date like 2021-06, got "2021-13" (no such month)'},
      {path: ['work', 1, 'endDate'], message: 'ends (2020-01) before it starts (2021-13)'},
      {path: ['x-service', 0, 'units', 1, 'date'], message: 'expected a date like 2021-06, got "2020-02-30" (no such day)'},
      {path: ['x-service', 1, 'endDate'], message: 'ends (2017-08) before it starts (2019-06)'},
      {path: ['projects', 2, 'endDate'], message: 'ends (2019-12) before it starts (2020-01)'},
    ]);
  });
});

describe('loadResumeFile: hardened against malformed files (issue 6)', () => {
  const real = readFileSync(fixturePath('jiwoo'));

  it('a résumé cut at 300 places: always one error line with line and column, never a throw', () => {
    const cuts = Array.from({length: 300}, (_, i) => Math.floor(((i + 1) * real.length) / 301));
    for (const cut of cuts) {
      const result = parseResume(real.subarray(0, cut), 'cut.json');
      expect(result.ok, `cut at byte ${cut}`).toBe(false);
      if (result.ok) continue;
      const line = formatLoadError(result.error);
      expect(line, `cut at byte ${cut}`).toMatch(/^cut\.json:\d+:\d+: (invalid JSON: )?unexpected end of file \(.+\)$/);
      expect(line).not.toContain('\n');
    }
  });

  it('a file cut inside a multi-byte character says it ends early, not that it is badly encoded', () => {
    // 한 (U+D55C) is the bytes ed 95 9c: the file is cut after its first or second byte.
    const at = real.indexOf(Buffer.from('한'));
    for (const extra of [1, 2]) {
      const message = errorOf(`cut-char-${extra}.json`, real.subarray(0, at + extra));
      expect(message).toMatch(/^cut-char-\d\.json:\d+:\d+: unexpected end of file \(cut inside a UTF-8 character\)$/);
    }
    // A stray byte that is not the start of a cut character is still an encoding error.
    expect(errorOf('stray.json', Buffer.concat([real.subarray(0, at + 1), Buffer.from('"}')]))).toMatch(/invalid UTF-8 \(byte 0xed\); save the file as UTF-8$/);
  });

  it.each([
    ['10,000 arrays deep', `{"a": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'deep-arrays.json:1:70: nested more than 64 levels deep'],
    ['10,000 objects deep', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, 'deep-objects.json:1:321: nested more than 64 levels deep'],
    ['1,000,000 open brackets, never closed', '['.repeat(1_000_000), 'deep-open.json:1:65: nested more than 64 levels deep'],
  ])('%s: the depth error, no stack overflow', (name, content, expected) => {
    const file = expected.slice(0, expected.indexOf(':'));
    expect(errorOf(file, content), name).toBe(expected);
  });

  it('duplicate keys deep in a project and in an essay entry are named by their path', () => {
    expect(errorOf('dup-deep.json', '{"projects": [{"name": "a", "keywords": ["x"], "keywords": ["y"]}]}')).toBe('dup-deep.json:1:48: projects[0]: duplicate key "keywords"');
    expect(errorOf('dup-essay.json', '{"x-essays": [{"title": "t", "entries": [{"body": "a", "body": "b"}]}]}')).toBe('dup-essay.json:1:56: x-essays[0].entries[0]: duplicate key "body"');
  });

  it('a 50 MiB file is refused by its size before it is read', () => {
    const path = fx.path('sparse-50.json');
    // Sparse: 50 MiB long without writing 50 MiB (the check reads only the file's size).
    writeFileSync(path, '{');
    truncateSync(path, 50 * 1024 * 1024);
    vi.mocked(readFileSync).mockClear();
    const result = loadResumeFile(path, 'sparse-50.json');
    expect(vi.mocked(readFileSync)).not.toHaveBeenCalled();
    expect(!result.ok && formatLoadError(result.error)).toBe('sparse-50.json: is 50.0 MiB; the limit is 10 MiB');
  });
});
