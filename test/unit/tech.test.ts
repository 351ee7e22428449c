import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {findSection, onlySection, techDocument} from '../../src/document/select';
import {closeMatches, distance, findTech, techIndex} from '../../src/document/tech';
import {FrameBuilder} from '../../src/ui/frame';
import {lineText} from '../../src/ui/layout/lines';
import {initialState, reduce, type NavState} from '../../src/ui/state';
import {openTech, reduceTech} from '../../src/ui/tech';
import {createTheme} from '../../src/ui/theme';
import type {Command} from '../../src/ui/keymap';
import {realDocument} from '../helpers/resume';

const doc = realDocument();
const index = techIndex(doc);
const titles = (name: string) => findTech(index, name)!.projects.map((p) => p.entry.title);

describe('tech index', () => {
  it('counts the projects that use each technology, most used first', () => {
    expect(index[0]!.name).toBe('Kubernetes');
    expect(titles('kubernetes')).toEqual(['대시보드 API 서버 구축', '알림 시스템 구축', '커머스 데이터 파이프라인 구축', '서드파티 권한 인증 서버 구축', '유지보수 및 모니터링']);
    expect(titles('Kafka')).toEqual(['IOT 센서 데이터 파이프라인 구축']);
    expect(findTech(index, 'Kafka')!.projects[0]!.organization).toBe('NC Lab');
    const total = new Set(doc.sections[0]!.entries.flatMap((e) => e.children.flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'tags' ? b.items : []))))).size;
    expect(index.length).toBe(total);
  });
  it('includes skills, case-insensitively merged with project technologies', () => {
    const withSkills = toDocument({
      skills: [{name: 'Backend', keywords: ['kafka', 'Rust']}],
      work: [{name: 'Co'}],
      projects: [{name: 'P', entity: 'Co', keywords: ['Kafka']}],
    });
    const idx = techIndex(withSkills);
    expect(findTech(idx, 'KAFKA')!.projects.map((p) => p.entry.title)).toEqual(['P']);
    expect(findTech(idx, 'kafka')!.skills).toEqual(['Backend']);
    expect(findTech(idx, 'rust')!.projects).toEqual([]);
  });
  it('suggests close names', () => {
    expect(distance('kubernets', 'kubernetes')).toBe(1);
    expect(closeMatches(index.map((t) => t.name), 'kubernets')).toEqual(['Kubernetes']);
    expect(closeMatches(index.map((t) => t.name), 'aws')).toEqual(['AwsS3', 'AwsSQS', 'AwsSecretManager']);
    expect(closeMatches(index.map((t) => t.name), 'zzzzzzzz')).toEqual([]);
  });
  it('builds a document of the projects that use a technology', () => {
    const printed = techDocument(doc, findTech(index, 'Kubernetes')!);
    expect(printed.sections).toHaveLength(1);
    expect(printed.sections[0]!.title).toBe('Kubernetes: 5 projects');
    expect(printed.sections[0]!.entries.every((e) => e.subtitle === 'Laplace Technologies, Inc.')).toBe(true);
  });
});

describe('sections by name', () => {
  it('finds a section by number, id or the start of its title', () => {
    expect(findSection(doc, '2')).toBe(1);
    expect(findSection(doc, 'work')).toBe(0);
    expect(findSection(doc, 'Personal')).toBe(1);
    expect(findSection(doc, 'achievements')).toBe(2);
    expect(findSection(doc, 'essays')).toBe(2);
    expect(findSection(doc, '4')).toBe(-1);
    expect(findSection(doc, 'nope')).toBe(-1);
    expect(onlySection(doc, 2).sections.map((s) => s.id)).toEqual(['essays']);
  });
});

describe('the index overlay', () => {
  const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
  const screen = {width: 100, rows: 30};
  const ctx = builder.techContext(() => screen);
  const press = (state: NavState, ...commands: Command[]) =>
    commands.reduce((s, command) => reduce(s, {type: 'command', command}, (st) => builder.geometry(st, screen), 3, () => [], ctx), state);

  it('t opens it on the focused project’s first technology; Esc closes it', () => {
    const s = press(initialState(3), 'techIndex');
    expect(index[s.tech!.selected]!.name).toBe('FastAPI');
    expect(press(s, 'back').tech).toBeUndefined();
    expect(press(s, 'back').quit).toBe(false);
  });
  it('Enter on Kubernetes shows exactly its five projects; Esc goes back to the list', () => {
    let s = press(initialState(3), 'techIndex', 'top', 'toggle');
    expect(s.tech!.chosen).toBe('Kubernetes');
    const text = builder.build(s, {width: 100, rows: 200}).map(lineText).join('\n');
    expect(text).toContain('Kubernetes: 5 projects');
    for (const title of titles('Kubernetes')) expect(text).toContain(title);
    expect(text).not.toContain('IOT 센서 데이터 파이프라인 구축');
    s = press(s, 'back');
    expect(s.tech!.chosen).toBeUndefined();
  });
  it('moves the selection within the list and keeps it in view', () => {
    const small = {width: 60, rows: 12};
    const g = (st: NavState) => builder.geometry(st, small);
    let s = reduce(initialState(3), {type: 'command', command: 'techIndex'}, g, 3, () => [], builder.techContext(() => small));
    for (let i = 0; i < 30; i++) s = reduce(s, {type: 'command', command: 'down'}, g, 3, () => [], builder.techContext(() => small));
    expect(s.tech!.selected).toBe(index.length - 1);
    const frame = builder.build(s, small).map(lineText);
    expect(frame.some((l) => l.startsWith('▸ ') && l.includes(index.at(-1)!.name))).toBe(true);
  });
  it('reduceTech: quit and t close or quit from anywhere', () => {
    const open = openTech(index);
    expect(reduceTech(open, 'quit', index, 10, 0)).toBe('quit');
    expect(reduceTech({...open, chosen: 'Go'}, 'techIndex', index, 10, 0)).toBe('close');
  });
});

describe('the focused project in the index', () => {
  it('marks the technologies of the project focused when the index opened', () => {
    const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
    const screen = {width: 100, rows: 40};
    const s = reduce(initialState(3), {type: 'command', command: 'techIndex'}, (st) => builder.geometry(st, screen), 3, () => [], builder.techContext(() => screen));
    const rows = builder.build(s, screen).map(lineText);
    const marked = rows.filter((l) => l.startsWith('• ') || l.startsWith('▸ ')).map((l) => l.slice(2).split(/ {2,}/)[0]);
    expect(new Set(marked)).toEqual(new Set(['FastAPI', 'Trino', 'Redis', 'Kubernetes', 'Python']));
  });
});
