/**
 * Exact distinct viewers of a range that ends in the past (pure decisions). Month rows only bound
 * them (see `rangeTotals`); the page's raw view records of the range give the exact figure, at about
 * 3 read units per 100 views. So they are read only when the range is small enough and retention
 * cannot have deleted any of them; the records are then checked against the month rows' count.
 */
import type { ResolvedRange } from '@contracts/report-range';
import { dayStart } from '../../core/date-range';
import { ANONYMOUS_VIEWER } from '../../core/model/view';

/** Views of a past range read to count viewers exactly: 2,000 views ≈ 20 query pages ≈ 60 read units. */
export const EXACT_PAST_VIEWERS_MAX_VIEWS = 2_000;

const DAY_MS = 86_400_000;

/** The range's time span in ms: [from 00:00 UTC, the day after `to` 00:00 UTC). */
export function rangeSpan(range: ResolvedRange): { fromMs: number; toMs: number } {
  return { fromMs: dayStart(range.from) ?? 0, toMs: (dayStart(range.to) ?? 0) + DAY_MS };
}

/**
 * Whether to read the raw views: the range's views are known (month rows) and within the bound, and
 * retention (which deletes views older than `now − retentionDays`) keeps the whole range.
 */
export function shouldCountExactly(range: ResolvedRange, views: number, retentionDays: number | null, now: number): boolean {
  if (views <= 0 || views > EXACT_PAST_VIEWERS_MAX_VIEWS) return false;
  if (retentionDays === null) return true;
  return rangeSpan(range).fromMs >= now - retentionDays * DAY_MS;
}

/** Distinct signed-in viewers (account ids, or pseudonyms in extended privacy) of view records; anonymous excluded. */
export function distinctViewers(viewers: Iterable<string>): number {
  const seen = new Set<string>();
  for (const viewer of viewers) if (viewer !== ANONYMOUS_VIEWER) seen.add(viewer);
  return seen.size;
}

/**
 * The exact figure when the records are all of the range's counted views (their number equals the
 * month rows' count: none deleted by a retention period once shorter, none arriving in between), else null.
 */
export function exactViewers(records: { count: number; viewers: string[] } | null, views: number): number | null {
  if (!records || records.count !== views) return null;
  return distinctViewers(records.viewers);
}
