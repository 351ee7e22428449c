/**
 * The reader's language, for the app's own words (src/i18n/messages.ts): pure, from the
 * environment or an HTTP header alone. (The résumé's language, for its labels and dates, is
 * another choice, made from the document.)
 *
 * Locally and over SSH it is the locale of the messages category, as POSIX orders it: the first
 * of LC_ALL, LC_MESSAGES and LANG that is set and not empty (POSIX.1-2017, Base Definitions 8.2,
 * "Internationalization Variables"). Over SSH the variables are the ones the client sent (OpenSSH
 * sends them where its ssh_config says `SendEnv LANG LC_*`, as Debian's and macOS's do). Over
 * HTTP it is the Accept-Language header (RFC 9110, 12.5.4), by quality.
 */

/**
 * The languages the app speaks, English first (the fallback); each has a table in
 * src/i18n/messages/. Here, not beside the tables, so that choosing a language (the CLI does it
 * before it knows whether the app runs) never loads them.
 */
export const APP_LANGUAGES = ['en', 'ko', 'ja'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

/** The variables that name the messages locale, in POSIX's order. */
const VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

export interface ReaderLanguage {
  language: AppLanguage;
  /** The variable that decided, when one did. */
  variable?: (typeof VARIABLES)[number];
}

/** An app language for a language tag or locale name's first subtag (`ko`, `ko-KR`, `ko_KR.UTF-8`), if the app speaks it. */
export function appLanguageOf(tag: string): AppLanguage | undefined {
  const primary = /^[A-Za-z]{2,3}(?=$|[-_.@])/.exec(tag)?.[0].toLowerCase();
  return APP_LANGUAGES.find((language) => language === primary);
}

/**
 * The language of the app's words for this environment: the first of LC_ALL, LC_MESSAGES and LANG
 * that is set and not empty decides, and only it (`LC_ALL=C` is English even with a Korean LANG,
 * `LC_MESSAGES=en_US.UTF-8` makes a Korean LANG's app speak English). `C`, `POSIX` (also
 * `C.UTF-8`) and any language the app does not speak are English; none set is English.
 */
export function readerLanguage(env: Readonly<Record<string, string | undefined>>): ReaderLanguage {
  for (const variable of VARIABLES) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    return {language: appLanguageOf(value) ?? 'en', variable};
  }
  return {language: 'en'};
}

/** Most ranges an Accept-Language header is read for (a header may be long; real ones hold a few). */
const MAX_RANGES = 32;

/**
 * The language of the app's words for an HTTP Accept-Language header: the range of the highest
 * quality that the app speaks (`ko-KR,ko;q=0.9,en;q=0.8` is Korean; an equal quality goes to the
 * one listed first), English when none (or no header); `*` (any) is English. `q=0` means "not this one". A
 * malformed range or quality is skipped, never an error.
 */
export function acceptedLanguage(header: string | undefined): AppLanguage {
  if (!header) return 'en';
  let best: {language: AppLanguage; q: number} | undefined;
  for (const part of header.split(',').slice(0, MAX_RANGES)) {
    const match = /^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*)?$/.exec(part);
    if (!match) continue;
    const q = match[2] === undefined ? 1 : Number(match[2]);
    // `*` is any language: English, the app's own, does.
    const language = match[1] === '*' ? 'en' : appLanguageOf(match[1]!);
    if (language === undefined || q === 0) continue;
    if (!best || q > best.q) best = {language, q};
  }
  return best?.language ?? 'en';
}
