import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {formatLoadError, loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';
import {RESUME_PATH} from '../helpers/fixtures';
import {officialSchemaErrors} from '../helpers/schema';

/**
 * data/resume.json must hold every fact of the person's source résumé. The seed (HTML inside
 * Markdown) is parsed here on its own, with regexes, and compared with the data field by field.
 * The seed lives outside the repository: CI puts `shared/` beside the clone.
 */
const SEED_PATH = fileURLToPath(new URL('../../../shared/seeds/000_238b28f7019e9439.txt', import.meta.url));
const haveSeed = existsSync(SEED_PATH);

const raw = JSON.parse(readFileSync(RESUME_PATH, 'utf8')) as Resume;

function loaded(): Resume {
  const result = loadResumeFile(RESUME_PATH, 'data/resume.json');
  if (!result.ok) throw new Error(formatLoadError(result.error));
  return result.resume;
}

/** Text as HTML shows it: tags gone, `<br>` a space, runs of whitespace one space, trimmed. */
function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `2021.06` → `2021-06`. */
const iso = (date: string) => date.replace('.', '-');

function all(re: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(re)];
}

interface SeedProject {
  name: string;
  description: string;
  highlights: string[];
  keywords: string[];
  entity: string;
}

interface SeedWork {
  name: string;
  description?: string;
  position: string;
  startDate: string;
  endDate?: string;
}

interface SeedPersonal {
  organization: string;
  title: string;
  startDate: string;
  endDate: string;
  score?: string;
  scoreLabel?: string;
}

/** The seed, parsed. */
function parseSeed(text: string) {
  const lines = text.split('\n');
  const name = /^# (.+)$/.exec(lines[0]!)?.[1];
  const greeting = lines[1]!.trim();

  // Top-level sections: `# 💻 Work Experience.` … (the first `#` line is the name).
  const headings = all(/^# (.+)$/gm, text).slice(1);
  const sections = headings.map((h, i) => ({
    title: h[1]!.trim(),
    body: text.slice(h.index + h[0].length, headings[i + 1]?.index ?? text.length),
  }));
  const [workSection, personalSection, essaySection] = sections;
  if (!workSection || !personalSection || !essaySection) throw new Error('the seed no longer has three sections');

  // Work: one flex block per organization; its <h2> names it, then role and period, then <h3> projects.
  const work: SeedWork[] = [];
  const projects: SeedProject[] = [];
  for (const block of workSection.body.split('<div style="display: flex').slice(1)) {
    const h2 = /<h2>([\s\S]*?)<\/h2>/.exec(block)![1]!;
    const [orgName, ...under] = h2.split(/<br\s*\/?>/);
    const role = /<p><strong>([\s\S]*?)<\/strong><br\s*\/?>([\s\S]*?)<\/p>/.exec(block)!;
    const dates = all(/(\d{4}\.\d{2})/g, role[2]!).map((m) => iso(m[1]!));
    const organization: SeedWork = {name: htmlText(orgName!), position: htmlText(role[1]!), startDate: dates[0]!};
    if (under.length > 0) organization.description = htmlText(under.join(' '));
    if (dates[1]) organization.endDate = dates[1];
    work.push(organization);

    for (const part of block.split('<h3>').slice(1)) {
      projects.push({
        name: htmlText(part.slice(0, part.indexOf('</h3>'))),
        description: htmlText(/<strong>Description\.<\/strong>([\s\S]*?)<\/p>/.exec(part)![1]!),
        highlights: all(/<li>([\s\S]*?)<\/li>/g, part).map((m) => htmlText(m[1]!)),
        keywords: htmlText(/<strong>Tech Stack\.<\/strong>([\s\S]*?)<\/p>/.exec(part)![1]!).split(/\s*,\s*/),
        entity: organization.name,
      });
    }
  }

  // Personal experience is Markdown: `### organization`, `**title (start ~ end)**`, `- label: score`.
  const personal: SeedPersonal[] = [];
  let organization = '';
  for (const line of personalSection.body.split('\n')) {
    const heading = /^### (.+)$/.exec(line);
    const item = /^\*\*(.+) \((\d{4}\.\d{2}) ~ (\d{4}\.\d{2})\)\*\*$/.exec(line);
    const score = /^- (.+): (.+)$/.exec(line);
    if (heading) organization = heading[1]!.trim();
    else if (item) personal.push({organization, title: item[1]!, startDate: iso(item[2]!), endDate: iso(item[3]!)});
    else if (score) Object.assign(personal.at(-1)!, {scoreLabel: score[1], score: score[2]});
  }

  // Essays: an <h3> question, then pairs of <p><strong>title</strong></p><p>body</p>.
  const essays = essaySection.body
    .split('<h3>')
    .slice(1)
    .map((part) => ({
      title: htmlText(part.slice(0, part.indexOf('</h3>'))),
      entries: all(/<p><strong>([\s\S]*?)<\/strong><\/p>\s*<p>([\s\S]*?)<\/p>/g, part).map((m) => ({title: htmlText(m[1]!), body: htmlText(m[2]!)})),
    }));

  return {name, greeting, sectionTitles: sections.map((s) => s.title), work, projects, personal, essays};
}

const seed = haveSeed ? parseSeed(readFileSync(SEED_PATH, 'utf8')) : undefined;
const missing = `skipped: the seed résumé is not at ${SEED_PATH} (CI puts shared/ beside the clone)`;

describe.skipIf(!haveSeed)(`data/resume.json holds every fact of the seed${haveSeed ? '' : ` (${missing})`}`, () => {
  const data = loaded();
  const s = seed!;

  it('the seed parser found what the seed holds (so that an empty parse cannot pass)', () => {
    expect(s.work).toHaveLength(2);
    expect(s.projects).toHaveLength(6);
    expect(s.projects.flatMap((p) => p.highlights)).toHaveLength(16);
    expect(s.projects.flatMap((p) => p.keywords)).toHaveLength(37);
    expect(s.personal).toHaveLength(3);
    expect(s.essays).toHaveLength(4);
    expect(s.essays.flatMap((e) => e.entries)).toHaveLength(6);
    expect(s.essays.flatMap((e) => e.entries).every((e) => e.body.length > 100)).toBe(true);
  });

  it('the name and the greeting line', () => {
    expect(s.name).toBe('김성호');
    expect(s.greeting).toBe('안녕하세요. 백엔드 엔지니어 김성호 입니다.');
    expect(data.basics?.name).toBe(s.name);
    expect(data.basics?.summary).toBe(s.greeting);
  });

  it('the section titles, in order', () => {
    expect(s.sectionTitles).toEqual(['💻 Work Experience.', '🎒 Personal Experience', '🚀 Achievements · Improvements Experience']);
    const titles = data.meta?.['x-sectionTitles'] ?? {};
    expect([titles.work, titles.personal, titles.essays]).toEqual(s.sectionTitles);
  });

  it('the organizations, roles and periods of the work experience', () => {
    expect(s.work).toEqual([
      {name: 'Laplace Technologies, Inc.', position: 'Backend Engineer', startDate: '2021-06'},
      {name: 'NC Lab', description: '숭실대학교', position: '학부 연구생', startDate: '2020-07', endDate: '2021-06'},
    ]);
    const work = (data.work ?? []).map((w) => ({name: w.name, description: w.description, position: w.position, startDate: w.startDate, endDate: w.endDate}));
    expect(work).toEqual(s.work);
  });

  it('every project: title, description, bullets and tech stack, in order, under its organization', () => {
    const projects = (data.projects ?? []).map((p) => ({name: p.name, description: p.description, highlights: p.highlights, keywords: p.keywords, entity: p.entity}));
    expect(projects).toEqual(s.projects);
  });

  it('every project title (the <h3>s) in order', () => {
    expect((data.projects ?? []).map((p) => p.name)).toEqual([
      '대시보드 API 서버 구축',
      '알림 시스템 구축',
      '커머스 데이터 파이프라인 구축',
      '서드파티 권한 인증 서버 구축',
      '유지보수 및 모니터링',
      'IOT 센서 데이터 파이프라인 구축',
    ]);
  });

  it('personal experience: degree, score, research position and military service, in order', () => {
    expect(s.personal).toEqual([
      {organization: '숭실대학교', title: 'AI 융합학부생', startDate: '2017-03', endDate: '2022-06', scoreLabel: '평균 학점', score: '4.1/4.5'},
      {organization: '숭실대학교', title: 'NCLab 학부 연구생', startDate: '2020-07', endDate: '2021-06'},
      {organization: '해군 1함대 사령부 정보통신 중대', title: '전산 · 네트워크병', startDate: '2017-08', endDate: '2019-06'},
    ]);
    const fromData: SeedPersonal[] = [
      ...(data.education ?? []).flatMap((e) => [
        {organization: e.institution!, title: e['x-title']!, startDate: e.startDate!, endDate: e.endDate!, score: e.score, scoreLabel: e['x-scoreLabel']},
        ...(e['x-positions'] ?? []).map((p) => ({organization: e.institution!, title: p.title, startDate: p.startDate!, endDate: p.endDate!})),
      ]),
      ...(data['x-service'] ?? []).map((x) => ({organization: x.organization, title: x.position!, startDate: x.startDate!, endDate: x.endDate!})),
    ];
    expect(fromData).toEqual(s.personal);
  });

  it('every essay title and its entries (titles from <strong>, bodies whitespace-collapsed), in order', () => {
    expect(s.essays.map((e) => e.title)).toEqual([
      '1. 참여한 프로젝트 내 본인의 주요 역할과 결과, 이를 통해 본인의 역량이 향상된 경험',
      '2. 고객을 중심으로 서비스에 대해 고민하고 문제를 해결한 경험',
      '3. 코드 품질 향상을 위해 지속적으로 노력한 경험',
      '4. 클라우드 환경에서의 인프라 비용 최적화 경험',
    ]);
    expect(s.essays.flatMap((e) => e.entries.map((x) => x.title))).toEqual([
      '알림 시스템',
      '대시보드 API 로딩 속도 개선',
      '데이터 정합성 보완',
      '알림 시스템',
      'AWS Elastic Kubernetes Service 최적화',
      'AWS Secret Manager 최적화',
    ]);
    expect(data['x-essays']).toEqual(s.essays);
  });
});

describe('data/resume.json as data', () => {
  it('loads without error', () => {
    expect(loaded().basics?.name).toBe('김성호');
  });

  it('validates against the official JSON Resume schema unchanged', () => {
    expect(officialSchemaErrors(raw)).toEqual([]);
  });

  it('the official validator does reject a broken copy (the check can fail)', () => {
    expect(officialSchemaErrors({...raw, work: {}})).not.toEqual([]);
  });

  it('every project belongs to an organization in work[]', () => {
    const employers = new Set((raw.work ?? []).map((w) => w.name));
    for (const project of raw.projects ?? []) expect(employers, `project ${project.name}`).toContain(project.entity);
  });

  it('Kubernetes appears in exactly 5 projects', () => {
    expect((raw.projects ?? []).filter((p) => p.keywords?.includes('Kubernetes')).map((p) => p.name)).toEqual([
      '대시보드 API 서버 구축',
      '알림 시스템 구축',
      '커머스 데이터 파이프라인 구축',
      '서드파티 권한 인증 서버 구축',
      '유지보수 및 모니터링',
    ]);
  });

  it('the dates are ISO and the periods of the source', () => {
    expect(raw.work?.map((w) => [w.startDate, w.endDate])).toEqual([
      ['2021-06', undefined],
      ['2020-07', '2021-06'],
    ]);
    expect(raw.education?.[0]).toMatchObject({startDate: '2017-03', endDate: '2022-06', score: '4.1/4.5'});
    expect(raw['x-service']?.[0]).toMatchObject({startDate: '2017-08', endDate: '2019-06', position: '전산 · 네트워크병'});
  });

  it('prints its labels and periods as the source writes them, as its meta asks (ko, but 2021.06 - present, ~ for personal)', () => {
    const doc = toDocument(loaded());
    expect(doc.language).toBe('ko');
    const work = doc.sections.find((s) => s.id === 'work')!;
    expect(work.entries.map((e) => e.period)).toEqual(['2021.06 - present', '2020.07 - 2021.06']);
    expect(work.entries[0]!.children[0]!.blocks.map((b) => b.label)).toEqual(['Description', 'What did I do', 'Tech Stack']);
    const personal = doc.sections.find((s) => s.id === 'personal')!;
    expect(personal.entries.flatMap((e) => e.children.map((c) => c.period))).toEqual(['2017.03 ~ 2022.06', '2020.07 ~ 2021.06', '2017.08 ~ 2019.06']);
  });

  it('has no strings with leading, trailing or doubled whitespace', () => {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(raw);
    expect(strings.filter((x) => x !== x.trim() || /\s\s/.test(x))).toEqual([]);
  });
});
