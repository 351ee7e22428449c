/**
 * Chinese in the built app at 80×24 (issue 20): in every section, read down to its end, no row
 * starts with closing punctuation, and the folded header shows the summary past its first word.
 * The program in a pseudo-terminal on test/fixtures/lang/zh.json, the screen read from a headless
 * xterm. Build first (`npm run build`; `npm test` does).
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {REPO_ROOT} from '../helpers/fixtures';
import {ptyApps} from '../helpers/pty';
import {statusRow} from '../helpers/frame-rows';

const launch = ptyApps();
const ZH = join(REPO_ROOT, 'test', 'fixtures', 'lang', 'zh.json');
const basics = (JSON.parse(readFileSync(ZH, 'utf8')) as {basics: {name: string; summary: string}}).basics;
/** A row's text inside a box (`│ … │`, `┃ … ┃`), bullets and indentation left off. */
const text = (row: string) => row.replace(/^\s*[│┃]/, '').replace(/[│┃]\s*$/, '').trim().replace(/^[•\-*] /, '');
const CLOSING = /^[)\]}.,:;!?。，、：；！？）」』】〕》〉．]/u;
const percent = (rows: string[]) => Number(/(\d+)%\s*$/.exec(statusRow(rows))?.[1]);

describe('test/fixtures/lang/zh.json at 80×24', () => {
  it('no row of any section starts with closing punctuation, and the header shows more than "AI…"', async () => {
    const app = launch({cols: 80, rows: 24, args: [ZH]});
    const first = await app.ready(basics.name);
    const greeting = first.find((r) => r.startsWith('AI'));
    expect(greeting, app.dump()).toMatch(/^AI驱动的在线设计平台.+…$/);

    const seen = new Set<string>();
    for (const key of ['1', '2', '3', '4', '5']) {
      const before = app.screen();
      app.press(key);
      let screen = key === '1' ? before : await app.waitForChange(before);
      // Down the section to its end (the status bar's 100%).
      for (let page = 0; page < 20; page++) {
        for (const row of screen.slice(0, -1)) {
          expect(text(row), app.dump()).not.toMatch(CLOSING);
          seen.add(text(row));
        }
        if (percent(screen) === 100) break;
        app.press(' ');
        screen = await app.waitForChange(screen);
      }
    }
    // The rows read include the wrapped highlights of both jobs and the project.
    for (const phrase of ['基于Fabric.js重写画布层', '搭建前端监控系统', '一个基于ProseMirror的富文本编辑器']) {
      expect([...seen].some((row) => row.startsWith(phrase)), phrase).toBe(true);
    }
  });
});
