/**
 * The app's own words in the reader's language (issue 20), the built program in a pty: a Korean
 * LANG gets Korean hints and help, LC_MESSAGES over it decides, and a Korean locale that is not
 * UTF-8 gets English in ASCII (ASCII has no Hangul). Build first (`npm run build`; `npm test` does).
 */
import {describe, expect, it} from 'vitest';
import {JIWOO_PATH, JIWOO} from '../helpers/e2e-jiwoo';
import {ptyApps} from '../helpers/pty';
import {cellWidth} from '../../src/text/width';

const launch = ptyApps();
const UNSET = {LC_ALL: undefined, LC_CTYPE: undefined, LC_MESSAGES: undefined};

describe('the app in the reader’s language', () => {
  it('LANG=ko_KR.UTF-8: Korean hints in the status bar and a Korean help, every row within 80 cells', async () => {
    const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH], env: {...UNSET, LANG: 'ko_KR.UTF-8'}});
    const first = await app.ready(JIWOO.firstProject);
    expect(first.at(-1)).toMatch(/Tab 섹션 .*q 종료/);
    app.press('?');
    const help = await app.waitFor('다음 섹션');
    expect(help.join('\n')).toContain('이전 섹션');
    for (const row of help) expect(cellWidth(row)).toBeLessThanOrEqual(80);
    expect(help.at(-1)).toMatch(/Esc 닫기 .*q 종료/);
  });

  it('LC_MESSAGES=en_US.UTF-8 over a Korean LANG: English', async () => {
    const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH], env: {...UNSET, LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8'}});
    const first = await app.ready(JIWOO.firstProject);
    expect(first.at(-1)).toMatch(/Tab section .*q quit/);
  });

  it('LANG=ko_KR.EUC-KR (not UTF-8): the frame in ASCII, its words in English', async () => {
    const app = launch({cols: 80, rows: 24, args: [JIWOO_PATH], env: {...UNSET, LANG: 'ko_KR.EUC-KR'}});
    const first = await app.ready(JIWOO.firstProject);
    expect(first.at(-1)).toMatch(/Tab section .*q quit/);
    expect(first.at(-1)).not.toMatch(/[^\x00-\x7f]/);
  });
});
