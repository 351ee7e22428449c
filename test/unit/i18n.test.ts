/**
 * The app's own words in the reader's language (issue 20): the reader's language from the
 * environment and from Accept-Language (src/i18n/reader.ts), and the message table with its
 * fallback to English (src/i18n/messages.ts).
 */
import {describe, expect, it} from 'vitest';
import {acceptedLanguage, appLanguageOf, readerLanguage} from '../../src/i18n/reader';
import {APP_LANGUAGES, ENGLISH, fill, messagesFor, messagesOf, type MessageId} from '../../src/i18n/messages';
import {EN} from '../../src/i18n/messages/en';
import {KO} from '../../src/i18n/messages/ko';
import {JA} from '../../src/i18n/messages/ja';
import {cellWidth} from '../../src/text/width';
import {helpLines, statusBar} from '../../src/ui/layout/chrome';
import {lineText} from '../../src/ui/layout/lines';
import {hintsFor, hintWords, type HintMode} from '../../src/ui/keymap';
import {searchSummary, emptySearch} from '../../src/ui/search';
import {UNICODE} from '../../src/theme/glyphs';

describe('readerLanguage: LC_ALL, then LC_MESSAGES, then LANG; the first set and not empty decides', () => {
  it.each([
    [{}, 'en', undefined],
    [{LANG: 'ko_KR.UTF-8'}, 'ko', 'LANG'],
    [{LANG: 'ko_KR.utf8'}, 'ko', 'LANG'],
    [{LANG: 'ko_KR'}, 'ko', 'LANG'],
    [{LANG: 'ko'}, 'ko', 'LANG'],
    [{LANG: 'ja_JP.UTF-8'}, 'ja', 'LANG'],
    [{LANG: 'en_US.UTF-8'}, 'en', 'LANG'],
    [{LANG: 'de_DE.UTF-8'}, 'en', 'LANG'],
    [{LANG: 'C'}, 'en', 'LANG'],
    [{LANG: 'C.UTF-8'}, 'en', 'LANG'],
    [{LANG: 'POSIX'}, 'en', 'LANG'],
    // LC_MESSAGES over LANG: a Korean LANG with English messages, and the reverse.
    [{LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8'}, 'en', 'LC_MESSAGES'],
    [{LANG: 'en_US.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8'}, 'ko', 'LC_MESSAGES'],
    [{LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'C'}, 'en', 'LC_MESSAGES'],
    // LC_ALL over both.
    [{LC_ALL: 'C', LC_MESSAGES: 'ko_KR.UTF-8', LANG: 'ko_KR.UTF-8'}, 'en', 'LC_ALL'],
    [{LC_ALL: 'ko_KR.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'C'}, 'ko', 'LC_ALL'],
    // Empty is unset.
    [{LC_ALL: '', LC_MESSAGES: '', LANG: 'ko_KR.UTF-8'}, 'ko', 'LANG'],
    // LC_CTYPE is the character set, not the language.
    [{LC_CTYPE: 'ko_KR.UTF-8'}, 'en', undefined],
    [{LC_CTYPE: 'ko_KR.UTF-8', LANG: 'C.UTF-8'}, 'en', 'LANG'],
  ] as const)('%j: %s (decided by %s)', (env, language, variable) => {
    expect(readerLanguage(env)).toEqual(variable ? {language, variable} : {language});
  });

  it('reads the language subtag alone, in any case, of a locale name or a BCP 47 tag', () => {
    expect(appLanguageOf('KO_kr.UTF-8')).toBe('ko');
    expect(appLanguageOf('ko-KR')).toBe('ko');
    expect(appLanguageOf('ko@euro')).toBe('ko');
    expect(appLanguageOf('kok_IN')).toBeUndefined();
    expect(appLanguageOf('korean')).toBeUndefined();
    expect(appLanguageOf('')).toBeUndefined();
  });
});

describe('acceptedLanguage: the Accept-Language range of highest quality that the app speaks', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['ko', 'ko'],
    ['ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7', 'ko'],
    ['en-US,en;q=0.9,ko;q=0.8', 'en'],
    ['de-DE,de;q=0.9,ko;q=0.5', 'ko'],
    ['de-DE,fr;q=0.9', 'en'],
    ['ja;q=0.5, ko;q=0.8', 'ko'],
    ['ko;q=0.8, ja;q=0.8', 'ko'],
    ['ja;q=0.8, ko;q=0.8', 'ja'],
    ['ko;q=0, ja;q=0.1', 'ja'],
    ['ko;q=0', 'en'],
    ['*', 'en'],
    ['*;q=0.1, ko;q=0.5', 'ko'],
    ['KO-kr', 'ko'],
    [' ko ; q = 0.9 ', 'ko'],
    // Malformed ranges and qualities are skipped, never an error.
    ['ko;q=2, ja', 'ja'],
    ['ko;q=abc', 'en'],
    ['<script>, ko', 'ko'],
    [';;;,,,', 'en'],
  ] as const)('%j: %s', (header, language) => {
    expect(acceptedLanguage(header)).toBe(language);
  });

  it('reads a bounded number of ranges from a long header', () => {
    expect(acceptedLanguage(`${'de;q=0.9,'.repeat(10_000)}ko`)).toBe('en');
  });
});

describe('the message table', () => {
  it('speaks English, Korean and Japanese; another language is English', () => {
    expect(APP_LANGUAGES).toEqual(['en', 'ko', 'ja']);
    expect(messagesFor('ko').say('hint.quit')).toBe('종료');
    expect(messagesFor('ja').say('hint.quit')).toBe('終了');
    expect(messagesFor('en').say('hint.quit')).toBe('quit');
    expect(messagesFor('xx' as never).say('hint.quit')).toBe('quit');
  });

  it('falls back to English for each missing key, and says the rest in its own language', () => {
    const {'hint.quit': _, ...without} = KO;
    const partial = messagesOf('ko', without);
    expect(partial.say('hint.quit')).toBe('quit');
    expect(partial.say('hint.search')).toBe('검색');
    expect(messagesOf('ko', {}).say('help.title')).toBe('Keys');
    // A counted phrase missing in Korean is English, in English's plural form.
    expect(messagesOf('ko', {}).count('count.warning', 1)).toBe('1 warning');
    expect(messagesOf('ko', {}).count('count.warning', 2)).toBe('2 warnings');
  });

  it('Korean and Japanese have every message English has (but the `one` forms their plurals never take)', () => {
    const ids = Object.keys(EN) as MessageId[];
    const missing = (table: Record<string, string>) => ids.filter((id) => !(id in table));
    const ones = ['count.warning.one', 'tech.title.one', 'tech.titleSkills.one', 'tech.andSkills.one'];
    expect(missing(KO)).toEqual(ones);
    expect(missing(JA)).toEqual(ones);
    for (const table of [KO, JA]) for (const text of Object.values(table)) expect(text.trim()).not.toBe('');
  });

  it('fills {name} in one pass: a value holding braces is not read as a template', () => {
    expect(fill('{a} and {b}', {a: '{b}', b: 'x'})).toBe('{b} and x');
    expect(fill('{missing}', {})).toBe('{missing}');
    expect(fill('{constructor}', {})).toBe('{constructor}');
    expect(ENGLISH.say('search.noMatch', {query: '"{query}"'})).toBe('no match for "{query}"');
  });

  it('counts in each language’s plural forms', () => {
    expect(ENGLISH.count('count.warning', 1)).toBe('1 warning');
    expect(ENGLISH.count('count.warning', 3)).toBe('3 warnings');
    expect(messagesFor('ko').count('count.warning', 1)).toBe('경고 1개');
    expect(messagesFor('ko').count('tech.title', 5, {name: 'Kafka'})).toBe('Kafka: 프로젝트 5개');
    expect(ENGLISH.count('tech.title', 1, {name: 'Kafka'})).toBe('Kafka: 1 project');
  });

  it('English says what the app said before the table', () => {
    expect(hintWords('nextSection')).toEqual({key: 'Tab', words: 'section'});
    expect(hintWords(['back', 'list'])).toEqual({key: 'Esc', words: 'list'});
    expect(searchSummary({...emptySearch(), query: 'Kafka'})).toBe('no match for "Kafka"');
    expect(searchSummary({...emptySearch(), query: 'Kafka'}, messagesFor('ko'))).toBe('"Kafka" 결과 없음');
  });
});

describe('the status bar and the help in Korean and Japanese', () => {
  const modes: HintMode[] = ['section', 'help', 'techList', 'techProjects', 'searchResults', 'about'];
  for (const language of ['ko', 'ja'] as const) {
    const messages = messagesFor(language);
    const words = new Set(Object.keys(EN).filter((id) => id.startsWith('hint.')).map((id) => messages.say(id as MessageId)));
    it(`${language}: every mode at 20 to 200 columns: never wider than the bar, hints whole or left off, by priority`, () => {
      for (const mode of modes) {
        for (let width = 20; width <= 200; width++) {
          const hints = hintsFor(mode, {foldable: true});
          const bar = statusBar(hints, '42%', width, UNICODE, messages);
          const text = lineText(bar);
          expect(cellWidth(text), `${mode} at ${width}`).toBe(width);
          // Each hint shown is a key and its whole words, from the table.
          const shown = bar.filter((s) => s.style === 'status' && s.text.trim() !== '' && s.text !== ' 42% ').map((s) => s.text.trim());
          for (const said of shown) expect(words.has(said), `${JSON.stringify(said)} at ${width}`).toBe(true);
          if (width >= 120) expect(shown.length, `${mode} at ${width}`).toBe(hints.length);
        }
      }
      // The narrowest bars keep help and quit longest.
      const narrow = statusBar(hintsFor('section', {foldable: true}), '42%', 40, UNICODE, messages);
      expect(lineText(narrow)).toContain(`q ${messages.say('hint.quit')}`);
    });

    it(`${language}: the help at 40, 80 and 120 columns lists every command, never wider, never cut`, () => {
      for (const width of [40, 80, 120]) {
        const lines = helpLines(width, UNICODE, messages).map(lineText);
        for (const line of lines) expect(cellWidth(line), `${JSON.stringify(line)} at ${width}`).toBeLessThanOrEqual(width);
        expect(lines[0]).toBe(messages.say('help.title'));
        expect(lines).toContain(messages.say('group.Sections'));
      }
    });
  }
});
