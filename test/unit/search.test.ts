import {describe, expect, it} from 'vitest';
import {lineText, span} from '../../src/ui/layout/lines';
import {deleteBack, deleteForward, emptySearch, findAll, highlight, insertText, moveCursor, searchLine, searchSummary} from '../../src/ui/search';
import {FrameBuilder} from '../../src/ui/frame';
import {createReducer, initialState, type Action, type NavState} from '../../src/ui/state';
import {createTheme} from '../../src/theme/theme';
import {cellWidth} from '../../src/text/width';
import {fixtureDocument} from '../helpers/resume';
import {namesSection, sectionNames} from '../../src/document/select';

describe('matching', () => {
  it('is case-insensitive', () => {
    expect(findAll('Kafka 세팅, kafka', 'KAFKA')).toEqual([[0, 5], [10, 15]]);
  });
  it('matches Hangul typed as jamo-composed or precomposed (NFC)', () => {
    const decomposed = '데이터'.normalize('NFD');
    expect(decomposed).not.toBe('데이터');
    expect(findAll('센서 데이터를', decomposed)).toEqual([[3, 6]]);
    expect(findAll('센서 데이터를', '데이터')).toEqual([[3, 6]]);
  });
  it('finds nothing for an empty query, and every occurrence otherwise', () => {
    expect(findAll('abc', '')).toEqual([]);
    expect(findAll('aaaa', 'aa')).toEqual([[0, 2], [2, 4]]);
  });
  it('highlights across span boundaries and keeps the text', () => {
    const line = [span('Spark 및 Tri', 'plain'), span('no 최적화', 'heading')];
    const out = highlight(line, 'trino');
    expect(lineText(out)).toBe(lineText(line));
    expect(out.filter((s) => s.style === 'match').map((s) => s.text)).toEqual(['Tri', 'no']);
  });
});

describe('the search line', () => {
  it('inserts and deletes whole graphemes, Hangul included', () => {
    let s = insertText(emptySearch(), '데이');
    s = insertText(s, '터');
    expect(s.query).toBe('데이터');
    expect(s.cursor).toBe(3);
    s = moveCursor(s, 1);
    s = insertText(s, 'A');
    expect(s.query).toBe('데A이터');
    expect(deleteBack(s).query).toBe('데이터');
    expect(deleteBack(moveCursor(s, 0))).toEqual(moveCursor(s, 0));
    // Delete takes the grapheme after the cursor, which stays where it is: /abc, ←, Delete → /ab.
    const abc = moveCursor(insertText(emptySearch(), 'abc'), 2);
    expect(deleteForward(abc)).toMatchObject({query: 'ab', cursor: 2});
    expect(deleteForward(moveCursor(s, 1))).toMatchObject({query: '데이터', cursor: 1});
    expect(deleteForward(moveCursor(s, 4))).toEqual(moveCursor(s, 4));
  });
  it('places the cursor by display width and never overflows', () => {
    const s = moveCursor(insertText(emptySearch(), '대시보드 API'), 2);
    const line = searchLine(s, 40);
    const cursorAt = line.findIndex((p) => p.style === 'cursor');
    expect(line[cursorAt]!.text).toBe('보');
    expect(cellWidth(line.slice(0, cursorAt).map((p) => p.text).join(''))).toBe(5); // "/" + two syllables
    const long = insertText(emptySearch(), '한'.repeat(100));
    expect(cellWidth(lineText(searchLine(long, 40)))).toBeLessThanOrEqual(40);
  });
  it('summarizes results', () => {
    expect(searchSummary({...emptySearch(), query: 'Kafka', matches: [{section: 0, line: 1, panel: 0}, {section: 0, line: 2, panel: 0}], current: 1})).toBe('2/2 "Kafka"');
    expect(searchSummary({...emptySearch(), query: 'zzz'})).toBe('no match for "zzz"');
  });
});

describe('searching the résumé', () => {
  // test/fixtures/jiwoo.json. "Airflow" is in it four times: 데이터 품질 모니터링 시스템's and 정산 배치 이관's
  // keywords, a 한빛커머스 highlight, a skill's keywords. "지연" five times, the last in the essay (section 10).
  const doc = fixtureDocument('jiwoo');
  const count = doc.sections.length;
  const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
  const screen = {width: 80, rows: 24};
  const act = (state: NavState, ...actions: Action[]) => actions.reduce(createReducer(builder.env()), state);
  const start = () => initialState(count, screen);

  it('Airflow: Enter jumps to the data quality project, whose panel takes the focus', () => {
    const s = act(start(), {type: 'command', command: 'search'}, {type: 'text', text: 'Airflow'}, {type: 'edit', key: 'submit'});
    expect(s.search?.matches.length).toBe(4);
    expect(s.search?.current).toBe(0);
    const frame = builder.build(s).map(lineText).join('\n');
    // The match is in the project's badges (its keywords), scrolled into view.
    expect(frame).toContain('[Airflow] [데이터 품질 검사] [BigQuery]');
    expect(frame).toContain('1/4 "Airflow"');
    expect(builder.section(s).panels[s.focus[0]!]!.entry).toBe(doc.sections[0]!.entries[0]!.children[1]);
    expect(builder.section(s).panels[s.focus[0]!]!.entry.title).toBe('데이터 품질 모니터링 시스템');
  });
  it.each([[80, 24], [100, 30], [60, 12]] as const)('at %i×%i every jump shows its match and, where the two fit on screen together, its panel\'s title', (width, rows) => {
    const here = {width, rows};
    for (const query of ['Airflow', '지연', '데이터', 'Kafka']) {
      let s = act(initialState(count, here), {type: 'command', command: 'search'}, {type: 'text', text: query}, {type: 'edit', key: 'submit'});
      const total = s.search!.matches.length;
      for (let i = 0; i < total; i++, s = act(s, {type: 'command', command: 'nextMatch'})) {
        const match = s.search!.matches[s.search!.current]!;
        if (match.section < 0) continue;
        const g = builder.geometry(s);
        const offset = s.offset[s.section]!;
        expect(match.line, `${query} ${i + 1}/${total}: the match on screen`).toBeGreaterThanOrEqual(offset);
        expect(match.line).toBeLessThan(offset + g.height);
        const panel = g.panels[match.panel];
        if (!panel || match.line - panel.start >= g.height) continue;
        expect(s.focus[s.section], `${query} ${i + 1}/${total}: its panel focused`).toBe(match.panel);
        expect(panel.start + 1, `${query} ${i + 1}/${total}: the title row on screen`).toBeGreaterThanOrEqual(offset);
      }
    }
  });
  it('n and N walk the matches, wrapping, across sections', () => {
    let s = act(start(), {type: 'command', command: 'search'}, {type: 'text', text: '지연'}, {type: 'edit', key: 'submit'});
    const total = s.search!.matches.length;
    expect(total).toBe(5);
    expect(new Set(s.search!.matches.map((m) => m.section)).size).toBeGreaterThan(1);
    s = act(s, {type: 'command', command: 'prevMatch'});
    expect(s.search!.current).toBe(total - 1);
    expect(s.section).toBe(9);
    s = act(s, {type: 'command', command: 'nextMatch'});
    expect(s.search!.current).toBe(0);
  });
  it('Esc clears the search, and a second Esc does not quit', () => {
    const s = act(start(), {type: 'command', command: 'search'}, {type: 'text', text: 'Kafka'}, {type: 'edit', key: 'submit'});
    const cleared = act(s, {type: 'command', command: 'back'});
    expect(cleared.search).toBeUndefined();
    expect(cleared.quit).toBe(false);
    const again = act(cleared, {type: 'command', command: 'back'});
    expect(again.quit).toBe(false);
    expect(again.section).toBe(cleared.section);
    expect(again.offset).toEqual(cleared.offset);
  });
  it('searches folded details too, unfolding only the panel it jumps into; Esc folds it again', () => {
    let s = act(start(), {type: 'command', command: 'toggleAll'});
    // The three projects under jiwoo's organizations fold.
    expect(s.collapsed.size).toBe(3);
    const folded = new Set(s.collapsed);
    // "체크포인트" is only in a highlight of 배송 이벤트 실시간 수집 파이프라인: hidden when folded.
    expect(builder.build(s).map(lineText).join('\n')).not.toContain('체크포인트');
    s = act(s, {type: 'command', command: 'search'}, {type: 'text', text: '체크포인트'}, {type: 'edit', key: 'submit'});
    expect(s.search?.matches.length).toBe(1);
    // Only the panel holding the match is unfolded; the reader's other folds stay.
    expect(s.collapsed.size).toBe(2);
    expect(s.search?.unfolded?.map((e) => e.title)).toEqual(['배송 이벤트 실시간 수집 파이프라인']);
    expect(builder.build(s).map(lineText).join('\n')).toContain('체크포인트');
    // Esc closes the search and folds back what it unfolded: the reader's three folds again.
    s = act(s, {type: 'command', command: 'back'});
    expect(s.search).toBeUndefined();
    expect(s.collapsed).toEqual(folded);
  });

  it('a match in an unfolded panel leaves every fold as it was, and Esc changes none', () => {
    let s = act(start(), {type: 'command', command: 'toggleAll'});
    const folded = new Set(s.collapsed);
    // The name is in the header: no panel to unfold.
    s = act(s, {type: 'command', command: 'search'}, {type: 'text', text: '한지우'}, {type: 'edit', key: 'submit'});
    expect(s.search?.matches.length).toBeGreaterThan(0);
    expect(s.collapsed).toEqual(folded);
    s = act(s, {type: 'command', command: 'back'});
    expect(s.collapsed).toEqual(folded);
  });

  it('Ctrl-C (the quit command) quits while the search line is open', () => {
    const s = act(start(), {type: 'command', command: 'search'}, {type: 'text', text: 'Kaf'}, {type: 'command', command: 'quit'});
    expect(s.quit).toBe(true);
  });

  it('typing in the search line is text, not commands', () => {
    const s = act(start(), {type: 'command', command: 'search'}, {type: 'text', text: 'q'});
    expect(s.quit).toBe(false);
    expect(s.search?.query).toBe('q');
  });
  it('highlights every visible occurrence in the frame', () => {
    const s = act(start(), {type: 'command', command: 'search'}, {type: 'text', text: '데이터'}, {type: 'edit', key: 'submit'});
    const frame = builder.build(s);
    const marked = frame.flatMap((l) => l.filter((p) => p.style === 'match').map((p) => p.text));
    expect(marked.length).toBeGreaterThan(1);
    expect(new Set(marked)).toEqual(new Set(['데이터']));
  });
});

describe('a section found by what it holds', () => {
  // test/fixtures/jiwoo.json: its education and military service in `personal`, titled 학력 · 병역.
  const doc = fixtureDocument('jiwoo');
  const personal = doc.sections.findIndex((s) => s.id === 'personal');
  const essays = doc.sections.findIndex((s) => s.id === 'essays');
  const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
  const screen = {width: 80, rows: 24};
  const act = (state: NavState, ...actions: Action[]) => actions.reduce(createReducer(builder.env()), state);
  const search = (query: string) => act(initialState(doc.sections.length, screen), {type: 'command', command: 'search'}, {type: 'text', text: query}, {type: 'edit', key: 'submit'});

  it('its id, a kind of entry it holds, a title word, a word readers use: each names it', () => {
    expect(personal).toBeGreaterThan(0);
    for (const query of ['personal', 'education', 'Educations', 'service', 'GPA', '학력', '병역', 'educ']) {
      expect(namesSection(doc, personal, query), query).toBe(true);
    }
    expect(namesSection(doc, essays, 'essay')).toBe(true);
    // Too short to be the start of a name, or no name at all.
    for (const query of ['e', 'ed', 'Kafka', '']) expect(namesSection(doc, personal, query), query).toBe(false);
    expect(namesSection(doc, essays, 'education')).toBe(false);
  });

  it("the résumé's language gives its words: 学歴 and 成績 in Japanese, Education in English too", () => {
    const ja = fixtureDocument('lang/ja');
    const index = ja.sections.findIndex((s) => s.id === 'personal');
    expect(sectionNames(ja, index)).toEqual(expect.arrayContaining(['学歴', '成績', 'education', 'gpa']));
    expect(namesSection(ja, index, '学歴')).toBe(true);
    expect(namesSection(fixtureDocument('ada'), fixtureDocument('ada').sections.findIndex((s) => s.id === 'personal'), '학력')).toBe(false);
  });

  it('/education: the first match is the section, at its top, with nothing on it highlighted', () => {
    const s = search('education');
    expect(s.search!.matches[0]).toEqual({section: personal, line: 0, panel: -1, named: true});
    expect(s.section).toBe(personal);
    expect(s.offset[personal]).toBe(0);
    const frame = builder.build(s).map(lineText).join('\n');
    expect(frame).toContain(`1/${s.search!.matches.length} "education"`);
    expect(builder.build(s).flat().some((span) => span.style === 'matchCurrent')).toBe(false);
  });

  it('/GPA and /학력 find it too; a word in the text keeps its own matches after it', () => {
    expect(search('GPA').search!.matches).toEqual([{section: personal, line: 0, panel: -1, named: true}]);
    const hangul = search('학력').search!;
    expect(hangul.matches[0]).toMatchObject({section: personal, named: true});
    // Its text matches come after it, counted and highlighted as before.
    const withText = search('학점').search!;
    expect(withText.matches.filter((m) => !m.named).length).toBeGreaterThan(0);
    expect(withText.matches.findIndex((m) => m.named)).toBeLessThan(withText.matches.findIndex((m) => !m.named && m.section === personal));
  });
});
