import chalk from 'chalk';
import stringWidth from 'string-width';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import pkg from '../../package.json' with {type: 'json'};
import {EXIT, run} from '../../src/cli/run';
import {toDocument} from '../../src/document/build';
import {formatLoadError, loadResumeFile} from '../../src/resume/load';
import {renderHtml} from '../../src/html/page';
import {renderMarkdown} from '../../src/text/markdown';
import {renderPlain} from '../../src/text/plain';
import {fixturePath, RESUME_PATH, tempFixtures} from '../helpers/fixtures';
import {fakeIo, type FakeIo} from '../helpers/io';
import {officialSchemaErrors} from '../helpers/schema';
import {PROGRAM} from '../helpers/program';

/**
 * The CLI in-process through a fake io. stdin is never a TTY here, so no test starts the
 * interactive app: these are the print paths (piped, or stdout a TTY with stdin redirected).
 */

const fx = tempFixtures();
afterAll(() => fx.cleanup());

const chalkLevel = chalk.level;
afterEach(() => {
  chalk.level = chalkLevel;
});

const loaded = loadResumeFile(RESUME_PATH);
if (!loaded.ok) throw new Error(formatLoadError(loaded.error));
const doc = toDocument(loaded.resume);
/** Tests that look for particular content read the jiwoo fixture (data/resume.json may hold anyone). */
const jiwoo = fixturePath('jiwoo');
const jiwooLoaded = loadResumeFile(jiwoo);
if (!jiwooLoaded.ok) throw new Error(formatLoadError(jiwooLoaded.error));
const jiwooDoc = toDocument(jiwooLoaded.resume);

async function cli(args: string[], facts: Parameters<typeof fakeIo>[0] = {}): Promise<{code: number; io: FakeIo}> {
  const io = fakeIo({stdinIsTTY: false, ...facts});
  const code = await run(args, io);
  return {code, io};
}

describe('help and version', () => {
  it('--help prints usage, the options and the exit codes, and exits 0', async () => {
    const {code, io} = await cli(['--help']);
    expect(code).toBe(EXIT.ok);
    expect(io.errors).toEqual([]);
    const out = io.out();
    expect(out.startsWith(`Usage: ${PROGRAM} [FILE] [options]\n`)).toBe(true);
    for (const option of ['--format', '--width', '--color', '--help', '--version']) expect(out).toContain(option);
    expect(out).toContain('Exit codes:');
    expect(out).toContain('  0  success');
    expect(out).toContain('  2  bad command line; a résumé file that cannot be read, or is not valid with --strict;');
    expect(out.endsWith('\n')).toBe(true);
  });

  it('-h is --help', async () => {
    expect((await cli(['-h'])).io.out()).toBe((await cli(['--help'])).io.out());
  });

  it.each([['--version'], ['-v']])('%s prints the package version', async (flag) => {
    const {code, io} = await cli([flag]);
    expect(code).toBe(EXIT.ok);
    expect(io.out()).toBe(`${pkg.version}\n`);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(io.errors).toEqual([]);
  });
});

describe('bad command lines: exit 2 and one line on stderr', () => {
  it.each([
    [['--bogus'], `${PROGRAM}: Unknown argument: --bogus (see ${PROGRAM} --help)`],
    [['-z', '--bogus=1'], `${PROGRAM}: Unknown arguments: -z, --bogus (see ${PROGRAM} --help)`],
    [['--no-colour'], `${PROGRAM}: Unknown argument: --no-colour (see ${PROGRAM} --help)`],
    [['a.json', 'b.json'], `${PROGRAM}: only one FILE is taken, got a.json and b.json (see ${PROGRAM} --help)`],
    [['--format', 'markdown', '--format', 'json'], `${PROGRAM}: --format was given 2 times (markdown, json); give it once (see ${PROGRAM} --help)`],
    [['--format'], `${PROGRAM}: --format needs a value: text, markdown, json or html (see ${PROGRAM} --help)`],
    [['--color=maybe'], `${PROGRAM}: --color takes no value (use --color or --no-color), got --color=maybe (see ${PROGRAM} --help)`],
    [['--tech', 'Kafka', '--section', 'work'], `${PROGRAM}: --tech and --section cannot be used together: --tech lists the projects of every section (see ${PROGRAM} --help)`],
    [['--check', '--format', 'json'], `${PROGRAM}: --check prints the problems of FILE and nothing else: it cannot be used with --format (see ${PROGRAM} --help)`],
    [['--width', '5'], `${PROGRAM}: --width must be a whole number from 10 to 1000, got 5 (see ${PROGRAM} --help)`],
    [['--width', '1001'], `${PROGRAM}: --width must be a whole number from 10 to 1000, got 1001 (see ${PROGRAM} --help)`],
    [['--width', '10.5'], `${PROGRAM}: --width must be a whole number from 10 to 1000, got 10.5 (see ${PROGRAM} --help)`],
    [['--format', 'pdf'], `${PROGRAM}: --format must be text, markdown, json or html, got "pdf" (see ${PROGRAM} --help)`],
  ])('%j', async (args, message) => {
    const {code, io} = await cli(args);
    expect(code).toBe(EXIT.usage);
    expect(io.errors).toEqual([message]);
    expect(io.out()).toBe('');
  });

  it('--width with no number is refused, not ignored', async () => {
    const {code, io} = await cli(['--width']);
    expect(code).toBe(2);
    expect(io.errors).toEqual([`${PROGRAM}: --width needs a value (see ${PROGRAM} --help)`]);
  });

  it('--width abc is refused', async () => {
    const {code, io} = await cli(['--width', 'abc']);
    expect(code).toBe(EXIT.usage);
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toBe(`${PROGRAM}: --width must be a whole number from 10 to 1000, got abc (see ${PROGRAM} --help)`);
  });

  it('an unknown flag is sanitized before it is echoed', async () => {
    const {code, io} = await cli(['--\x1b]0;pwned\x07x']);
    expect(code).toBe(EXIT.usage);
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toMatch(new RegExp(`^${PROGRAM}: Unknown argument`));
    expect(io.errors[0]).not.toContain('\x1b');
    expect(io.errors[0]).not.toContain('\x07');
  });
});

describe('bad résumé files: exit 2, exactly one error line, no stack', () => {
  it('a missing file is named as given', async () => {
    const {code, io} = await cli(['nope.json']);
    expect(code).toBe(EXIT.usage);
    expect(io.errors).toEqual(['nope.json: no such file']);
    expect(io.out()).toBe('');
  });

  it('invalid JSON', async () => {
    const file = fx.write('bad.json', '{\n  "basics": {\n    "name": "김성호"\n    "label": "x"\n  }\n}\n');
    const {code, io} = await cli([file]);
    expect(code).toBe(EXIT.usage);
    expect(io.errors).toEqual([`${file}:4:5: invalid JSON: expected ',' or a closing bracket`]);
    expect(io.errors[0]).not.toMatch(/\n|\bat /);
  });

  it('a schema violation, with --strict', async () => {
    const file = fx.write('date.json', '{"work": [{"startDate": "June 2021"}]}');
    const {code, io} = await cli([file, '--strict', '--format', 'json']);
    expect(code).toBe(EXIT.usage);
    expect(io.errors).toEqual([`${file}:1:25: work[0].startDate: expected a date like 2021-06, got "June 2021"`]);
    expect(io.out()).toBe('');
  });

  it('a directory', async () => {
    const {code, io} = await cli([fx.dir]);
    expect(code).toBe(EXIT.usage);
    expect(io.errors).toEqual([`${fx.dir}: is a directory, not a JSON file`]);
  });
});

describe('formats', () => {
  it('--format json prints the loaded résumé, valid against the official schema', async () => {
    const {code, io} = await cli(['--format', 'json']);
    expect(code).toBe(EXIT.ok);
    expect(io.errors).toEqual([]);
    const parsed: unknown = JSON.parse(io.out());
    expect(officialSchemaErrors(parsed)).toEqual([]);
    expect(parsed).toEqual(loaded.resume);
    expect(io.out().endsWith('}\n')).toBe(true);
  });

  it('--format json of another file prints that file', async () => {
    const file = fx.write('jane.json', JSON.stringify({basics: {name: 'Jane Doe'}, work: [{name: 'Acme', startDate: '2020-01'}]}));
    const {code, io} = await cli([file, '--format', 'json']);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(io.out())).toEqual({basics: {name: 'Jane Doe'}, work: [{name: 'Acme', startDate: '2020-01'}]});
  });

  it('--format markdown prints the Markdown export', async () => {
    const {code, io} = await cli([jiwoo, '--format', 'markdown']);
    expect(code).toBe(EXIT.ok);
    expect(io.out()).toBe(renderMarkdown(jiwooDoc));
    expect(io.out().startsWith('# 한지우\n')).toBe(true);
    expect(io.out()).toContain('\n#### 배송 이벤트 실시간 수집 파이프라인\n');
    expect((await cli(['--format', 'markdown'])).io.out()).toBe(renderMarkdown(doc));
  });

  it('--format html prints the page, in full or one section, with no color even with --color', async () => {
    const {code, io} = await cli([jiwoo, '--format', 'html', '--color']);
    expect(code).toBe(EXIT.ok);
    expect(io.out()).toBe(renderHtml(jiwooDoc));
    expect(io.out()).not.toContain('\x1b');
    const one = (await cli([jiwoo, '--format', 'html', '--section', '2'])).io.out();
    expect(one).toBe(renderHtml({...jiwooDoc, sections: jiwooDoc.sections.slice(1, 2)}));
    expect(one.match(/<section /g)).toHaveLength(1);
  });

  it('--format markdown has no color even with --color', async () => {
    const {io} = await cli(['--format', 'markdown', '--color']);
    expect(io.out()).not.toContain('\x1b');
  });

  it('--format text prints plain text when piped', async () => {
    const {code, io} = await cli(['--format', 'text']);
    expect(code).toBe(EXIT.ok);
    expect(io.out()).toBe(renderPlain(doc, 80));
  });
});

describe('width', () => {
  it('piped: 80 columns, whatever the terminal size says', async () => {
    const {io} = await cli([], {stdoutIsTTY: false, columns: 200});
    expect(io.out()).toBe(renderPlain(doc, 80));
  });

  it('a TTY: its columns', async () => {
    const {io} = await cli([], {stdoutIsTTY: true, columns: 60, env: {NO_COLOR: '1'}});
    expect(io.out()).toBe(renderPlain(doc, 60));
    for (const line of io.out().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });

  it('a wide TTY: capped at 100', async () => {
    const {io} = await cli([], {stdoutIsTTY: true, columns: 200, env: {NO_COLOR: '1'}});
    expect(io.out()).toBe(renderPlain(doc, 100));
  });

  it('--width wins', async () => {
    const {io} = await cli(['--width', '40'], {stdoutIsTTY: true, columns: 200, env: {NO_COLOR: '1'}});
    expect(io.out()).toBe(renderPlain(doc, 40));
  });
});

describe('color', () => {
  const hasColor = (text: string) => text.includes('\x1b[');

  it('piped: no escape at all, even with TERM=xterm-256color', async () => {
    const {code, io} = await cli([], {stdoutIsTTY: false, env: {TERM: 'xterm-256color', COLORTERM: 'truecolor'}});
    expect(code).toBe(EXIT.ok);
    expect(io.out()).not.toContain('\x1b');
  });

  it('--color forces color when piped', async () => {
    const {io} = await cli(['--color'], {stdoutIsTTY: false});
    expect(hasColor(io.out())).toBe(true);
  });

  it('a TTY (stdin redirected) prints in color', async () => {
    const {io} = await cli([], {stdoutIsTTY: true, columns: 80, env: {TERM: 'xterm-256color'}});
    expect(hasColor(io.out())).toBe(true);
  });

  it('NO_COLOR=1 on a TTY: no color', async () => {
    const {io} = await cli([], {stdoutIsTTY: true, columns: 80, env: {NO_COLOR: '1', TERM: 'xterm-256color'}});
    expect(io.out()).not.toContain('\x1b');
    expect(io.out()).toBe(renderPlain(doc, 80));
  });

  it('TERM=dumb on a TTY: no color', async () => {
    const {io} = await cli([], {stdoutIsTTY: true, columns: 80, env: {TERM: 'dumb'}});
    expect(io.out()).not.toContain('\x1b');
  });

  it('--no-color on a TTY: no color', async () => {
    const {io} = await cli(['--no-color'], {stdoutIsTTY: true, columns: 80, env: {FORCE_COLOR: '3'}});
    expect(io.out()).not.toContain('\x1b');
  });

  it('FORCE_COLOR=1 when piped: color', async () => {
    const {io} = await cli([], {stdoutIsTTY: false, env: {FORCE_COLOR: '1'}});
    expect(hasColor(io.out())).toBe(true);
  });

  it('FORCE_COLOR=0 on a TTY: no color', async () => {
    const {io} = await cli([], {stdoutIsTTY: true, columns: 80, env: {FORCE_COLOR: '0'}});
    expect(io.out()).not.toContain('\x1b');
  });

  it('colored output still fits the width and holds the content', async () => {
    const {default: stripAnsi} = await import('strip-ansi');
    const {io} = await cli([jiwoo, '--color', '--width', '50']);
    const plain = stripAnsi(io.out());
    for (const line of plain.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(50);
    expect(plain.replace(/\s+/g, ' ')).toContain('정산 배치 이관');
    expect(plain.replace(/\s+/g, ' ')).toContain('데이터 품질 모니터링 시스템');
  });
});

describe('no arguments', () => {
  it('skips yargs with exactly the options yargs gives for an empty command line', async () => {
    const {NO_ARGUMENTS} = await import('../../src/cli/defaults');
    const {parseArguments} = await import('../../src/cli/args');
    const parsed = await parseArguments([]);
    expect(parsed.error).toBeUndefined();
    expect(parsed.error === undefined && parsed.argv).toEqual(NO_ARGUMENTS);
  });
});
