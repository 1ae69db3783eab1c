import type { Estimate, ReportDayRange, ReportFilters, ReportSummary, ReportTotals, SeriesPoint } from '@contracts/report-query';
import { combine, emptyFigures, figuresByPeriod, type PeriodFigures } from './rules/report-figures';
import { daysBetween, decomposeRange, lengthInDays, monthEnd, monthOf, monthsBetween, previousRange, type Period } from '../core/model/report-periods';
import { coverRange } from '../core/model/sketch-periods';
import { estimateDistinct } from '../core/model/hyperloglog';
import type { Bucket, DistinctCounts } from './rules/filtered-distinct';
import { periodRollupRows } from './storage/report-figures-store';
import { sketchUnion } from './storage/report-rollups';
import { filteredDistinct, type FilteredDistinct } from './filtered-distinct';
import { loadContentSet } from './content-set';
import { sumOfSet } from './rules/content-set-figures';

/** Ranges up to this long are charted per day, longer ones per month. */
export const DAILY_CHART_DAYS = 92;
/** Tiles may read a month minus up to 15 of its days (often days the chart reads anyway). */
const SUM_SUBTRACTED_DAYS = 15;

/**
 * Tiles and chart of a report: the range and the previous period of the same length, from rollup
 * rows (exact sums of cells for every filter combination), distinct counts exact for a single day
 * or month and estimated from sketches otherwise. Under a space, type or source filter the distinct
 * counts come from the raw view records where the rollups show there are few enough (filtered-distinct.ts).
 */
export async function reportSummary(range: ReportDayRange, filters: ReportFilters, today: string): Promise<ReportSummary> {
  if (filters.contentIds?.length) return contentSetSummary(range, filters);
  const previous = previousRange(range);
  const daily = lengthInDays(range) <= DAILY_CHART_DAYS;
  const spaceKeys = filters.spaceKeys?.length ? filters.spaceKeys : null;
  const current = decomposeRange(range, today, SUM_SUBTRACTED_DAYS);
  const before = decomposeRange(previous, today, SUM_SUBTRACTED_DAYS);
  const shownDays: Period[] = daily ? daysBetween(range.from, range.to < today ? range.to : today).map((key) => ({ level: 'd', key })) : [];
  // A range that is one whole period (this month, last month, the last 7 days on the 7th) takes its
  // exact distinct counts from that period's own row: the days' rows would count a person once a day.
  const singleMonth = daily && isSingle(current) && current.plus[0]!.level === 'm' ? current.plus : [];
  const periods: Period[] = [...shownDays, ...singleMonth, ...before.plus, ...before.minus, ...(daily ? [] : [...current.plus, ...current.minus])];
  const rows = await periodRollupRows(spaceKeys, periods);
  const figures = figuresByPeriod(rows, filters);
  const totalsOf = (of: ReadonlyMap<string, PeriodFigures>, part: { from: string; to: string }, decomposition: typeof current) => daily && part === range
    ? combine(of, shownDays, [])
    : combine(of, decomposition.plus, decomposition.minus);
  const fromRecords = countsFromRecords(filters, spaceKeys)
    ? await recordCounts({ range, previous, filters, spaceKeys, today, daily }, figures, figuresByPeriod(rows, {}), (of, part) => totalsOf(of, part, part === range ? current : before))
    : null;
  const [currentDistinct, previousDistinct] = await Promise.all([
    fromRecords?.current ? recordDistinct(fromRecords.current) : distinct(range, filters, spaceKeys, today, figures, current),
    fromRecords?.previous ? recordDistinct(fromRecords.previous) : distinct(previous, filters, spaceKeys, today, figures, before),
  ]);
  const series = (daily ? dailySeries(range, figures) : monthlySeries(range, figures, current)).map((point) => {
    if (fromRecords?.current) return { ...point, viewers: fromRecords.current.viewersPerBucket.get(point.start) ?? 0 };
    return spaceKeys || narrowedFilters(filters) ? { ...point, viewers: null } : point;
  });
  // Say why a figure is missing (not where the rollups' own answer stands in for it).
  const missing = { current: !currentDistinct.viewers || !currentDistinct.contentViewed, previous: !previousDistinct.viewers || !previousDistinct.contentViewed };
  const notes = (fromRecords?.notes ?? []).filter((note) => note.periods.some((period) => missing[period])).map((note) => note.text);
  return {
    range, previousRange: previous,
    current: { ...figuresToTotals(totalsOf(figures, range, current)), ...currentDistinct },
    previous: { ...figuresToTotals(totalsOf(figures, previous, before)), ...previousDistinct },
    granularity: daily ? 'day' : 'month',
    series,
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * Tiles and chart of a set of content (`contentIds`), from the content's own rows: views, anonymous
 * views and "content viewed" exact under every other filter; distinct viewers are not known for a set
 * (one person reads several of its pages), so that tile is left out (0 when only anonymous views count).
 */
async function contentSetSummary(range: ReportDayRange, filters: ReportFilters): Promise<ReportSummary> {
  const previous = previousRange(range);
  const daily = lengthInDays(range) <= DAILY_CHART_DAYS;
  const buckets = chartBuckets(range, daily);
  const set = await loadContentSet(filters, [range, previous, ...buckets]);
  const anonymousOnly = filters.audience === 'anonymous';
  const totals = (part: ReportDayRange): ReportTotals => {
    const sum = sumOfSet(set.figures(part));
    return { views: sum.views, anonymousViews: sum.anonymousViews, viewers: anonymousOnly ? { value: 0, exact: true } : null, contentViewed: { value: sum.contents, exact: true } };
  };
  return {
    range, previousRange: previous,
    current: totals(range),
    previous: totals(previous),
    granularity: daily ? 'day' : 'month',
    series: buckets.map((bucket) => ({ start: bucket.start, views: sumOfSet(set.figures(bucket, false)).views, viewers: null })),
  };
}

/** Filters whose distinct counts the view records can give (a group filter has its own path; a content set is not read). */
function countsFromRecords(filters: ReportFilters, spaceKeys: string[] | null): boolean {
  if (filters.groupId || filters.contentIds?.length) return false;
  return Boolean(spaceKeys || filters.contentTypes?.length || filters.sources?.length);
}

/** The record counts of both periods: the rollups give each one's filtered views and the records to read. */
function recordCounts(
  { range, previous, filters, spaceKeys, today, daily }: { range: ReportDayRange; previous: ReportDayRange; filters: ReportFilters; spaceKeys: string[] | null; today: string; daily: boolean },
  filtered: ReadonlyMap<string, PeriodFigures>, stored: ReadonlyMap<string, PeriodFigures>,
  totals: (of: ReadonlyMap<string, PeriodFigures>, part: ReportDayRange) => PeriodFigures,
): Promise<FilteredDistinct> {
  const candidate = (name: 'current' | 'previous', part: ReportDayRange) => ({ name, range: part, filteredViews: totals(filtered, part).views, storedViews: totals(stored, part).views });
  return filteredDistinct([candidate('current', range), candidate('previous', previous)], filters, spaceKeys, today, chartBuckets(range, daily));
}

function recordDistinct(counts: DistinctCounts): Pick<ReportTotals, 'viewers' | 'contentViewed'> {
  return { viewers: { value: counts.viewers, exact: true }, contentViewed: { value: counts.contents, exact: true } };
}

/** The chart's buckets: each day, or each month of the range (the first and last cut to the range). */
function chartBuckets(range: ReportDayRange, daily: boolean): Bucket[] {
  if (daily) return daysBetween(range.from, range.to).map((day) => ({ start: day, from: day, to: day }));
  return monthsBetween(range.from, range.to).map((month) => {
    const start = range.from > `${month}-01` ? range.from : `${month}-01`;
    return { start, from: start, to: range.to < monthEnd(month) ? range.to : monthEnd(month) };
  });
}

function figuresToTotals(figures: PeriodFigures): Pick<ReportTotals, 'views' | 'anonymousViews'> {
  return { views: figures.views, anonymousViews: figures.anonymousViews };
}

function isSingle(parts: ReturnType<typeof decomposeRange>): boolean {
  return parts.plus.length === 1 && parts.minus.length === 0;
}

/**
 * Distinct viewers and content of a range: exact only where one stored row counts them (the range is
 * one day or one whole month: its row's `viewers`/`contents`), estimated from sketches otherwise
 * (`exact: false`, which the UI shows as "about"). Figures of several rows are never summed: a
 * person who read on two days is one viewer.
 */
async function distinct(range: ReportDayRange, filters: ReportFilters, spaceKeys: string[] | null, today: string, figures: ReadonlyMap<string, PeriodFigures>, parts: ReturnType<typeof decomposeRange>): Promise<Pick<ReportTotals, 'viewers' | 'contentViewed'>> {
  const narrowed = narrowedFilters(filters);
  const anonymousOnly = filters.audience === 'anonymous';
  const exact = (value: number): Estimate => ({ value, exact: true });
  if (narrowed) return { viewers: anonymousOnly ? exact(0) : null, contentViewed: null };
  if (isSingle(parts)) {
    const row = combine(figures, parts.plus, []);
    return { viewers: anonymousOnly ? exact(0) : spaceKeys ? null : exact(row.viewers), contentViewed: filters.audience && filters.audience !== 'all' ? null : exact(row.contents) };
  }
  if (spaceKeys) return { viewers: anonymousOnly ? exact(0) : null, contentViewed: null };
  const cover = coverRange(range, today);
  const [viewers, contents] = await Promise.all([
    anonymousOnly ? Promise.resolve(null) : sketchUnion('viewers', cover),
    filters.audience && filters.audience !== 'all' ? Promise.resolve(null) : sketchUnion('contents', cover),
  ]);
  return {
    viewers: anonymousOnly ? exact(0) : viewers ? { value: estimateDistinct(viewers), exact: false } : null,
    contentViewed: contents ? { value: estimateDistinct(contents), exact: false } : null,
  };
}

function dailySeries(range: ReportDayRange, figures: ReadonlyMap<string, PeriodFigures>): SeriesPoint[] {
  return daysBetween(range.from, range.to).map((day) => {
    const part = figures.get(day) ?? emptyFigures();
    return { start: day, views: part.views, viewers: part.viewers };
  });
}

function monthlySeries(range: ReportDayRange, figures: ReadonlyMap<string, PeriodFigures>, parts: ReturnType<typeof decomposeRange>): SeriesPoint[] {
  return monthsBetween(range.from, range.to).map((month) => {
    const plus = parts.plus.filter((period) => (period.level === 'm' ? period.key : monthOf(period.key)) === month);
    const minus = parts.minus.filter((period) => monthOf(period.key) === month);
    const part = combine(figures, plus, minus);
    const whole = plus.length === 1 && plus[0]?.level === 'm' && minus.length === 0;
    const start = range.from > `${month}-01` ? range.from : `${month}-01`;
    return { start, views: part.views, viewers: whole ? part.viewers : null };
  });
}

/** Filters that distinct counts cannot follow (rows count distinct viewers and content unfiltered). */
function narrowedFilters(filters: ReportFilters): boolean {
  return Boolean(filters.contentTypes?.length || filters.sources?.length || filters.groupId || filters.contentIds?.length);
}
