/** Dates and numbers for people, in the browser's locale unless a test pins one. */
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

export function formatDateTime(at: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
