/**
 * A résumé at scale for the scale tests and the bench: one work entry and `projects` projects tied
 * to it by `entity`, each with `bullets` highlights (1,000 × 10 = 10,000 bullets by default).
 * Titles are short (they print on one line at 80 columns) and numbered, so a test can look for
 * every one.
 */
export interface LargeResume {
  json: string;
  titles: string[];
  bullets: number;
}

export const LARGE_EMPLOYER = 'Scale Test Corp.';

export interface LargeResumeOptions {
  projects?: number;
  bullets?: number;
  /** The résumé's `basics` (by default a name, a label and a summary). */
  basics?: Record<string, unknown>;
  /** The résumé's `meta` (its language, its date style): none by default. */
  meta?: Record<string, unknown>;
  /**
   * Dates: the employer from 2000-01 to 2025-06, each project three months from a month of
   * 2000-01 on (cycling every 24 years). By default nothing is dated.
   */
  dated?: boolean;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** The `m`th month from 2000-01, as YYYY-MM. */
const month = (m: number) => `${2000 + Math.floor(m / 12)}-${pad((m % 12) + 1, 2)}`;

export function largeResume({projects = 1000, bullets = 10, basics, meta, dated = false}: LargeResumeOptions = {}): LargeResume {
  const titles = Array.from({length: projects}, (_, i) => `프로젝트 ${pad(i + 1, 4)} 데이터 파이프라인`);
  const resume = {
    basics: basics ?? {name: '김성호', label: 'Backend Engineer', summary: '안녕하세요. 백엔드 엔지니어 김성호 입니다.'},
    work: [{name: LARGE_EMPLOYER, position: 'Backend Engineer', startDate: '2000-01', ...(dated ? {endDate: '2025-06'} : {})}],
    projects: titles.map((name, i) => ({
      name,
      description: `${i + 1}번째 프로젝트: 400개 이상의 고객사를 대상으로 커머스 데이터를 처리하는 ETL 파이프라인을 설계하고 운영하였습니다.`,
      highlights: Array.from({length: bullets}, (_, h) => `하이라이트 ${pad(i + 1, 4)}-${h + 1}: 캐싱과 쿼리 최적화로 조회 성능을 ${10 + h}% 개선`),
      keywords: ['FastAPI', 'Trino', 'Redis', 'Kubernetes', 'Python'],
      ...(dated ? {startDate: month(i % 288), endDate: month((i % 288) + 3)} : {}),
      entity: LARGE_EMPLOYER,
    })),
    ...(meta ? {meta} : {}),
  };
  return {json: JSON.stringify(resume, null, 2) + '\n', titles, bullets: projects * bullets};
}
