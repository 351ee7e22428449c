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
import {renderPlain, renderPlainLines} from '../../src/text/plain';
import {itemHeading} from '../../src/document/present';
import {renderTerminal} from '../../src/text/terminal';
import {fixturePath} from '../helpers/fixtures';

function jiwooResume(): Resume {
  const result = loadResumeFile(fixturePath('jiwoo'), 'jiwoo.json');
  if (!result.ok) throw new Error(formatLoadError(result.error));
  return result.resume;
}

/** test/fixtures/jiwoo.json: three projects under its two employers (entity), one of its own. */
const resume = jiwooResume();
const doc = toDocument(resume);
const projects = resume.projects ?? [];
const WIDTHS = [40, 80, 120] as const;

/** A project under an employer is indented under it (and one heading level deeper); one of its own is not. */
const underEmployer = (project: (typeof projects)[number]) => project.entity !== undefined;

/** Output as one line: wrapped lines joined, runs of whitespace folded (so wrapped text can be searched). */
const collapse = (text: string) => text.replace(/\s+/g, ' ');

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => stringWidth(line)));
}

describe('renderPlain: the jiwoo fixture', () => {
  it.each(WIDTHS)('at width %i no line is wider than the width', (width) => {
    const out = renderPlain(doc, width);
    for (const line of out.split('\n')) expect(stringWidth(line), JSON.stringify(line)).toBeLessThanOrEqual(width);
    // And the width is used: some line comes close to it.
    expect(widest(out)).toBeGreaterThan(width - 12);
  });

  it.each(WIDTHS)('at width %i every project title is a line of its own, underlined', (width) => {
    const lines = renderPlainLines(doc, width);
    for (const project of projects) {
      const indent = underEmployer(project) ? '  ' : '';
      const at = lines.indexOf(`${indent}${project.name}`);
      expect(at, project.name).toBeGreaterThan(-1);
      expect(lines[at + 1]).toBe(`${indent}${'-'.repeat(stringWidth(project.name!))}`);
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
    expect(lines).toContain('  Tech Stack: Kafka · Flink · 데이터 레이크');
    expect(lines).toContain('  Tech Stack: Airflow · 데이터 품질 검사 · BigQuery');
  });

  it('at width 40 a long tech stack hangs under its label', () => {
    const lines = renderPlainLines(doc, 40);
    // "  Tech Stack: Airflow · 데이터 품질 검사" is exactly 40 cells; BigQuery goes under the first tag.
    const at = lines.indexOf('  Tech Stack: Airflow · 데이터 품질 검사');
    expect(at).toBeGreaterThan(-1);
    expect(lines.slice(at, at + 3)).toEqual(['  Tech Stack: Airflow · 데이터 품질 검사', '              BigQuery', '']);
  });

  it('has no escape character at any width', () => {
    for (const width of [10, ...WIDTHS, 300]) expect(renderPlain(doc, width)).not.toContain('\x1b');
  });

  it('at width 40 starts exactly like this', () => {
    expect(renderPlainLines(doc, 40).slice(0, 29)).toEqual([
      '한지우',
      '데이터 엔지니어',
      '매일 수십억 건의 이벤트를 믿을 수 있는',
      '테이블로 바꾸는 일을 합니다. 데이터가',
      '늦거나 틀리면 가장 먼저 알아채는',
      '엔지니어가 되려고 합니다.',
      '',
      'jiwoo.han@example.kr',
      '010-2468-1357',
      'https://jiwoo.example.kr',
      // The address in full (41 cells: KR goes to the next line).
      '테헤란로 152, 06236, 서울, 서울특별시,',
      'KR',
      'GitHub: jiwoo-han',
      '(https://github.com/jiwoo-han)',
      '블로그: 지우의 데이터 노트',
      '(https://blog.example.kr/jiwoo)',
      '',
      '',
      '경력',
      '====',
      '',
      '주식회사 바다물류',
      '전국 당일 배송 물류 플랫폼 · 서울 강남구',
      '데이터 엔지니어 · 2021.07 - present',
      '배송 이벤트 수집부터 분석용 데이터',
      '마트까지 데이터 플랫폼 전체를 담당하고',
      '있습니다.',
      '- 일 30억 건의 배송 이벤트를 처리하는',
      '  실시간 파이프라인 설계 및 운영',
    ]);
  });

  it('shows personal experience as the source writes it', () => {
    const lines = renderPlainLines(doc, 80);
    const at = lines.indexOf('학력 · 병역');
    expect(lines.slice(at, at + 16)).toEqual([
      '학력 · 병역',
      '===========',
      '',
      '부산대학교',
      'URL: https://www.pusan.ac.kr',
      '',
      '  학사, 통계학 (2013.03 ~ 2018.02)',
      '  - 평균 학점: 3.9/4.5',
      // A label x-labels does not name is in the résumé's language (Korean, detected).
      '  수강 과목: 회귀분석 · 데이터베이스 · 베이즈 통계',
      '',
      '  빅데이터 동아리 회장 (2016.03 ~ 2017.02)',
      '',
      '대한민국 육군',
      '',
      '  병장 만기 전역 (2014.05 ~ 2016.02)',
      '',
    ]);
  });

  it('ends in exactly one newline and starts with no blank line', () => {
    const out = renderPlain(doc, 80);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    expect(out.startsWith('한지우\n')).toBe(true);
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
          // Whole, unless it holds an emoji: UAX #14 breaks beside one (class ID or EB), as between ideographs.
          for (const w of (p.description ?? '').split(' ')) if (stringWidth(w) <= 8 && !/\p{Extended_Pictographic}/u.test(w)) expect(shown).toContain(w);
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
    expect(lines[0]).toBe('# 한지우');
    expect(lines).toContain('## 경력');
    expect(lines).toContain('## 학력 · 병역');
    expect(lines).toContain('## 에세이');
    expect(lines).toContain('### 주식회사 바다물류');
    expect(lines).toContain('### 한빛커머스');
    for (const project of projects) expect(lines).toContain(`${underEmployer(project) ? '####' : '###'} ${project.name}`);
    expect(lines).toContain('#### 배송 이벤트 실시간 수집 파이프라인');
    expect(lines).toContain('### 한글 상품명 정규화 라이브러리');
  });

  it('writes role and period, bullets as list items, and the tech stack in bold', () => {
    expect(lines).toContain('**데이터 엔지니어** · 2021.07 - present');
    expect(lines).toContain('**주니어 데이터 엔지니어** · 2019.01 - 2021.06');
    for (const project of projects) {
      for (const bullet of project.highlights ?? []) expect(lines).toContain(`- ${bullet}`);
    }
    expect(lines).toContain('**Tech Stack:** Kafka · Flink · 데이터 레이크');
    expect(lines).toContain('- 평균 학점: 3.9/4.5');
    expect(lines).toContain('**학사, 통계학 (2013.03 \\~ 2018.02)**');
  });

  it('renders through a Markdown parser to the same facts', () => {
    const html = marked.parse(md, {async: false}) as string;
    expect(html).toContain('<h1>한지우</h1>');
    expect(html).toContain('<h4>배송 이벤트 실시간 수집 파이프라인</h4>');
    expect(html).toContain('<li>Kafka 토픽 설계와 파티션 키 선정으로 순서 보장 문제 해결</li>');
    expect(html).toContain('<strong>Tech Stack:</strong> Kafka · Flink · 데이터 레이크');
    // The ~ of a period stays a tilde (escaped, so no strikethrough).
    expect(html).toContain('<strong>학사, 통계학 (2013.03 ~ 2018.02)</strong>');
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
    expect(text).toContain('한지우');
    expect(text).toContain('경력');
    for (const project of projects) {
      expect(text).toContain(project.name);
      for (const bullet of project.highlights ?? []) expect(text).toContain(bullet);
      for (const tech of project.keywords ?? []) expect(text).toContain(tech);
    }
    expect(text).toContain('평균 학점: 3.9/4.5');
    expect(text).toContain('학사, 통계학 (2013.03 ~ 2018.02)');
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
