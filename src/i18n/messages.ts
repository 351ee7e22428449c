/**
 * The app's own words (status bar, help, technology index, search line, notices, the server's
 * answers), one table per language keyed by message id: English in full, every other language
 * over it, a missing key falling back to English. The words of the résumé itself (its labels,
 * section titles, dates) are not here: they follow the résumé's language, not the reader's.
 *
 * A message is a template: `{name}` takes a value, filled in one pass, so a value that holds
 * braces (a search query) is never read as a template. Counted words pick their plural form by
 * `Intl.PluralRules` (`count.warning.one`, `count.warning.other`; Korean and Japanese have only
 * `other`).
 */
import type {Command, EditKey, HintCommand, HintWord, KeyGroup} from '../ui/keymap';
import {EN} from './messages/en';
import {JA} from './messages/ja';
import {KO} from './messages/ko';
import type {AppLanguage} from './reader';

/** The counted phrases: each has a `.one` and an `.other` form in English. */
export type CountedId = 'count.warning' | 'tech.title' | 'tech.titleSkills' | 'tech.andSkills';

/** Every message id. English must have each one (src/i18n/messages/en.ts: a missing key does not compile). */
export type MessageId =
  | `group.${KeyGroup}`
  | `help.${Command}`
  | `hint.${HintCommand | HintWord}`
  | `edit.${EditKey}`
  | `${CountedId}.${'one' | 'other'}`
  | 'help.title'
  | 'help.searchLine'
  | 'help.mouse'
  | 'help.wheel'
  | 'help.wheelDoes'
  | 'help.click'
  | 'help.clickDoes'
  | 'help.piped'
  | 'status.nothingToClose'
  | 'search.noMatch'
  | 'search.count'
  | 'tech.heading'
  | 'tech.open'
  | 'tech.close'
  | 'tech.focused'
  | 'tech.skill'
  | 'tech.back'
  | 'tooSmall'
  | 'empty.nothing'
  | 'empty.noSections'
  | 'http.notFound'
  | 'http.method'
  | 'http.format'
  | 'http.width'
  | 'http.body'
  | 'ssh.oneApp'
  | 'ssh.goodbye'
  | 'ssh.stopping'
  | 'ssh.idle';

/** The English table: every id. */
export type FullTable = Readonly<Record<MessageId, string>>;
/** Another language's table: any ids it has words for (an extra, unknown id does not compile). */
export type Table = Readonly<Partial<Record<MessageId, string>>>;

export {APP_LANGUAGES, type AppLanguage} from './reader';

const TABLES: Readonly<Record<AppLanguage, Table>> = {en: EN, ko: KO, ja: JA};

export type Params = Readonly<Record<string, string | number>>;

/** The app's words in one language. */
export interface Messages {
  readonly language: AppLanguage;
  /** The message, its `{name}`s filled from `params`. */
  say(id: MessageId, params?: Params): string;
  /** A counted message in the plural form `n` takes (`{n}` is filled with it). */
  count(id: CountedId, n: number, params?: Params): string;
}

/** Fills `{name}` from params in one pass (a value is never read as a template); an unknown name stays as written. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The words of `table` in `language`, each missing one taken from English. */
export function messagesOf(language: AppLanguage, table: Table): Messages {
  const rules = new Intl.PluralRules(language);
  const say = (id: MessageId, params?: Params) => fill(table[id] ?? EN[id], params);
  return {
    language,
    say,
    count(id, n, params = {}) {
      const own = table[`${id}.${formOf(rules, n)}`] ?? table[`${id}.other`];
      // A phrase missing here is said in English, in English's plural form.
      return fill(own ?? EN[`${id}.${formOf(ENGLISH_RULES, n)}`], {...params, n});
    },
  };
}

const ENGLISH_RULES = new Intl.PluralRules('en');

/** The plural forms the tables hold: `one`, and `other` for every other category. */
const formOf = (rules: Intl.PluralRules, n: number): 'one' | 'other' => (rules.select(n) === 'one' ? 'one' : 'other');

const made = new Map<AppLanguage, Messages>();

/** The app's words in a language (English for any other). */
export function messagesFor(language: AppLanguage = 'en'): Messages {
  let messages = made.get(language);
  if (!messages) {
    messages = messagesOf(language, TABLES[language] ?? EN);
    made.set(language, messages);
  }
  return messages;
}

/** English: what the app says when nothing else is asked for. */
export const ENGLISH: Messages = messagesFor('en');
