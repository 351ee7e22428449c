/**
 * CJK text in the app breaks where UAX #14 lets it (issue 20): the folded header shows as much of
 * a Chinese or Japanese summary as fits (it showed only "AI…"), and a panel's text fills its
 * columns, with no row starting with closing punctuation. The App under ink-testing-library on
 * test/fixtures/lang/zh.json and ja.json, mono theme.
 */
import {join} from 'node:path';
import React from 'react';
import {describe, expect, it} from 'vitest';
import {breakOpportunities} from '../../src/text/linebreak';
import {cellWidth} from '../../src/text/width';
import {App} from '../../src/ui/App';
import {createTheme} from '../../src/theme/theme';
import {REPO_ROOT} from '../helpers/fixtures';
import {startInk} from '../helpers/ink';
import {fixtureDocument} from '../helpers/resumes';

const theme = createTheme({color: false, ascii: false});
const lang = (name: string) => fixtureDocument(join(REPO_ROOT, 'test', 'fixtures', 'lang', `${name}.json`));
/** A row's text inside a panel's box (`│ … │`), or the row itself outside one. */
const inner = (row: string) => row.replace(/^\s*[│┃]\s?/, '').replace(/\s?[│┃]\s*$/, '').trim();
const CLOSING = /^[)\]}.,:;!?。，、：；！？）」』】〕》〉．ー]/u;
/** The text up to the first place `text` may break: what a line would have to take next. */
const firstPiece = (text: string) => text.slice(0, breakOpportunities(text)[0] ?? text.length);

describe.each(['zh', 'ja'])('test/fixtures/lang/%s.json in the app', (name) => {
  const doc = lang(name);
  const summary = doc.greeting!;

  it.each([
    [80, 24],
    [120, 30],
  ])('at %i×%i the folded header shows the summary up to the last piece that fits, then …', async (width, rows) => {
    const {app, screen} = await startInk(<App doc={doc} theme={theme} size={{width, rows}} />);
    const row = screen().find((r) => r.startsWith(summary.slice(0, 4)));
    app.unmount();
    expect(row, screen().join('\n')).toBeDefined();
    const shown = row!.trimEnd();
    expect(shown.endsWith('…')).toBe(true);
    const text = shown.slice(0, -1);
    expect(summary.startsWith(text)).toBe(true);
    // As much as fits: one more piece would not have (the … takes the last cell).
    expect(cellWidth(text) + cellWidth(firstPiece(summary.slice(text.length)))).toBeGreaterThan(width - 1);
    expect(cellWidth(text)).toBeGreaterThan(width - 12);
  });

  it('at 80×40 a panel fills its columns and no row of it starts with closing punctuation', async () => {
    const {app, screen} = await startInk(<App doc={doc} theme={theme} size={{width: 80, rows: 40}} />);
    const rows = screen();
    app.unmount();
    const boxed = rows.filter((r) => /^\s*[│┃]/.test(r)).map(inner).filter((t) => t !== '');
    expect(boxed.length, rows.join('\n')).toBeGreaterThan(5);
    for (const text of boxed) expect(text, rows.join('\n')).not.toMatch(CLOSING);
    // A highlight wrapped over several rows: each row but its last fills most of the box's 76 columns (it filled 42).
    const wrapped = boxed.filter((t, i) => !t.startsWith('•') && i > 0 && boxed[i - 1]!.startsWith('•')).length;
    expect(wrapped).toBeGreaterThan(0);
    boxed.forEach((t, i) => {
      if (t.startsWith('•') && i + 1 < boxed.length && !boxed[i + 1]!.startsWith('•') && boxed[i + 1] !== '') {
        expect(cellWidth(t), t).toBeGreaterThanOrEqual(76 - 12);
      }
    });
  });
});
