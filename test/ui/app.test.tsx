import React from 'react';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {App} from '../../src/ui/App';
import {describeCommand, KEYMAP, keyLabels} from '../../src/ui/keymap';
import {createTheme} from '../../src/theme/theme';
import {startInk} from '../helpers/ink';
import {fixtureDocument} from '../helpers/resume';

// test/fixtures/jiwoo.json: sections 1 경력 (주식회사 바다물류: two projects; 한빛커머스: one), 2 개인 프로젝트,
// 3 봉사 활동, 4 학력 · 병역 … 10 에세이.
const doc = fixtureDocument('jiwoo');
const theme = createTheme({color: false, ascii: false});
const start = (width: number, rows: number) => startInk(<App doc={doc} theme={theme} size={{width, rows}} />);

describe('App layouts', () => {
  it.each([
    [40, 12],
    [80, 24],
    [120, 40],
  ])('at %i×%i: name, section bar, status bar; never wider than the screen nor taller than the terminal', async (width, rows) => {
    const {app, screen} = await start(width, rows);
    const lines = screen();
    expect(lines[0]).toContain('한지우');
    expect(lines.join('\n')).toContain('1 경력');
    expect(lines.at(-1)).toMatch(/\d+%\s*$/);
    expect(lines.length).toBe(rows);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    app.unmount();
  });

  it('at 120 columns puts the organization left of its projects, below 100 above them', async () => {
    const wide = await start(120, 40);
    const row = wide.screen().find((l) => l.includes('주식회사 바다물류'))!;
    expect(row).toMatch(/^주식회사 바다물류\s+┏━+┓$/);
    wide.app.unmount();
    const narrow = await start(80, 24);
    const lines = narrow.screen();
    const org = lines.findIndex((l) => l.startsWith('주식회사 바다물류'));
    // The organization's lines (name, description · location, position, period, its own text), then its first project.
    expect(lines.slice(org, org + 4)).toEqual(['주식회사 바다물류', '전국 당일 배송 물류 플랫폼 · 서울 강남구', '데이터 엔지니어', '2021.07 - present']);
    expect(lines.findIndex((l) => l.startsWith('┏'))).toBeGreaterThan(org + 3);
    narrow.app.unmount();
  });

  it('shows the enlarge message below 40×10', async () => {
    const {app, screen} = await start(39, 10);
    expect(screen().join(' ')).toContain('enlarge the terminal (now 39×10, need');
    app.unmount();
  });

  it('at 30×5 Ctrl-Z still suspends (the app calls onSuspend), under the enlarge message', async () => {
    let suspended!: () => void;
    const suspend = new Promise<void>((resolve) => (suspended = resolve));
    const {app, screen} = await startInk(<App doc={doc} theme={theme} size={{width: 30, rows: 5}} onSuspend={() => suspended()} />);
    expect(screen().join(' ')).toContain('enlarge');
    app.stdin.write('\x1a');
    await suspend;
    app.unmount();
  });
});

describe('App keys', () => {
  it('Tab goes to the next section, digits jump, Shift-Tab comes back', async () => {
    const {app, screen, press} = await start(80, 24);
    await press('\t');
    expect(screen().join('\n')).toContain('한글 상품명 정규화 라이브러리');
    await press('3');
    expect(screen().join('\n')).toContain('서울시 공공데이터 시민 모임');
    await press('\x1b[Z', '\x1b[Z');
    expect(screen().join('\n')).toContain('주식회사 바다물류');
    app.unmount();
  });

  it('the hints say what the state is: Enter unfold on a folded panel; Esc keeps the hints; no n/N after no match; i only when there is more', async () => {
    const {app, screen, press} = await start(100, 30);
    const status = () => screen().at(-1)!;
    expect(status()).toContain('Enter fold');
    await press('\r');
    expect(status()).toContain('Enter unfold');
    await press('\x1b');
    expect(status()).toMatch(/Tab section .*q quit .*Esc: nothing to close\s*$/);
    await press('/', 'zzzz', '\r');
    expect(status()).toContain('no match for "zzzz"');
    expect(status()).not.toMatch(/\bn next\b|N previous/);
    // jiwoo has contacts and a long greeting: i has more to show.
    await press('\x1b');
    expect(status()).toContain('i about');
    app.unmount();
    // A name, a one-line label and nothing else: unfolding the header would add nothing.
    const bare = {...doc, greeting: undefined, contacts: []};
    const second = await startInk(<App doc={bare} theme={theme} size={{width: 100, rows: 30}} />);
    expect(second.screen().at(-1)).not.toContain('i about');
    second.app.unmount();
  });

  it('in the search line, Delete removes the character after the cursor, Backspace the one before', async () => {
    const {app, screen, press} = await start(80, 24);
    await press('/', 'abc', '\x1b[D', '\x1b[3~');
    expect(screen().at(-1)).toMatch(/^\/ab/);
    await press('\x7f');
    expect(screen().at(-1)).toMatch(/^\/a(\s|$)/);
    app.unmount();
  });

  it('j and k move the focus between panels', async () => {
    const {app, screen, press} = await start(120, 40);
    const focusedTitle = () => {
      const lines = screen();
      const top = lines.findIndex((l) => l.includes('┏'));
      // The row under the heavy top border holds the focused title (right of the organization column).
      return lines[top + 1]!.split('┃')[1]!.replace(/[▾▸]/g, '').trim();
    };
    expect(focusedTitle()).toBe('배송 이벤트 실시간 수집 파이프라인');
    await press('j');
    expect(focusedTitle()).toBe('데이터 품질 모니터링 시스템');
    await press('k');
    expect(focusedTitle()).toBe('배송 이벤트 실시간 수집 파이프라인');
    app.unmount();
  });

  it('Enter folds the focused project and unfolds it', async () => {
    const {app, screen, press} = await start(120, 40);
    await press('\r');
    expect(screen().join('\n')).toContain('▸ 배송 이벤트 실시간 수집 파이프라인');
    expect(screen().join('\n')).not.toContain('파티션 키 선정으로');
    await press('\r');
    expect(screen().join('\n')).toContain('파티션 키 선정으로');
    app.unmount();
  });

  it('? shows a help listing every command of the keymap; Esc closes it', async () => {
    const {app, screen, press} = await start(120, 40);
    await press('?');
    const help = screen().join('\n');
    for (const binding of KEYMAP) {
      expect(help).toContain(keyLabels(binding.command));
      expect(help).toContain(describeCommand(binding.command));
    }
    await press('\x1b');
    expect(screen().join('\n')).not.toContain('show or hide this help');
    expect(screen().join('\n')).toContain('배송 이벤트 실시간 수집 파이프라인');
    app.unmount();
  });

  it('G goes to the end of the section and shows 100%', async () => {
    const {app, screen, press} = await start(80, 24);
    // 정산 배치 이관 is the last project of the section: below the first screen.
    expect(screen().join('\n')).not.toContain('정산 배치 이관');
    await press('G');
    expect(screen().at(-1)).toMatch(/100%\s*$/);
    expect(screen().join('\n')).toContain('정산 배치 이관');
    await press('g');
    expect(screen().at(-1)).toMatch(/ 0%\s*$/);
    app.unmount();
  });
});
