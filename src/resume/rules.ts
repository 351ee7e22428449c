/**
 * The project's own rules on top of the official schema, beyond what a JSON schema can say (the
 * shapes of the x- extensions are in extensions.schema.json): real calendar dates, and ends that
 * do not come before starts.
 */

/** A rule broken: where (a JSON path) and what. */
export interface RuleViolation {
  path: Array<string | number>;
  message: string;
}

const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why an ISO date string that matched the pattern is still not a date, or undefined. */
function badCalendarDate(value: string): string | undefined {
  const [, month, day] = value.split('-').map(Number);
  if (month !== undefined && (month < 1 || month > 12)) return 'month';
  if (month !== undefined && day !== undefined && (day < 1 || day > DAYS[month - 1]!)) return 'day';
  return undefined;
}

/**
 * Checks every date-valued key for a real month and day, and every entry for an end that does
 * not come before its start. Runs after the schema, so dates already match its pattern.
 */
export function checkDates(value: unknown, path: Array<string | number> = []): RuleViolation | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = checkDates(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const [key, inner] of Object.entries(record)) {
    if (DATE_KEYS.has(key) && typeof inner === 'string') {
      const bad = badCalendarDate(inner);
      if (bad) return {path: [...path, key], message: `expected a date like 2021-06, got ${JSON.stringify(inner)} (no such ${bad})`};
    } else {
      const found = checkDates(inner, [...path, key]);
      if (found) return found;
    }
  }
  const {startDate, endDate} = record;
  if (typeof startDate === 'string' && typeof endDate === 'string' && endDate < startDate.slice(0, endDate.length)) {
    return {path: [...path, 'endDate'], message: `ends (${endDate}) before it starts (${startDate})`};
  }
  return undefined;
}
