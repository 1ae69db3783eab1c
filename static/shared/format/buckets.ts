/**
 * Daily series grouped into weeks or months for long ranges (pure): a year of days is 365 bars too
 * thin to read or point at, 53 weeks or 12 months are not. Weeks start on Monday (ISO), in UTC.
 */
import { formatDay, formatDayRange, formatMonth } from './time';

export type Bucket = 'day' | 'week' | 'month';

export interface DailyPoint {
  day: string;
  values: Readonly<Record<string, number>>;
}

export interface BucketPoint {
  /** First day of the bucket, `YYYY-MM-DD` (clipped to the series' first day). */
  start: string;
  /** Last day of the bucket present in the series. */
  end: string;
  values: Record<string, number>;
}

/** Days up to 62 stay days, up to ~a year become weeks, longer ranges months. */
export function bucketFor(days: number): Bucket {
  if (days <= 62) return 'day';
  if (days <= 400) return 'week';
  return 'month';
}

function bucketKey(day: string, bucket: Bucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return day.slice(0, 7);
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(ms - weekday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Sums each named value per bucket, in the series' order (oldest first). `sum` says how a value
 * combines: views add up; a value that cannot be summed (distinct viewers) takes the maximum of its
 * days unless the caller provides exact bucket figures, so a chart never over-states it.
 */
export function bucketSeries(series: readonly DailyPoint[], bucket: Bucket, combine: Readonly<Record<string, 'sum' | 'max'>> = {}): BucketPoint[] {
  const buckets: BucketPoint[] = [];
  let currentKey: string | null = null;
  for (const point of series) {
    const key = bucketKey(point.day, bucket);
    let current = buckets[buckets.length - 1];
    if (key !== currentKey || !current) {
      current = { start: point.day, end: point.day, values: {} };
      buckets.push(current);
      currentKey = key;
    }
    current.end = point.day;
    for (const [name, value] of Object.entries(point.values)) {
      const before = current.values[name];
      current.values[name] = before === undefined ? value : combine[name] === 'max' ? Math.max(before, value) : before + value;
    }
  }
  return buckets;
}

/** How a bucket is named on an axis and in the table, in the reader's date format: a day, "first – last day" of a week, a month. */
export function bucketLabel(point: BucketPoint, bucket: Bucket, locale?: string): string {
  if (bucket === 'day') return formatDay(point.start, locale);
  if (bucket === 'month') return formatMonth(point.start.slice(0, 7), locale);
  return formatDayRange(point.start, point.end, locale);
}
