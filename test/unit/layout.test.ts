import {describe, expect, it} from 'vitest';
import {MIN_SIZE, WIDE_LAYOUT} from '../../src/sizes';
import {FrameBuilder} from '../../src/ui/frame';
import {helpLines, sectionBar, statusBar} from '../../src/ui/layout/chrome';
import {clipLine, lineText, lineWidth, padLine, span} from '../../src/ui/layout/lines';
import {badgeLines, panelLines} from '../../src/ui/layout/panel';
import {isTooSmall} from '../../src/ui/layout/regions';
import {allLines, layoutSection, leftColumnWidth} from '../../src/ui/layout/section';
import {createReducer, initialState} from '../../src/ui/state';
import type {Entry} from '../../src/document/model';
import {describeCommand, KEYMAP} from '../../src/ui/keymap';
import {badgeIndex, BADGE_PALETTE, createTheme} from '../../src/theme/theme';
import {cellWidth} from '../../src/text/width';
import {fixtureDocument} from '../helpers/resume';

// test/fixtures/jiwoo.json: 주식회사 바다물류 holds two projects, 한빛커머스 one; one essay.
const doc = fixtureDocument('jiwoo');
const count = doc.sections.length;
const mono = createTheme({color: false, ascii: false});
const work = doc.sections.find((s) => s.id === 'work')!;

describe('lines', () => {
  it('measure, pad and clip by cells, never half a wide character', () => {
    const line = [span('한글'), span('ab')];
    expect(lineWidth(line)).toBe(6);
    expect(lineWidth(padLine(line, 10))).toBe(10);
    expect(lineText(clipLine(line, 3))).toBe('한 ');
    expect(lineWidth(clipLine(line, 3))).toBe(3);
    expect(lineText(clipLine(line, 5))).toBe('한글a');
  });
});

describe('badges', () => {
  it('wrap without splitting, in order, within the width', () => {
    const names = ['Airflow', 'Spark', 'Trino', 'Iceberg', 'Deltalake', 'AwsS3', 'Kubernetes', 'Python', 'Java'];
    for (const width of [12, 20, 33, 60]) {
      const lines = badgeLines(names, width, mono);
      for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.flatMap((l) => l.filter((s) => s.badge).map((s) => s.badge))).toEqual(names);
      expect(lines.map(lineText).join(' ').match(/\[[^\]]+\]/g)).toEqual(names.map((n) => `[${n}]`));
    }
  });
  it('have one stable color per technology, whatever its case', () => {
    expect(badgeIndex('Kubernetes')).toBe(badgeIndex('kubernetes'));
    expect(badgeIndex('Kubernetes')).toBeLessThan(BADGE_PALETTE.length);
    const color = createTheme({color: true, ascii: false});
    expect(color.badge('Kubernetes')).toEqual(color.badge('Kubernetes'));
    expect(color.badgeText('Go')).toBe(' Go ');
    expect(mono.badgeText('Go')).toBe('[Go]');
  });
});

describe('section layout', () => {
  it('marks each panel’s lines: a region starts on a top border and ends on a bottom border', () => {
    for (const width of [40, 80, 120]) {
      for (const section of doc.sections) {
        const layout = layoutSection(section, {width, theme: mono, collapsed: new Set()});
        const lines = allLines(layout, 0);
        expect(lines.length).toBe(layout.length);
        layout.panels.forEach((region, i) => {
          // the focused panel draws heavy corners, the others round ones
          expect(lineText(lines[region.start]!)).toMatch(i === 0 ? /┏━+┓$/ : /╭─+╮$/);
          expect(lineText(lines[region.end - 1]!)).toMatch(i === 0 ? /┗━+┛$/ : /╰─+╯$/);
        });
        for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
      }
    }
  });
  it('measures each panel as tall as it is drawn, focused or not, folded or not, at any width', () => {
    for (const width of [40, 57, 80, 99, 100, 120, 161]) {
      for (const section of doc.sections) {
        const projects = work.entries.flatMap((e) => e.children);
        for (const collapsed of [new Set<Entry>(), new Set<Entry>(projects)]) {
          const layout = layoutSection(section, {width, theme: mono, collapsed});
          layout.panels.forEach((region, focus) => {
            const lines = allLines(layout, focus);
            expect(lineText(lines[region.start]!)).toMatch(/┏━+┓$/);
            expect(lineText(lines[region.end - 1]!)).toMatch(/┗━+┛$/);
          });
        }
      }
    }
  });
  it('has one panel per project in work, per organization in personal, per essay', () => {
    const panels = (id: string) => layoutSection(doc.sections.find((s) => s.id === id)!, {width: 80, theme: mono, collapsed: new Set()}).panels.length;
    expect(panels('work')).toBe(3);
    expect(panels('personal')).toBe(2);
    expect(panels('essays')).toBe(1);
  });
  it(`puts the organization in a left quarter from ${WIDE_LAYOUT} columns`, () => {
    const wide = layoutSection(work, {width: 120, theme: mono, collapsed: new Set()});
    const left = leftColumnWidth(120);
    expect(left).toBe(30);
    const first = lineText(wide.line(0, 0));
    expect(first.startsWith('주식회사 바다물류')).toBe(true);
    expect(cellWidth(first.slice(0, first.indexOf('┏')))).toBe(left + 2);
    const narrow = layoutSection(work, {width: 99, theme: mono, collapsed: new Set()});
    expect(lineText(narrow.line(0, 0))).toBe('주식회사 바다물류');
  });
  it('widens the left column a little (up to a third) to keep an organization\'s name on one line, never more', () => {
    const org = (title: string): Entry => ({kind: 'organization', title, role: 'Backend Engineer', period: '2021.06 - present', blocks: [],
      children: [{kind: 'project', title: 'A project', blocks: [], children: []}]});
    const section = (...titles: string[]) => ({id: 'work' as const, title: 'Work', entries: titles.map(org)});
    const laplace = 'Laplace Technologies, Inc.';
    expect(cellWidth(laplace)).toBe(26);
    expect(leftColumnWidth(100, [laplace])).toBe(26);
    const first = lineText(layoutSection(section(laplace, 'NC Lab'), {width: 100, theme: mono, collapsed: new Set()}).line(0, 0));
    expect(first.startsWith(`${laplace}  ┏`), first).toBe(true);
    // Too long for a third: the quarter, and the name wraps.
    const long = 'The Very Long Name Of A Company That Will Not Fit';
    expect(leftColumnWidth(100, [long])).toBe(25);
    expect(lineText(layoutSection(section(long), {width: 100, theme: mono, collapsed: new Set()}).line(0, 0)).startsWith('The Very Long Name Of A  ')).toBe(true);
    // Every organization of a section in the same column.
    const both = layoutSection(section('NC Lab', laplace), {width: 100, theme: mono, collapsed: new Set()});
    expect(lineText(both.line(0, 0)).indexOf('┏')).toBe(28);
  });
  it('an essay\'s numbered heading wraps under its words (a hanging indent)', () => {
    const essay = doc.sections.find((s) => s.id === 'essays')!.entries[0]!;
    expect(essay.title).toMatch(/^1\. /);
    const lines = panelLines(essay, {width: 24, theme: mono, focused: false, collapsed: false}).map((l) => lineText(l).slice(2, -2).trimEnd());
    const heading = lines.slice(1, lines.findIndex((l, i) => i > 0 && l === ''));
    expect(heading.length).toBeGreaterThan(1);
    const first = heading[0]!.indexOf('1. ');
    for (const line of heading.slice(1)) expect(line, line).toMatch(new RegExp(`^ {${first + 3}}\\S`));
    expect(heading.map((l) => l.trim()).join(' ').replace(/^(▾ |▸ )/, '')).toBe(essay.title);
  });
  it('an empty keyword draws no badge, and a block of only empty keywords no row at all', () => {
    const entry = (keywords: string[]): Entry => ({kind: 'project', title: 'P', blocks: [{kind: 'text', text: 'd'}, {kind: 'tags', label: 'Keywords', items: keywords}], children: []});
    const drawn = (keywords: string[]) => panelLines(entry(keywords), {width: 30, theme: mono, focused: false, collapsed: false}).map(lineText);
    const none = drawn([]);
    expect(drawn(['', ' '])).toEqual(none);
    expect(none.slice(1, -1).map((l) => l.slice(2, -2).trim())).toEqual(['▾ P', '', 'd']);
    expect(drawn(['', 'Go', '']).slice(1, -1).map((l) => l.slice(2, -2).trim())).toEqual(['▾ P', '', 'd', '', '[Go]']);
  });
  it('folding a project leaves its title and badges only', () => {
    const open = panelLines(work.entries[0]!.children[0]!, {width: 60, theme: mono, focused: false, collapsed: false});
    const folded = panelLines(work.entries[0]!.children[0]!, {width: 60, theme: mono, focused: false, collapsed: true});
    expect(folded.length).toBeLessThan(open.length);
    expect(folded.map(lineText).join('\n')).toContain('[Kafka]');
    // The first highlight ("Kafka 토픽 설계와 파티션 키 선정으로 …") is shown open, not folded.
    expect(open.map(lineText).join('\n')).toContain('파티션');
    expect(folded.map(lineText).join('\n')).not.toContain('파티션');
  });
});

describe('chrome', () => {
  it('shortens section tabs to fit, keeping the current tab and its neighbours', () => {
    const titles = doc.sections.map((s) => s.title);
    for (const width of [40, 60, 80, 120]) {
      const bar = sectionBar(titles, 1, width);
      expect(lineWidth(bar)).toBeLessThanOrEqual(width);
      for (const n of ['1', '2', '3']) expect(lineText(bar)).toContain(` ${n} `);
      expect(bar.find((s) => s.style === 'tabActive')!.text).toContain('2');
    }
  });
  it('status bar: hints from the keymap and the position, exactly as wide as the screen', () => {
    for (const width of [40, 80]) {
      const bar = statusBar(['nextSection', 'down', 'toggle', 'help', 'quit'], '42%', width);
      expect(lineWidth(bar)).toBe(width);
      expect(lineText(bar)).toMatch(/ 42% $/);
      expect(lineText(bar)).toContain('q quit');
    }
  });
  it('the help lists every binding of the keymap, a long description wrapped under itself, never cut', () => {
    for (const width of [40, 80]) {
      const lines = helpLines(width).map(lineText);
      for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(width);
      const text = lines.map((l) => l.trim()).join(' ');
      for (const binding of KEYMAP) expect(text, `${width} columns`).toContain(describeCommand(binding.command));
      expect(text).not.toContain('…');
    }
  });
  it('the help says what the mouse does: the wheel scrolls, a click opens a tab, focuses a panel, unfolds the header', () => {
    const lines = helpLines(80).map((l) => lineText(l).trim());
    const mouse = lines.slice(lines.indexOf('Mouse')).join(' ');
    expect(lines).toContain('Mouse');
    expect(mouse).toMatch(/wheel +scroll/);
    expect(mouse).toMatch(/click +a tab opens its section, a panel takes the focus, the header unfolds/);
  });
});

describe('frames', () => {
  const builder = new FrameBuilder(doc, mono);
  it('are as many lines as the terminal has rows, never wider than the terminal, at every size from 40×10 to 200×60', () => {
    for (const [width, rows] of [[40, 10], [50, 16], [80, 24], [100, 30], [120, 40], [200, 60]] as const) {
      const reduce = createReducer(builder.env());
      let state = initialState(doc.sections.length, {width, rows});
      for (const command of ['nextSection', 'nextSection', 'bottom', 'help'] as const) {
        const frame = builder.build(state);
        expect(frame.length).toBe(rows);
        for (const line of frame) expect(lineWidth(line)).toBeLessThanOrEqual(width);
        state = reduce(state, {type: 'command', command});
      }
    }
  });
  it('below the minimum, say so in lines that fit', () => {
    for (const [width, rows] of [[39, 10], [40, 9], [20, 5], [10, 3]] as const) {
      const frame = builder.build(initialState(count, {width, rows}));
      expect(isTooSmall({width, rows})).toBe(true);
      expect(frame.map(lineText).join(' ')).toContain('enlarge');
      expect(frame.length).toBeLessThanOrEqual(Math.max(1, rows));
      for (const line of frame) expect(lineWidth(line)).toBeLessThanOrEqual(width);
    }
    expect(isTooSmall({width: MIN_SIZE.width, rows: MIN_SIZE.rows})).toBe(false);
  });
  it('drawn again after a flip through every section or a move of the focus and back, are made of the same lines (their styled strings are kept), with the same text', () => {
    // A fresh builder: the wide layout (organization beside its panels) composes its rows.
    const fresh = new FrameBuilder(doc, mono);
    const reduce = createReducer(fresh.env());
    for (const screen of [{width: 120, rows: 40}, {width: 80, rows: 24}]) {
      let state = initialState(doc.sections.length, screen);
      state = reduce(state, {type: 'command', command: 'down'});
      const first = fresh.build(state);
      let flipped = state;
      for (let i = 0; i < doc.sections.length; i++) flipped = reduce(flipped, {type: 'command', command: 'nextSection'});
      expect(flipped.section).toBe(state.section);
      const again = fresh.build(flipped);
      expect(again.map(lineText)).toEqual(first.map(lineText));
      again.forEach((line, row) => {
        if (line.length > 0) expect(line, `row ${row} at ${screen.width}×${screen.rows}`).toBe(first[row]);
      });
      // The focus moved: the panels' rows are drawn anew (focused borders); moved back, they are
      // the rows drawn before, as the same objects.
      const down = reduce(flipped, {type: 'command', command: 'down'});
      const moved = fresh.build(down);
      expect(moved.map(lineText)).not.toEqual(first.map(lineText));
      const back = fresh.build(flipped);
      back.forEach((line, row) => {
        if (line.length > 0) expect(line, `row ${row} at ${screen.width}×${screen.rows}, focus back`).toBe(again[row]);
      });
    }
  });
  it('show only the visible slice of a section', () => {
    const screen = {width: 80, rows: 24};
    const state = initialState(count, screen);
    const all = builder.section(state).length;
    expect(all).toBeGreaterThan(builder.regions(0, screen).body.height);
    expect(builder.build(state).length).toBe(24);
  });
});

describe('lazy measuring', () => {
  const many = (n: number) => ({
    id: 'work' as const,
    title: 'Work',
    entries: [{kind: 'organization' as const, title: 'Co', blocks: [], children: Array.from({length: n}, (_, i) => ({kind: 'project' as const, title: `Project ${i}`, blocks: [{kind: 'list' as const, label: 'What did I do', items: ['a bullet', '두 번째 항목']}], children: []}))}],
  });
  it('draws the first lines of a long section without measuring the rest; the length measures all', () => {
    for (const width of [80, 120]) {
      const layout = layoutSection(many(1000), {width, theme: mono, collapsed: new Set()});
      expect(lineText(layout.line(0, 0))).toContain('Co');
      expect(layout.measured).toBe(false);
      expect(layout.measuredPanel(999)).toBeUndefined();
      const total = layout.length;
      expect(layout.measured).toBe(true);
      expect(layout.panels).toHaveLength(1000);
      expect(total).toBe(layout.panels.at(-1)!.end);
    }
  });
  it('measures as far as the line asked for, and draws the same lines as a whole measurement', () => {
    const lazy = layoutSection(many(50), {width: 120, theme: mono, collapsed: new Set()});
    const whole = layoutSection(many(50), {width: 120, theme: mono, collapsed: new Set()});
    whole.complete();
    for (const i of [0, 1, 7, 40, 200, 400]) expect(lineText(lazy.line(i, 3))).toBe(lineText(whole.line(i, 3)));
  });
  it('an ordinary section is measured whole before its first frame: its position is a percentage', () => {
    const builder = new FrameBuilder(doc, mono);
    const frame = builder.build(initialState(count, {width: 80, rows: 24}));
    expect(lineText(frame.at(-1)!)).toMatch(/ 0% $/);
  });
});

describe('for a screen reader (Theme.linear)', () => {
  const reader = createTheme({color: false, ascii: false, reader: true});
  const texts = (theme: typeof mono, width: number) => allLines(layoutSection(work, {width, theme, collapsed: new Set()}), 0).map(lineText);

  it('lays a wide terminal out in one column, in reading order: each organization, then its projects', () => {
    const wide = texts(mono, 120);
    const linear = texts(reader, 120);
    const org = work.entries.find((e) => e.children && e.children.length > 0)!;
    const project = org.children![0]!.title;
    // Side by side (the default at 120 columns), the organization's name and its first project's title share no row order.
    const row = (lines: string[], text: string) => lines.findIndex((l) => l.includes(text));
    expect(row(wide, org.title)).toBeGreaterThanOrEqual(0);
    expect(row(linear, org.title)).toBeLessThan(row(linear, project));
    // Nothing is drawn beside the organization's own lines: its title starts a row of its own.
    expect(linear[row(linear, org.title)]!.trim()).toBe(org.title);
  });

  it('draws no box lines and no fold markers, only text (a screen reader reads every glyph)', () => {
    for (const width of [60, 120]) {
      const all = texts(reader, width).join('\n');
      expect(all).not.toMatch(/[─│╭╮╰╯━┃┏┓┗┛▸▾•+|#=]/);
      expect(all).toContain(work.entries[0]!.title);
    }
    expect(texts(mono, 120).join('\n')).toMatch(/[│▾]/);
  });
});
