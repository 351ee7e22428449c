import {describe, expect, it} from 'vitest';
import {DEFAULT_TITLES, toDocument} from '../../src/document/build';
import type {Entry} from '../../src/document/model';
import {formatLoadError, loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';
import {fixturePath} from '../helpers/fixtures';

function jiwooResume(): Resume {
  const result = loadResumeFile(fixturePath('jiwoo'), 'jiwoo.json');
  if (!result.ok) throw new Error(formatLoadError(result.error));
  return result.resume;
}

describe('toDocument: the jiwoo fixture (organizations with projects, x-service, essays, titles)', () => {
  const doc = toDocument(jiwooResume());

  it('has the header and the contacts from basics', () => {
    expect(doc.name).toBe('한지우');
    expect(doc.label).toBe('데이터 엔지니어');
    expect(doc.greeting).toBe('매일 수십억 건의 이벤트를 믿을 수 있는 테이블로 바꾸는 일을 합니다. 데이터가 늦거나 틀리면 가장 먼저 알아채는 엔지니어가 되려고 합니다.');
    expect(doc.contacts).toEqual([
      {kind: 'email', text: 'jiwoo.han@example.kr', url: 'mailto:jiwoo.han@example.kr'},
      {kind: 'phone', text: '010-2468-1357'},
      {kind: 'url', text: 'https://jiwoo.example.kr', url: 'https://jiwoo.example.kr'},
      {kind: 'location', text: '테헤란로 152, 06236, 서울, 서울특별시, KR'},
      {kind: 'profile', text: 'GitHub: jiwoo-han', url: 'https://github.com/jiwoo-han'},
      {kind: 'profile', text: '블로그: 지우의 데이터 노트', url: 'https://blog.example.kr/jiwoo'},
    ]);
  });

  it('has the sections that have entries, in order, titled from meta x-sectionTitles', () => {
    // publications and references are empty arrays in the fixture: no section.
    expect(doc.sections.map((s) => [s.id, s.title])).toEqual([
      ['work', '경력'],
      ['projects', '개인 프로젝트'],
      ['volunteer', '봉사 활동'],
      ['personal', '학력 · 병역'],
      ['awards', '수상'],
      ['certificates', '자격증'],
      ['skills', '기술'],
      ['languages', '언어'],
      ['interests', '관심사'],
      ['essays', '에세이'],
    ]);
  });

  it('puts each project under its organization, with the periods the source writes', () => {
    const work = doc.sections[0]!;
    expect(work.entries.map((e) => ({kind: e.kind, title: e.title, subtitle: e.subtitle, role: e.role, period: e.period, projects: e.children.map((c) => c.title)}))).toEqual([
      {
        kind: 'organization',
        title: '주식회사 바다물류',
        subtitle: '전국 당일 배송 물류 플랫폼 · 서울 강남구',
        role: '데이터 엔지니어',
        period: '2021.07 - present',
        projects: ['배송 이벤트 실시간 수집 파이프라인', '데이터 품질 모니터링 시스템'],
      },
      {kind: 'organization', title: '한빛커머스', subtitle: '중소 판매자를 위한 온라인 쇼핑몰 솔루션 · 경기 성남시', role: '주니어 데이터 엔지니어', period: '2019.01 - 2021.06', projects: ['정산 배치 이관']},
    ]);
    // The project of no employer has a section of its own.
    expect(doc.sections[1]!.entries.map((e) => e.title)).toEqual(['한글 상품명 정규화 라이브러리']);
  });

  it('gives a project its description, bullets and tech stack as labelled blocks', () => {
    const project = doc.sections[0]!.entries[0]!.children[0]!;
    expect(project).toEqual({
      kind: 'project',
      title: '배송 이벤트 실시간 수집 파이프라인',
      role: '설계, 개발',
      period: '2021.09 - 2022.08',
      blocks: [
        {kind: 'text', label: 'Description', text: '배송 기사 앱과 물류 센터 스캐너의 이벤트를 실시간으로 수집해 데이터 레이크에 적재합니다.'},
        {
          kind: 'list',
          label: 'What did I do',
          items: ['Kafka 토픽 설계와 파티션 키 선정으로 순서 보장 문제 해결', 'Flink 작업의 체크포인트 주기를 조정해 장애 복구 시간을 5분 이내로 단축'],
        },
        {kind: 'tags', label: 'Tech Stack', items: ['Kafka', 'Flink', '데이터 레이크']},
      ],
      children: [],
    });
  });

  it('builds personal experience from education, its positions and the service', () => {
    const personal = doc.sections[3]!;
    const summary = (e: Entry): unknown => ({title: e.title, period: e.period, blocks: e.blocks, children: e.children.map(summary)});
    expect(personal.entries.map(summary)).toEqual([
      {
        title: '부산대학교',
        period: undefined,
        blocks: [{kind: 'link', label: 'URL', url: 'https://www.pusan.ac.kr'}],
        children: [
          {
            title: '학사, 통계학',
            period: '2013.03 ~ 2018.02',
            blocks: [
              {kind: 'list', label: undefined, items: ['평균 학점: 3.9/4.5']},
              // Not named by its x-labels: the résumé's language's word (Korean).
              {kind: 'tags', label: '수강 과목', items: ['회귀분석', '데이터베이스', '베이즈 통계']},
            ],
            children: [],
          },
          {title: '빅데이터 동아리 회장', period: '2016.03 ~ 2017.02', blocks: [], children: []},
        ],
      },
      {
        title: '대한민국 육군',
        period: undefined,
        blocks: [],
        children: [{title: '병장 만기 전역', period: '2014.05 ~ 2016.02', blocks: [], children: []}],
      },
    ]);
  });

  it('builds the essays as titled parts', () => {
    const essays = doc.sections[9]!;
    expect(essays.entries.map((e) => [e.kind, e.title, e.children.map((c) => [c.kind, c.title, c.blocks.length])])).toEqual([
      ['essay', '1. 가장 어려웠던 장애와 배운 점', [['part', '상황', 1], ['part', '배운 점', 1]]],
    ]);
    const last = essays.entries[0]!.children[1]!.blocks[0]!;
    expect(last.kind === 'text' && last.text.startsWith('지연을 숫자로 보여 주는 알림이')).toBe(true);
  });

  it('is pure: the same résumé gives an equal document, and the résumé is not changed', () => {
    const resume = jiwooResume();
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
        period: 'Jan 2019 – Dec 2020',
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
        period: 'Feb 2021 – Present',
        blocks: [
          // JSON Resume's own words: this résumé names no labels of its own (meta["x-labels"]).
          {kind: 'text', label: 'Summary', text: 'A tool.'},
          {kind: 'tags', label: 'Keywords', items: ['Rust']},
          {kind: 'link', label: 'URL', url: 'https://tool.example'},
        ],
        children: [],
      },
      // Its entity names no employer: it is said under its title.
      {kind: 'project', title: 'Elsewhere', subtitle: 'Not an employer', role: undefined, period: undefined, blocks: [], children: []},
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
            title: 'Bachelor, Computer Science',
            period: 'Sep 2010 – Jun 2014',
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
      {kind: 'item', title: 'Best Paper', subtitle: 'ACM', period: 'May 2015', blocks: [{kind: 'text', label: undefined, text: 'For a paper.'}], children: []},
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
    expect(toDocument({})).toEqual({name: '', label: undefined, greeting: undefined, contacts: [], sections: [], language: 'en'});
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
      ['volunteer', [['Red Cross', undefined, 'Jan 2012 – Present']]],
      ['certificates', [['CKA', 'CNCF', 'Mar 2022']]],
      ['publications', [['Paper', 'IEEE', 'Oct 2016']]],
      ['languages', [['Korean', 'Native', undefined]]],
      ['interests', [['Music', undefined, undefined]]],
      ['references', [['Bob', undefined, undefined]]],
    ]);
  });
});

describe('one-line fields', () => {
  it('joins the lines of names, titles, roles, tags and links, keeps paragraphs, and leaves the rest of the document as built', () => {
    const doc = toDocument({
      basics: {name: 'Kim\n Jiwoo', summary: 'Line one\nline two'},
      work: [{name: 'Co\nInc.', position: 'Lead \n engineer', summary: 'Built\nthings'}],
      projects: [
        {name: 'Plain', entity: 'Co\nInc.', keywords: ['Go'], highlights: ['a\nb']},
        {name: 'Two\nlines', entity: 'Co\nInc.', keywords: ['Apache\nKafka', 'Go'], url: 'https://example.com/\na'},
      ],
    });
    expect(doc.name).toBe('Kim Jiwoo');
    expect(doc.greeting).toBe('Line one\nline two');
    const org = doc.sections[0]!.entries[0]!;
    expect([org.title, org.role]).toEqual(['Co Inc.', 'Lead engineer']);
    expect(org.blocks[0]).toMatchObject({kind: 'text', text: 'Built\nthings'});
    const [plain, two] = org.children;
    expect(plain!.title).toBe('Plain');
    expect(plain!.blocks).toEqual([
      {kind: 'list', label: 'Highlights', items: ['a\nb']},
      {kind: 'tags', label: 'Keywords', items: ['Go']},
    ]);
    expect(two!.title).toBe('Two lines');
    expect(two!.blocks).toEqual([
      {kind: 'tags', label: 'Keywords', items: ['Apache Kafka', 'Go']},
      {kind: 'link', label: 'URL', url: 'https://example.com/ a'},
    ]);
  });
});
