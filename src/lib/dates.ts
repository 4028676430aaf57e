/**
 * Calendar dates. Documents carry plain `YYYY-MM-DD` dates with no time zone;
 * every function here works in UTC so a date never shifts by a day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2020-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A Date (as YAML parses unquoted dates) back to `YYYY-MM-DD`. */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` to a UTC midnight Date, for feeds and sorting by time. */
export function parseIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

const chineseDate = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

// A decade of documents has a few thousand dates, and listings print each many times over.
const formatted = new Map<string, string>();

/** `2020-12-31` → `2020年12月31日`, the way official documents write dates. */
export function formatChineseDate(value: string): string {
  let text = formatted.get(value);
  if (text === undefined) {
    text = chineseDate.format(parseIsoDate(value));
    formatted.set(value, text);
  }
  return text;
}
