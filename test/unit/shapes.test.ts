/**
 * Real files write what the JSON Resume schema does not (issue 20): HTML in strings, sections
 * under other names (`volunteers`, `certifications`, `community`, `portfolio`), values of other
 * shapes. Nothing of it vanishes, and none of it reaches the reader as markup. Run on
 * test/fixtures/lenient/html.json, extra-sections.json and shapes.json, through the CLI as a
 * reader runs it (piped text, Markdown, JSON, --check, --section).
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {EXIT, run, type Io} from '../../src/cli/run';
import {toDocument} from '../../src/document/build';
import {titleOfKey} from '../../src/document/extra';
import {findSection} from '../../src/document/select';
import {techIndex} from '../../src/document/tech';
import {formatLoadError, loadResumeFile, meantSection, parseResume} from '../../src/resume/load';
import {createTheme} from '../../src/theme/theme';
import {FrameBuilder} from '../../src/ui/frame';
import {initialState} from '../../src/ui/state';
import {lenientFixture} from '../helpers/lenient';

async function cli(args: string[]): Promise<{code: number; out: string; errors: string[]}> {
  let out = '';
  const errors: string[] = [];
  const io: Io = {stdinIsTTY: false, stdoutIsTTY: false, env: {}, columns: undefined, write: async (chunk) => void (out += chunk), error: (line) => void errors.push(line)};
  const code = await run(args, io);
  return {code, out, errors};
}

function open(name: string) {
  const loaded = loadResumeFile(lenientFixture(name), `${name}.json`, {lenient: true});
  if (!loaded.ok) throw new Error(formatLoadError(loaded.error));
  return loaded;
}

/** Tags of HTML elements as a reader would see them on screen. */
const TAG = /<\/?(?:a|b|br|em|i|li|ol|p|script|span|strong|style|ul)\b[^>]*>/i;

describe('HTML in strings (html.json)', () => {
  it('piped text: no tag, no script, links as text (address), entities decoded', async () => {
    const {code, out} = await cli([lenientFixture('html'), '--width', '80']);
    expect(code).toBe(EXIT.ok);
    expect(out).not.toMatch(TAG);
    expect(out).not.toContain('document.cookie');
    expect(out).not.toContain('javascript:');
    expect(out).not.toMatch(/&(?:amp|mdash|eacute|nbsp);/);
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain('Lucía Ferrer\nFrontend Engineer & Designer\nI build **accessible** interfaces.\nCurrently at Nube (https://nube.example/team).\n\nBefore: *design systems* — café owner © 2015.');
    expect(out).toContain('València, ES');
    expect(out).toContain('Shipped Nube Kit (https://nube.example/kit) to 40 teams.');
    // A highlight that is a list is that many highlights; javascript: keeps its text alone.
    expect(out).toContain('- Cut bundle size by **38\u00a0%**\n- Mentored *4* engineers\n- Talk: click me\n- Safe text\n');
    // What the author escaped stays text.
    expect(out).toContain('- Styled <not a tag>');
    // Titles and keywords read the text alone.
    expect(out).toContain('Nube Cloud\nSenior Frontend Engineer · Mar 2021 – Present');
    expect(out).toContain('Keywords: TypeScript · Web Components');
  });

  it('Markdown: no tag; the marks shown as written, as Markdown in data always is', async () => {
    const {out} = await cli([lenientFixture('html'), '--format', 'markdown']);
    expect(out).not.toMatch(TAG);
    expect(out).not.toContain('document.cookie');
    expect(out).toContain('# Lucía Ferrer');
    expect(out).toContain('Led the \\*\\*design system\\*\\* team.');
  });

  it('JSON: the document as written, HTML included, for the tools that render it', async () => {
    const {out} = await cli([lenientFixture('html'), '--format', 'json']);
    expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync(lenientFixture('html'), 'utf8')));
  });

  it('HTML is read once, at load: the document holds marks, never tags', () => {
    const doc = toDocument(open('html').resume);
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(TAG);
    expect(doc.greeting).toBe('I build **accessible** interfaces.\nCurrently at [Nube](https://nube.example/team).\n\nBefore: *design systems* — café owner © 2015.');
    // An address is kept as written.
    expect(open('html').resume.basics?.email).toBe('lucia@ferrer.example');
  });
});

describe('sections under other names (extra-sections.json)', () => {
  it('each key that holds entries or text is a section of its own, after the standard ones, titled from its key', () => {
    const doc = toDocument(open('extra-sections').resume);
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual([
      ['work', 'Work Experience'],
      ['volunteers', 'Volunteers'],
      ['certifications', 'Certifications'],
      ['community', 'Community'],
      ['portfolio', 'Portfolio'],
      ['side_projects', 'Side Projects'],
      ['objective', 'Objective'],
    ]);
  });

  it('piped text: entries built like the closest known shape: title, subtitle, period, text, list, link, More', async () => {
    const {code, out, errors} = await cli([lenientFixture('extra-sections'), '--width', '80']);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('Volunteers\n==========\n\nCode for Lima (May 2018 – Dec 2021)\nMentor\nMentored first-time contributors.\n- Ran 12 workshops');
    expect(out).toContain('Certified Kubernetes Administrator (Aug 2022)\nCNCF\nURL: https://cncf.example/cka/1234\n\nAWS Solutions Architect (Mar 2021)\nAmazon Web Services');
    expect(out).toContain('Taming alert fatigue (Mar 2023)\nSREcon Americas\nURL: https://srecon.example/talks/alerts\nMore\n  - slides: https://slides.example/alerts');
    expect(out).toContain('pagerdiet\nA CLI that groups alerts by cause.\nKeywords: Go · Prometheus\nURL: https://github.com/tomas/pagerdiet');
    expect(out).toContain('Side Projects\n=============\n\n- A home lab on three Raspberry Pis\n- A Spanish translation');
    expect(out).toContain('Objective\n=========\n\nTo make on-call boring.');
    // The warning is kept, as a note; no "problems" line, since there are none.
    expect(errors).toContain(`${lenientFixture('extra-sections')}:20:21: certifications: note: not a JSON Resume section, shown as a section of its own; did you mean "certificates"?`);
    expect(errors).toContain(`${lenientFixture('extra-sections')}:32:22: favouriteColour: note: not a JSON Resume section, not shown (no entries or text)`);
    expect(errors.some((e) => e.includes('problem'))).toBe(false);
  });

  it('--check: extra keys are notes, as the official validator allows them: exit 0', async () => {
    const file = lenientFixture('extra-sections');
    const {code, out} = await cli(['--check', file]);
    expect(code).toBe(EXIT.ok);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines.slice(0, 7).every((l) => l.includes(': note: not a JSON Resume section'))).toBe(true);
    expect(lines[7]).toBe(`${file}: no problems`);
    expect(lines[8]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: language en \\(detected from its text`));
    // --strict opens it too: a note is no problem.
    expect((await cli([file, '--strict'])).code).toBe(EXIT.ok);
  });

  it('--check: a real problem beside the notes still exits 2', async () => {
    const {mkdtempSync, writeFileSync} = await import('node:fs');
    const {join} = await import('node:path');
    const {tmpdir} = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'kim-resume-shapes-')), 'both.json');
    writeFileSync(file, JSON.stringify({volunteers: [{organization: 'X'}], work: [{name: 'Y', startDate: '2020/01'}]}));
    const {code, out} = await cli(['--check', file]);
    expect(code).toBe(EXIT.usage);
    expect(out).toContain('work[0].startDate: expected a date like 2021-06');
    expect(out).toContain('volunteers: note:');
    expect(out).not.toContain('no problems');
  });

  it('--section by id, number or title; JSON keeps the key; the tech index ignores extra keywords', async () => {
    const doc = toDocument(open('extra-sections').resume);
    expect(findSection(doc, 'certifications')).toBe(2);
    expect(findSection(doc, '3')).toBe(2);
    expect(findSection(doc, 'side projects')).toBe(5);
    const {out} = await cli([lenientFixture('extra-sections'), '--section', 'portfolio', '--format', 'json']);
    expect(Object.keys(JSON.parse(out))).toEqual(['basics', 'portfolio']);
    const text = (await cli([lenientFixture('extra-sections'), '--section', 'volunteers'])).out;
    expect(text).toContain('Code for Lima');
    expect(text).not.toContain('Orbita');
    // A portfolio's keywords are not a project's tech stack: the index is unchanged.
    expect(techIndex(doc)).toEqual([]);
  });

  it("the app's search finds text in an extra section, in that section", () => {
    const doc = toDocument(open('extra-sections').resume);
    const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
    const matches = builder.search(initialState(doc.sections.length, {width: 100, rows: 30}), 'raspberry');
    expect(matches.map((m) => m.section)).toEqual([5]);
  });

  it('Markdown: the extra sections are there, with their entries', async () => {
    const {out} = await cli([lenientFixture('extra-sections'), '--format', 'markdown']);
    for (const heading of ['## Volunteers', '## Certifications', '## Community', '## Portfolio', '## Side Projects', '## Objective']) expect(out).toContain(heading);
    expect(out).toContain('**Certified Kubernetes Administrator (Aug 2022)**');
  });

  it('titles from keys: snake, kebab and camel case split, each word capitalized', () => {
    expect(['volunteers', 'certifications', 'side_projects', 'openSource', 'talks-and-papers', 'x2Awards'].map(titleOfKey)).toEqual(['Volunteers', 'Certifications', 'Side Projects', 'Open Source', 'Talks And Papers', 'X2 Awards']);
  });

  it('"did you mean": an alias table before edit distance', () => {
    expect(meantSection('certifications')).toBe('certificates');
    expect(meantSection('Volunteers')).toBe('volunteer');
    expect(meantSection('wrok')).toBe('work');
    expect(meantSection('community')).toBeUndefined();
  });
});

describe('values of other shapes (shapes.json)', () => {
  it('a keyword object reads name (level), a summary list reads as paragraphs, a location object as City, Region, CC', async () => {
    const {out, errors} = await cli([lenientFixture('shapes'), '--width', '80']);
    expect(out).toContain('Keywords: Go (Avanzado) · Python · SQL');
    expect(out).toContain('Keywords: Kafka (Intermedio) · PostgreSQL');
    expect(out).not.toContain('logo');
    expect(out).not.toContain('.svg');
    expect(out).toContain('Marta Gil\nBackend Developer\nEight years of backend experience.\n\nDesigned payment systems for three banks.');
    expect(out).toContain('Banco Sur\nSevilla, Andalucía, ES\nBackend Developer · Jan 2019 – Present\nMoved the ledger to event sourcing.\n\nCut settlement time from hours to minutes.');
    expect(out).not.toMatch(/city:|countryCode:|experience\., Designed/);
    // Each is still a problem the schema names, with how it was read.
    expect(errors).toContain(`${lenientFixture('shapes')}:5:16: basics.summary: expected a string, got an array (read as paragraphs)`);
    expect(errors).toContain(`${lenientFixture('shapes')}:11:19: work[0].location: expected a string, got an object (read as its place)`);
    expect(errors).toContain(`${lenientFixture('shapes')}:20:9: skills[0].keywords[0]: expected a string, got an object (read as its name and level)`);
  });

  it('JSON: the file as written, its shapes kept', async () => {
    const {out} = await cli([lenientFixture('shapes'), '--format', 'json']);
    expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync(lenientFixture('shapes'), 'utf8')));
  });

  it('keywords read as name (level) are technologies in the index', () => {
    const names = techIndex(toDocument(open('shapes').resume)).map((t) => t.name);
    expect(names).toContain('Kafka (Intermedio)');
  });

  it('an HTML summary given as a list: each item read, then paragraphs', () => {
    const result = parseResume(JSON.stringify({basics: {name: 'A', summary: ['<b>One</b>', 'Two &amp; three']}}), 'x.json', {lenient: true});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.resume.basics?.summary).toBe('**One**\n\nTwo & three');
  });
});
