/**
 * JSON Resume documents other than the real one, for the "any JSON Resume" tests: three of our
 * own (test/fixtures/) and the official schema package's sample and examples, each with what it
 * must render as.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {toDocument} from '../../src/document/build';
import type {ResumeDocument} from '../../src/document/model';
import {loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';
import {REPO_ROOT} from './fixtures';

export interface AnyResume {
  /** A short name for test titles. */
  name: string;
  path: string;
  /** The person's name (basics.name). */
  person: string;
  /** The section ids it must have, in order: exactly the sections with content. */
  sections: string[];
  /** Facts the printed text must hold (whitespace may be wrapped). */
  facts: string[];
  /** A technology some project uses, with those projects' titles in document order. */
  tech?: {name: string; projects: string[]};
  /** A technology only its skills (or interests) list: no project uses it. */
  skillOnly: string;
}

export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures');

/** The official schema package's examples (node_modules/@jsonresume/schema/examples). */
const SCHEMA_EXAMPLES = join(REPO_ROOT, 'node_modules', '@jsonresume', 'schema', 'examples');

export const ANY_RESUMES: AnyResume[] = [
  {
    name: 'ada.json (English, every section of the schema)',
    path: join(FIXTURES_DIR, 'ada.json'),
    person: 'Ada Whitfield',
    sections: ['work', 'projects', 'volunteer', 'personal', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references'],
    facts: [
      'Ada Whitfield',
      'Senior Software Engineer',
      'Backend engineer with eleven years of building payment and messaging systems.',
      'ada@whitfield.example.org',
      '+44 20 7946 0958',
      'https://ada-whitfield.example.org',
      'Manchester, Greater Manchester, GB',
      'GitHub: adawhit (https://github.com/adawhit)',
      'LinkedIn: ada-whitfield',
      'Ledgerline Payments',
      'Card acquiring for small merchants · Manchester, UK',
      'Senior Software Engineer · Mar 2019 – Present',
      'Software Engineer · Sep 2014 – Feb 2019',
      'Tech lead of the settlement team',
      'Cut nightly settlement from 4 hours to 35 minutes by moving batch jobs onto Kafka streams',
      'Streaming settlement',
      'Tech lead · Jan 2020 – Mar 2021',
      'Designed idempotent consumers keyed by payment reference',
      'Kubernetes migration',
      'Helm',
      'Bounce classifier',
      'tidewatch',
      'Author, Maintainer · Jun 2018 – Present',
      'SQLite',
      'Code Club Manchester',
      'Volunteer Mentor · Jan 2016 – Jul 2020',
      'Wrote a twelve-week Python course now used by six other clubs',
      'University of Edinburgh',
      'BSc (Hons), Computer Science (Sep 2010 – Jun 2014)',
      'Score: First Class',
      'INF3 Distributed Systems',
      'Engineer of the Year (Dec 2022)',
      'For the settlement rewrite and the on-call overhaul.',
      'Certified Kubernetes Administrator (May 2021)',
      'The Linux Foundation',
      'AWS Certified Solutions Architect – Associate (Nov 2020)',
      'Exactly Once, Eventually: Idempotent Settlement with Kafka (Apr 2023)',
      'QCon London',
      'Expert',
      'Haskell',
      'Terraform',
      'German',
      'Professional working proficiency',
      'Letterpress printing',
      'Bookbinding',
      'Priya Raman, CTO at Ledgerline Payments',
      'She ships carefully and explains clearly.',
    ],
    tech: {name: 'postgresql', projects: ['Streaming settlement', 'Bounce classifier']},
    skillOnly: 'haskell',
  },
  {
    name: 'jiwoo.json (Korean, with the x- extensions)',
    path: join(FIXTURES_DIR, 'jiwoo.json'),
    person: '한지우',
    // publications and references are empty arrays: hidden.
    sections: ['work', 'projects', 'volunteer', 'personal', 'awards', 'certificates', 'skills', 'languages', 'interests', 'essays'],
    facts: [
      '한지우',
      '데이터 엔지니어',
      '매일 수십억 건의 이벤트를 믿을 수 있는 테이블로 바꾸는 일을 합니다.',
      'jiwoo.han@example.kr',
      '010-2468-1357',
      '테헤란로 152, 06236, 서울, 서울특별시, KR',
      '블로그: 지우의 데이터 노트',
      '주식회사 바다물류',
      '전국 당일 배송 물류 플랫폼 · 서울 강남구',
      '데이터 엔지니어 · 2021.07 - present',
      '주니어 데이터 엔지니어 · 2019.01 - 2021.06',
      '일 30억 건의 배송 이벤트를 처리하는 실시간 파이프라인 설계 및 운영',
      '배송 이벤트 실시간 수집 파이프라인',
      '설계, 개발 · 2021.09 - 2022.08',
      '데이터 레이크',
      '데이터 품질 검사',
      '한글 상품명 정규화 라이브러리',
      '형태소 분석',
      '서울시 공공데이터 시민 모임',
      '따릉이 대여 데이터 분석 워크숍 6회 진행',
      '부산대학교',
      '학사, 통계학 (2013.03 ~ 2018.02)',
      '평균 학점: 3.9/4.5',
      '베이즈 통계',
      '빅데이터 동아리 회장 (2016.03 ~ 2017.02)',
      '대한민국 육군',
      '병장 만기 전역 (2014.05 ~ 2016.02)',
      '사내 해커톤 대상 (2023.11)',
      '정보처리기사 (2018.08)',
      '한국산업인력공단',
      '데이터 파이프라인',
      '대용량 배치',
      'SQL 튜닝',
      '업무상 의사소통 가능',
      '제주 환상 자전거길',
      '1. 가장 어려웠던 장애와 배운 점',
      '지연을 숫자로 보여 주는 알림이 있어야 사람이 제때 움직인다는 것을 배웠습니다.',
    ],
    tech: {name: 'AIRFLOW', projects: ['데이터 품질 모니터링 시스템', '정산 배치 이관']},
    skillOnly: '대용량 배치',
  },
  {
    name: 'minimal.json (a name and one skill)',
    path: join(FIXTURES_DIR, 'minimal.json'),
    person: 'Sam Ortiz',
    sections: ['skills'],
    facts: ['Sam Ortiz', 'Technical writing', 'Markdown'],
    skillOnly: 'markdown',
  },
  {
    name: "@jsonresume/schema's sample.resume.json",
    path: join(REPO_ROOT, 'node_modules', '@jsonresume', 'schema', 'sample.resume.json'),
    person: 'Richard Hendriks',
    // No certificates; the project's entity (Smoogle) is no work entry: its own Projects section.
    sections: ['work', 'projects', 'volunteer', 'personal', 'awards', 'publications', 'skills', 'languages', 'interests', 'references'],
    facts: [
      'Richard Hendriks',
      'Programmer',
      'richard.hendriks@mail.com',
      '(912) 555-4321',
      'http://richardhendricks.example.com',
      'San Francisco, California, US',
      'Twitter: neutralthoughts',
      'SoundCloud: dandymusicnl',
      'Pied Piper',
      'Awesome compression company · Palo Alto, CA',
      'CEO/President · Dec 2013 – Dec 2014',
      'Successfully won Techcrunch Disrupt',
      'Miss Direction',
      'Team lead, Designer · Aug 2016 – Aug 2016',
      'A mapping engine that misguides you',
      'GoogleMaps',
      'Chrome Extension',
      'CoderDojo',
      "Awarded 'Teacher of the Month'",
      'University of Oklahoma',
      'Bachelor, Information Technology (Jun 2011 – Jan 2014)',
      'Score: 4.0',
      'DB1101 - Basic SQL',
      'Digital Compression Pioneer Award (Nov 2014)',
      'There is no spoon.',
      'Video compression for 3d media (Oct 2014)',
      'Master',
      'Mpeg',
      'Native speaker',
      'Unicorns',
      'Erlich Bachman',
    ],
    tech: {name: 'javascript', projects: ['Miss Direction']},
    skillOnly: 'html',
  },
  {
    name: "@jsonresume/schema's examples/new-grad.resume.json",
    path: join(SCHEMA_EXAMPLES, 'new-grad.resume.json'),
    person: 'Maya Okonkwo',
    // DormSwap's entity (a capstone) and gradient-viz name no work entry: both in Projects.
    sections: ['work', 'projects', 'personal', 'awards', 'skills', 'languages', 'interests'],
    facts: [
      'Maya Okonkwo',
      'Computer Science Graduate',
      'Eager to join an engineering team where I can keep learning from senior mentors while shipping real features.',
      'maya.okonkwo@example.com',
      '(206) 555-0142',
      '417 Maple Avenue, Apt 6, 98105, Seattle, Washington, US',
      'GitHub: mayaokonkwo (https://github.com/mayaokonkwo)',
      'Outreach',
      'Sales engagement platform · Seattle, WA',
      'Software Engineering Intern · Jun 2024 – Sep 2024',
      'Cut local test-suite runtime by 35% by parallelizing integration fixtures',
      'Allen Institute for AI',
      'Research Intern · Jun 2023 – Sep 2023',
      'DormSwap',
      'University of Washington Capstone · application',
      'Full-stack developer, Team lead · Sep 2024 – May 2025',
      'Designed an image-moderation flow to keep listings safe',
      'gradient-viz',
      'Renders surfaces in WebGL with adjustable learning-rate controls',
      'Bachelor of Science, Computer Science (Sep 2021 – Jun 2025)',
      'Score: 3.81/4.0',
      'CSE 451 - Operating Systems',
      "Dean's List (Dec 2024)",
      'Recognized for academic excellence across four consecutive quarters.',
      'Data & Infrastructure',
      'Beginner',
      'Igbo',
      'Conversational',
      'Rock Climbing',
      'Bouldering',
    ],
    tech: {name: 'postgresql', projects: ['DormSwap']},
    skillOnly: 'python',
  },
  {
    name: "@jsonresume/schema's examples/career-changer.resume.json",
    path: join(SCHEMA_EXAMPLES, 'career-changer.resume.json'),
    person: 'Daniel Reyes',
    // No projects at all: no Projects section, nothing in the technology index but skills.
    sections: ['work', 'volunteer', 'personal', 'certificates', 'skills', 'languages', 'interests', 'references'],
    facts: [
      'Daniel Reyes',
      'Junior Data Analyst (former Restaurant Manager)',
      'After eight years running high-volume restaurants, I retrained as a data analyst',
      'daniel.reyes@example.com',
      '920 Lavaca Street, 78701, Austin, Texas, US',
      'LinkedIn: danielreyesdata (https://www.linkedin.com/in/danielreyesdata)',
      'Freelance',
      'Data Analyst (Contract) · Aug 2024 – Apr 2025',
      'Salt & Cedar Restaurant Group',
      'Regional restaurant group, four locations · Austin, TX',
      'Hired, trained, and retained a team of 35 across front and back of house',
      'Café Lumen',
      'Central Texas Food Bank',
      'Data Volunteer · Feb 2024 – Mar 2025',
      'Ran weekly Excel workshops for groups of 8-10 learners',
      'Associate of Applied Science, Business Administration (Sep 2012 – May 2014)',
      'Managerial Accounting',
      'Google Data Analytics Professional Certificate (May 2024)',
      'IBM / Coursera',
      'Tableau Desktop Specialist (Jan 2025)',
      'Operations & Leadership',
      'P&L management',
      'Spanish',
      'Fermentation',
      'Priya Natarajan, Owner, Salt & Cedar Restaurant Group',
    ],
    skillOnly: 'sql',
  },
  {
    name: "@jsonresume/schema's examples/senior-engineer.resume.json",
    path: join(SCHEMA_EXAMPLES, 'senior-engineer.resume.json'),
    person: 'Dr. Lena Vasquez',
    sections: ['work', 'projects', 'personal', 'awards', 'certificates', 'publications', 'skills', 'languages', 'interests', 'references'],
    facts: [
      'Dr. Lena Vasquez',
      'Staff Software Engineer, Distributed Systems',
      'Staff engineer with 14 years building large-scale distributed storage and streaming systems.',
      '88 Harrison Street, Unit 1402, 94105, San Francisco, California, US',
      'Mastodon: lena (https://hachyderm.io/@lena)',
      'Confluent',
      'Data streaming platform built on Apache Kafka · Mountain View, CA',
      'Staff Software Engineer · Feb 2020 – Present',
      'Cut p99 produce latency 40% by reworking the replication fetch path',
      'Dropbox',
      'Rackspace',
      'Software Engineer · Aug 2011 – May 2015',
      'raft-lab',
      'Author, Maintainer · Jan 2019 – Present',
      'Includes a fault-injection harness for partition and clock-skew scenarios',
      'University of Texas at Austin',
      'Ph.D., Computer Science (Sep 2006 – Jun 2011)',
      'Score: Dissertation: Consistency Trade-offs in Geo-Replicated Key-Value Stores',
      'Best Paper Award (Oct 2014)',
      'USENIX OSDI',
      'AWS Certified Solutions Architect - Professional (Mar 2019)',
      'Operating Tiered Storage at Streaming Scale (Jul 2022)',
      'ACM Queue',
      'Erasure coding',
      'Portuguese',
      'Cartography',
    ],
    tech: {name: 'go', projects: ['raft-lab']},
    skillOnly: 'rust',
  },
];

/** The file as written (parsed), to compare printed JSON with. */
export function rawJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Loads a fixture as the CLI does; throws with the loader's message when it does not load. */
export function loadFixture(path: string): Resume {
  const loaded = loadResumeFile(path);
  if (!loaded.ok) throw new Error(`${path} does not load: ${loaded.error.path ?? ''} ${loaded.error.message}`);
  return loaded.resume;
}

export function fixtureDocument(path: string): ResumeDocument {
  return toDocument(loadFixture(path));
}
