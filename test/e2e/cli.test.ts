import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import pkg from '../../package.json' with {type: 'json'};
import type {Resume} from '../../src/resume/types';
import {BIN, NODE, cleanEnv, runCli, type CliResult} from '../helpers/cli';
import {JIWOO, JIWOO_PATH, jiwooJson} from '../helpers/e2e-jiwoo';
import {REPO_ROOT, RESUME_PATH, tempFixtures} from '../helpers/fixtures';
import {officialSchemaErrors} from '../helpers/schema';
import {PROGRAM} from '../helpers/program';

/**
 * The built program (`node bin/kim-resume.js`, what npm installs), run as a child process with
 * piped stdio. Output is checked on the fixture test/fixtures/jiwoo.json (FILE); without FILE the
 * program must print data/resume.json, whatever it holds. `npm test` builds first; run
 * `npm run build` before running this file alone.
 */

const resume = jiwooJson();
const projects = resume.projects ?? [];
const fx = tempFixtures('kim-resume-e2e-');

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
});
afterAll(() => fx.cleanup());

/** Wrapped output as one line, so text broken over lines can be searched. */
const collapse = (text: string) => text.replace(/\s+/g, ' ');

/** Lines on stderr that look like a stack trace. */
const stackLines = (stderr: string) => stderr.split('\n').filter((line) => /^\s+at /.test(line));

/** The CLI on the fixture: `kim-resume jiwoo.json ...args`. */
const onFixture = (args: string[] = [], options?: Parameters<typeof runCli>[1]) => runCli([JIWOO_PATH, ...args], options);

describe('piped text output', () => {
  let out: CliResult;
  beforeAll(() => {
    out = onFixture();
  });

  it('exits 0 with nothing on stderr', () => {
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
  });

  it('has every project title, description, bullet and technology', () => {
    const text = collapse(out.stdout);
    const tokens = new Set(out.stdout.split(/[\s·:,]+/));
    for (const project of projects) {
      expect(text).toContain(project.name);
      expect(text).toContain(project.description);
      for (const bullet of project.highlights ?? []) expect(text).toContain(bullet);
      // A technology of several words (데이터 레이크) is found whole in the collapsed text.
      for (const tech of project.keywords ?? []) expect(tech.includes(' ') ? text : tokens, tech).toContain(tech);
    }
  });

  it('has the header, the organizations, education and service, and every essay', () => {
    const text = collapse(out.stdout);
    for (const fact of [
      JIWOO.name,
      JIWOO.label,
      collapse(resume.basics?.summary ?? '(no summary)'),
      '주식회사 바다물류',
      '데이터 엔지니어 · 2021.07 - present',
      '한빛커머스',
      '주니어 데이터 엔지니어 · 2019.01 - 2021.06',
      '학사, 통계학 (2013.03 ~ 2018.02)',
      '평균 학점: 3.9/4.5',
      '빅데이터 동아리 회장 (2016.03 ~ 2017.02)',
      JIWOO.service,
      '병장 만기 전역 (2014.05 ~ 2016.02)',
    ]) {
      expect(text).toContain(fact);
    }
    expect(resume['x-essays']?.length).toBeGreaterThan(0);
    for (const essay of resume['x-essays'] ?? []) {
      expect(text).toContain(essay.title);
      for (const entry of essay.entries) expect(text).toContain(collapse(entry.body));
    }
  });

  it('contains no ESC byte, even with TERM=xterm-256color and COLORTERM=truecolor', () => {
    const colorful = onFixture([], {env: cleanEnv({TERM: 'xterm-256color', COLORTERM: 'truecolor'})});
    expect(colorful.status).toBe(0);
    expect(colorful.bytes.includes(0x1b)).toBe(false);
    expect(out.bytes.includes(0x1b)).toBe(false);
    // An 8-bit CSI would be the character U+009B (the byte 0x9B is a normal UTF-8 continuation byte).
    expect(out.stdout).not.toMatch(/[\x80-\x9f]/);
  });

  it('is 80 columns wide by default (COLUMNS is not a terminal)', () => {
    const at80 = onFixture(['--width', '80']);
    expect(out.stdout).toBe(at80.stdout);
    expect(onFixture([], {env: cleanEnv({COLUMNS: '200'})}).stdout).toBe(at80.stdout);
    expect(onFixture(['--width', '100']).stdout).not.toBe(at80.stdout);
  });

  it.each([40, 80, 120])('--width %i: no line is wider, and no ESC byte', (width) => {
    const result = onFixture(['--width', String(width)]);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    for (const line of lines) expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeGreaterThan(width - 12);
    expect(result.bytes.includes(0x1b)).toBe(false);
    const text = collapse(result.stdout);
    for (const project of projects) for (const bullet of project.highlights ?? []) expect(text).toContain(bullet);
  });

  it('--color forces escapes even when piped, and --no-color beats FORCE_COLOR', () => {
    expect(onFixture(['--color']).bytes.includes(0x1b)).toBe(true);
    expect(onFixture([], {env: cleanEnv({FORCE_COLOR: '1'})}).bytes.includes(0x1b)).toBe(true);
    expect(onFixture(['--no-color'], {env: cleanEnv({FORCE_COLOR: '1'})}).bytes.includes(0x1b)).toBe(false);
  });
});

describe('without FILE: the résumé shipped in data/resume.json', () => {
  // Whatever it holds: the output is the output for that file named as FILE, byte for byte.
  it.each([[[]], [['--format', 'markdown']], [['--format', 'json']], [['--width', '60']], [['--color']]])('arguments %j: the same bytes as with data/resume.json named first', (args) => {
    const builtIn = runCli(args);
    const named = runCli([RESUME_PATH, ...args]);
    expect(builtIn.status, builtIn.stderr).toBe(0);
    expect(builtIn.stderr).toBe('');
    expect(builtIn.stdout.length).toBeGreaterThan(0);
    expect(builtIn.stdout).toBe(named.stdout);
  });

  it('--format json is data/resume.json, valid against the official JSON Resume schema', () => {
    const result = runCli(['--format', 'json']);
    expect(result.status).toBe(0);
    const parsed: unknown = JSON.parse(result.stdout);
    expect(officialSchemaErrors(parsed)).toEqual([]);
    expect(parsed).toEqual(JSON.parse(readFileSync(RESUME_PATH, 'utf8')));
  });
});

describe('other formats', () => {
  it('--format json is the résumé, valid against the official JSON Resume schema', () => {
    const result = onFixture(['--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const parsed: unknown = JSON.parse(result.stdout);
    expect(officialSchemaErrors(parsed)).toEqual([]);
    expect(parsed).toEqual(resume);
  });

  it('--format markdown starts with the name as a heading and has the project headings', () => {
    const result = onFixture(['--format', 'markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith(`# ${JIWOO.name}\n`)).toBe(true);
    // A project under its organization (`entity` names a work entry) is a level below it.
    const organizations = new Set((resume.work ?? []).map((w) => w.name));
    expect(projects.some((p) => organizations.has(p.entity)) && projects.some((p) => !organizations.has(p.entity))).toBe(true);
    for (const project of projects) expect(result.stdout).toContain(`\n${organizations.has(project.entity) ? '####' : '###'} ${project.name}\n`);
    expect(result.bytes.includes(0x1b)).toBe(false);
  });

  it('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('errors: one line on stderr, exit 2, no stack', () => {
  it.each([
    ['a missing file', () => ['missing.json'], () => 'missing.json: no such file'],
    ['a directory', () => [fx.dir], () => `${fx.dir}: is a directory, not a JSON file`],
    [
      'invalid JSON',
      () => [fx.write('comma.json', '{\n  "basics": {\n    "name": "한지우"\n    "label": "x"\n  }\n}\n')],
      () => `${fx.path('comma.json')}:4:5: invalid JSON: expected ',' or a closing bracket`,
    ],
    ['an empty file', () => [fx.write('empty.json', '')], () => `${fx.path('empty.json')}:1:1: is empty; expected a JSON Resume object`],
    [
      'a wrong date',
      () => [fx.write('date.json', '{\n  "work": [\n    {"name": "x", "startDate": "June 2021"}\n  ]\n}\n'), '--strict'],
      () => `${fx.path('date.json')}:3:32: work[0].startDate: expected a date like 2021-06, got "June 2021"`,
    ],
    [
      'an escape sequence in a bad value',
      () => [fx.write('evil.json', '{"basics": {"url": "\\u001b]0;pwned\\u0007nope"}}'), '--strict'],
      () => `${fx.path('evil.json')}:1:20: basics.url: expected a URL like https://example.com, got "nope"`,
    ],
    ['an unknown flag', () => ['--bogus'], () => `${PROGRAM}: Unknown argument: --bogus (see ${PROGRAM} --help)`],
    ['a width too small', () => ['--width', '5'], () => `${PROGRAM}: --width must be a whole number from 10 to 1000, got 5 (see ${PROGRAM} --help)`],
  ])('%s', (_name, args, message) => {
    const result = runCli(args());
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${message()}\n`);
    expect(stackLines(result.stderr)).toEqual([]);
    expect(result.stderr).not.toContain('\x1b');
    expect(result.stdout).toBe('');
  });

  it('a file named relative to the working directory is shown as given', () => {
    const result = runCli(['data/nope.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('data/nope.json: no such file\n');
  });
});

describe('a closed pipe (kim-resume | head -1)', () => {
  /** Runs `node bin/kim-resume.js ARGS | head -1` in bash; returns head's line, node's exit status and node's stderr. */
  function headOne(args: string[]) {
    const errFile = fx.path(`stderr-${args.length}-${Date.now()}.txt`);
    const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const script = `"${NODE}" "${BIN}" ${quoted} 2>"${errFile}" | head -1; echo "status=\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], {cwd: REPO_ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 20_000});
    if (result.error) throw result.error;
    return {lines: result.stdout.split('\n'), stderr: readFileSync(errFile, 'utf8')};
  }

  it('the shipped résumé (no FILE): head gets the first line, kim-resume exits 0 quietly', () => {
    const firstLine = runCli([]).stdout.split('\n')[0];
    const {lines, stderr} = headOne([]);
    expect(lines.slice(0, 2)).toEqual([firstLine, 'status=0']);
    expect(stderr).toBe('');
  });

  it('output far bigger than the pipe buffer (EPIPE for sure): exits 0, no stack trace', () => {
    const big: Resume = structuredClone(resume);
    big['x-essays']![0]!.entries[0]!.body = Array(20_000).fill('참여한 프로젝트 내 본인의 주요 역할과 결과').join(' ');
    const file = fx.write('big.json', JSON.stringify(big));
    const {lines, stderr} = headOne([file]);
    expect(lines.slice(0, 2)).toEqual([JIWOO.name, 'status=0']);
    expect(stderr).toBe('');
  });
});
