import chalk from 'chalk';
import fc from 'fast-check';
import {marked} from 'marked';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {formatLoadError, loadResumeFile} from '../../src/resume/load';
import {sanitizeValue} from '../../src/resume/sanitize';
import type {Resume} from '../../src/resume/types';
import {escapeMarkdown, renderMarkdown} from '../../src/text/markdown';
import {itemHeading, renderPlain, renderPlainLines} from '../../src/text/plain';
import {renderTerminal} from '../../src/text/terminal';
import {RESUME_PATH} from '../helpers/fixtures';

function realResume(): Resume {
  const result = loadResumeFile(RESUME_PATH, 'data/resume.json');
  if (!result.ok) throw new Error(formatLoadError(result.error));
  return result.resume;
}

const resume = realResume();
const doc = toDocument(resume);
const projects = resume.projects ?? [];
const WIDTHS = [40, 80, 120] as const;

/** Output as one line: wrapped lines joined, runs of whitespace folded (so wrapped text can be searched). */
const collapse = (text: string) => text.replace(/\s+/g, ' ');

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => stringWidth(line)));
}

describe('renderPlain: the real résumé', () => {
  it.each(WIDTHS)('at width %i no line is wider than the width', (width) => {
    const out = renderPlain(doc, width);
    for (const line of out.split('\n')) expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
    // And the width is used: some line comes close to it.
    expect(widest(out)).toBeGreaterThan(width - 12);
  });

  it.each(WIDTHS)('at width %i every project title is a line of its own, underlined', (width) => {
    const lines = renderPlainLines(doc, width);
    for (const project of projects) {
      const at = lines.indexOf(`  ${project.name}`);
      expect(at, project.name).toBeGreaterThan(-1);
      expect(lines[at + 1]).toBe(`  ${'-'.repeat(stringWidth(project.name!))}`);
    }
  });

  it.each(WIDTHS)('at width %i every description, bullet and technology is there', (width) => {
    const text = collapse(renderPlain(doc, width));
    for (const project of projects) {
      expect(text).toContain(project.description);
      for (const bullet of project.highlights ?? []) expect(text).toContain(`- ${bullet}`);
      for (const tech of project.keywords ?? []) expect(text).toContain(tech);
    }
    for (const essay of resume['x-essays'] ?? []) {
      expect(text).toContain(essay.title);
      for (const entry of essay.entries) {
        expect(text).toContain(entry.title);
        expect(text).toContain(entry.body);
      }
    }
  });

  it.each([80, 120])('at width %i a tech stack fits on one line', (width) => {
    const lines = renderPlainLines(doc, width);
    expect(lines).toContain('  Tech Stack: FastAPI · Trino · Redis · Kubernetes · Python');
    expect(lines).toContain('  Tech Stack: AwsSQS · Airflow · FastAPI · MySQL · Redis · Kubernetes · Python');
  });

  it('at width 40 a long tech stack hangs under its label', () => {
    const lines = renderPlainLines(doc, 40);
    const at = lines.indexOf('  Tech Stack: AwsSQS · Airflow · FastAPI');
    expect(lines.slice(at, at + 3)).toEqual(['  Tech Stack: AwsSQS · Airflow · FastAPI', '              MySQL · Redis · Kubernetes', '              Python']);
  });

  it('has no escape character at any width', () => {
    for (const width of [10, ...WIDTHS, 300]) expect(renderPlain(doc, width)).not.toContain('\x1b');
  });

  it('at width 40 starts exactly like this', () => {
    expect(renderPlainLines(doc, 40).slice(0, 23)).toEqual([
      '김성호',
      'Backend Engineer',
      '안녕하세요. 백엔드 엔지니어 김성호',
      '입니다.',
      '',
      '',
      '💻 Work Experience.',
      '===================',
      '',
      'Laplace Technologies, Inc.',
      'Backend Engineer · 2021.06 - present',
      '',
      '  대시보드 API 서버 구축',
      '  ----------------------',
      '  Description',
      '    500개 이상의 커머스 BI 데이터 지표에',
      '    대해 분석 및 시각화 하는 대시보드',
      '    API 서버를 설계 및 구축 하였습니다.',
      '',
      '  What did I do',
      '    - 대시보드 설정 정보를 요청 받아',
      '      데이터를 집계하여 제공하는 서비스',
      '      구현',
    ]);
  });

  it('shows personal experience as the source writes it', () => {
    const lines = renderPlainLines(doc, 80);
    const at = lines.indexOf('🎒 Personal Experience');
    expect(lines.slice(at, at + 14)).toEqual([
      '🎒 Personal Experience',
      '======================',
      '',
      '숭실대학교',
      '',
      '  AI 융합학부생 (2017.03 ~ 2022.06)',
      '  - 평균 학점: 4.1/4.5',
      '',
      '  NCLab 학부 연구생 (2020.07 ~ 2021.06)',
      '',
      '해군 1함대 사령부 정보통신 중대',
      '',
      '  전산 · 네트워크병 (2017.08 ~ 2019.06)',
      '',
    ]);
  });

  it('ends in exactly one newline and starts with no blank line', () => {
    const out = renderPlain(doc, 80);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    expect(out.startsWith('김성호\n')).toBe(true);
  });

  it('itemHeading writes the period in parentheses', () => {
    expect(itemHeading({kind: 'item', title: 'AI 융합학부생', period: '2017.03 ~ 2022.06', blocks: [], children: []})).toBe('AI 융합학부생 (2017.03 ~ 2022.06)');
    expect(itemHeading({kind: 'item', title: '', period: '2017.03', blocks: [], children: []})).toBe('2017.03');
    expect(itemHeading({kind: 'project', title: 'P', period: '2017.03', blocks: [], children: []})).toBe('P');
  });
});

describe('renderPlain: any résumé', () => {
  const piece = fc.constantFrom('가', '나', '한', '글', 'API', 'a', 'Kubernetes', '👍', '👩\u200d👩\u200d👧', 'e\u0301', '(20%)', '·');
  const word = fc.array(piece, {minLength: 1, maxLength: 8}).map((p) => p.join(''));
  const longWord = fc.array(piece, {minLength: 30, maxLength: 80}).map((p) => p.join(''));
  const text = fc.array(fc.oneof({weight: 12, arbitrary: word}, {weight: 1, arbitrary: longWord}), {minLength: 1, maxLength: 25}).map((w) => w.join(' '));
  const date = fc.constantFrom('2021-06', '2019', '2020-01-31');
  const project = fc.record(
    {name: text, description: text, highlights: fc.array(text, {maxLength: 4}), keywords: fc.array(word, {maxLength: 8}), url: fc.constant('https://example.com/a/very/long/path/that/goes/on/and/on'), startDate: date, entity: fc.constantFrom('Acme', 'Other')},
    {requiredKeys: ['name']},
  );
  const arbitraryResume: fc.Arbitrary<Resume> = fc.record(
    {
      basics: fc.record({name: text, label: text, summary: text, email: fc.constant('kim@example.com')}, {requiredKeys: []}),
      work: fc.array(fc.record({name: fc.constant('Acme'), position: text, description: text, startDate: date, highlights: fc.array(text, {maxLength: 3})}, {requiredKeys: ['name']}), {maxLength: 2}),
      projects: fc.array(project, {maxLength: 4}),
      education: fc.array(fc.record({institution: text, area: text, studyType: text, score: word, courses: fc.array(word, {maxLength: 5}), startDate: date}, {requiredKeys: []}), {maxLength: 2}),
      skills: fc.array(fc.record({name: text, level: word, keywords: fc.array(word, {maxLength: 6})}, {requiredKeys: []}), {maxLength: 2}),
      'x-essays': fc.array(fc.record({title: text, entries: fc.array(fc.record({title: text, body: text}), {maxLength: 2})}), {maxLength: 2}),
    },
    {requiredKeys: []},
  );

  it('no line is ever wider than the width (10 to 300), and every short word is shown', () => {
    fc.assert(
      fc.property(arbitraryResume, fc.integer({min: 10, max: 300}), (input, width) => {
        const out = renderPlain(toDocument(input), width);
        for (const line of out.split('\n')) expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
        const shown = collapse(out);
        for (const p of input.projects ?? []) {
          for (const w of (p.description ?? '').split(' ')) if (stringWidth(w) <= 8) expect(shown).toContain(w);
        }
      }),
      {numRuns: 100},
    );
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(doc);
  const lines = md.split('\n');

  it('has the headings of the document', () => {
    expect(lines[0]).toBe('# 김성호');
    expect(lines).toContain('## 💻 Work Experience.');
    expect(lines).toContain('## 🎒 Personal Experience');
    expect(lines).toContain('## 🚀 Achievements · Improvements Experience');
    expect(lines).toContain('### Laplace Technologies, Inc.');
    expect(lines).toContain('### NC Lab');
    for (const project of projects) expect(lines).toContain(`#### ${project.name}`);
    expect(lines).toContain('#### 대시보드 API 서버 구축');
  });

  it('writes role and period, bullets as list items, and the tech stack in bold', () => {
    expect(lines).toContain('**Backend Engineer** · 2021.06 - present');
    expect(lines).toContain('**학부 연구생** · 2020.07 - 2021.06');
    for (const project of projects) {
      for (const bullet of project.highlights ?? []) expect(lines).toContain(`- ${bullet}`);
    }
    expect(lines).toContain('**Tech Stack:** FastAPI · Trino · Redis · Kubernetes · Python');
    expect(lines).toContain('- 평균 학점: 4.1/4.5');
    expect(lines).toContain('**AI 융합학부생 (2017.03 \\~ 2022.06)**');
  });

  it('renders through a Markdown parser to the same facts', () => {
    const html = marked.parse(md, {async: false}) as string;
    expect(html).toContain('<h1>김성호</h1>');
    expect(html).toContain('<h4>대시보드 API 서버 구축</h4>');
    expect(html).toContain('<li>대시보드 설정 정보를 요청 받아 데이터를 집계하여 제공하는 서비스 구현</li>');
    expect(html).toContain('<strong>Tech Stack:</strong> FastAPI · Trino · Redis · Kubernetes · Python');
    // The ~ of a period stays a tilde (escaped, so no strikethrough).
    expect(html).toContain('<strong>AI 융합학부생 (2017.03 ~ 2022.06)</strong>');
    expect(html).not.toContain('<del>');
  });

  it('escapes markup in data, so it shows as written', () => {
    const evil = toDocument({
      basics: {name: '*bold* <b>', summary: '- not a list\n1. not ordered\n# not heading'},
      work: [{name: 'A_b_c [link](x)', highlights: ['`code` | pipe ~~del~~', '+ plus', '<script>alert(1)</script>']}],
    });
    const out = renderMarkdown(evil);
    expect(out.split('\n')[0]).toBe('# \\*bold\\* \\<b\\>');
    const html = marked.parse(out, {async: false}) as string;
    expect(html).toBe(
      [
        '<h1>*bold* &lt;b&gt;</h1>',
        '<p>- not a list<br>1. not ordered<br># not heading</p>',
        '<h2>Work Experience</h2>',
        '<h3>A_b_c [link](x)</h3>',
        '<ul>',
        '<li>`code` | pipe ~~del~~</li>',
        '<li>+ plus</li>',
        '<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>',
        '</ul>',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['*', '\\*'],
    ['_x_', '\\_x\\_'],
    ['`', '\\`'],
    ['<b>', '\\<b\\>'],
    ['[a](b)', '\\[a\\](b)'],
    ['# h', '\\# h'],
    ['a | b', 'a \\| b'],
    ['~~', '\\~\\~'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['back\\slash', 'back\\\\slash'],
    ['a - b', 'a - b'],
    ['김성호 4.1/4.5', '김성호 4.1/4.5'],
  ])('escapeMarkdown(%j) = %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('ends in one newline and has no escape character', () => {
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
    expect(md).not.toContain('\x1b');
  });
});

describe('renderTerminal (colors forced)', () => {
  let level: typeof chalk.level;
  beforeEach(() => {
    level = chalk.level;
    chalk.level = 1;
  });
  afterEach(() => {
    chalk.level = level;
  });

  it.each(WIDTHS)('at width %i has color, and without it no line is wider than the width', (width) => {
    const out = renderTerminal(doc, width);
    expect(out).toContain('\x1b[');
    const plain = stripAnsi(out);
    for (const line of plain.split('\n')) expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
    expect(plain).not.toContain('\x1b');
  });

  it.each(WIDTHS)('at width %i shows every title, bullet and technology', (width) => {
    const text = collapse(stripAnsi(renderTerminal(doc, width)));
    expect(text).toContain('김성호');
    expect(text).toContain('💻 Work Experience.');
    for (const project of projects) {
      expect(text).toContain(project.name);
      for (const bullet of project.highlights ?? []) expect(text).toContain(bullet);
      for (const tech of project.keywords ?? []) expect(text).toContain(tech);
    }
    expect(text).toContain('평균 학점: 4.1/4.5');
    expect(text).toContain('AI 융합학부생 (2017.03 ~ 2022.06)');
  });

  it('has no color at chalk level 0', () => {
    chalk.level = 0;
    expect(renderTerminal(doc, 80)).not.toContain('\x1b');
  });

  it('keeps data escapes out even when the data tried (sanitized at load)', () => {
    const evil = sanitizeValue({basics: {name: '\x1b]0;pwned\x07김성호'}}) as Resume;
    const out = renderTerminal(toDocument(evil), 80);
    expect(out).not.toContain('\x1b]');
    expect(out).not.toContain('\x07');
    expect(stripAnsi(out)).toContain('김성호');
  });
});
