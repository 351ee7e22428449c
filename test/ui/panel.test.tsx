import {Box} from 'ink';
import {render} from 'ink-testing-library';
import React from 'react';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Entry} from '../../src/document/model';
import {FrameText} from '../../src/ui/components/FrameText';
import {panelLines} from '../../src/ui/layout/panel';
import {createTheme, type Theme} from '../../src/theme/theme';
import {fixtureDocument} from '../helpers/resume';

const doc = fixtureDocument('jiwoo');
const work = doc.sections.find((s) => s.id === 'work')!;
// 데이터 품질 모니터링 시스템 (test/fixtures/jiwoo.json): three technologies, too wide for one row at 40.
const project = work.entries[0]!.children[1]!;
const mono = createTheme({color: false, ascii: false});
const color = createTheme({color: true, ascii: false});

/** A panel as the app draws it: its lines (panelLines, as the section layout draws each panel) through FrameText, in a box of its width. */
function PanelFrame({entry, width, theme, focused = false, collapsed = false}: {entry: Entry; width: number; theme: Theme; focused?: boolean; collapsed?: boolean}) {
  return (
    <Box flexDirection="column" width={width}>
      <FrameText lines={panelLines(entry, {width, theme, focused, collapsed})} theme={theme} width={width} />
    </Box>
  );
}

const frame = (entry: Entry, width: number, props: {focused?: boolean; collapsed?: boolean; theme?: typeof mono} = {}) => {
  const {lastFrame, unmount} = render(<PanelFrame entry={entry} width={width} theme={props.theme ?? mono} focused={props.focused} collapsed={props.collapsed} />);
  const out = stripAnsi(lastFrame() ?? '');
  unmount();
  return out.split('\n');
};

describe('a panel: its lines (src/ui/layout/panel.ts) drawn by FrameText', () => {
  // Ink colors through chalk, which sees no terminal under the test runner: ask for 256 colors.
  const level = chalk.level;
  beforeAll(() => {
    chalk.level = 2;
  });
  afterAll(() => {
    chalk.level = level;
  });

  it('shows its title, description, every bullet and a badge per technology', () => {
    const text = frame(project, 80).join('\n');
    expect(text).toContain('데이터 품질 모니터링 시스템');
    expect(text).toContain('Description');
    expect(text).toContain('What did I do');
    for (const bullet of ['검사 규칙 87개를 YAML로 선언하고 대시보드로 결과를 공유', '잘못된 정산 데이터를 하루 먼저 발견해 재정산 비용을 절감']) {
      expect(text).toContain(bullet);
    }
    for (const tech of ['Airflow', '데이터 품질 검사', 'BigQuery']) expect(text).toContain(`[${tech}]`);
  });

  it('is a closed box exactly as wide as asked, at 40, 80 and 120 columns', () => {
    for (const width of [40, 80, 120]) {
      const lines = frame(project, width);
      expect(lines[0]!.startsWith('╭')).toBe(true);
      expect(lines[0]!.endsWith('╮')).toBe(true);
      expect(lines.at(-1)!.startsWith('╰')).toBe(true);
      expect(lines.at(-1)!.endsWith('╯')).toBe(true);
      for (const line of lines) expect(stringWidth(line), line).toBe(width);
      for (const line of lines.slice(1, -1)) {
        expect(line.startsWith('│ ')).toBe(true);
        expect(line.endsWith(' │')).toBe(true);
      }
    }
  });

  it('never splits a badge across lines, even when the badges wrap', () => {
    const lines = frame(project, 40);
    const badgeRows = lines.filter((l) => l.includes('['));
    expect(badgeRows.length).toBeGreaterThan(1);
    for (const row of badgeRows) {
      const opens = (row.match(/\[/g) ?? []).length;
      const closes = (row.match(/\]/g) ?? []).length;
      expect(opens).toBe(closes);
    }
    const tags = badgeRows.join(' ').match(/\[[^\]]+\]/g);
    expect(tags).toEqual(['[Airflow]', '[데이터 품질 검사]', '[BigQuery]']);
  });

  it('colors each technology’s chip the same wherever it appears', () => {
    // Airflow is in two projects, at two employers: 정산 배치 이관 and this one.
    const first = render(<PanelFrame entry={work.entries[1]!.children[0]!} width={100} theme={color} />);
    const second = render(<PanelFrame entry={project} width={100} theme={color} />);
    const chip = (out: string) => out.match(/(\x1b\[[0-9;]*m)+ Airflow /)?.[0];
    expect(chip(first.lastFrame() ?? '')).toBeDefined();
    expect(chip(first.lastFrame() ?? '')).toBe(chip(second.lastFrame() ?? ''));
    first.unmount();
    second.unmount();
  });

  it('looks different when focused, without color too (heavy border, inverse title)', () => {
    const normal = frame(project, 60);
    const focused = frame(project, 60, {focused: true});
    expect(normal[0]!.startsWith('╭')).toBe(true);
    expect(focused[0]!.startsWith('┏')).toBe(true);
    expect(focused[1]!.startsWith('┃')).toBe(true);
    const raw = render(<PanelFrame entry={project} width={60} theme={mono} focused />);
    expect(raw.lastFrame()).toContain('\x1b[7m'); // inverse title
    raw.unmount();
  });

  it('folded, shows only the title and the badges', () => {
    const text = frame(project, 80, {collapsed: true}).join('\n');
    expect(text).toContain('▸ 데이터 품질 모니터링 시스템');
    expect(text).toContain('[Airflow]');
    expect(text).not.toContain('Description');
    expect(text).not.toContain('검사 규칙');
  });

  it('keeps Korean inside the box at every width from 40 to 120', () => {
    for (let width = 40; width <= 120; width += 7) {
      for (const line of frame(work.entries[0]!.children[0]!, width)) expect(stringWidth(line)).toBe(width);
    }
  });

  it('draws ASCII borders with --ascii', () => {
    const ascii = createTheme({color: false, ascii: true});
    const lines = frame(project, 50, {theme: ascii});
    expect(lines[0]).toMatch(/^\+-+\+$/);
    expect(frame(project, 50, {theme: ascii, focused: true})[0]).toMatch(/^#=+#$/);
  });
});
