import {codePointWidth} from '../text/width';
import type {LabelSet, MonthStyle} from './labels';

// Dates as the résumé's language writes them, one style for every section: a month through
// Intl.DateTimeFormat (`Jun 2021`, `06/2021`, `2021年6月`), a period joined by the language's range
// separator, an open end called by its `present` label. What the résumé says itself wins:
// meta["x-dates"] (a month style, or an example of June 2021 as it writes it, and separators) and
// meta["x-labels"].present.

/** A date written after an example of June 2021: `2021.06`, `06/2021`, `6.2021`. */
type Pattern = ReadonlyArray<{year: true} | {month: '2-digit' | 'numeric'} | {text: string}>;

export interface DateStyle {
  /** The BCP 47 locale Intl formats in. */
  locale: string;
  format: MonthStyle | Pattern;
  /** Between a period's start and end, spaces included: ` – `, `～`. */
  range: string;
  /** What an open end is called. */
  present: string;
}

/** meta["x-dates"], as the extension schema describes it. */
export interface DatesMeta {
  format?: string;
  /** Between a period's start and end (`-`, `~`), with a space either side unless it is wide (`～`). */
  range?: string;
  /** The range separator of one section, by its id (`personal`: education and service). */
  ranges?: Partial<Record<string, string>>;
}

const MONTH_STYLES: readonly string[] = ['short', 'long', '2-digit', 'numeric'] satisfies MonthStyle[];

/**
 * The date style of a résumé in `locale`: the language's (its label set) unless meta["x-dates"]
 * says otherwise; `section` picks its entry of `ranges`; `ascii` writes the language's dash as `-`.
 */
export function dateStyleOf(locale: string, set: LabelSet, present: string, meta: DatesMeta | undefined, section?: string, ascii = false): DateStyle {
  const custom = meta && typeof meta === 'object' ? meta : {};
  const format = typeof custom.format === 'string' ? (MONTH_STYLES.includes(custom.format) ? (custom.format as MonthStyle) : parsePattern(custom.format)) : undefined;
  const sectionRange = section !== undefined && custom.ranges && typeof custom.ranges === 'object' ? custom.ranges[section] : undefined;
  const own = [sectionRange, custom.range].find((r): r is string => typeof r === 'string' && r.trim() !== '');
  // The language's dash is the program's own mark: ASCII when the program draws in ASCII. The résumé's is its text.
  const range = own ?? (ascii ? set.range.replace(/[–—]/g, '-') : set.range);
  const ownMonth = MONTH_STYLES.includes(set.month) ? (set.month as MonthStyle) : parsePattern(set.month);
  return {locale, format: format ?? ownMonth ?? 'short', range: spaced(range.trim()), present};
}

/**
 * A range separator as it stands between two dates: with a space either side, as Latin, Cyrillic
 * and Korean text writes `2019 – 2021` or `2017.03 ~ 2022.06`; a wide one (`～`, `至`) stands on its
 * own, as Chinese and Japanese write `2020年4月～現在`.
 */
function spaced(range: string): string {
  return [...range].every((c) => codePointWidth(c.codePointAt(0)!) === 2) ? range : ` ${range} `;
}

/** An example of June 2021 read as a pattern; undefined when it is not one (no 2021, no single month). */
export function parsePattern(example: string): Pattern | undefined {
  const parts = example.split(/(2021|06|6)/).filter((p) => p !== '');
  const pattern = parts.map((p) => (p === '2021' ? {year: true as const} : p === '06' ? {month: '2-digit' as const} : p === '6' ? {month: 'numeric' as const} : {text: p}));
  const years = pattern.filter((p) => 'year' in p).length;
  const months = pattern.filter((p) => 'month' in p).length;
  return years === 1 && months === 1 ? pattern : undefined;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** Formatters by locale and style: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, month: MonthStyle | undefined): Intl.DateTimeFormat {
  const key = `${locale}\0${month ?? ''}`;
  let made = formatters.get(key);
  if (!made) {
    // English after it: a language the locale data lacks is dated in English, not in the machine's locale.
    made = new Intl.DateTimeFormat([locale, 'en'], {year: 'numeric', ...(month ? {month} : {}), timeZone: 'UTC'});
    formatters.set(key, made);
  }
  return made;
}

/**
 * Marks of direction Intl puts in some locales' dates (Arabic, Hebrew): the text is kept in
 * logical order and the terminal lays it out; a mark would only be one more cell to disagree on.
 */
const DIRECTION_MARKS = /[\u200e\u200f\u061c]/g;

/**
 * A date (`2021`, `2021-06`, `2021-06-29`) in the style: to the month, as every section shows it
 * (a year alone: the year).
 * A date in another shape (`2021/07`, `Summer 2019`), which a leniently loaded file may have, is
 * shown as written.
 */
export function formatDate(date: string, style: DateStyle): string {
  let byDate = written.get(style);
  if (!byDate) written.set(style, (byDate = new Map()));
  let text = byDate.get(date);
  if (text === undefined) byDate.set(date, (text = writeDate(date, style)));
  return text;
}

/**
 * Dates already written, by style: a thousand projects name a few hundred months (bench/.out/
 * large.json: 2,000 dates, 292 of them different), and a document's style lives as long as it does.
 */
const written = new WeakMap<DateStyle, Map<string, string>>();

function writeDate(date: string, style: DateStyle): string {
  const iso = ISO_DATE.exec(date);
  if (!iso) return date;
  const [year, month] = [Number(iso[1]), iso[2] === undefined ? undefined : Number(iso[2])];
  if (typeof style.format !== 'string') {
    if (month === undefined) return iso[1]!;
    return style.format.map((p) => ('year' in p ? iso[1] : 'month' in p ? (p.month === '2-digit' ? iso[2] : String(month)) : p.text)).join('');
  }
  const at = new Date(Date.UTC(year, (month ?? 1) - 1, 1));
  return formatter(style.locale, month === undefined ? undefined : style.format).format(at).replace(DIRECTION_MARKS, '');
}

/** A period: `Jun 2021 – Present`, `06/2019 – 03/2021`; only an end: that date; neither: undefined. */
export function formatPeriod(start: string | undefined, end: string | undefined, style: DateStyle): string | undefined {
  if (!start && !end) return undefined;
  if (!start) return formatDate(end!, style);
  return `${formatDate(start, style)}${style.range}${end ? formatDate(end, style) : style.present}`;
}
