import type {IsoDate} from './types';

/** `2021-06` → `2021.06`, as the source writes dates. */
export function formatDate(date: IsoDate): string {
  return date.replace(/-/g, '.');
}

/** What an open end is called. */
export const PRESENT = 'present';

/**
 * A period as the source writes it: `2021.06 - present`, `2017.03 ~ 2022.06`. The separator
 * differs by section in the source (work uses `-`, personal experience `~`), so it is a parameter.
 */
export function formatPeriod(start: IsoDate | undefined, end: IsoDate | undefined, separator = '-'): string | undefined {
  if (!start && !end) return undefined;
  if (!start) return formatDate(end!);
  return `${formatDate(start)} ${separator} ${end ? formatDate(end) : PRESENT}`;
}
