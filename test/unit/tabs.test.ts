import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cellWidth} from '../../src/text/width';
import {ASCII, UNICODE, type Glyphs} from '../../src/theme/glyphs';
import {lineText, lineWidth, type Line} from '../../src/ui/layout/lines';
import {sectionBar} from '../../src/ui/layout/tabs';
import {FrameBuilder} from '../../src/ui/frame';
import {createReducer, initialState} from '../../src/ui/state';
import {createTheme} from '../../src/theme/theme';
import {fixtureDocument} from '../helpers/resume';

/** Section titles as résumés give them: English, Korean (two cells a syllable), emoji (a ZWJ sequence and a flag too). */
const TITLES: Record<string, string[]> = {
  English: [
    'Work Experience', 'Projects', 'Volunteer', 'Education', 'Awards', 'Certificates', 'Publications', 'Skills', 'Languages', 'Interests',
    'References', 'Essays', 'Open Source Contributions', 'Conference Talks', 'Teaching', 'Patents', 'Memberships', 'Military Service',
    'Hobbies and Side Projects', 'Personal Statement',
  ],
  Korean: [
    '경력', '개인 프로젝트', '봉사 활동', '학력 · 병역', '수상', '자격증', '출판물', '기술', '언어', '관심사',
    '추천인', '에세이', '오픈소스 기여', '발표', '강의', '특허', '단체 활동', '병역 특례', '취미와 사이드 프로젝트', '자기소개',
  ],
  emoji: [
    '💼 Work', '🚀 Projects', '🤝 Volunteer', '🎓 학력', '🏆 Awards', '📜 Certificates', '📚 Publications', '🛠 Skills', '🌍 Languages', '🎸 Interests',
    '👩‍💻 Open Source', '🇰🇷 한국 활동', '✍️ Essays', '🎤 Talks', '🍳 Cooking', '🧗 Climbing', '📷 Photography', '🎮 Games', '🧪 Research', '❤️ Causes',
  ],
};

interface Tab {
  number: number;
  name: string;
  active: boolean;
}

/** The bar read back: its tabs (number, name, current?) and whether each mark is there. */
function read(bar: Line, glyphs: Glyphs): {tabs: Tab[]; before: boolean; after: boolean} {
  const marks = bar.filter((s) => s.text === glyphs.moreBefore || s.text === glyphs.moreAfter);
  const tabs = bar
    .filter((s) => !marks.includes(s))
    .map((s) => {
      const match = /^ (\d+)(?: (.*))? $/su.exec(s.text);
      expect(match, `a tab is " N name ": ${JSON.stringify(s.text)}`).not.toBeNull();
      return {number: Number(match![1]), name: match![2] ?? '', active: s.style === 'tabActive'};
    });
  return {tabs, before: bar[0]?.text === glyphs.moreBefore, after: bar.at(-1)?.text === glyphs.moreAfter};
}

/** `name` names `title`: it is the title whole, or a start of it ending in the ellipsis. */
function names(name: string, title: string, glyphs: Glyphs): boolean {
  if (name === title) return true;
  if (!name.endsWith(glyphs.ellipsis)) return false;
  const kept = name.slice(0, -glyphs.ellipsis.length);
  return kept.trim() !== '' && title.startsWith(kept);
}

describe('the section bar', () => {
  const cases = Object.keys(TITLES).flatMap((language) =>
    [40, 60, 80, 120].flatMap((width) => [3, 7, 11, 20].map((count) => ({language, width, count}))),
  );
  it.each(cases)('$language, $count sections at $width columns: fits, names the current tab and its neighbours, scrolls with it', ({language, width, count}) => {
    const titles = TITLES[language]!.slice(0, count);
    const everyTitle = titles.reduce((sum, t, i) => sum + cellWidth(` ${i + 1} ${t} `), 0);
    for (const glyphs of [UNICODE, ASCII]) {
      for (let current = 0; current < count; current++) {
        const bar = sectionBar(titles, current, width, glyphs);
        const what = `${glyphs === ASCII ? 'ASCII ' : ''}tab ${current + 1}: ${JSON.stringify(lineText(bar))}`;
        expect(lineWidth(bar), what).toBeLessThanOrEqual(width);
        const {tabs, before, after} = read(bar, glyphs);
        // A window of consecutive tabs holding the current one; a mark on each side where tabs are hidden.
        const first = tabs[0]!.number;
        expect(tabs.map((t) => t.number), what).toEqual(tabs.map((_, i) => first + i));
        expect(tabs.filter((t) => t.active).map((t) => t.number), what).toEqual([current + 1]);
        expect(before, what).toBe(first > 1);
        expect(after, what).toBe(tabs.at(-1)!.number < count);
        // Every title fits: every tab, whole. Else every tab shown still has a name, whole or cut with the ellipsis.
        if (everyTitle <= width) expect(tabs.map((t) => t.name), what).toEqual(titles);
        for (const t of tabs) expect(names(t.name, titles[t.number - 1]!, glyphs), `${what}: tab ${t.number}`).toBe(true);
        // The neighbours are there (and so named).
        const shown = new Set(tabs.map((t) => t.number - 1));
        for (const neighbour of [current - 1, current + 1].filter((i) => i >= 0 && i < count)) expect(shown.has(neighbour), `${what}: neighbour ${neighbour + 1}`).toBe(true);
      }
    }
  });

  it('keeps two cells between tabs (each tab has a space on both sides of its number and name)', () => {
    const bar = sectionBar(TITLES.English!.slice(0, 11), 4, 80);
    for (const s of bar.filter((s) => s.text.length > 1)) expect(s.text, JSON.stringify(s.text)).toMatch(/^ \d+ .+ $/u);
    expect(lineText(bar)).toMatch(/Education {2}5 Awards {2}6 /);
  });

  it('at 80 columns with 11 sections reads as a window of named tabs, never bare numbers', () => {
    const titles = TITLES.English!.slice(0, 11);
    expect(lineText(sectionBar(titles, 0, 80))).toBe(' 1 Work Experience  2 Projects  3 Volunteer  4 Education  5 Awards  6 Certifi… ›');
    expect(lineText(sectionBar(titles, 5, 80))).toBe('‹ 4 Education  5 Awards  6 Certificates  7 Publications  8 Skills  9 Languages ›');
    expect(lineText(sectionBar(titles, 10, 80))).toBe('‹ 6 Certif…  7 Publications  8 Skills  9 Languages  10 Interests  11 References ');
    expect(lineText(sectionBar(titles, 5, 80, ASCII))).toBe('< 4 Education  5 Awards  6 Certificates  7 Publications  8 Skills  9 Languages >');
  });

  it('a click on a mark opens the nearest hidden tab', () => {
    const bar = sectionBar(TITLES.English!.slice(0, 11), 5, 80);
    expect(bar[0]).toMatchObject({text: '‹', tab: 2});
    expect(bar.at(-1)).toMatchObject({text: '›', tab: 9});
  });

  it('in the app, a click on ‹ or › opens the nearest hidden section (sections-11.json at 80 columns)', () => {
    const doc = fixtureDocument('sections-11');
    const builder = new FrameBuilder(doc, createTheme({color: false, ascii: false}));
    const reduce = createReducer(builder.env());
    const screen = {width: 80, rows: 24};
    const state = {...initialState(doc.sections.length, screen), section: 5};
    const {bar} = builder.regions(5, screen);
    expect(lineText(bar.line)).toMatch(/^‹ 4 .* ›$/);
    const [before, after] = [bar.tabs[0]!, bar.tabs.at(-1)!];
    expect([before.start, before.end, after.end]).toEqual([0, 1, lineWidth(bar.line)]);
    expect(reduce(state, {type: 'click', x: before.start, y: bar.row}).section).toBe(2);
    expect(reduce(state, {type: 'click', x: after.start, y: bar.row}).section).toBe(9);
  });

  it('cuts a current title too long for the bar, leaving its neighbours a name', () => {
    const titles = ['Before', 'A section whose title alone is wider than the whole terminal it is shown in', 'After'];
    const bar = sectionBar(titles, 1, 40);
    expect(lineWidth(bar)).toBeLessThanOrEqual(40);
    const {tabs} = read(bar, UNICODE);
    expect(tabs.map((t) => t.number)).toEqual([1, 2, 3]);
    expect(tabs[1]!.name).toMatch(/^A section whose.*…$/);
    for (const t of tabs) expect(names(t.name, titles[t.number - 1]!, UNICODE)).toBe(true);
  });

  it('never cuts a wide character in half: a Korean name cut is whole syllables and the ellipsis', () => {
    const titles = TITLES.Korean!;
    for (let current = 0; current < titles.length; current++) {
      for (const t of read(sectionBar(titles, current, 40), UNICODE).tabs) expect(names(t.name, titles[t.number - 1]!, UNICODE)).toBe(true);
    }
  });

  it('the marks are one cell, ASCII in ASCII', () => {
    for (const glyphs of [UNICODE, ASCII]) for (const mark of [glyphs.moreBefore, glyphs.moreAfter]) expect(cellWidth(mark)).toBe(1);
    expect(ASCII.moreBefore + ASCII.moreAfter).toBe('<>');
  });

  it('holds for any titles, width and current tab', () => {
    const letter = fc.constantFrom('a', 'W', 'é', '한', '字', 'ش', 'ש', '🚀', '👩‍💻', ' ', '·', '1');
    const title = fc.array(letter, {minLength: 1, maxLength: 30}).map((l) => l.join('').trim() || 'x');
    fc.assert(
      fc.property(fc.array(title, {minLength: 1, maxLength: 25}), fc.integer({min: 40, max: 200}), fc.nat(), (titles, width, pick) => {
        const current = pick % titles.length;
        const bar = sectionBar(titles, current, width);
        expect(lineWidth(bar)).toBeLessThanOrEqual(width);
        const {tabs} = read(bar, UNICODE);
        expect(tabs.find((t) => t.active)?.number).toBe(current + 1);
        for (const t of tabs) expect(names(t.name, titles[t.number - 1]!, UNICODE), `${JSON.stringify(titles)} ${width} ${current}`).toBe(true);
        const shown = new Set(tabs.map((t) => t.number - 1));
        for (const neighbour of [current - 1, current + 1].filter((i) => i >= 0 && i < titles.length)) expect(shown.has(neighbour)).toBe(true);
      }),
      {numRuns: 300},
    );
  });
});
