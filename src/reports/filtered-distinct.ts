import type { ReportFilters } from '@contracts/report-query';
import {
  distinctOfPeriod, EXACT_FILTERED_MAX_VIEWS, filteredViews, pageBudget, planFilteredRead, readSpan,
  type Bucket, type DistinctCounts, type PeriodCandidate, type PeriodName,
} from './rules/filtered-distinct';
import { contentStatsOf } from './storage/report-lookups';
import { viewsOfPartitionsBetween } from '../core/storage/partition-views';
import { currentSettings } from '../settings/index';

export interface FilteredDistinct {
  current: DistinctCounts | null;
  previous: DistinctCounts | null;
  /** Why a period's figures were not counted, for the report's notes. */
  notes: Array<{ periods: PeriodName[]; text: string }>;
}

const PERIOD_LABEL: Record<PeriodName, string> = { current: 'this range', previous: 'the previous period' };
const COUNTED = 'With these filters, signed-in viewers and content viewed are counted from individual views';
const tooMany = (held: Array<{ name: PeriodName; views: number }>) =>
  `${COUNTED} when the range and the previous period hold at most ${EXACT_FILTERED_MAX_VIEWS.toLocaleString('en')} views; ${held.map(({ name, views }) => `${PERIOD_LABEL[name]} holds ${views.toLocaleString('en')}`).join(', ')}.`;
const tooManyRecords = (name: PeriodName) =>
  `${COUNTED}, at most ${EXACT_FILTERED_MAX_VIEWS.toLocaleString('en')}; those of ${PERIOD_LABEL[name]} are more (views of trashed or archived content are still stored).`;
const retained = (names: PeriodName[], days: number) =>
  `Individual views are kept ${days} days (retention setting): with these filters, signed-in viewers and content viewed of ${names.map((name) => PERIOD_LABEL[name]).join(' and ')} cannot be counted.`;
const disagree = (name: PeriodName) =>
  `The individual views of ${PERIOD_LABEL[name]} do not add up to its stored totals (content being moved, or views removed earlier): with these filters its signed-in viewers and content viewed are not counted.`;

/**
 * Distinct signed-in viewers and content of a filtered report (spaces, content types, sources), exact
 * from the raw view records where the rollups say the range and its previous period hold few enough
 * views (`planFilteredRead`): the filtered spaces' records (`by-space`), or the site's (`by-time`)
 * for a type or source filter alone, with the content rows of what they name (status, current space).
 */
export async function filteredDistinct(
  candidates: PeriodCandidate[], filters: ReportFilters, spaceKeys: string[] | null, today: string, buckets: Bucket[],
): Promise<FilteredDistinct> {
  const retentionDays = (await currentSettings()).privacy.retentionDays;
  const plan = planFilteredRead(candidates, retentionDays, today);
  const result: FilteredDistinct = { current: null, previous: null, notes: [] };
  for (const name of plan.empty) result[name] = { viewers: 0, contents: 0, viewersPerBucket: new Map(buckets.map((bucket) => [bucket.start, 0])) };
  const crowded = plan.skipped.filter((skip) => skip.reason === 'too-many-views').map(({ name }) => ({ name, views: candidates.find((c) => c.name === name)?.storedViews ?? 0 }));
  if (crowded.length) result.notes.push({ periods: crowded.map(({ name }) => name), text: tooMany(crowded) });
  const aged = plan.skipped.filter((skip) => skip.reason === 'retention').map(({ name }) => name);
  if (aged.length) result.notes.push({ periods: aged, text: retained(aged, retentionDays ?? 0) });
  if (plan.read.length === 0) return result;
  const reading = candidates.filter((candidate) => plan.read.includes(candidate.name));
  const { fromAt, toAt } = readSpan(reading.map((candidate) => candidate.range));
  const partitions = spaceKeys ?? ['site'];
  const read = await viewsOfPartitionsBetween(spaceKeys ? 'by-space' : 'by-time', partitions, fromAt, toAt, pageBudget(partitions.length), () => true);
  if (read.completeAfter !== null) {
    for (const candidate of reading) result.notes.push({ periods: [candidate.name], text: tooManyRecords(candidate.name) });
    return result;
  }
  const stats = await contentStatsOf([...new Set(read.views.map((view) => view.contentId))]);
  const views = filteredViews(read.views, stats, filters);
  for (const candidate of reading) {
    const counts = distinctOfPeriod(views, candidate.range, candidate.filteredViews, candidate.name === 'current' ? buckets : []);
    if (counts) result[candidate.name] = counts;
    else result.notes.push({ periods: [candidate.name], text: disagree(candidate.name) });
  }
  return result;
}
