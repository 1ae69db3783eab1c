/**
 * Exact distinct figures of a report under a space, content-type or source filter (pure decisions
 * and counts). Rollup rows count distinct viewers and content only unfiltered, but every filter is an
 * exact sum of their cells, so the service knows before reading anything how many view records a
 * range holds: when the range and its previous period hold few enough and retention keeps them all,
 * the raw `view` records are read and counted here; the count must equal the rollups' views, or the
 * figure is not given (a move not yet refiled, a retention period once shorter, a view in between).
 */
import type { ReportDayRange, ReportFilters } from '@contracts/report-query';
import type { ContentStatsRow, ViewRecord } from '../../core/model/rows';
import { isListed } from '../../core/model/content-status';
import { cellPasses } from './report-figures';
import { cellKey } from '../../core/model/report-rows';
import { addDays, dayMs } from '../../core/model/report-periods';
import { ANONYMOUS_VIEWER, utcDay } from '../../core/model/view';

/**
 * View records read for one report's tiles at most (the range and its previous period, every type,
 * source and audience of the filtered spaces): 3,000 records ≈ 30 query pages of 100 ≈ 90 read units,
 * plus one batch read of `content-stats` per 25 distinct content (their status and current space).
 */
export const EXACT_FILTERED_MAX_VIEWS = 3_000;

export type PeriodName = 'current' | 'previous';

export interface PeriodCandidate {
  name: PeriodName;
  range: ReportDayRange;
  /** Views the rollups count under the report's filters (what the counted records must add up to). */
  filteredViews: number;
  /** Views the rollups count in the read's partitions, every cell: about the records to be read. */
  storedViews: number;
}

/**
 * Why a period's distinct figures are not counted from records. `not-needed`: the previous period
 * when the current one is not counted (its figure alone shows no change, so it is not worth a read).
 */
export type NotCountedReason = 'too-many-views' | 'retention' | 'not-needed';

export interface ReadPlan {
  /** Periods whose records are read (current first). */
  read: PeriodName[];
  /** Periods with no filtered view at all: zero viewers and content, exactly, without a read. */
  empty: PeriodName[];
  skipped: Array<{ name: PeriodName; reason: NotCountedReason }>;
}

/**
 * Which periods to count from records. Retention deletes views older than `now − retentionDays`,
 * and now is at most the end of `today`, so a period is kept whole when it starts no earlier than
 * that. The current period is chosen first, then the previous one if the two still fit the bound
 * (and only when the current one is counted: a previous figure alone shows no change).
 */
export function planFilteredRead(candidates: readonly PeriodCandidate[], retentionDays: number | null, today: string, maxViews = EXACT_FILTERED_MAX_VIEWS): ReadPlan {
  const plan: ReadPlan = { read: [], empty: [], skipped: [] };
  const keptFrom = retentionDays === null ? null : addDays(today, 1 - retentionDays);
  let budget = maxViews;
  for (const candidate of [...candidates].sort((a, b) => (a.name === 'current' ? -1 : b.name === 'current' ? 1 : 0))) {
    if (candidate.filteredViews === 0) plan.empty.push(candidate.name);
    else if (candidate.name === 'previous' && plan.skipped.length > 0) plan.skipped.push({ name: candidate.name, reason: 'not-needed' });
    else if (keptFrom !== null && candidate.range.from < keptFrom) plan.skipped.push({ name: candidate.name, reason: 'retention' });
    else if (candidate.storedViews > budget) plan.skipped.push({ name: candidate.name, reason: 'too-many-views' });
    else {
      plan.read.push(candidate.name);
      budget -= candidate.storedViews;
    }
  }
  return plan;
}

/** A counted view as a report shows it now: the content's current space, listed content only. */
export interface FilteredView {
  contentId: string;
  viewer: string;
  day: string;
}

/**
 * The records a report under these filters counts, judged as the rollups judge them: content that is
 * listed now (trashed, archived and purged content is left out; a content row not found is judged by
 * its record), filed under its current space (a moved page counts where it is now, as its rollup share
 * moved with it), and the cell of the view's own type, source and audience.
 */
export function filteredViews(records: Iterable<ViewRecord>, stats: ReadonlyMap<string, ContentStatsRow>, filters: ReportFilters): FilteredView[] {
  const views: FilteredView[] = [];
  for (const record of records) {
    const row = stats.get(record.contentId);
    if (row && !isListed(row)) continue;
    const spaceKey = row?.spaceKey ?? record.spaceKey;
    if (filters.spaceKeys?.length && !filters.spaceKeys.includes(spaceKey)) continue;
    if (!cellPasses(filters, cellKey(record.contentType, record.source, record.viewer === ANONYMOUS_VIEWER ? 'a' : 's'))) continue;
    views.push({ contentId: record.contentId, viewer: record.viewer, day: utcDay(record.at) });
  }
  return views;
}

export interface DistinctCounts {
  /** Distinct signed-in viewers (pseudonyms in extended privacy count as people; anonymous visitors do not). */
  viewers: number;
  contents: number;
  /** Distinct signed-in viewers per chart bucket, by the bucket's first day. */
  viewersPerBucket: Map<string, number>;
}

export interface Bucket {
  start: string;
  from: string;
  to: string;
}

/**
 * Distinct figures of one period from its filtered views, or null unless the views are exactly the
 * ones the rollups count (`expectedViews`): a count that differs means records are missing or not
 * yet refiled, and a figure from them would be silently wrong.
 */
export function distinctOfPeriod(views: readonly FilteredView[], range: ReportDayRange, expectedViews: number, buckets: readonly Bucket[]): DistinctCounts | null {
  const inRange = views.filter((view) => view.day >= range.from && view.day <= range.to);
  if (inRange.length !== expectedViews) return null;
  const signedIn = (list: readonly FilteredView[]) => new Set(list.filter((view) => view.viewer !== ANONYMOUS_VIEWER).map((view) => view.viewer)).size;
  return {
    viewers: signedIn(inRange),
    contents: new Set(inRange.map((view) => view.contentId)).size,
    viewersPerBucket: new Map(buckets.map((bucket) => [bucket.start, signedIn(inRange.filter((view) => view.day >= bucket.from && view.day <= bucket.to))])),
  };
}

/** The read's bounds in ms, both included: from the first period's first instant to the last one's last. */
export function readSpan(ranges: readonly ReportDayRange[]): { fromAt: number; toAt: number } {
  const from = ranges.map((range) => range.from).sort()[0] ?? '';
  const to = ranges.map((range) => range.to).sort().reverse()[0] ?? '';
  return { fromAt: dayMs(from), toAt: dayMs(addDays(to, 1)) - 1 };
}

/**
 * Query pages allowed for one read over `partitions` partitions: the bound's records (records of
 * hidden content, which the rollups no longer count, take pages too) plus a part page per partition.
 * A read that does not finish within them counts nothing.
 */
export function pageBudget(partitions: number, maxViews = EXACT_FILTERED_MAX_VIEWS): number {
  return Math.ceil(maxViews / 100) + partitions;
}
