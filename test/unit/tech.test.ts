import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import {findSection, onlySection, sectionChoices, techDocument} from '../../src/document/select';
import {closeMatches, findTech, techIndex} from '../../src/document/tech';
import {distance} from '../../src/resume/distance';
import {FrameBuilder} from '../../src/ui/frame';
import {lineText} from '../../src/ui/layout/lines';
import {createReducer, initialState, type NavState} from '../../src/ui/state';
import {LIST_HEADER, openTech, reduceTech} from '../../src/ui/tech';
import {createTheme} from '../../src/theme/theme';
import type {Command} from '../../src/ui/keymap';
import {fixtureDocument, fixtureResume} from '../helpers/resume';
import {cellWidth} from '../../src/text/width';
import {largeResume} from '../helpers/large';
import {fold} from '../../src/document/present';

// test/fixtures/jiwoo.json: Airflow is the only technology two projects list (정산 배치 이관 at 한빛커머스,
// 데이터 품질 모니터링 시스템 at 주식회사 바다물류); Kafka, also a skill keyword, one project.
const doc = fixtureDocument('jiwoo');
const count = doc.sections.length;
const index = techIndex(doc);
const titles = (name: string) => findTech(index, name)!.projects.map((p) => p.entry.title);

describe('tech index', () => {
  it('counts the projects that use each technology, most used first', () => {
    expect(index[0]!.name).toBe('Airflow');
    expect(titles('airflow')).toEqual(['데이터 품질 모니터링 시스템', '정산 배치 이관']);
    expect(titles('Kafka')).toEqual(['배송 이벤트 실시간 수집 파이프라인']);
    expect(findTech(index, 'Kafka')!.projects[0]!.organization).toBe('주식회사 바다물류');
    expect(findTech(index, 'Python')!.projects[0]!.organization).toBeUndefined();
    // Every project keyword and skill keyword of the fixture, each once.
    const resume = fixtureResume('jiwoo');
    const total = new Set([...(resume.projects ?? []), ...(resume.skills ?? [])].flatMap((p) => p.keywords ?? [])).size;
    expect(total).toBe(12);
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
    expect(distance('airflw', 'airflow')).toBe(1);
    expect(closeMatches(index.map((t) => t.name), 'airflw')).toEqual(['Airflow']);
    expect(closeMatches(index.map((t) => t.name), 'sql')).toEqual(['SQL 튜닝', 'PostgreSQL']);
    expect(closeMatches(index.map((t) => t.name), '데이터')).toEqual(['데이터 레이크', '데이터 품질 검사']);
    expect(closeMatches(index.map((t) => t.name), 'zzzzzzzz')).toEqual([]);
  });
  it('builds a document of the projects that use a technology', () => {
    const printed = techDocument(doc, findTech(index, 'Airflow')!);
    expect(printed.sections).toHaveLength(1);
    expect(printed.sections[0]!.title).toBe('Airflow: 2 projects');
    expect(printed.sections[0]!.entries.map((e) => e.subtitle)).toEqual(['주식회사 바다물류', '한빛커머스']);
    expect(techDocument(doc, findTech(index, 'Kafka')!).sections[0]!.title).toBe('Kafka: 1 project');
  });
});

describe('tech index at scale', () => {
  it('lists each project once per technology, in document order, however many share it', () => {
    const {json} = largeResume({projects: 300, bullets: 1});
    const resume = JSON.parse(json);
    // Every third project lists a technology twice, in two spellings; every fifth one of its own.
    resume.projects.forEach((p: {keywords: string[]}, i: number) => {
      if (i % 3 === 0) p.keywords.push('redis', 'FASTAPI');
      if (i % 5 === 0) p.keywords.push(`Tool ${i}`);
    });
    resume.skills = [{name: 'Data', keywords: ['Trino', 'trino', 'Spark']}, {name: 'Ops', keywords: ['Kubernetes']}, {name: 'Data', keywords: ['Spark']}];
    const big = toDocument(resume);
    const idx = techIndex(big);
    // What the index must say, worked out here from the résumé itself.
    const names = resume.projects.map((p: {name: string}) => p.name);
    for (const tech of ['FastAPI', 'Trino', 'Redis', 'Kubernetes', 'Python']) {
      const entry = findTech(idx, tech)!;
      expect(entry.name).toBe(tech);
      expect(entry.projects.map((p) => p.entry.title)).toEqual(names);
      expect(entry.projects.every((p) => p.organization === 'Scale Test Corp.')).toBe(true);
    }
    expect(findTech(idx, 'tool 15')!.projects.map((p) => p.entry.title)).toEqual([names[15]]);
    expect(findTech(idx, 'trino')!.skills).toEqual(['Data']);
    expect(findTech(idx, 'spark')!.skills).toEqual(['Data']);
    expect(findTech(idx, 'kubernetes')!.skills).toEqual(['Ops']);
    expect(idx).toHaveLength(5 + 60 + 1);
    expect(new Set(idx.map((t) => fold(t.name))).size).toBe(idx.length);
    // Most used first, then by name.
    expect(idx.slice(0, 5).map((t) => t.name)).toEqual(['FastAPI', 'Kubernetes', 'Python', 'Redis', 'Trino']);
    expect(idx.at(-1)!.name).toBe('Spark');
  });
});

describe('sections by name', () => {
  it('finds a section by number, id or the start of its title', () => {
    // jiwoo's sections: 경력, 개인 프로젝트, 봉사 활동, 학력 · 병역, 수상, 자격증, 기술, 언어, 관심사, 에세이.
    expect(findSection(doc, '2')).toBe(1);
    expect(findSection(doc, 'work')).toBe(0);
    expect(findSection(doc, 'Personal')).toBe(3);
    expect(findSection(doc, '개인')).toBe(1);
    expect(findSection(doc, '병역')).toBe(3);
    expect(findSection(doc, 'essays')).toBe(9);
    expect(findSection(doc, '11')).toBe(-1);
    expect(findSection(doc, 'nope')).toBe(-1);
    expect(onlySection(doc, 9).sections.map((s) => s.id)).toEqual(['essays']);
  });

  it('finds a section by the kind of entry it holds, singular or plural (education is in personal)', () => {
    // jiwoo: work (projects under their employers), projects (the others), volunteer, personal
    // (education and x-service), …, essays (x-essays).
    expect(findSection(doc, 'education')).toBe(3);
    expect(findSection(doc, 'Service')).toBe(3);
    expect(findSection(doc, 'essay')).toBe(9);
    expect(findSection(doc, 'project')).toBe(1);
    expect(findSection(doc, 'projects')).toBe(1);
    expect(findSection(doc, 'volunteers')).toBe(2);
    // Without a section of its own, projects are found under work.
    const noOwnProjects = {...doc, sections: doc.sections.filter((s) => s.id !== 'projects')};
    expect(findSection(noOwnProjects, 'projects')).toBe(0);
    expect(sectionChoices(noOwnProjects)).toMatch(/^1 work \(projects\), 2 volunteer, 3 personal \(education, service\), /);
  });
});

describe('the index overlay', () => {
  const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
  const screen = {width: 100, rows: 30};
  const reduce = createReducer(builder.env());
  const press = (state: NavState, ...commands: Command[]) => commands.reduce((s, command) => reduce(s, {type: 'command', command}), state);

  it('t opens it at the top, on the most used technology (the focused project’s are marked, not selected); Esc closes it', () => {
    const s = press(initialState(count, screen), 'techIndex');
    expect(s.tech!.selected).toBe(0);
    expect(index[0]!.name).toBe('Airflow');
    expect(press(s, 'back').tech).toBeUndefined();
    expect(press(s, 'back').quit).toBe(false);
  });
  it('Enter on Airflow shows exactly its two projects; Esc goes back to the list', () => {
    let s = press(initialState(count, screen), 'techIndex', 'top', 'toggle');
    expect(s.tech!.chosen).toBe('Airflow');
    const text = builder.build({...s, screen: {width: 100, rows: 200}}).map(lineText).join('\n');
    expect(text).toContain('Airflow: 2 projects');
    for (const title of ['데이터 품질 모니터링 시스템', '정산 배치 이관']) expect(text).toContain(title);
    expect(text).not.toContain('배송 이벤트 실시간 수집 파이프라인');
    s = press(s, 'back');
    expect(s.tech!.chosen).toBeUndefined();
  });
  it('a technology only a skill lists counts that skill, and Enter shows it (not 0 and nothing)', () => {
    const at = index.findIndex((t) => t.name === 'SQL 튜닝');
    expect(index[at]!.projects).toHaveLength(0);
    let s = press(initialState(count, {width: 100, rows: 200}), 'techIndex');
    const row = builder.build(s).map(lineText).find((l) => l.slice(2).startsWith('SQL 튜닝'))!;
    expect(row).toMatch(/^. SQL 튜닝\s+1 {2}skill: /);
    for (let i = 0; i < at; i++) s = press(s, 'down');
    s = press(s, 'toggle');
    expect(s.tech!.chosen).toBe('SQL 튜닝');
    const text = builder.build(s).map(lineText).join('\n');
    expect(text).toContain('SQL 튜닝: 1 skill');
    expect(text).toContain(index[at]!.skills[0]!);
  });
  it('moves the selection within the list and keeps it in view', () => {
    const small = {width: 60, rows: 12};
    let s = reduce(initialState(count, small), {type: 'command', command: 'techIndex'});
    for (let i = 0; i < 30; i++) s = reduce(s, {type: 'command', command: 'down'});
    expect(s.tech!.selected).toBe(index.length - 1);
    const frame = builder.build(s).map(lineText);
    expect(frame.some((l) => l.startsWith('▸ ') && l.includes(index.at(-1)!.name))).toBe(true);
  });
  it('q quits and t closes from anywhere in the overlay', () => {
    const open = openTech(index);
    const state = {...initialState(count, screen), tech: open};
    const g = builder.geometry(state);
    const context = builder.env().tech!;
    // q is the reducer's, before any overlay: in the list and in a technology's projects alike.
    expect(press(state, 'quit').quit).toBe(true);
    const chosen = {...open, chosen: 'Airflow'};
    expect(press({...state, tech: chosen}, 'quit').quit).toBe(true);
    expect(reduceTech({...state, tech: chosen}, chosen, 'techIndex', context, g).tech).toBeUndefined();
    expect(reduceTech(state, open, 'back', context, g).tech).toBeUndefined();
  });
});

describe('scrolling the index', () => {
  const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
  const reduce = createReducer(builder.env());
  const press = (state: NavState, ...commands: Command[]) => commands.reduce((s, command) => reduce(s, {type: 'command', command}), state);

  it('in a technology’s projects, G and the wheel stop at the same place: the last line on the last row', () => {
    const screen = {width: 60, rows: 14};
    const chosen = press(initialState(count, screen), 'techIndex', 'top', 'toggle');
    expect(chosen.tech!.chosen).toBe('Airflow');
    const rows = builder.regions(0, screen).body.height - 1;
    const length = builder.techLayout('Airflow', screen.width).length;
    expect(length).toBeGreaterThan(rows);
    const bottom = press(chosen, 'bottom');
    let wheeled = chosen;
    for (let i = 0; i < length; i++) wheeled = reduce(wheeled, {type: 'scroll', delta: 3});
    expect(bottom.tech!.projectsOffset).toBe(length - rows);
    expect(wheeled.tech!.projectsOffset).toBe(length - rows);
    expect(press(bottom, 'down', 'pageDown', 'halfDown').tech!.projectsOffset).toBe(length - rows);
    // The frame's last body row is the layout's last line (the bottom border of the last project,
    // which G focused: drawn heavy, as a focused panel is in a section), and the position 100%.
    const frame = builder.build(bottom).map(lineText);
    const body = builder.regions(0, screen).body;
    expect(frame[body.top + body.height - 1]!.trim()).toMatch(/^┗━+┛$/);
    expect(frame.at(-1)).toMatch(/100%\s*$/);
  });
  it('in a technology’s projects, ↓ and ↑ move the focus from panel to panel, as in a section; the wheel keeps it on a title seen', () => {
    const screen = {width: 60, rows: 14};
    const chosen = press(initialState(count, screen), 'techIndex', 'top', 'toggle');
    const panels = builder.techLayout('Airflow', screen.width).panels;
    expect(panels.length).toBeGreaterThanOrEqual(3);
    expect(chosen.tech!.projectsFocus).toBe(0);
    const rows = builder.regions(0, screen).body.height - 1;
    // Each ↓ either reads on in a panel taller than the screen or takes the next one, never skips one.
    let s = chosen;
    const seen = [0];
    for (let i = 0; i < 40 && s.tech!.projectsFocus < panels.length - 1; i++) {
      s = press(s, 'down');
      const {projectsFocus: focus, projectsOffset: offset} = s.tech!;
      if (focus !== seen.at(-1)) seen.push(focus);
      // The focused panel is on screen.
      expect(panels[focus]!.end).toBeGreaterThan(offset);
      expect(panels[focus]!.start).toBeLessThan(offset + rows);
    }
    expect(seen).toEqual(panels.map((_, i) => i));
    // ↑ comes back to the first; the frame draws the focused panel heavy, the others light.
    for (let i = 0; i < 40 && s.tech!.projectsFocus > 0; i++) s = press(s, 'up');
    expect(s.tech!.projectsFocus).toBe(0);
    expect(press(s, 'bottom').tech!.projectsFocus).toBe(panels.length - 1);
    const frame = builder.build(press(chosen, 'down')).map(lineText);
    expect(frame.filter((l) => l.includes('┏')).length).toBeLessThanOrEqual(1);
    // The wheel scrolls to the bottom: the focus follows onto a panel whose title is on screen.
    let wheeled = chosen;
    for (let i = 0; i < 40; i++) wheeled = reduce(wheeled, {type: 'scroll', delta: 3});
    const last = wheeled.tech!;
    expect(panels[last.projectsFocus]!.start + 1).toBeGreaterThanOrEqual(last.projectsOffset);
    expect(last.projectsFocus).toBeGreaterThan(0);
  });
  it('half a page moves the selection even when the list shows one row', () => {
    const state = {...initialState(count, {width: 60, rows: 14}), tech: openTech(index)};
    const g = {...builder.geometry(state), height: LIST_HEADER + 1};
    const context = builder.env().tech!;
    const down = reduceTech(state, state.tech, 'halfDown', context, g);
    expect(down.tech!.selected).toBe(1);
    expect(down.tech!.offset).toBe(1);
    expect(reduceTech(down, down.tech!, 'halfUp', context, g).tech!.selected).toBe(0);
  });
});

describe('the focused project in the index', () => {
  it('marks the technologies of the project focused when the index opened', () => {
    const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
    const screen = {width: 100, rows: 40};
    const s = createReducer(builder.env())(initialState(count, screen), {type: 'command', command: 'techIndex'});
    const rows = builder.build(s).map(lineText);
    // The selection (▸, the top row) is not one of them here, so each shows its bullet.
    expect(rows.find((l) => l.startsWith('▸ '))!.slice(2).split(/ {2,}/)[0]).toBe('Airflow');
    const marked = rows.filter((l) => l.startsWith('• ')).map((l) => l.slice(2).split(/ {2,}/)[0]);
    expect(new Set(marked)).toEqual(new Set(['Kafka', 'Flink', '데이터 레이크']));
  });
});

describe('the index in a narrow terminal, and the chosen technology', () => {
  const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
  const reduce = createReducer(builder.env());
  const press = (state: NavState, ...commands: Command[]) => commands.reduce((s, command) => reduce(s, {type: 'command', command}), state);
  // Every word the legend and the heading may show, as they read at full width.
  const LEGEND = 'Technologies (N)  Enter: its projects · Esc: close · • in the focused project';
  const HEADING = 'Airflow: 2 projects, 1 skill  Esc: back to the list';

  it.each([40, 50, 60, 80])('at %i columns the legend and the heading end in "…" when shortened, never mid-word', (width) => {
    const screen = {width, rows: 20};
    const list = press(initialState(count, screen), 'techIndex');
    const legend = lineText(builder.build(list)[builder.regions(0, screen).body.top]!).trimEnd();
    const chosen = press(list, 'top', 'toggle');
    expect(chosen.tech!.chosen).toBe('Airflow');
    const heading = lineText(builder.build(chosen)[builder.regions(0, screen).body.top]!).trimEnd();
    for (const [shown, full] of [[legend, LEGEND.replace('N', String(index.length))], [heading, HEADING]] as const) {
      expect(cellWidth(shown)).toBeLessThanOrEqual(width);
      if (shown === full) continue;
      expect(shown.endsWith('…'), shown).toBe(true);
      const words = shown.slice(0, -1).trim().split(/\s+/);
      // Every word whole, in the order of the full line.
      const fullWords = full.split(/\s+/);
      expect(words, shown).toEqual(fullWords.slice(0, words.length).map((w, i) => (i === words.length - 1 ? w.replace(/[·:,]+$/, '') || w : w)));
    }
  });
  it('marks the chosen technology\'s badge in every project shown, and no other badge', () => {
    const screen = {width: 100, rows: 40};
    const s = press(initialState(count, screen), 'techIndex', 'top', 'toggle');
    const spans = builder.build(s).flatMap((l) => l.filter((sp) => sp.badge !== undefined));
    const chosen = spans.filter((sp) => sp.chosen);
    // Its two projects, then the one skill that lists it.
    expect(chosen.map((sp) => sp.badge)).toEqual(['Airflow', 'Airflow', 'Airflow']);
    expect(spans.filter((sp) => !sp.chosen).every((sp) => sp.badge !== 'Airflow')).toBe(true);
    expect(spans.length).toBeGreaterThan(chosen.length);
  });
});

describe('--tech with --format json', () => {
  it('keeps basics, meta, exactly the projects that list it and their employers: a valid JSON Resume', async () => {
    const {resumeForTech} = await import('../../src/document/select');
    const {officialSchemaErrors} = await import('../helpers/schema');
    const resume = fixtureResume('jiwoo');
    // The source as written and the résumé as read are the same document here (no pre-1.0 names).
    const kept = resumeForTech({...resume}, resume, 'AIRFLOW') as typeof resume;
    expect(kept.basics).toEqual(resume.basics);
    expect(kept.meta).toEqual(resume.meta);
    expect(kept.projects!.map((p) => p.name)).toEqual(['데이터 품질 모니터링 시스템', '정산 배치 이관']);
    expect(kept.work!.map((w) => w.name)).toEqual(['주식회사 바다물류', '한빛커머스']);
    expect(kept.skills).toBeUndefined();
    expect(kept['x-essays']).toBeUndefined();
    expect(officialSchemaErrors(kept)).toEqual([]);
  });
});
