import {PROGRAM} from '../program';
/**
 * The locale's character set, read from the environment alone (pure; tested directly), and what
 * it means for what the app draws itself.
 *
 * The variable that decides is the first of LC_ALL, LC_CTYPE and LANG that is set and not
 * empty: POSIX's precedence for the LC_CTYPE category (POSIX.1-2017, Base Definitions 8.2,
 * "Internationalization Variables"), and what tmux reads to guess UTF-8 (tmux(1), `-u`).
 */
export interface Locale {
  /** The variable that decided (`LC_ALL`, `LC_CTYPE` or `LANG`). */
  variable: 'LC_ALL' | 'LC_CTYPE' | 'LANG';
  /** Its value, as set (`C`, `en_US.ISO-8859-1`, `ko_KR.UTF-8`). */
  value: string;
  /** Whether its codeset is UTF-8 (`.UTF-8`, `.utf8`, any case). */
  utf8: boolean;
}

const VARIABLES = ['LC_ALL', 'LC_CTYPE', 'LANG'] as const;

/**
 * The locale that decides the character set, or undefined when none of the three is set (as on
 * Windows, where LANG is usually unset, and in many containers): nothing then says the terminal
 * is not UTF-8. A value is `language[_territory][.codeset][@modifier]`, or a codeset alone
 * (macOS Terminal sets LC_CTYPE=UTF-8); only the codeset matters. `C` and `POSIX` (and a locale
 * without a codeset, such as `en_US`) are not UTF-8: the C locale's character set is ASCII
 * (POSIX.1-2017, 7.2 "POSIX Locale"); `C.UTF-8` is UTF-8.
 */
export function localeOf(env: NodeJS.ProcessEnv): Locale | undefined {
  for (const variable of VARIABLES) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    // macOS sets LC_CTYPE=UTF-8, a codeset alone.
    const codeset = /\.([^@]*)/.exec(value)?.[1] ?? value.replace(/@.*$/, '');
    return {variable, value, utf8: /^utf-?8$/i.test(codeset)};
  }
  return undefined;
}

/** Why the app draws in ASCII: asked for (`--ascii`), or a locale that is not UTF-8. */
export type AsciiReason = {by: 'flag'} | {by: 'locale'; locale: Locale};

/**
 * Whether the app draws its own characters (boxes, fold markers, arrows, bullets, the ellipsis)
 * in ASCII: `--ascii` says yes, `--no-ascii` says no, whatever the locale; otherwise yes only for
 * a locale explicitly set and not UTF-8 (LANG=C, POSIX, xx_YY.ISO-8859-1). Undefined: Unicode.
 *
 * `C` and `POSIX` count as not UTF-8, although ssh sessions and containers often run LANG=C in a
 * UTF-8 terminal: POSIX says that locale is ASCII, programs that honour it (tmux, less, ncurses)
 * draw ASCII or escapes there, and a frame in ASCII is readable in any terminal while a UTF-8
 * frame in an ASCII one is not. `--no-ascii` is the way back, and the notice names it.
 */
export function asciiReason(flag: boolean | undefined, env: NodeJS.ProcessEnv): AsciiReason | undefined {
  if (flag === true) return {by: 'flag'};
  if (flag === false) return undefined;
  const locale = localeOf(env);
  return locale && !locale.utf8 ? {by: 'locale', locale} : undefined;
}

/**
 * The one line said before the app starts when the locale chose ASCII (ASCII itself, as the
 * terminal may show nothing else): what is drawn, why, what happens to the résumé's own text, and
 * the override. `nonAscii`: whether the résumé has text outside ASCII, which is shown as it is.
 */
export function asciiNotice(locale: Locale, nonAscii: boolean): string {
  const text = nonAscii ? "; the resume's own text is kept as it is" : '';
  return `${PROGRAM}: ${locale.variable}=${locale.value.replace(/[^\x20-\x7e]/g, '?')} is not UTF-8: drawing in ASCII${text} (--no-ascii: Unicode)`;
}

/** Whether a text has any character outside ASCII. */
export const hasNonAscii = (text: string) => /[^\x00-\x7f]/.test(text);
