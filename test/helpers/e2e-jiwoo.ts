/**
 * The résumé the end-to-end behaviour tests run on: test/fixtures/jiwoo.json, passed as FILE, so
 * they pass whatever résumé data/resume.json ships. Its strings as the tests look for them, and
 * the fixture as JSON, for expectations derived from the data rather than from the code under test.
 */
import {readFileSync} from 'node:fs';
import type {Resume} from '../../src/resume/types';
import {fixturePath} from './fixtures';

export const JIWOO_PATH = fixturePath('jiwoo');

/** The fixture as written (JSON.parse, not the program's loader). */
export function jiwooJson(): Resume {
  return JSON.parse(readFileSync(JIWOO_PATH, 'utf8')) as Resume;
}

export const JIWOO = {
  /** basics.name: the header's first row begins with it. */
  name: '한지우',
  label: '데이터 엔지니어',
  /** The start of basics.summary: the header's second row, from 16 terminal rows up. */
  summary: '매일 수십억 건의 이벤트를',
  /**
   * Section 1 (work): the first organization's two projects (tied to it by `entity`); the first
   * is focused when the app opens. Its technologies are Kafka, Flink and 데이터 레이크.
   */
  firstProject: '배송 이벤트 실시간 수집 파이프라인',
  secondProject: '데이터 품질 모니터링 시스템',
  /** Section 2 (its own `projects` title): the one project tied to no organization. */
  ownProject: '한글 상품명 정규화 라이브러리',
  /** Section 3 (volunteer): its only entry. */
  volunteer: '서울시 공공데이터 시민 모임',
  /** Section 4 (education and x-service under one title): the school, then the service. */
  school: '부산대학교',
  service: '대한민국 육군',
  /** Section 10 (x-essays): the first essay's title. */
  firstEssay: '1. 가장 어려웠던 장애와 배운 점',
  /** Every section's title (meta.x-sectionTitles), in the order of the section bar. */
  sectionTitles: ['경력', '개인 프로젝트', '봉사 활동', '학력 · 병역', '수상', '자격증', '기술', '언어', '관심사', '에세이'],
} as const;
