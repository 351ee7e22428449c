import {describe, expect, it} from 'vitest';
import {DEFAULT_TITLES, toDocument} from '../../src/document/build';
import type {Entry} from '../../src/document/model';
import {formatDate, formatPeriod} from '../../src/resume/dates';
import {formatLoadError, loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';
import {RESUME_PATH} from '../helpers/fixtures';

function realResume(): Resume {
  const result = loadResumeFile(RESUME_PATH, 'data/resume.json');
  if (!result.ok) throw new Error(formatLoadError(result.error));
  return result.resume;
}

describe('dates', () => {
  it.each([
    ['2021-06', '2021.06'],
    ['2021-06-29', '2021.06.29'],
    ['2021', '2021'],
  ])('formatDate(%s) = %s', (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it.each([
    ['2021-06', undefined, '-', '2021.06 - present'],
    ['2020-07', '2021-06', '-', '2020.07 - 2021.06'],
    ['2017-03', '2022-06', '~', '2017.03 ~ 2022.06'],
    [undefined, '2019-06', '-', '2019.06'],
    [undefined, undefined, '-', undefined],
  ])('formatPeriod(%s, %s, %s) = %s', (start, end, separator, expected) => {
    expect(formatPeriod(start, end, separator)).toBe(expected);
  });
});

describe('toDocument: the real résumé', () => {
  const doc = toDocument(realResume());

  it('has the header from basics and no contacts', () => {
    expect(doc.name).toBe('김성호');
    expect(doc.label).toBe('Backend Engineer');
    expect(doc.greeting).toBe('안녕하세요. 백엔드 엔지니어 김성호 입니다.');
    expect(doc.contacts).toEqual([]);
  });

  it('has the sections work, personal, essays in that order, titled from meta x-sectionTitles', () => {
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual([
      ['work', '💻 Work Experience.'],
      ['personal', '🎒 Personal Experience'],
      ['essays', '🚀 Achievements · Improvements Experience'],
    ]);
  });

  it('puts each project under its organization, with the periods the source writes', () => {
    const work = doc.sections[0]!;
    expect(work.entries.map((e) => ({kind: e.kind, title: e.title, subtitle: e.subtitle, role: e.role, period: e.period, projects: e.children.map((c) => c.title)}))).toEqual([
      {
        kind: 'organization',
        title: 'Laplace Technologies, Inc.',
        subtitle: undefined,
        role: 'Backend Engineer',
        period: '2021.06 - present',
        projects: ['대시보드 API 서버 구축', '알림 시스템 구축', '커머스 데이터 파이프라인 구축', '서드파티 권한 인증 서버 구축', '유지보수 및 모니터링'],
      },
      {kind: 'organization', title: 'NC Lab', subtitle: '숭실대학교', role: '학부 연구생', period: '2020.07 - 2021.06', projects: ['IOT 센서 데이터 파이프라인 구축']},
    ]);
  });

  it('gives a project its description, bullets and tech stack as labelled blocks', () => {
    const project = doc.sections[0]!.entries[0]!.children[0]!;
    expect(project).toEqual({
      kind: 'project',
      title: '대시보드 API 서버 구축',
      role: undefined,
      period: undefined,
      blocks: [
        {kind: 'text', label: 'Description', text: '500개 이상의 커머스 BI 데이터 지표에 대해 분석 및 시각화 하는 대시보드 API 서버를 설계 및 구축 하였습니다.'},
        {
          kind: 'list',
          label: 'What did I do',
          items: [
            '대시보드 설정 정보를 요청 받아 데이터를 집계하여 제공하는 서비스 구현',
            'API 서버 및 분산 쿼리 시스템의 단위별 캐싱을 통해 대시보드 조회 성능 개선',
            '대시보드를 커스텀하게 다룰 수 있도록 document 기반의 CRUD 기능 구현',
          ],
        },
        {kind: 'tags', label: 'Tech Stack', items: ['FastAPI', 'Trino', 'Redis', 'Kubernetes', 'Python']},
      ],
      children: [],
    });
  });

  it('builds personal experience from education, its positions and the service', () => {
    const personal = doc.sections[1]!;
    const summary = (e: Entry): unknown => ({title: e.title, period: e.period, blocks: e.blocks, children: e.children.map(summary)});
    expect(personal.entries.map(summary)).toEqual([
      {
        title: '숭실대학교',
        period: undefined,
        blocks: [],
        children: [
          {title: 'AI 융합학부생', period: '2017.03 ~ 2022.06', blocks: [{kind: 'list', label: undefined, items: ['평균 학점: 4.1/4.5']}], children: []},
          {title: 'NCLab 학부 연구생', period: '2020.07 ~ 2021.06', blocks: [], children: []},
        ],
      },
      {
        title: '해군 1함대 사령부 정보통신 중대',
        period: undefined,
        blocks: [],
        children: [{title: '전산 · 네트워크병', period: '2017.08 ~ 2019.06', blocks: [], children: []}],
      },
    ]);
  });

  it('builds the essays as titled parts', () => {
    const essays = doc.sections[2]!;
    expect(essays.entries.map((e) => [e.kind, e.title, e.children.map((c) => [c.kind, c.title, c.blocks.length])])).toEqual([
      ['essay', '1. 참여한 프로젝트 내 본인의 주요 역할과 결과, 이를 통해 본인의 역량이 향상된 경험', [['part', '알림 시스템', 1]]],
      ['essay', '2. 고객을 중심으로 서비스에 대해 고민하고 문제를 해결한 경험', [['part', '대시보드 API 로딩 속도 개선', 1], ['part', '데이터 정합성 보완', 1]]],
      ['essay', '3. 코드 품질 향상을 위해 지속적으로 노력한 경험', [['part', '알림 시스템', 1]]],
      ['essay', '4. 클라우드 환경에서의 인프라 비용 최적화 경험', [['part', 'AWS Elastic Kubernetes Service 최적화', 1], ['part', 'AWS Secret Manager 최적화', 1]]],
    ]);
    const last = essays.entries[3]!.children[1]!.blocks[0]!;
    expect(last.kind === 'text' && last.text.startsWith('다양한 외부 플랫폼의 데이터를')).toBe(true);
  });

  it('is pure: the same résumé gives an equal document, and the résumé is not changed', () => {
    const resume = realResume();
    const copy = structuredClone(resume);
    expect(toDocument(resume)).toEqual(toDocument(resume));
    expect(resume).toEqual(copy);
  });
});

/** A JSON Resume with none of this project's extensions. */
const generic: Resume = {
  basics: {
    name: 'Jane Doe',
    label: 'Programmer',
    email: 'jane@example.com',
    phone: '+1 555 0100',
    url: 'https://jane.example.com',
    summary: 'Writes code.',
    location: {city: 'Seoul', region: 'Seoul', countryCode: 'KR'},
    profiles: [
      {network: 'GitHub', username: 'jane', url: 'https://github.com/jane'},
      {network: 'Mastodon', url: 'https://m.example/@jane'},
    ],
  },
  work: [{name: 'Acme', position: 'Engineer', startDate: '2019-01', endDate: '2020-12', summary: 'Built things.', highlights: ['Shipped X'], url: 'https://acme.example'}],
  volunteer: [],
  education: [{institution: 'MIT', studyType: 'Bachelor', area: 'Computer Science', startDate: '2010-09', endDate: '2014-06', score: '3.9', courses: ['Algorithms', 'Compilers']}],
  awards: [{title: 'Best Paper', date: '2015-05-01', awarder: 'ACM', summary: 'For a paper.'}],
  skills: [{name: 'Web', level: 'Master', keywords: ['HTML', 'CSS']}],
  languages: [],
  projects: [
    {name: 'Side project', description: 'A tool.', keywords: ['Rust'], startDate: '2021-02', url: 'https://tool.example'},
    {name: 'Elsewhere', entity: 'Not an employer'},
  ],
};

describe('toDocument: a generic JSON Resume', () => {
  const doc = toDocument(generic);

  it('builds the sections that have entries, in the default order with default titles', () => {
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual([
      ['work', 'Work Experience'],
      ['projects', 'Projects'],
      ['personal', 'Education'],
      ['awards', 'Awards'],
      ['skills', 'Skills'],
    ]);
    expect(DEFAULT_TITLES.work).toBe('Work Experience');
  });

  it('lists contacts: email, phone, url, location, profiles', () => {
    expect(doc.contacts).toEqual([
      {kind: 'email', text: 'jane@example.com', url: 'mailto:jane@example.com'},
      {kind: 'phone', text: '+1 555 0100'},
      {kind: 'url', text: 'https://jane.example.com', url: 'https://jane.example.com'},
      {kind: 'location', text: 'Seoul, Seoul, KR'},
      {kind: 'profile', text: 'GitHub: jane', url: 'https://github.com/jane'},
      {kind: 'profile', text: 'Mastodon: https://m.example/@jane', url: 'https://m.example/@jane'},
    ]);
  });

  it('builds a work entry with summary, highlights and link, and no projects', () => {
    expect(doc.sections[0]!.entries).toEqual([
      {
        kind: 'organization',
        title: 'Acme',
        subtitle: undefined,
        role: 'Engineer',
        period: '2019.01 - 2020.12',
        blocks: [
          {kind: 'text', label: undefined, text: 'Built things.'},
          {kind: 'list', label: undefined, items: ['Shipped X']},
          {kind: 'link', label: 'URL', url: 'https://acme.example'},
        ],
        children: [],
      },
    ]);
  });

  it('puts projects of no employer in their own section', () => {
    expect(doc.sections[1]!.entries).toEqual([
      {
        kind: 'project',
        title: 'Side project',
        role: undefined,
        period: '2021.02 - present',
        blocks: [
          {kind: 'text', label: 'Description', text: 'A tool.'},
          {kind: 'tags', label: 'Tech Stack', items: ['Rust']},
          {kind: 'link', label: 'URL', url: 'https://tool.example'},
        ],
        children: [],
      },
      {kind: 'project', title: 'Elsewhere', role: undefined, period: undefined, blocks: [], children: []},
    ]);
  });

  it('builds education with a degree line from studyType and area, score and courses', () => {
    expect(doc.sections[2]!.entries).toEqual([
      {
        kind: 'organization',
        title: 'MIT',
        blocks: [],
        children: [
          {
            kind: 'item',
            title: 'Bachelor Computer Science',
            period: '2010.09 ~ 2014.06',
            blocks: [
              {kind: 'list', label: undefined, items: ['Score: 3.9']},
              {kind: 'tags', label: 'Courses', items: ['Algorithms', 'Compilers']},
            ],
            children: [],
          },
        ],
      },
    ]);
  });

  it('builds awards and skills as items', () => {
    expect(doc.sections[3]!.entries).toEqual([
      {kind: 'item', title: 'Best Paper', subtitle: 'ACM', period: '2015.05.01', blocks: [{kind: 'text', label: undefined, text: 'For a paper.'}], children: []},
    ]);
    expect(doc.sections[4]!.entries).toEqual([
      {kind: 'item', title: 'Web', subtitle: 'Master', period: undefined, blocks: [{kind: 'tags', label: 'Keywords', items: ['HTML', 'CSS']}], children: []},
    ]);
  });

  it('overrides only the titles given in meta x-sectionTitles', () => {
    const titled = toDocument({...generic, meta: {'x-sectionTitles': {skills: '기술'}}});
    expect(titled.sections.map((s) => s.title)).toEqual(['Work Experience', 'Projects', 'Education', 'Awards', '기술']);
  });

  it('an empty résumé gives an empty document', () => {
    expect(toDocument({})).toEqual({name: '', label: undefined, greeting: undefined, contacts: [], sections: []});
  });

  it('builds the remaining sections too: volunteer, certificates, publications, languages, interests, references', () => {
    const all = toDocument({
      volunteer: [{organization: 'Red Cross', position: 'Helper', startDate: '2012-01'}],
      certificates: [{name: 'CKA', issuer: 'CNCF', date: '2022-03', url: 'https://cncf.example'}],
      publications: [{name: 'Paper', publisher: 'IEEE', releaseDate: '2016-10'}],
      languages: [{language: 'Korean', fluency: 'Native'}],
      interests: [{name: 'Music', keywords: ['Jazz']}],
      references: [{name: 'Bob', reference: 'Great.'}],
    });
    expect(all.sections.map((s) => [s.id, s.entries.map((e) => [e.title, e.subtitle, e.period])])).toEqual([
      ['volunteer', [['Red Cross', undefined, '2012.01 - present']]],
      ['certificates', [['CKA', 'CNCF', '2022.03']]],
      ['publications', [['Paper', 'IEEE', '2016.10']]],
      ['languages', [['Korean', 'Native', undefined]]],
      ['interests', [['Music', undefined, undefined]]],
      ['references', [['Bob', undefined, undefined]]],
    ]);
  });
});
