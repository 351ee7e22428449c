/**
 * HTML in a résumé's strings, in the app: read at load for its inline meaning (src/resume/html.ts)
 * and drawn as inline Markdown is, so a panel shows bold text and links, and never a tag.
 */
import chalk from 'chalk';
import React from 'react';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {loadResumeFile} from '../../src/resume/load';
import {App} from '../../src/ui/App';
import {createMarkdownInline} from '../../src/ui/markdown';
import {createTheme} from '../../src/theme/theme';
import {startInk} from '../helpers/ink';
import {lenientFixture} from '../helpers/lenient';

const level = chalk.level;
beforeAll(() => {
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

function htmlDocument() {
  const loaded = loadResumeFile(lenientFixture('html'), 'html.json', {lenient: true});
  if (!loaded.ok) throw new Error(loaded.error.message);
  return toDocument(loaded.resume);
}

/** Text drawn bold (SGR 1) up to the next code. */
const boldRuns = (raw: string) => [...raw.matchAll(/\x1b\[1m([^\x1b]+)/g)].map((m) => m[1]!);
/** OSC 8 hyperlinks: [address, text]. */
const hyperlinks = (raw: string) => [...raw.matchAll(/\x1b\]8;;([^\x07\x1b]+)(?:\x07|\x1b\\)((?:(?!\x1b\]8;;).)*)/gs)].map((m) => [m[1]!, stripAnsi(m[2]!)]);

describe('HTML in strings, in a panel', () => {
  it.each([
    ['with OSC 8 hyperlinks', true],
    ['without', false],
  ] as const)('bold and links from HTML, no tag on screen (%s)', async (_, links) => {
    const theme = createTheme({color: false, ascii: false, hyperlinks: links});
    const doc = htmlDocument();
    const {raw, screen, app} = await startInk(<App doc={doc} theme={theme} inline={createMarkdownInline(theme)} size={{width: 100, rows: 40}} />);
    const text = screen().join('\n');
    // No tag, and none of the script's or style's content, anywhere on the screen.
    expect(text).not.toMatch(/<\/?(?:strong|b|a|br|p|ul|li|span|script|style|em|i)\b/i);
    expect(text).not.toContain('document.cookie');
    expect(text).not.toContain('display:none');
    expect(text).not.toContain('**');
    // The summary's <strong> is bold; the highlights' <b> too (a list item, rendered behind its bullet).
    expect(boldRuns(raw())).toEqual(expect.arrayContaining(['design system', '38\u00a0%']));
    expect(text).toMatch(new RegExp(`\\${theme.bullet} Cut bundle size by 38\\s%`));
    expect(text).toContain('Shipped Nube Kit');
    // javascript: is never a link: its text stays, alone.
    expect(text).toContain('Talk: click me');
    expect(raw()).not.toContain('javascript:');
    if (links) {
      expect(hyperlinks(raw())).toContainEqual(['https://nube.example/kit', 'Nube Kit']);
      expect(text).not.toContain('(https://nube.example/kit)');
    } else {
      expect(raw()).not.toContain('\x1b]8;');
      expect(text).toContain('Nube Kit (https://nube.example/kit)');
    }
    app.unmount();
  });

  it.each([40, 60])('at %i columns, links wrapped and cut keep every row within the screen', async (width) => {
    const theme = createTheme({color: false, ascii: false, hyperlinks: true});
    const {screen, raw, app} = await startInk(<App doc={htmlDocument()} theme={theme} inline={createMarkdownInline(theme)} size={{width, rows: 30}} />);
    for (const row of screen()) expect(stringWidth(row), row).toBeLessThanOrEqual(width);
    // Every link opened is closed on its row.
    for (const row of raw().split('\n')) expect((row.match(/\x1b\]8;;[^\x07\x1b]/g) ?? []).length, JSON.stringify(row)).toBe((row.match(/\x1b\]8;;(?:\x07|\x1b\\)/g) ?? []).length);
    app.unmount();
  });
});
