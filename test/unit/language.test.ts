/**
 * The résumé's language: the flag, then the document, then detection from its own text, then
 * English (src/i18n/language.ts, src/i18n/detect.ts). Detection runs on the fixtures of
 * test/fixtures/lang, whatever their meta says.
 */
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {detectLanguage, HANS_ONLY, HANT_ONLY, MIN_MARGIN} from '../../src/i18n/detect';
import {canonicalTag, describeLanguage, resolveLanguage, resumeText} from '../../src/i18n/language';
import {checkResumeFile, formatLoadError, loadResumeFile} from '../../src/resume/load';
import type {Resume} from '../../src/resume/types';
import {fixturePath, REPO_ROOT, tempFixtures} from '../helpers/fixtures';

const langFixture = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'lang', `${name}.json`);
function load(path: string): Resume {
  const loaded = loadResumeFile(path);
  if (!loaded.ok) throw new Error(formatLoadError(loaded.error));
  return loaded.resume;
}
const withoutMeta = ({meta: _, ...resume}: Resume): Resume => resume;

describe('canonicalTag: a BCP 47 tag as written, or nothing', () => {
  it.each([
    ['de', 'de'],
    ['pt-br', 'pt-BR'],
    ['zh_TW', 'zh-TW'],
    ['zh-hant', 'zh-Hant'],
    ['de_DE.UTF-8', 'de-DE'],
    ['fr_FR@euro', 'fr-FR'],
    [' ja ', 'ja'],
  ])('%j → %s', (raw, tag) => {
    expect(canonicalTag(raw)).toBe(tag);
  });

  it.each([['german'], ['Deutsch'], ['english'], [''], ['en-'], ['*'], ['x-private'], [42], [null]])('%j is not one', (raw) => {
    expect(canonicalTag(raw)).toBeUndefined();
  });

  it('a well-formed code the locale data lacks is a tag: English words and English dates, not the machine\'s locale', () => {
    expect(canonicalTag('xx')).toBe('xx');
  });
});

describe('resolveLanguage: flag, then document, then detection, then English', () => {
  const german = load(langFixture('de'));

  it('the flag wins over everything', () => {
    expect(resolveLanguage({...german, meta: {language: 'es'}}, 'pl')).toEqual({tag: 'pl', source: {by: 'flag'}});
  });

  it('then meta.language, meta.lang, meta.locale and a top-level language, in that order', () => {
    const meta = {language: 'es', lang: 'pt-BR', locale: 'fr_FR'};
    expect(resolveLanguage({...german, meta})).toEqual({tag: 'es', source: {by: 'meta', key: 'meta.language'}});
    expect(resolveLanguage({...german, meta: {lang: 'pt-BR', locale: 'fr_FR'}})).toEqual({tag: 'pt-BR', source: {by: 'meta', key: 'meta.lang'}});
    expect(resolveLanguage({...german, meta: {locale: 'fr_FR'}})).toEqual({tag: 'fr-FR', source: {by: 'meta', key: 'meta.locale'}});
    expect(resolveLanguage({...german, language: 'ru'} as Resume)).toEqual({tag: 'ru', source: {by: 'meta', key: 'language'}});
  });

  it('skips a document language that is not a tag, to the next place and then to detection', () => {
    expect(resolveLanguage({...german, meta: {language: 'Deutsch', lang: 'es'}}).tag).toBe('es');
    expect(resolveLanguage({...german, meta: {language: 'Deutsch'}}).source.by).toBe('detected');
  });

  it('then detection from its text, then English', () => {
    expect(resolveLanguage(german)).toMatchObject({tag: 'de', source: {by: 'detected', detection: {by: 'trigrams'}}});
    expect(resolveLanguage({basics: {name: 'Sam Ortiz', label: 'Engineer'}})).toMatchObject({tag: 'en', source: {by: 'default', detection: {why: 'too little text (8 Latin letters; 60 needed)'}}});
  });

  it('describes how it settled, for --check', () => {
    expect(describeLanguage({tag: 'pl', source: {by: 'flag'}})).toBe('pl (--lang)');
    expect(describeLanguage(resolveLanguage(load(langFixture('es'))))).toBe('es (meta.language)');
    expect(describeLanguage(resolveLanguage(load(langFixture('ja-labels'))))).toBe('ja (detected from its script: Han and kana, 1.00 of the letters)');
    expect(describeLanguage(resolveLanguage(german))).toMatch(/^de \(detected from its text: franc-min puts it ahead by 0\.\d{3}, at least 0\.03 needed\)$/);
    expect(describeLanguage(resolveLanguage({}))).toBe('en (the default: not detected, too little text; meta.language can name it)');
  });
});

describe('detection on every fixture of test/fixtures/lang (their meta set aside)', () => {
  it.each([
    ['de', 'de', 'trigrams'],
    ['es', 'es', 'trigrams'],
    ['fr', 'fr', 'trigrams'],
    ['pl', 'pl', 'trigrams'],
    ['pt', 'pt', 'trigrams'],
    ['ru', 'ru', 'script'],
    ['ja-labels', 'ja', 'script'],
    ['zh-hant', 'zh-Hant', 'script'],
  ])('%s.json is %s, by its %s', (name, tag, by) => {
    const detection = detectLanguage(resumeText(withoutMeta(load(langFixture(name)))));
    expect(detection).toMatchObject({tag, by});
    if (by === 'trigrams') expect(detection.confidence).toBeGreaterThanOrEqual(MIN_MARGIN);
    else expect(detection.confidence).toBeGreaterThan(0.9);
  });

  it('the Korean and English fixtures too', () => {
    expect(detectLanguage(resumeText(load(fixturePath('jiwoo'))))).toMatchObject({tag: 'ko', by: 'script', script: 'Hangul'});
    expect(detectLanguage(resumeText(load(fixturePath('ada'))))).toMatchObject({tag: 'en', by: 'trigrams'});
  });

  it('reads prose, not names, addresses or technologies', () => {
    const text = resumeText(load(langFixture('de')));
    expect(text).toContain('Backend-Entwicklerin mit acht Jahren Erfahrung');
    expect(text).not.toContain('Lena Hartmann');
    expect(text).not.toContain('lena.hartmann@example.de');
    expect(text).not.toContain('Kontor Zahlungsdienste GmbH');
  });
});

describe('detection falls back below its thresholds', () => {
  it('a short text settles nothing (English is the default)', () => {
    expect(detectLanguage('Softwareentwicklerin')).toMatchObject({tag: undefined, why: expect.stringMatching(/^too little text/)});
    expect(detectLanguage('Senior Backend Engineer (Kotlin, Spring)')).toMatchObject({tag: undefined});
    expect(detectLanguage('')).toMatchObject({tag: undefined, why: 'too little text'});
  });

  it('a language it does not tell apart is not forced onto the nearest one (Swedish is not German)', () => {
    const swedish = 'Mjukvaruutvecklare med åtta års erfarenhet av betalningssystem. Jag arbetar gärna i små team som själva driver sina tjänster. Ansvarig för den dagliga avräkningen för handlare och de nattliga utbetalningarna.';
    const detection = detectLanguage(swedish);
    expect(detection.tag).toBeUndefined();
    expect(detection.confidence).toBeLessThan(MIN_MARGIN);
  });

  it('text mixed from two or three languages in equal parts leads by less than the threshold', () => {
    const two = 'Backend-Entwicklerin mit acht Jahren Erfahrung in Zahlungssystemen. Ingeniera de backend con siete años de experiencia en sistemas de pagos.';
    const three = 'Ich arbeite gerne im Team. I like small teams that run their own services. Me gustan los equipos pequeños.';
    for (const mixed of [two, three]) expect(detectLanguage(mixed)).toMatchObject({tag: undefined, why: `no language leads by ${MIN_MARGIN}`});
  });

  it('Italian and Dutch are told apart (they keep English labels, with their own dates)', () => {
    const italian = 'Ingegnere software con otto anni di esperienza nello sviluppo di sistemi di pagamento. Mi piace lavorare in piccoli gruppi che gestiscono da soli i propri servizi.';
    const dutch = 'Software-ontwikkelaar met acht jaar ervaring in betalingssystemen. Ik werk graag in kleine teams die hun eigen diensten beheren.';
    expect(detectLanguage(italian).tag).toBe('it');
    expect(detectLanguage(dutch).tag).toBe('nl');
  });

  it('a text in two scripts, neither half of its letters, settles nothing', () => {
    expect(detectLanguage('Разработчик платёжных систем. Ingénieure logicielle. Προγραμματιστής συστημάτων.')).toMatchObject({tag: undefined, why: 'no script makes up half of its letters'});
  });
});

describe('detection by script', () => {
  it.each([
    ['백엔드 엔지니어로 결제 시스템을 만들었습니다.', 'ko'],
    ['決済システムの開発に携わってきました。', 'ja'],
    ['负责公司支付系统的设计与开发，带领团队完成数据库迁移。', 'zh-Hans'],
    ['負責公司金流系統的設計與開發，帶領團隊完成資料庫遷移。', 'zh-Hant'],
    ['Разработчик платёжных систем, руководила командой.', 'ru'],
    ['Розробниця платіжних систем, керувала командою з п’яти інженерів.', 'uk'],
    ['مهندسة برمجيات في أنظمة الدفع الإلكتروني', 'ar'],
    ['מהנדסת תוכנה במערכות תשלומים', 'he'],
    ['วิศวกรซอฟต์แวร์ด้านระบบชำระเงิน', 'th'],
    ['Μηχανικός λογισμικού συστημάτων πληρωμών', 'el'],
  ])('%s → %s', (text, tag) => {
    expect(detectLanguage(text)).toMatchObject({tag, by: 'script'});
  });

  it('Chinese with English technologies in it is still Chinese', () => {
    expect(detectLanguage('负责使用 React 和 Redux 开发前端页面，并用 Kubernetes 部署服务。').tag).toBe('zh-Hans');
  });

  it('a Japanese company name in Chinese text does not make it Japanese', () => {
    expect(detectLanguage('曾在索尼（ソニー）中国分公司负责支付系统的开发与维护，带领五人团队完成数据库迁移。').tag).toBe('zh-Hans');
  });

  it('the Simplified and Traditional tables are pairwise, one character each, with nothing in common', () => {
    const [hans, hant] = [[...HANS_ONLY], [...HANT_ONLY]];
    expect(hans).toHaveLength(hant.length);
    expect(new Set(hans).size).toBe(hans.length);
    expect(new Set(hant).size).toBe(hant.length);
    expect(hans.filter((c) => hant.includes(c))).toEqual([]);
  });
});

describe('--check says when the document names its language with something that is not a tag', () => {
  const fx = tempFixtures('kim-resume-lang-');

  it('one problem at the key, read past when viewing', () => {
    const file = fx.write('named.json', JSON.stringify({basics: {name: 'Lena'}, meta: {language: 'Deutsch'}}, null, 2));
    expect(checkResumeFile(file, 'named.json').map(formatLoadError)).toEqual(['named.json:6:17: meta.language: expected a BCP 47 language tag such as de or pt-BR, got "Deutsch"']);
    const good = fx.write('good.json', JSON.stringify({basics: {name: 'Lena'}, meta: {language: 'de-AT', lang: 'de'}}));
    expect(checkResumeFile(good)).toEqual([]);
    fx.cleanup();
  });
});
