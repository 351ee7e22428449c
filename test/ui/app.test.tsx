import {render} from 'ink-testing-library';
import React from 'react';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {App} from '../../src/ui/App';
import {KEYMAP, keyLabels} from '../../src/ui/keymap';
import {createTheme} from '../../src/ui/theme';
import {realDocument} from '../helpers/resume';

const doc = realDocument();
const theme = createTheme({color: false, ascii: false});
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function start(width: number, rows: number) {
  const app = render(<App doc={doc} theme={theme} size={{width, rows}} />);
  await tick();
  const screen = () => stripAnsi(app.lastFrame() ?? '').split('\n');
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await tick();
    }
  };
  return {app, screen, press};
}

describe('App layouts', () => {
  it.each([
    [40, 12],
    [80, 24],
    [120, 40],
  ])('at %i×%i: name, section bar, status bar; never wider than the screen nor taller than rows - 1', async (width, rows) => {
    const {app, screen} = await start(width, rows);
    const lines = screen();
    expect(lines[0]).toContain('김성호');
    expect(lines.join('\n')).toContain('1 💻 Work');
    expect(lines.at(-1)).toMatch(/\d+%\s*$/);
    expect(lines.length).toBe(rows - 1);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    app.unmount();
  });

  it('at 120 columns puts the organization left of its projects, below 100 above them', async () => {
    const wide = await start(120, 40);
    const row = wide.screen().find((l) => l.includes('Laplace Technologies, Inc.'))!;
    expect(row).toMatch(/^Laplace Technologies, Inc\.\s+┏━+┓$/);
    wide.app.unmount();
    const narrow = await start(80, 24);
    const lines = narrow.screen();
    const org = lines.findIndex((l) => l.startsWith('Laplace Technologies, Inc.'));
    expect(lines[org]).toBe('Laplace Technologies, Inc.');
    expect(lines[org + 3]!.startsWith('┏')).toBe(true);
    narrow.app.unmount();
  });

  it('shows the enlarge message below 40×10', async () => {
    const {app, screen} = await start(39, 10);
    expect(screen().join(' ')).toContain('enlarge the terminal (now 39×10, need');
    app.unmount();
  });
});

describe('App keys', () => {
  it('Tab goes to the next section, digits jump, Shift-Tab comes back', async () => {
    const {app, screen, press} = await start(80, 24);
    await press('\t');
    expect(screen().join('\n')).toContain('해군 1함대 사령부 정보통신 중대');
    await press('3');
    expect(screen().join('\n')).toContain('1. 참여한 프로젝트 내 본인의 주요 역할과 결과');
    await press('\x1b[Z', '\x1b[Z');
    expect(screen().join('\n')).toContain('Laplace Technologies, Inc.');
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
    expect(focusedTitle()).toBe('대시보드 API 서버 구축');
    await press('j');
    expect(focusedTitle()).toBe('알림 시스템 구축');
    await press('k');
    expect(focusedTitle()).toBe('대시보드 API 서버 구축');
    app.unmount();
  });

  it('Enter folds the focused project and unfolds it', async () => {
    const {app, screen, press} = await start(120, 40);
    await press('\r');
    expect(screen().join('\n')).toContain('▸ 대시보드 API 서버 구축');
    expect(screen().join('\n')).not.toContain('대시보드 설정 정보를 요청 받아');
    await press('\r');
    expect(screen().join('\n')).toContain('대시보드 설정 정보를 요청 받아');
    app.unmount();
  });

  it('? shows a help listing every command of the keymap; Esc closes it', async () => {
    const {app, screen, press} = await start(120, 40);
    await press('?');
    const help = screen().join('\n');
    for (const binding of KEYMAP) {
      expect(help).toContain(keyLabels(binding.command));
      expect(help).toContain(binding.description);
    }
    await press('\x1b');
    await tick();
    expect(screen().join('\n')).not.toContain('show or hide this help');
    expect(screen().join('\n')).toContain('대시보드 API 서버 구축');
    app.unmount();
  });

  it('G goes to the end of the section and shows 100%', async () => {
    const {app, screen, press} = await start(80, 24);
    await press('G');
    expect(screen().at(-1)).toMatch(/100%\s*$/);
    expect(screen().join('\n')).toContain('IOT 센서 데이터 파이프라인 구축');
    await press('g');
    expect(screen().at(-1)).toMatch(/ 0%\s*$/);
    app.unmount();
  });
});
