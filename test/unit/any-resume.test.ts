/**
 * Any JSON Resume renders: three documents of our own making (test/fixtures/) and the ecosystem's
 * own sample, through the loader, the document model, plain text, Markdown and the CLI's
 * --format json, --tech and --section, exactly as the program runs them (run() with a fake io).
 */
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {run} from '../../src/cli/run';
import {techIndex} from '../../src/document/tech';
import {parseResume} from '../../src/resume/load';
import {renderMarkdown} from '../../src/text/markdown';
import {renderPlain} from '../../src/text/plain';
import {fakeIo} from '../helpers/io';
import {ANY_RESUMES, loadFixture, rawJson} from '../helpers/resumes';
import {officialSchemaErrors} from '../helpers/schema';
import {PROGRAM} from '../helpers/program';

/**
 * Whitespace runs as one space: a fact wrapped over two lines still reads as written; a line broken
 * after a word's hyphen or slash (UAX #14: `Trade-` / `offs`) joins the next.
 */
const flat = (text: string) => text.replace(/(?<=[\p{L}\p{N}][-/])[^\S\n]*\n\s*/gu, '').replace(/\s+/g, ' ');

/** Section headings of plain text: each is a line followed by its `===` rule. */
function plainHeadings(text: string): string[] {
  const lines = text.split('\n');
  return lines.filter((line, i) => line !== '' && /^=+$/.test(lines[i + 1] ?? ''));
}

async function cli(...args: string[]) {
  const io = fakeIo();
  const code = await run(args, io);
  return {code, out: io.out(), errors: io.errors};
}

describe.each(ANY_RESUMES)('$name', (fixture) => {
  const resume = loadFixture(fixture.path);
  const doc = toDocument(resume);
  const titles = doc.sections.map((s) => s.title);

  it('is valid against the official JSON Resume schema, as written', () => {
    expect(officialSchemaErrors(rawJson(fixture.path))).toEqual([]);
  });

  it('loads with the loader unchanged (nothing to sanitize)', () => {
    expect(resume).toEqual(rawJson(fixture.path));
  });

  it('has exactly the sections with content, in order; empty ones are hidden', () => {
    expect(doc.name).toBe(fixture.person);
    expect(doc.sections.map((s) => s.id)).toEqual(fixture.sections);
    for (const section of doc.sections) expect(section.entries.length, section.id).toBeGreaterThan(0);
    // Every array of the document that has items shows up somewhere; every empty one does not.
    const raw = rawJson(fixture.path);
    for (const [key, id] of Object.entries({work: 'work', volunteer: 'volunteer', education: 'personal', awards: 'awards', certificates: 'certificates', publications: 'publications', skills: 'skills', languages: 'languages', interests: 'interests', references: 'references', 'x-essays': 'essays'})) {
      const items = raw[key] as unknown[] | undefined;
      expect(doc.sections.some((s) => s.id === id), `${key} → section ${id}`).toBe((items?.length ?? 0) > 0);
    }
  });

  it('puts a project under its work entry when `entity` names one, else in Projects', () => {
    const employers = new Set((resume.work ?? []).map((w) => w.name));
    const work = doc.sections.find((s) => s.id === 'work');
    const underWork = work ? work.entries.flatMap((e) => e.children.map((c) => c.title)) : [];
    const own = doc.sections.find((s) => s.id === 'projects')?.entries.map((e) => e.title) ?? [];
    for (const project of resume.projects ?? []) {
      const linked = project.entity !== undefined && employers.has(project.entity);
      expect(linked ? underWork : own, project.name).toContain(project.name);
      expect(linked ? own : underWork, project.name).not.toContain(project.name);
    }
  });

  it.each([60, 100])('prints as plain text at %i columns: every section and fact, no line wider, no escape', (width) => {
    const text = renderPlain(doc, width);
    expect(text).not.toMatch(/\x1b|[\x80-\x9f]/);
    for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    expect(text.split('\n')[0]).toBe(fixture.person);
    expect(plainHeadings(text)).toEqual(titles);
    const body = flat(text);
    for (const fact of fixture.facts) expect(body, fact).toContain(fact);
  });

  it('prints the same text through the CLI (--width 60, piped)', async () => {
    const {code, out, errors} = await cli(fixture.path, '--width', '60');
    expect({code, errors}).toEqual({code: 0, errors: []});
    expect(out).toBe(renderPlain(doc, 60));
  });

  it('prints Markdown with the name and a heading for every section', async () => {
    const markdown = renderMarkdown(doc);
    expect(markdown.split('\n')[0]).toBe(`# ${fixture.person}`);
    expect(markdown.split('\n').filter((l) => l.startsWith('## '))).toEqual(titles.map((t) => `## ${t}`));
    const {code, out} = await cli(fixture.path, '--format', 'markdown');
    expect(code).toBe(0);
    expect(out).toBe(markdown);
    expect(out).not.toContain('\x1b');
  });

  it('--format json round-trips to the same document, still valid', async () => {
    const {code, out, errors} = await cli(fixture.path, '--format', 'json');
    expect({code, errors}).toEqual({code: 0, errors: []});
    const printed = JSON.parse(out) as unknown;
    expect(printed).toEqual(rawJson(fixture.path));
    expect(officialSchemaErrors(printed)).toEqual([]);
    const again = parseResume(out, 'printed.json');
    expect(again.ok && toDocument(again.resume)).toEqual(doc);
  });

  it('indexes the technologies of its projects and skills, nothing else (not courses, not interests)', () => {
    const names = (list: Array<{keywords?: string[]}> | undefined) => (list ?? []).flatMap((x) => x.keywords ?? []);
    const expected = new Set([...names(resume.projects), ...names(resume.skills)].map((n) => n.toLowerCase()));
    expect(new Set(techIndex(doc).map((t) => t.name.toLowerCase()))).toEqual(expected);
  });

  it(`--tech: a technology only a skill lists exits 3 with a one-line message`, async () => {
    const {code, out, errors} = await cli(fixture.path, '--tech', fixture.skillOnly);
    expect(code).toBe(3);
    expect(out).toBe('');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${PROGRAM}: no project uses "${fixture.skillOnly}"`, 'i'));
  });

  if (fixture.tech) {
    const tech = fixture.tech;
    it(`--tech ${tech.name}: exactly the projects that use it, any case`, async () => {
      const {code, out, errors} = await cli(fixture.path, '--tech', tech.name, '--width', '80');
      expect({code, errors}).toEqual({code: 0, errors: []});
      const n = tech.projects.length;
      const heading = plainHeadings(out);
      expect(heading).toHaveLength(1);
      expect(heading[0]!.toLowerCase()).toBe(`${tech.name.toLowerCase()}: ${n} ${n === 1 ? 'project' : 'projects'}`);
      // Project titles are underlined with dashes in plain text.
      const lines = out.split('\n');
      const projects = lines.filter((l, i) => /^-+$/.test(lines[i + 1] ?? '') && l !== '');
      expect(projects).toEqual(tech.projects);
    });
  }

  it('--section skills --format json keeps basics, meta and only the skills', async () => {
    const {code, out, errors} = await cli(fixture.path, '--section', 'skills', '--format', 'json');
    expect({code, errors}).toEqual({code: 0, errors: []});
    const raw = rawJson(fixture.path);
    const printed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(Object.keys(raw).filter((k) => ['$schema', 'basics', 'meta', 'skills'].includes(k)));
    expect(printed.basics).toEqual(raw.basics);
    expect(printed.skills).toEqual(raw.skills);
    expect(printed.meta).toEqual(raw.meta);
    expect(officialSchemaErrors(printed)).toEqual([]);
  });

  it('--section skills --format text prints only that section', async () => {
    const {code, out} = await cli(fixture.path, '--section', 'skills', '--format', 'text', '--width', '70');
    expect(code).toBe(0);
    expect(plainHeadings(out)).toEqual([doc.sections.find((s) => s.id === 'skills')!.title]);
    expect(out.split('\n')[0]).toBe(fixture.person);
  });

  it('--section by number and by title word opens the same section', async () => {
    const last = doc.sections.length;
    const byNumber = await cli(fixture.path, '--section', String(last), '--format', 'text');
    const byId = await cli(fixture.path, '--section', doc.sections[last - 1]!.id, '--format', 'text');
    expect(byNumber.code).toBe(0);
    expect(byNumber.out).toBe(byId.out);
    expect(plainHeadings(byNumber.out)).toEqual([titles[last - 1]]);
    const beyond = await cli(fixture.path, '--section', String(last + 1), '--format', 'text');
    expect(beyond.code).toBe(2);
    expect(beyond.errors[0]).toContain(`choose one of: 1 ${fixture.sections[0]}`);
  });
});

describe('the Korean fixture', () => {
  const fixture = ANY_RESUMES.find((f) => f.path.endsWith('jiwoo.json'))!;

  it('keeps its own section titles (meta["x-sectionTitles"]) and opens a section by a Hangul title', async () => {
    const doc = toDocument(loadFixture(fixture.path));
    expect(doc.sections.map((s) => s.title)).toEqual(['경력', '개인 프로젝트', '봉사 활동', '학력 · 병역', '수상', '자격증', '기술', '언어', '관심사', '에세이']);
    const {code, out} = await cli(fixture.path, '--section', '학력', '--format', 'text');
    expect(code).toBe(0);
    expect(plainHeadings(out)).toEqual(['학력 · 병역']);
    expect(flat(out)).toContain('병장 만기 전역 (2014.05 ~ 2016.02)');
  });

  it('--section personal --format json keeps education and x-service, still valid', async () => {
    const {code, out} = await cli(fixture.path, '--section', 'personal', '--format', 'json');
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['$schema', 'basics', 'education', 'x-service', 'meta']);
    expect(officialSchemaErrors(printed)).toEqual([]);
  });

  it('--tech with a Hangul technology name', async () => {
    const {code, out} = await cli(fixture.path, '--tech', '형태소 분석');
    expect(code).toBe(0);
    expect(plainHeadings(out)).toEqual(['형태소 분석: 1 project']);
    expect(out).toContain('한글 상품명 정규화 라이브러리');
    const close = await cli(fixture.path, '--tech', '형태소');
    expect(close.code).toBe(3);
    expect(close.errors).toEqual([`${PROGRAM}: no project uses "형태소"; did you mean 형태소 분석?`]);
  });
});
