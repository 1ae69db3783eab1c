/**
 * Dates and numbers for people, in the browser's locale unless a test pins one: the one place every
 * Custom UI formats a date for the screen. Site figures are counted per UTC day, so a `YYYY-MM-DD`
 * day is shown in the reader's format but read in UTC (`formatDay`), never shifted into their zone.
 * CSV exports do not use these: they keep ISO dates (`YYYY-MM-DD`, ISO 8601 times) so files stay
 * machine-readable whatever the reader's locale.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago"; older than a year: the date itself. */
export function formatRelativeTime(at: number, now: number, locale?: string): string {
  const elapsed = now - at;
  if (elapsed < MINUTE && elapsed > -MINUTE) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(elapsed);
  const sign = elapsed > 0 ? -1 : 1;
  if (abs < HOUR) return rtf.format(sign * Math.floor(abs / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(sign * Math.floor(abs / HOUR), 'hour');
  if (abs < 7 * DAY) return rtf.format(sign * Math.floor(abs / DAY), 'day');
  if (abs < 30 * DAY) return rtf.format(sign * Math.floor(abs / (7 * DAY)), 'week');
  if (abs < 365 * DAY) return rtf.format(sign * Math.floor(abs / (30 * DAY)), 'month');
  return formatDate(at, locale);
}

export function formatDate(at: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(at);
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A UTC day (`YYYY-MM-DD`, or a moment in ms taken as its UTC day) in the reader's date format,
 * e.g. "7 Dec 2026" or "Dec 7, 2026". Anything that is not a day is returned unchanged.
 */
export function formatDay(day: string | number, locale?: string): string {
  if (typeof day === 'number') return formatDate(day, locale, 'UTC');
  if (!DAY_PATTERN.test(day)) return day;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : formatDate(ms, locale, 'UTC');
}

/** "1 Dec 2026 – 7 Dec 2026" (one day alone when both ends agree), in the reader's format. */
export function formatDayRange(from: string, to: string, locale?: string): string {
  return from === to ? formatDay(from, locale) : `${formatDay(from, locale)} – ${formatDay(to, locale)}`;
}

/** A UTC month (`YYYY-MM`) in the reader's format, e.g. "Dec 2026". */
export function formatMonth(month: string, locale?: string): string {
  const ms = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isNaN(ms) ? month : new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(ms);
}

/** Said once where day figures appear (after the range, in a tooltip), not after every date. */
export const UTC_DAYS_NOTE = 'UTC days';

export function formatDateTime(at: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
