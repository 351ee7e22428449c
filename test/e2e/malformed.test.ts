/**
 * Malformed files through the built program (issue 6): each gets one line on stderr naming the
 * file (and where), exit 2, nothing on stdout, no stack trace, and quickly. The loader's messages
 * are tested in detail in test/unit/load.test.ts; here the whole program is held to them.
 * Build first (`npm run build`; `npm test` does).
 */
import {closeSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli';
import {fixturePath, tempFixtures} from '../helpers/fixtures';

const fx = tempFixtures('kim-resume-malformed-');
afterAll(() => fx.cleanup());

/**
 * Runs the CLI on `file` with --strict (a file with only schema problems, a duplicate key among
 * them, is otherwise shown with warnings) and checks the one-line-error contract; returns the line.
 */
function refuse(file: string): {line: string} {
  const result = runCli([file, '--strict']);
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines.at(-1), 'stderr ends with a newline').toBe('');
  expect(lines.slice(0, -1), 'exactly one line on stderr').toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/RangeError|Maximum call stack|internal error/);
  expect(result.stderr).not.toContain('\x1b');
  return {line: lines[0]!};
}

describe('malformed files: one line, exit 2, no stack', () => {
  it('a 50 MiB file ({"x": "aaa…"}, written in chunks): the size error', () => {
    const path = fx.path('fifty.json');
    const fd = openSync(path, 'w');
    try {
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      writeSync(fd, '{"x": "');
      for (let i = 0; i < 50; i++) writeSync(fd, chunk);
      writeSync(fd, '"}\n');
    } finally {
      closeSync(fd);
    }
    try {
      const {line} = refuse(path);
      expect(line).toBe(`${path}: is 50.0 MiB; the limit is 10 MiB`);
    } finally {
      rmSync(path, {force: true});
    }
  });

  it('a sparse 5 GiB file: the size error (nothing is read)', () => {
    const path = fx.path('five-gib.json');
    writeFileSync(path, '{');
    truncateSync(path, 5 * 1024 ** 3);
    try {
      // Refused by its size before any read: Node cannot read a file over 2 GiB into one buffer
      // (ERR_FS_FILE_TOO_LARGE), so reading it first would end in another message.
      const {line} = refuse(path);
      expect(line).toBe(`${path}: is 5120.0 MiB; the limit is 10 MiB`);
    } finally {
      rmSync(path, {force: true});
    }
  });

  // A real résumé in Korean (the fixture, not data/resume.json: these cuts need its Hangul).
  const real = readFileSync(fixturePath('jiwoo'));
  const at = real.indexOf(Buffer.from('한지우'));
  /** The middle of the file, moved back to the start of a UTF-8 character; it falls in a highlight's text. */
  let middle = Math.floor(real.length / 2);
  while ((real[middle]! & 0xc0) === 0x80) middle--;

  it.each([
    ['cut in the middle', () => real.subarray(0, middle), /^.+:\d+:\d+: invalid JSON: unexpected end of file \(unterminated string\)$/],
    ['cut two bytes before its end', () => real.subarray(0, real.length - 2), /^.+:\d+:1: invalid JSON: unexpected end of file \(expected '\}'\)$/],
    ['cut inside a Hangul character', () => real.subarray(0, at + 2), /^.+:\d+:\d+: unexpected end of file \(cut inside a UTF-8 character\)$/],
    ['only an opening brace', () => Buffer.from('{'), /^.+:1:2: invalid JSON: unexpected end of file \(.+\)$/],
  ])('a truncated file (%s): unexpected end of file, with line and column', (_name, content, pattern) => {
    const {line} = refuse(fx.write('truncated.json', content()));
    expect(line).toMatch(pattern);
  });

  it.each([
    ['10,000 arrays deep', `{"basics": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, ':1:75: nested more than 64 levels deep'],
    ['100,000 objects deep', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, ':1:321: nested more than 64 levels deep'],
    ['a million open brackets', '['.repeat(1_000_000), ':1:65: nested more than 64 levels deep'],
  ])('%s: the depth error, no stack overflow', (_name, content, suffix) => {
    const path = fx.write('deep.json', content);
    expect(refuse(path).line).toBe(`${path}${suffix}`);
  });

  it('a duplicate key: named with its path and place', () => {
    const path = fx.write('dup.json', '{\n  "basics": {\n    "name": "한지우",\n    "name": "Han"\n  }\n}\n');
    expect(refuse(path).line).toBe(`${path}:4:5: basics: duplicate key "name"`);
  });
});
