/**
 * Viewing is lenient, validating is strict: a file given on the command line opens whenever it
 * is a JSON object within the limits, and says what is wrong with it; --strict refuses it and
 * --check lists every problem. Run on the résumés of test/fixtures/lenient.
 */
import {describe, expect, it} from 'vitest';
import {EXIT, run, type Io} from '../../src/cli/run';
import {isEmptyDocument, toDocument} from '../../src/document/build';
import {checkResumeFile, formatLoadError, loadResumeFile, parseResume} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';
import {renderPlain} from '../../src/text/plain';
import {lenientFixture} from '../helpers/lenient';
import {PROGRAM} from '../helpers/program';

/** Loads a lenient fixture as the CLI does for a file it is given; fails the test if it does not open. */
function open(name: string): {resume: Resume; warnings: string[]} {
  const loaded = loadResumeFile(lenientFixture(name), `${name}.json`, {lenient: true});
  if (!loaded.ok) throw new Error(`${name} did not open: ${formatLoadError(loaded.error)}`);
  return {resume: loaded.resume, warnings: loaded.warnings.map(formatLoadError)};
}

const text = (resume: Resume) => renderPlain(toDocument(resume), 200);

/** The CLI's output and error lines, in the order they were written. */
async function cli(args: string[]): Promise<{code: number; events: string[]; out: string; errors: string[]}> {
  const events: string[] = [];
  const io: Io = {
    stdinIsTTY: false,
    stdoutIsTTY: false,
    env: {},
    columns: undefined,
    write: async (chunk) => void events.push(`out:${chunk}`),
    error: (line) => void events.push(`err:${line}`),
  };
  const code = await run(args, io);
  const out = events.filter((e) => e.startsWith('out:')).map((e) => e.slice(4)).join('');
  const errors = events.filter((e) => e.startsWith('err:')).map((e) => e.slice(4));
  return {code, events, out, errors};
}

describe('lenient loading: each problem is a warning, file:line:col: path: message', () => {
  it('empty and null end dates read as present; other dates stay as written', () => {
    const {resume, warnings} = open('dates');
    expect(warnings).toEqual([
      'dates.json:4:87: work[0].endDate: expected a date like 2021-06, got "" (read as present)',
      'dates.json:5:85: work[1].endDate: expected a string, got null (read as present)',
      'dates.json:6:72: work[2].startDate: expected a date like 2021-06, got "2019/03"',
      'dates.json:6:94: work[2].endDate: expected a date like 2021-06, got "2020/11"',
      'dates.json:9:92: volunteer[0].endDate: expected a string, got null (read as present)',
    ]);
    const printed = text(resume);
    // An English résumé's dates: its locale's month, an en dash, "Present"; a date in another shape as written.
    expect(printed).toContain('Engineer · Jan 2022 – Present');
    expect(printed).toContain('Intern · Jun 2021 – Present');
    expect(printed).toContain('Contractor · 2019/03 – 2020/11');
    expect(printed).toContain('Mentor · Sep 2018 – Present');
  });

  it('a duplicate key: the last one wins, with a warning at the repeated key', () => {
    const {resume, warnings} = open('duplicate');
    expect(warnings).toEqual([
      'duplicate.json:4:5: basics: duplicate key "name" (the last one is used)',
      'duplicate.json:8:48: skills[0]: duplicate key "keywords" (the last one is used)',
    ]);
    expect(resume.basics?.name).toBe('Dana Kowalski');
    expect(resume.skills?.[0]?.keywords).toEqual(['systemd', 'eBPF']);
  });

  it('scheme-less URLs are shown as written', () => {
    const {resume, warnings} = open('urls');
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toBe('urls.json:4:12: basics.url: expected a URL like https://example.com, got "priya.example.dev" (shown as written)');
    const printed = text(resume);
    for (const url of ['priya.example.dev', 'blog.priya.example.dev', 'URL: www.kettle.example', 'URL: inkwell.example.io']) expect(printed).toContain(url);
  });

  it('a profile whose username is its URL is shown once', () => {
    const printed = text(open('urls').resume);
    expect(printed).toContain('GitHub: https://github.com/priyanair\n');
    expect(printed.split('https://github.com/priyanair')).toHaveLength(2);
  });

  it('a typo at the top level is named, with the key it was meant to be; its entries are shown', () => {
    const {resume, warnings} = open('typo');
    expect(warnings).toEqual([
      'typo.json:2:12: basic: note: not a JSON Resume section, not shown (no entries or text); did you mean "basics"?',
      'typo.json:6:11: wrok: note: not a JSON Resume section, shown as a section of its own; did you mean "work"?',
    ]);
    expect(text(resume)).toContain('Wrok\n====\n\nStudio Nord (Jan 2017 – Present)\nDesigner');
  });

  it('another résumé format: every top-level key is named; only its text is shown', () => {
    const {resume, warnings} = open('other-format');
    expect(warnings.map((w) => w.split(': ')[1])).toEqual(['name', 'info', 'contact', 'employment']);
    const doc = toDocument(resume);
    expect(doc.sections.map((s) => s.title)).toEqual(['Name']);
    expect(isEmptyDocument({...doc, sections: []})).toBe(true);
  });

  it('{} opens, empty and without warnings', () => {
    const {resume, warnings} = open('empty');
    expect(warnings).toEqual([]);
    expect(isEmptyDocument(toDocument(resume))).toBe(true);
  });

  it('a valid document has no warnings and reads the same strictly', () => {
    for (const name of ['every-field', 'legacy', 'unknown-fields']) {
      expect(open(name).warnings, name).toEqual([]);
      const strict = loadResumeFile(lenientFixture(name));
      expect(strict.ok && strict.resume, name).toEqual(open(name).resume);
    }
  });

  it('what is not a JSON object is still refused: the root, the syntax, the limits', () => {
    for (const [content, message] of [
      ['[1, 2]', 'x.json:1:1: (root): expected an object, got an array'],
      ['{"basics": ', 'x.json:1:12: invalid JSON: unexpected end of file (expected a value)'],
      ['', 'x.json:1:1: is empty; expected a JSON Resume object'],
    ]) {
      const result = parseResume(content!, 'x.json', {lenient: true});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(formatLoadError(result.error)).toBe(message);
    }
  });

  it('values of the wrong type are read as text, never dropped and never a crash', () => {
    const result = parseResume(
      JSON.stringify({basics: {name: 42, summary: ['one', 'two']}, work: [{name: 'A', highlights: 'just one', position: true}], skills: ['Go', 'Rust']}),
      'types.json',
      {lenient: true},
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.warnings.length).toBeGreaterThan(0);
    const printed = text(result.resume);
    // A list where one paragraph belongs is paragraphs.
    for (const shown of ['42', 'one\n\ntwo', '- just one', 'true', 'Go', 'Rust']) expect(printed).toContain(shown);
  });
});

describe('pre-1.0 names and fields the viewer does not know', () => {
  it('company, website, picture and gpa read as name, url, image and score', () => {
    const {resume} = open('legacy');
    expect(resume.work?.[0]?.name).toBe('Harbor Freight Systems');
    expect(resume.work?.[0]?.url).toBe('https://harbor.example.com');
    expect(resume.basics?.url).toBe('https://lee.example.net');
    expect(resume.basics?.image).toBe('https://lee.example.net/me.png');
    expect(resume.education?.[0]?.score).toBe('3.7');
    const printed = text(resume);
    expect(printed).toContain('Harbor Freight Systems\nPlatform Engineer · Apr 2019 – Present');
    expect(printed).toContain('Bachelor, Mathematics (2011 – 2015)');
    expect(printed).toContain('- Score: 3.7');
  });

  it('unknown fields are listed after the known ones, as key: value', () => {
    const printed = text(open('unknown-fields').resume);
    expect(printed).toContain('github: ines-d\npronouns: she/her');
    expect(printed).toContain('More\n  - team: Forecasting\n  - stack: Python, dbt\n  - manager: name: R. Okafor; email: okafor@lumen.example');
    expect(printed).toContain('  - impact: 12% less stock-out\n  - teamSize: 4\n  - openSource: false');
    expect(printed).toContain('  - years: 9');
  });

  it("a project's entity and type are said under its title; a degree reads \"studyType, area\"", () => {
    const printed = text(open('every-field').resume);
    expect(printed).toContain('Waypoint\n--------\nCivic Tech Madrid · application\nAuthor, Maintainer · Jan 2020 – May 2022');
    expect(printed).toContain('Master, Telecommunications (Sep 2012 – Jun 2014)');
    expect(printed).toContain('Calle Mayor 12, 28013, Madrid, Comunidad de Madrid, ES');
  });

  it('labels: JSON Resume\'s words by default, the résumé\'s own with meta["x-labels"]', () => {
    const resume = open('every-field').resume;
    expect(text(resume)).toContain('Summary\n  Open-source route planner.\n\nHighlights\n  - Used by three cities\n\nKeywords: Rust · PostGIS');
    const own = {...resume, meta: {...resume.meta, 'x-labels': {description: 'Description', highlights: 'What did I do', keywords: 'Tech Stack'}}};
    expect(text(own)).toContain('Description\n  Open-source route planner.\n\nWhat did I do\n  - Used by three cities\n\nTech Stack: Rust · PostGIS');
    // A skill's keywords keep the neutral label whatever the projects call theirs.
    expect(text(own)).toContain('Keywords: Rust · Go');
  });
});

describe('the command line: warnings, --strict, --check', () => {
  it('warnings come on stderr before the output, then one line that counts them', async () => {
    const file = lenientFixture('dates');
    const {code, events, errors, out} = await cli([file]);
    expect(code).toBe(EXIT.ok);
    expect(errors).toHaveLength(6);
    expect(errors[0]).toBe(`${file}:4:87: work[0].endDate: expected a date like 2021-06, got "" (read as present)`);
    expect(errors[5]).toBe(`${PROGRAM}: 5 problems in ${file}, shown anyway (--check lists them, --strict refuses the file)`);
    expect(events.findIndex((e) => e.startsWith('out:'))).toBe(6);
    expect(out).toContain('Fjord Labs');
  });

  it('--strict refuses with every problem (as --check lists them) and a line saying why, exit 2, nothing printed', async () => {
    const file = lenientFixture('duplicate');
    const {code, errors, out} = await cli([file, '--strict']);
    expect(code).toBe(EXIT.usage);
    expect(errors).toEqual([`${file}:4:5: basics: duplicate key "name"`, `${file}:8:48: skills[0]: duplicate key "keywords"`, `${PROGRAM}: 2 problems in ${file}; --strict refuses a file with any`]);
    expect(out).toBe('');
  });

  it('--check prints every problem, one per line, and exits 2', async () => {
    const file = lenientFixture('urls');
    const {code, errors, out} = await cli(['--check', file]);
    expect(code).toBe(EXIT.usage);
    expect(errors).toEqual([]);
    // Every problem, then the language it settled on.
    expect(out.trimEnd().split('\n')).toEqual([...checkResumeFile(file).map(formatLoadError), `${file}: language en (the default: not detected, too little text (32 Latin letters; 60 needed); meta.language can name it)`]);
    expect(out.trimEnd().split('\n')).toHaveLength(5);
    // A validator's words: nothing about how the viewer would show it.
    expect(out).not.toContain('shown as written');
  });

  it('--check on a valid file says so and exits 0', async () => {
    const file = lenientFixture('every-field');
    const {code, out} = await cli([file, '--check']);
    expect(code).toBe(EXIT.ok);
    const [problems, language, ...rest] = out.split('\n');
    expect([problems, rest]).toEqual([`${file}: no problems`, ['']]);
    expect(language?.startsWith(`${file}: language en (detected from its text: `), language).toBe(true);
  });

  it('--check on a file that cannot be parsed prints that one problem', async () => {
    const {code, out} = await cli(['--check', lenientFixture('no-such-file')]);
    expect(code).toBe(EXIT.usage);
    expect(out).toBe(`${lenientFixture('no-such-file')}: no such file\n`);
  });

  it('{} says it has nothing to show, in one line, and prints nothing', async () => {
    const file = lenientFixture('empty');
    const {code, errors, out} = await cli([file]);
    expect(code).toBe(EXIT.ok);
    expect(errors).toEqual([`${PROGRAM}: ${file} has nothing to show: no JSON Resume basics or sections with content`]);
    expect(out).toBe('');
    expect((await cli([file, '--format', 'json'])).out).toBe('{}\n');
  });

  it('--format json prints the file as written: pre-1.0 names and unknown fields kept', async () => {
    const {out} = await cli([lenientFixture('legacy'), '--format', 'json']);
    const printed = JSON.parse(out) as {work: Array<Record<string, unknown>>};
    expect(printed.work[0]!.company).toBe('Harbor Freight Systems');
    expect(printed.work[0]!.name).toBeUndefined();
  });

  it('--tech with --format json keeps the employer named by a pre-1.0 name, as written', async () => {
    const legacy = JSON.stringify({
      work: [{company: 'Acme', position: 'Dev'}, {company: 'Other'}],
      projects: [{name: 'P', entity: 'Acme', keywords: ['Kafka']}, {name: 'Q', keywords: ['Go']}],
    });
    const {writeFileSync, mkdtempSync} = await import('node:fs');
    const {join} = await import('node:path');
    const {tmpdir} = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'kim-resume-lenient-')), 'legacy-tech.json');
    writeFileSync(file, legacy);
    const {code, out} = await cli([file, '--tech', 'kafka', '--format', 'json']);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(out)).toEqual({work: [{company: 'Acme', position: 'Dev'}], projects: [{name: 'P', entity: 'Acme', keywords: ['Kafka']}]});
  });
});
