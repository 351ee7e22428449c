/**
 * Labels, section titles and dates in the résumé's language (src/i18n/labels.ts, src/i18n/dates.ts),
 * decided once by toDocument, and what the résumé's meta says winning over them.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {toDocument} from '../../src/document/build';
import type {Entry, ResumeDocument} from '../../src/document/model';
import {SECTIONS} from '../../src/document/sections';
import {dateStyleOf, formatDate, formatPeriod, parsePattern} from '../../src/i18n/dates';
import {BUILT_IN_LANGUAGES, ENGLISH, labelSetFor} from '../../src/i18n/labels';
import {formatLoadError, loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';
import {renderPlain} from '../../src/text/plain';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';

const langFixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'lang', `${name}.json`);
function load(path: string): Resume {
  const loaded = loadResumeFile(path);
  if (!loaded.ok) throw new Error(formatLoadError(loaded.error));
  return loaded.resume;
}

/** What a reader sees of a document's words: the titles, the first employer's period, the degree line's period. */
function words(doc: ResumeDocument) {
  const work = doc.sections.find((s) => s.id === 'work')!;
  const personal = doc.sections.find((s) => s.id === 'personal')!;
  const degree: Entry = personal.entries[0]!.children[0]!;
  return {titles: doc.sections.map((s) => s.title), open: work.entries[0]!.period, closed: work.entries[1]!.period, degree: degree.period};
}

describe('each fixture in its own language: titles, "present" and its date style', () => {
  it.each([
    ['de', {titles: ['Berufserfahrung', 'Ausbildung'], open: '04/2021 – heute', closed: '09/2016 – 03/2021', degree: '10/2014 – 08/2016'}],
    ['ja-labels', {titles: ['職歴', '学歴'], open: '2020年4月～現在', closed: '2015年4月～2020年3月', degree: '2013年4月～2015年3月'}],
    ['es', {titles: ['Experiencia laboral', 'Formación'], open: 'feb 2022 – actualidad', closed: 'jun 2017 – ene 2022', degree: 'sept 2013 – jun 2017'}],
    ['pt', {titles: ['Experiência profissional', 'Formação'], open: '05/2021 – atual', closed: '01/2017 – 04/2021', degree: '03/2012 – 12/2016'}],
    ['fr', {titles: ['Expérience professionnelle', 'Formation'], open: 'sept. 2020 – aujourd’hui', closed: 'oct. 2015 – août 2020', degree: 'sept. 2010 – juin 2015'}],
    ['ru', {titles: ['Опыт работы', 'Образование'], open: '08.2021 – настоящее время', closed: '02.2018 – 07.2021', degree: '09.2014 – 06.2018'}],
    ['pl', {titles: ['Doświadczenie zawodowe', 'Wykształcenie'], open: '10.2020 – obecnie', closed: '03.2016 – 09.2020', degree: '10.2011 – 02.2016'}],
    ['zh-hant', {titles: ['工作經歷', '學歷'], open: '2021年7月 – 至今', closed: '2016年8月 – 2021年6月', degree: '2014年9月 – 2016年6月'}],
  ])('%s.json', (name, expected) => {
    expect(words(toDocument(load(langFixture(name))))).toEqual(expected);
  });

  it('the labels of blocks too: the German courses, the Japanese highlights of a project', () => {
    expect(renderPlain(toDocument(load(langFixture('de'))), 80)).toContain('Kurse: Verteilte Systeme · Datenbanken');
    const japanese = toDocument({...load(langFixture('ja-labels')), projects: [{name: '決済基盤', description: '夜間バッチの設計。', highlights: ['四時間を四十分に短縮'], keywords: ['Go']}]});
    const project = japanese.sections.find((s) => s.id === 'projects')!.entries[0]!;
    expect(project.blocks.map((b) => b.label)).toEqual(['概要', '主な実績', 'キーワード']);
  });

  it('a skill, a score and the fields it does not know, in Polish', () => {
    const doc = toDocument({...load(langFixture('pl')), skills: [{name: 'Backend', keywords: ['Go']}], education: [{institution: 'PWr', score: '5.0', startDate: '2011-10', endDate: '2016-02', motto: 'Per aspera'} as never]});
    expect(doc.sections.map((s) => s.title)).toEqual(['Doświadczenie zawodowe', 'Wykształcenie', 'Umiejętności']);
    const text = renderPlain(doc, 80);
    expect(text).toContain('Słowa kluczowe: Go');
    expect(text).toContain('- Ocena: 5.0');
    expect(text).toContain('Inne\n  - motto: Per aspera');
  });

  it('--lang (the option language) over a document: Korean and Simplified Chinese on the English fixture', () => {
    const ada = load(fixturePath('ada'));
    const korean = toDocument(ada, undefined, {language: 'ko'});
    expect(korean.language).toBe('ko');
    expect(korean.sections.map((s) => s.title).slice(0, 4)).toEqual(['경력', '프로젝트', '봉사 활동', '학력']);
    expect(korean.sections[0]!.entries[0]!.period).toBe('2019년 3월 ~ 현재');
    const chinese = toDocument(ada, undefined, {language: 'zh-CN'});
    expect(chinese.sections[0]!.title).toBe('工作经历');
    expect(chinese.sections[0]!.entries[0]!.period).toBe('2019年3月 – 至今');
  });

  it('a language the locale data lacks: English words, English dates, whatever the machine\'s locale', () => {
    const unknown = toDocument(load(fixturePath('ada')), undefined, {language: 'xx'});
    expect(unknown.sections[0]!.entries[0]!.period).toBe('Mar 2019 – Present');
  });

  it('a language with no labels of its own keeps English words and gets its own dates', () => {
    const italian = toDocument(load(fixturePath('ada')), undefined, {language: 'it'});
    expect(italian.sections[0]!.title).toBe('Work Experience');
    expect(italian.sections[0]!.entries[0]!.period).toBe('mar 2019 – Present');
  });
});

describe('what the résumé says itself wins', () => {
  const german = load(langFixture('de'));

  it('meta["x-labels"], "present" included, over the language\'s labels', () => {
    const doc = toDocument({...german, meta: {'x-labels': {present: 'jetzt', courses: 'Schwerpunkte'}}});
    expect(doc.sections[0]!.entries[0]!.period).toBe('04/2021 – jetzt');
    expect(renderPlain(doc, 80)).toContain('Schwerpunkte: Verteilte Systeme · Datenbanken');
  });

  it('meta["x-sectionTitles"] over the language\'s titles', () => {
    const doc = toDocument({...german, meta: {'x-sectionTitles': {work: 'Werdegang'}}});
    expect(doc.sections.map((s) => s.title)).toEqual(['Werdegang', 'Ausbildung']);
  });

  it('meta["x-dates"]: a month style, or June 2021 as written, and the separators, by section', () => {
    const style = (dates: object) => words(toDocument({...german, meta: {'x-dates': dates}}));
    expect(style({format: 'long'})).toMatchObject({open: 'April 2021 – heute', degree: 'Oktober 2014 – August 2016'});
    expect(style({format: '6.2021', range: '-'})).toMatchObject({open: '4.2021 - heute', degree: '10.2014 - 8.2016'});
    expect(style({format: '2021.06', range: '-', ranges: {personal: '~'}})).toMatchObject({open: '2021.04 - heute', degree: '2014.10 ~ 2016.08'});
    expect(style({range: '～'})).toMatchObject({open: '04/2021～heute'});
    // Not a format it can read: the language's.
    expect(style({format: 'MM/YYYY'})).toMatchObject({open: '04/2021 – heute'});
  });
});

describe('dates', () => {
  const style = (tag: string, ascii = false) => dateStyleOf(tag, labelSetFor(tag).set, labelSetFor(tag).set.labels.present, undefined, undefined, ascii);

  it('one style to the month for every date: a day is not shown, a year alone is the year', () => {
    expect(formatDate('2021-06-29', style('en'))).toBe('Jun 2021');
    expect(formatDate('2021', style('en'))).toBe('2021');
    expect(formatDate('2021', style('ja'))).toBe('2021年');
    expect(formatDate('2021', {...style('de'), format: parsePattern('06/2021')!})).toBe('2021');
  });

  it('a date written once is written the same again, and only in its own style', () => {
    const en = style('en');
    const ko = style('ko');
    const dotted = {...en, format: parsePattern('2021.06')!};
    for (let round = 0; round < 2; round++) {
      expect(formatDate('2021-06', en)).toBe('Jun 2021');
      expect(formatDate('2021-06', ko)).toBe('2021년 6월');
      expect(formatDate('2021-06', dotted)).toBe('2021.06');
    }
  });

  it('a date in another shape is shown as written', () => {
    expect(formatDate('2021/07', style('de'))).toBe('2021/07');
    expect(formatDate('Summer 2019', style('en'))).toBe('Summer 2019');
  });

  it('periods: open, closed, only an end, none', () => {
    expect(formatPeriod('2021-06', undefined, style('en'))).toBe('Jun 2021 – Present');
    expect(formatPeriod('2020-07', '2021-06', style('ko'))).toBe('2020년 7월 ~ 2021년 6월');
    expect(formatPeriod(undefined, '2019-06', style('en'))).toBe('Jun 2019');
    expect(formatPeriod(undefined, undefined, style('en'))).toBeUndefined();
  });

  it('no marks of direction: Arabic and Hebrew dates are text in logical order', () => {
    for (const tag of ['ar', 'he']) expect(formatPeriod('2020-07', '2021-06', {...style(tag), format: '2-digit'})).not.toMatch(/[\u200e\u200f\u061c]/);
  });

  it('in ASCII the language\'s dash is "-"; a wide separator, the résumé\'s own text, is kept', () => {
    expect(formatPeriod('2021-06', undefined, style('en', true))).toBe('Jun 2021 - Present');
    expect(formatPeriod('2021-06', undefined, style('ja', true))).toBe('2021年6月～現在');
    const doc = toDocument(load(langFixture('de')), ' - ', {ascii: true});
    expect(doc.sections[0]!.entries[0]!.period).toBe('04/2021 - heute');
  });

  it('patterns: June 2021 as written', () => {
    expect(parsePattern('2021.06')).toEqual([{year: true}, {text: '.'}, {month: '2-digit'}]);
    expect(parsePattern('6/2021')).toEqual([{month: 'numeric'}, {text: '/'}, {year: true}]);
    expect(parsePattern('2021年6月')).toEqual([{year: true}, {text: '年'}, {month: 'numeric'}, {text: '月'}]);
    for (const bad of ['MM/YYYY', '2021', '06', '2021-06-06']) expect(parsePattern(bad), bad).toBeUndefined();
  });
});

describe('the label table', () => {
  it('has the languages the issue asks for, at least', () => {
    for (const tag of ['en', 'ko', 'ja', 'zh-Hans', 'zh-Hant', 'de', 'es', 'pt', 'fr', 'ru', 'pl']) expect(BUILT_IN_LANGUAGES).toContain(tag);
  });

  it('gives every built-in language every label and every section a title', () => {
    for (const tag of BUILT_IN_LANGUAGES) {
      const {set} = labelSetFor(tag);
      for (const [key, value] of Object.entries(set.labels)) expect(value.trim(), `${tag} ${key}`).not.toBe('');
      expect(Object.keys(set.labels).sort(), tag).toEqual(Object.keys(ENGLISH.labels).sort());
      if (tag !== 'en') expect(Object.keys(set.titles).sort(), tag).toEqual(SECTIONS.map((s) => s.id).sort());
    }
  });

  it('finds a tag\'s set by region, script or language', () => {
    expect(labelSetFor('zh-TW').key).toBe('zh-Hant');
    expect(labelSetFor('zh-HK').key).toBe('zh-Hant');
    expect(labelSetFor('zh').key).toBe('zh-Hans');
    expect(labelSetFor('zh-SG').key).toBe('zh-Hans');
    expect(labelSetFor('pt-PT').set.titles.awards).toBe('Prémios');
    expect(labelSetFor('pt-BR').set.titles.awards).toBe('Prêmios');
    expect(labelSetFor('de-AT').key).toBe('de');
    expect(labelSetFor('it').key).toBe('en');
  });
});
