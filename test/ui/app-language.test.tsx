/**
 * The app in the reader's language (issue 20): the status bar and the help in Korean at 40, 80
 * and 120 columns, every row within the width in cells, and a missing message in English.
 */
import React from 'react';
import {describe, expect, it} from 'vitest';
import {App} from '../../src/ui/App';
import {describeCommand, KEYMAP} from '../../src/ui/keymap';
import {messagesFor, messagesOf} from '../../src/i18n/messages';
import {KO} from '../../src/i18n/messages/ko';
import {cellWidth} from '../../src/text/width';
import {createTheme} from '../../src/theme/theme';
import {startInk} from '../helpers/ink';
import {fixtureDocument} from '../helpers/resume';

const doc = fixtureDocument('jiwoo');
const theme = createTheme({color: false, ascii: false});
const korean = messagesFor('ko');

describe('the app in Korean', () => {
  it.each([
    [40, 12],
    [80, 24],
    [120, 40],
  ])('at %i×%i: Korean hints and help, every row within the width', async (width, rows) => {
    const {app, screen, press} = await startInk(<App doc={doc} theme={theme} messages={korean} size={{width, rows}} />);
    const status = screen().at(-1)!;
    expect(status).toContain('q 종료');
    expect(status).not.toMatch(/quit|help|section/);
    if (width >= 80) expect(status).toContain('Tab 섹션');
    for (const line of screen()) expect(cellWidth(line), `${JSON.stringify(line)} at ${width}`).toBeLessThanOrEqual(width);

    await press('?');
    expect(screen().map((l) => l.trim())).toContain('키');
    // Page through the whole help: every row within the width.
    for (let page = 0; page < 20 && !screen().at(-1)!.includes('100%'); page++) {
      for (const line of screen()) expect(cellWidth(line), `${JSON.stringify(line)} at ${width}`).toBeLessThanOrEqual(width);
      await press(' ');
    }
    expect(screen().at(-1)).toContain('100%');
    app.unmount();

    // On a screen tall enough for all of it: every command described in Korean, wrapped under itself, never cut.
    const tall = await startInk(<App doc={doc} theme={theme} messages={korean} size={{width, rows: 120}} />);
    await tall.press('?');
    // Rows joined as read: a line broken after a slash (UAX #14 allows it: `접기/` `펼치기`) joins without a space.
    const text = tall.screen().map((l) => l.trim()).join(' ').replace(/\/ /g, '/');
    for (const binding of KEYMAP) expect(text, `${binding.command} at ${width}`).toContain(describeCommand(binding.command, korean));
    expect(text).toContain('섹션');
    expect(text).not.toContain('show or hide this help');
    tall.app.unmount();
  });

  it('the technology index, the search summary and Esc with nothing open speak Korean too', async () => {
    const {app, screen, press} = await startInk(<App doc={doc} theme={theme} messages={korean} size={{width: 80, rows: 24}} />);
    await press('\x1b');
    // The hints stay (q among them); the notice takes the position's place.
    expect(screen().at(-1)).toMatch(/^ Tab 섹션 .* q 종료 +Esc: 닫을 것이 없음\s*$/);
    await press('t');
    expect(screen().join('\n')).toMatch(/기술 \(\d+\)  Enter: 프로젝트 보기 · Esc: 닫기/);
    expect(screen().at(-1)).toMatch(/Enter 프로젝트 +↓ 이동 +Esc 닫기 +q 종료/);
    await press('\r');
    expect(screen().join('\n')).toMatch(/: 프로젝트 \d+개(, 스킬 \d+개)?  Esc: 목록으로/);
    await press('\x1b', '\x1b', '/', 'zzz', '\r');
    expect(screen().at(-1)).toContain('"zzz" 결과 없음');
    for (const line of screen()) expect(cellWidth(line)).toBeLessThanOrEqual(80);
    app.unmount();
  });

  it('says a message Korean lacks in English, and the rest in Korean', async () => {
    const {'hint.quit': _, ...without} = KO;
    const {app, screen} = await startInk(<App doc={doc} theme={theme} messages={messagesOf('ko', without)} size={{width: 120, rows: 30}} />);
    const status = screen().at(-1)!;
    expect(status).toContain('q quit');
    expect(status).toContain('/ 검색');
    app.unmount();
  });

  it('without messages: English, as before', async () => {
    const {app, screen} = await startInk(<App doc={doc} theme={theme} size={{width: 120, rows: 30}} />);
    expect(screen().at(-1)).toContain('q quit');
    app.unmount();
  });
});
