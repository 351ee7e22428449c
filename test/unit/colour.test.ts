import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import chalk from 'chalk';
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import React from 'react';
import stripAnsi from 'strip-ansi';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {chalkLevel, setColourLevel} from '../../src/cli/colour';
import type {Entry} from '../../src/document/model';
import {renderPlain} from '../../src/text/plain';
import {renderTerminal} from '../../src/text/terminal';
import {createMarkdownInline} from '../../src/ui/markdown';
import {createTheme, THEMES, type Theme, type Token, type TokenMap} from '../../src/theme/theme';
import {chalkStyle} from '../../src/theme/chalk';
import {REPO_ROOT} from '../helpers/fixtures';
import {fixtureDocument} from '../helpers/resume';
import {sgrColors} from '../helpers/terminal-state';

const dark = createTheme({color: true, ascii: false});
const mono = createTheme({color: false, ascii: false});

/**
 * A theme no default could match by chance: every token its own 24-bit color, so a line in the
 * right token can only come from the theme (marked-terminal's defaults are named colors).
 */
const PROBE_TOKENS = {
  ...Object.fromEntries(Object.keys(THEMES.dark).map((token, i) => [token, {color: `#${(0x102030 + i * 0x050403).toString(16)}`, bold: i % 2 === 0}])),
  // Body text, around everything else: left unstyled, as in every theme, so a line is one token.
  plain: {},
} as unknown as TokenMap;
const probe = createTheme({color: true, ascii: false, tokens: PROBE_TOKENS});

/** What the theme makes of a token: the line the print must hold for that text. */
const styled = (theme: Theme, token: Token, text: string) => chalkStyle(theme.styles[token])(text);

// Colors are written only at chalk level ≥ 1; the test runner's stdout is no terminal.
let level: typeof chalk.level;
beforeEach(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterEach(() => {
  chalk.level = level;
});

describe('the theme → chalk converter', () => {
  it.each(Object.keys(THEMES))('writes what Ink’s <Text> writes for every token of the %s theme, and for badges', (name) => {
    const theme = createTheme({color: name !== 'mono', ascii: false, tokens: THEMES[name as keyof typeof THEMES]});
    const styles = [...Object.values(theme.styles), theme.badge('Kafka'), theme.badge('Go')];
    for (const style of styles) {
      const app = render(React.createElement(Text, style, 'Kafka'));
      try {
        expect(chalkStyle(style)('Kafka'), JSON.stringify(style)).toBe(app.lastFrame());
      } finally {
        app.unmount();
      }
    }
  });
});

describe('the colored print: the plain text’s lines, each part in its token', () => {
  const doc = fixtureDocument('jiwoo');
  const work = doc.sections.find((s) => s.entries.some((e) => e.kind === 'organization'))!;
  const org = work.entries.find((e): e is Entry => e.kind === 'organization' && e.children.length > 0)!;
  const project = org.children.find((c) => c.blocks.some((b) => b.kind === 'text' && b.label))!;
  const label = project.blocks.find((b) => b.kind === 'text' && b.label)!.label!;

  it.each(
    (['jiwoo', 'ada', 'minimal'] as const).flatMap((name) =>
      [40, 80, 120].flatMap((width) => (['dark', 'light', 'mono'] as const).map((theme) => [name, width, theme] as const)),
    ),
  )('%s at width %i (%s theme): without its escape codes, exactly the plain text', (name, width, theme) => {
    const document = fixtureDocument(name);
    const print = renderTerminal(document, width, createTheme({color: theme !== 'mono', ascii: false, tokens: THEMES[theme]}));
    expect(print).toContain('\x1b[');
    expect(stripAnsi(print)).toBe(renderPlain(document, width));
  });

  it('projects under an organization are indented as in the plain text, a label directly above its text', () => {
    const lines = stripAnsi(renderTerminal(doc, 80, dark)).split('\n');
    const at = lines.indexOf(`  ${project.title}`);
    expect(at, lines.join('\n')).toBeGreaterThan(0);
    const labelAt = lines.indexOf(`  ${label}`, at);
    expect(lines[labelAt + 1]).toMatch(/^ {4}\S/);
    // No paragraph of Markdown: no two blank lines anywhere but before a section title.
    lines.forEach((line, i) => {
      if (line === '' && lines[i + 1] === '') expect(doc.sections.map((s) => s.title)).toContain(lines[i + 2]);
    });
  });

  it.each([
    ['dark', dark],
    ['probe', probe],
  ] as const)('%s theme: name, section, organization, project, block label, subtitle and role · period in their tokens', (_, theme) => {
    const lines = renderTerminal(doc, 100, theme).split('\n');
    // The indentation is written before any code: the line without it is the styled text.
    const line = (text: string) => lines.find((l) => stripAnsi(l).trimStart() === text)?.trimStart();
    expect(lines[0]).toBe(styled(theme, 'name', doc.name));
    expect(line(work.title)).toBe(styled(theme, 'heading', work.title));
    expect(line(org.title)).toBe(styled(theme, 'orgTitle', org.title));
    expect(line(org.subtitle!)).toBe(styled(theme, 'muted', org.subtitle!));
    expect(line(project.title)).toBe(styled(theme, 'panelTitle', project.title));
    expect(line(label)).toBe(styled(theme, 'blockLabel', label));
    expect(line(`${org.role} · ${org.period}`)).toBe(styled(theme, 'role', org.role!) + styled(theme, 'period', ` · ${org.period}`));
    const tags = project.blocks.find((b) => b.kind === 'tags')!;
    expect(line(`${tags.label}: ${tags.items.join(' · ')}`)).toBe(`${styled(theme, 'blockLabel', `${tags.label}:`)} ${tags.items.join(' · ')}`);
    const bullet = project.blocks.find((b) => b.kind === 'list')!.items[0]!;
    expect(line(`- ${bullet}`)).toBe(`${styled(theme, 'bullet', '-')} ${bullet}`);
  });

  it('a role · period wrapped over lines keeps each word in its token', () => {
    const entry: Entry = {kind: 'organization', title: 'Acme', role: 'Backend Engineer', period: '2021.06 - present', blocks: [], children: []};
    const small = {name: 'Kim', contacts: [], sections: [{id: 'work' as const, title: 'Work', entries: [entry]}]};
    const lines = renderTerminal(small, 12, probe).split('\n');
    const at = lines.findIndex((l) => stripAnsi(l) === 'Backend');
    expect(lines.slice(at, at + 4)).toEqual([
      styled(probe, 'role', 'Backend'),
      styled(probe, 'role', 'Engineer') + styled(probe, 'period', ' ·'),
      styled(probe, 'period', '2021.06 -'),
      styled(probe, 'period', 'present'),
    ]);
  });

  it('the label under the name is in `label`, a role with the same words in `role`', () => {
    const ada = fixtureDocument('ada');
    const role = ada.sections.flatMap((s) => s.entries).find((e) => e.role === ada.label)!;
    expect(role, 'ada.json has a role equal to its label').toBeDefined();
    const lines = renderTerminal(ada, 100, probe).split('\n');
    expect(lines[1]).toBe(styled(probe, 'label', ada.label!));
    expect(lines.find((l) => stripAnsi(l).trimStart() === `${role.role} · ${role.period}`)?.trimStart()).toBe(
      styled(probe, 'role', role.role!) + styled(probe, 'period', ` · ${role.period}`),
    );
  });

  it('the rules under section and project titles are in `border`, as wide as their title', () => {
    for (const width of [40, 100]) {
      const lines = renderTerminal(doc, width, probe).split('\n');
      const rules = lines.filter((l) => /^ *(-+|=+)$/.test(stripAnsi(l)));
      expect(rules.length).toBeGreaterThan(doc.sections.length);
      for (const rule of rules) {
        const bare = stripAnsi(rule).trimStart();
        expect(rule.trimStart()).toBe(styled(probe, 'border', bare));
      }
    }
  });

  it('contacts: a link’s address after its text, in `link`', () => {
    const lines = renderTerminal(doc, 100, probe).split('\n');
    const contact = doc.contacts.find((c) => c.url?.startsWith('https:') && !c.url.endsWith(c.text))!;
    expect(lines).toContain(`${contact.text}${styled(probe, 'link', ` (${contact.url})`)}`);
  });

  it('inline Markdown in a paragraph is rendered in the theme’s tokens, the rest of the layout kept', () => {
    const markdown: typeof doc = {
      ...doc,
      greeting: 'Runs **Kafka** clusters',
      sections: [{...work, entries: [{...project, blocks: [{kind: 'text', label: 'Summary', text: 'Tuned `acks=all` for *safety*'}], children: []}]}],
    };
    const print = renderTerminal(markdown, 80, probe);
    const plain = stripAnsi(print).split('\n');
    expect(plain).toContain('Runs Kafka clusters');
    expect(plain).toContain('  Tuned acks=all for safety');
    expect(plain).toContain('Summary');
    expect(print).toContain(styled(probe, 'strong', 'Kafka'));
    expect(print).toContain(styled(probe, 'code', 'acks=all'));
    // Every other line is the plain text's.
    const expected = renderPlain(markdown, 80)
      .split('\n')
      .map((l) => l.replace('Runs **Kafka** clusters', 'Runs Kafka clusters').replace('Tuned `acks=all` for *safety*', 'Tuned acks=all for safety'));
    expect(plain).toEqual(expected);
  });

  it('the mono theme writes no color parameter, only attributes', () => {
    for (const name of ['jiwoo', 'ada'] as const) {
      const out = renderTerminal(fixtureDocument(name), 80, mono);
      expect(out).toMatch(/\x1b\[1m/);
      expect(sgrColors(out)).toEqual([]);
    }
  });
});

describe('Markdown inside a panel', () => {
  const text = 'Ran **Kafka** with `acks=all`, see [the notes](https://example.org/notes) and *why* ~~not~~ so';

  it.each([
    ['dark', dark],
    ['probe', probe],
  ] as const)('%s theme: **strong** and `code` in the theme’s tokens', (_, theme) => {
    const [line, ...rest] = createMarkdownInline(theme)(text, 200);
    expect(rest).toEqual([]);
    const rendered = line!.map((s) => s.text).join('');
    expect(rendered).toContain(styled(theme, 'strong', 'Kafka'));
    expect(rendered).toContain(styled(theme, 'code', 'acks=all'));
    expect(rendered).toContain(styled(theme, 'emphasis', 'why'));
  });

  it('mono: no color parameter, whatever the Markdown', () => {
    const lines = createMarkdownInline(mono)(text, 30);
    const rendered = lines.flatMap((l) => l.map((s) => s.text)).join('\n');
    expect(rendered).toMatch(/\x1b\[1m/);
    expect(sgrColors(rendered)).toEqual([]);
  });
});

describe('the mono theme', () => {
  it('holds no color at all, badges included', () => {
    for (const style of [...Object.values(THEMES.mono), mono.badge('Kafka')]) {
      expect(style).not.toHaveProperty('color');
      expect(style).not.toHaveProperty('backgroundColor');
    }
  });
});

describe('chalk’s level: decided and set in one place', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  it('only src/cli/colour.ts assigns chalk.level', () => {
    const assigning = files(join(REPO_ROOT, 'src')).flatMap((file) =>
      (readFileSync(file, 'utf8').match(/\bchalk\.level\s*=(?!=)/g) ?? []).map(() => relative(REPO_ROOT, file)),
    );
    expect(assigning).toEqual(['src/cli/colour.ts']);
  });

  it.each([
    ['the print with color, FORCE_COLOR=2, a truecolor terminal', 'print', true, {FORCE_COLOR: '2'}, 3, 2],
    ['the print with color on a 256-color terminal chalk sees as 16m', 'print', true, {TERM: 'xterm-256color'}, 3, 3],
    ['the print with color, COLORTERM=truecolor, nothing detected (a pipe)', 'print', true, {COLORTERM: 'truecolor'}, 0, 3],
    ['the print with color, nothing known', 'print', true, {}, 0, 1],
    ['the print without color', 'print', false, {}, 3, 0],
    ['the app without color keeps bold and inverse', 'app', false, {NO_COLOR: '1'}, 3, 1],
    ['the app without color, chalk seeing --no-color', 'app', false, {}, 0, 1],
    ['the app with color on a 256-color terminal', 'app', true, {TERM: 'xterm-256color'}, 2, 2],
  ] as const)('%s', (_, target, color, env, detected, expected) => {
    expect(chalkLevel(target, color, env, detected)).toBe(expected);
  });

  it('setColourLevel sets it on the chalk that Ink and marked-terminal use', async () => {
    await setColourLevel('app', false, {});
    expect(chalk.level).toBe(1);
    await setColourLevel('print', true, {FORCE_COLOR: '2'});
    expect(chalk.level).toBe(2);
  });
});
