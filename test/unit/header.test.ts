/**
 * The header as the app draws it: folded (a line of the greeting, the contacts on one line, each
 * ending in "…" when cut) and unfolded (everything, wrapped); Markdown in basics.summary treated as
 * anywhere else; lines styled by marked-terminal measured without their SGR codes.
 */
import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {fullHeaderLines, headerLines} from '../../src/ui/layout/chrome';
import {clipLine, lineText, lineWidth, type Span} from '../../src/ui/layout/lines';
import {createMarkdownInline} from '../../src/ui/markdown';
import {hasMarkdown} from '../../src/theme/markdown-hint';
import {createTheme, THEMES} from '../../src/theme/theme';
import {cellWidth} from '../../src/text/width';
import {HEADER_CONTACTS_ROWS} from '../../src/sizes';
import {fixtureDocument} from '../helpers/resume';

const level = chalk.level;
beforeAll(() => {
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

const jiwoo = fixtureDocument('jiwoo');
const SUMMARY = 'Builds **reliable** pipelines with `Kafka` and [Flink](https://flink.apache.org), every day of the week.';
const withMarkdown = {...jiwoo, greeting: SUMMARY};
const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('Markdown in basics.summary', () => {
  it('loads the renderer for a greeting with Markdown, as for a panel with it', () => {
    expect(hasMarkdown({...jiwoo, greeting: 'plain words', sections: []})).toBe(false);
    expect(hasMarkdown({...withMarkdown, sections: []})).toBe(true);
  });
  it('is rendered in the folded header and in the unfolded one: no ** or backticks shown, every line within the width', () => {
    const inline = createMarkdownInline(createTheme({color: true, ascii: false, tokens: THEMES.dark}));
    for (const width of [40, 80]) {
      const folded = headerLines(withMarkdown, width, HEADER_CONTACTS_ROWS, inline);
      const unfolded = fullHeaderLines(withMarkdown, width, inline);
      for (const line of [...folded, ...unfolded]) {
        expect(lineWidth(line)).toBeLessThanOrEqual(width);
        expect(cellWidth(strip(lineText(line)))).toBe(lineWidth(line));
      }
      const shown = unfolded.map((l) => strip(lineText(l)).trim()).join(' ');
      expect(shown).toContain('Builds reliable pipelines with Kafka and Flink');
      expect(shown).not.toMatch(/\*\*|`/);
      expect(strip(lineText(folded[1]!))).toMatch(/^Builds reliable .*…$/);
    }
  });
});

describe('the folded header', () => {
  it('ends the greeting and the contacts in "…" when they are cut, and never passes the width', () => {
    const lines = headerLines(jiwoo, 40, HEADER_CONTACTS_ROWS).map(lineText);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines[2]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(40);
  });
  it('unfolded, lists every contact on a line of its own, a profile with its address', () => {
    const lines = fullHeaderLines(jiwoo, 100).map(lineText);
    for (const contact of jiwoo.contacts) expect(lines.some((l) => l.startsWith(contact.text)), contact.text).toBe(true);
    expect(lines).toContain('GitHub: jiwoo-han (https://github.com/jiwoo-han)');
  });
});

describe('lines styled by marked-terminal (ansi spans)', () => {
  const bold: Span = {text: '\x1b[1mbold\x1b[22m words', ansi: true};
  it('are measured without their codes', () => {
    expect(lineWidth([bold])).toBe(cellWidth('bold words'));
  });
  it('are clipped by cells, codes kept, the style reset at the cut', () => {
    const clipped = clipLine([bold, {text: ' tail'}], 6);
    expect(lineWidth(clipped)).toBe(6);
    expect(strip(lineText(clipped))).toBe('bold w');
    expect(lineText(clipped)).toContain('\x1b[1m');
    expect(lineText(clipped).endsWith('\x1b[0m')).toBe(true);
  });
});
