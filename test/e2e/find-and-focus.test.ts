/**
 * Issue 22, as a reader meets it in a terminal (the built program in a pseudo-terminal, real
 * keys): a search finds a section by what it holds (`/education`, `/GPA`, `/학력`), and in a
 * technology's projects (`t`, Enter) j and k move the focus from project to project, the focused
 * one drawn with the heavy border as in a section. test/fixtures/jiwoo.json: its education and
 * military service in section 4, "학력 · 병역"; Airflow in two projects and one skill. Build first.
 */
import {describe, expect, it} from 'vitest';
import {JIWOO, JIWOO_PATH} from '../helpers/e2e-jiwoo';
import {sectionBarRow, statusRow} from '../helpers/frame-rows';
import {KEYS, type PtyApp, ptyApps} from '../helpers/pty';

const launch = ptyApps();

/** The number of the section tab drawn highlighted. */
const activeTab = (app: PtyApp) => Number(/^\s*(\d+)\s/.exec(app.highlighted(sectionBarRow(app.screen())))?.[1] ?? Number.NaN);

/** The title inside the heavy (focused) border, or undefined. */
function focusedTitle(rows: string[]): string | undefined {
  const top = rows.findIndex((r) => r.includes('┏'));
  return top === -1 ? undefined : rows[top + 1]?.split('┃')[1]?.replace(/[▾▸]/g, '').trim();
}

describe('a search finds a section by what it holds', () => {
  it('/education, /GPA and /학력 each open section 4 at its top', async () => {
    const app = launch({cols: 100, rows: 30, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject);
    for (const query of ['education', 'GPA', '학력']) {
      app.press('1');
      await app.waitFor(() => activeTab(app) === 1, undefined, 'section 1');
      app.press('/');
      await app.waitFor((rows) => statusRow(rows).startsWith('/'), undefined, 'the search line');
      app.press(query);
      await app.waitFor((rows) => statusRow(rows).startsWith(`/${query}`), undefined, `${query} typed`);
      app.press(KEYS.enter);
      const rows = await app.waitFor((r) => new RegExp(`1/\\d+ "${query}"`).test(statusRow(r)), undefined, `1/N "${query}"`);
      expect(activeTab(app), query).toBe(4);
      expect(rows.join('\n'), query).toContain('부산대학교');
      app.press(KEYS.escape);
      await app.waitFor((r) => !statusRow(r).includes(`"${query}"`), undefined, 'the search closed');
    }
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });
});

describe("a technology's projects", () => {
  it('t, Enter: the first project focused; j focuses the next, k the previous', async () => {
    const app = launch({cols: 80, rows: 30, args: [JIWOO_PATH]});
    await app.ready(JIWOO.firstProject);
    app.press('t');
    await app.waitFor('Airflow');
    app.press(KEYS.enter);
    let rows = await app.waitFor('Airflow: 2 projects, 1 skill');
    expect(focusedTitle(rows)).toBe('데이터 품질 모니터링 시스템');
    app.press('j');
    rows = await app.waitFor((r) => focusedTitle(r) === '정산 배치 이관', undefined, 'the second project focused');
    expect(rows.filter((r) => r.includes('┏'))).toHaveLength(1);
    app.press('k');
    await app.waitFor((r) => focusedTitle(r) === '데이터 품질 모니터링 시스템', undefined, 'the first project focused again');
    app.press('q');
    expect((await app.exited()).exitCode).toBe(0);
  });
});
