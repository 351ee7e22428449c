import React from 'react';
import {describe, expect, it} from 'vitest';
import {App} from '../../src/ui/App';
import {createTheme} from '../../src/theme/theme';
import {startInk} from '../helpers/ink';
import {fixtureDocument} from '../helpers/resume';

// test/fixtures/jiwoo.json: Airflow, the index's first technology, is in two projects
// (데이터 품질 모니터링 시스템 at 주식회사 바다물류, 정산 배치 이관 at 한빛커머스) and one skill
// (데이터 파이프라인), each a panel under the heading.
const doc = fixtureDocument('jiwoo');
const theme = createTheme({color: false, ascii: false});

/** The title in the heavy-bordered (focused) panel, as a section draws its focused panel. */
function focusedTitle(lines: string[]): string | undefined {
  const top = lines.findIndex((l) => l.includes('┏'));
  return top === -1 ? undefined : lines[top + 1]?.split('┃')[1]?.replace(/[▾▸]/g, '').trim();
}

describe("a technology's projects", () => {
  it('j and k move the focus from project to project, drawn as in a section', async () => {
    const {app, screen, press} = await startInk(<App doc={doc} theme={theme} size={{width: 80, rows: 24}} />);
    await press('t', '\r');
    expect(screen().join('\n')).toContain('Airflow: 2 projects, 1 skill');
    expect(focusedTitle(screen())).toBe('데이터 품질 모니터링 시스템');
    // One heavy border: only the focused project.
    expect(screen().filter((l) => l.includes('┏')).length).toBe(1);
    await press('j');
    expect(focusedTitle(screen())).toBe('정산 배치 이관');
    // The second project whole on screen: its bottom border is there too.
    expect(screen().some((l) => l.includes('┗'))).toBe(true);
    await press('k');
    expect(focusedTitle(screen())).toBe('데이터 품질 모니터링 시스템');
    await press('j', 'j');
    expect(focusedTitle(screen())).toBe('데이터 파이프라인');
    await press('g');
    expect(focusedTitle(screen())).toBe('데이터 품질 모니터링 시스템');
    await press('G');
    expect(focusedTitle(screen())).toBe('데이터 파이프라인');
    // Esc, the list, Enter again: the first project focused again, at the top.
    await press('\x1b', '\r');
    expect(focusedTitle(screen())).toBe('데이터 품질 모니터링 시스템');
    app.unmount();
  });
});
