import type {
  ContentFigure, ReaderFigure, ReportDayRange, ReportFilters, ReportSummary, ReportTotals, SeriesPoint, SourceFigure, SpaceFigure, TypeFigure,
} from '@contracts/report-query';
import type { ContentStatsRow, ViewRecord } from '../../core/model/rows';
import { isListed } from '../../core/model/content-status';
import { daysBetween, lengthInDays, monthOf, monthsBetween, previousRange } from '../../core/model/report-periods';

/**
 * The report's figures under a "readers in a group" filter, from the group members' raw view records:
 * every figure is a plain count over the views that pass the filters, so each one is exact (distinct
 * viewers and content included). Content is judged by its current row (`content-stats`): trashed,
 * archived and purged content is left out, and a moved page counts in the space it is in now.
 */
export interface GroupView {
  contentId: string;
  spaceKey: string;
  contentType: 'page' | 'blogpost';
  viewer: string;
  day: string;
  source: ViewRecord['source'];
  at: number;
}

/** Ranges charted per day up to this many days (as the report without a group filter). */
const DAILY_CHART_DAYS = 92;

/** The views a report shows under its filters: members' signed-in views of listed pages and blog posts. */
export function groupViews(records: readonly ViewRecord[], members: ReadonlySet<string>, stats: ReadonlyMap<string, ContentStatsRow>, filters: ReportFilters): GroupView[] {
  if (filters.audience === 'anonymous') return [];
  return records.flatMap((record) => {
    if (!members.has(record.viewer)) return [];
    const row = stats.get(record.contentId);
    if (row && !isListed(row)) return [];
    const contentType = row?.contentType ?? record.contentType;
    if (contentType === 'attachment') return [];
    const spaceKey = row?.spaceKey ?? record.spaceKey;
    if (filters.spaceKeys?.length && !filters.spaceKeys.includes(spaceKey)) return [];
    if (filters.contentTypes?.length && !filters.contentTypes.includes(contentType)) return [];
    if (filters.sources?.length && !filters.sources.includes(record.source)) return [];
    if (filters.contentIds?.length && !filters.contentIds.includes(record.contentId)) return [];
    return [{ contentId: record.contentId, spaceKey, contentType, viewer: record.viewer, day: new Date(record.at).toISOString().slice(0, 10), source: record.source, at: record.at }];
  });
}

const within = (range: ReportDayRange) => (view: GroupView) => view.day >= range.from && view.day <= range.to;

function totals(views: readonly GroupView[]): ReportTotals {
  return {
    views: views.length, anonymousViews: 0,
    viewers: { value: new Set(views.map((view) => view.viewer)).size, exact: true },
    contentViewed: { value: new Set(views.map((view) => view.contentId)).size, exact: true },
  };
}

function point(start: string, views: readonly GroupView[]): SeriesPoint {
  return { start, views: views.length, viewers: new Set(views.map((view) => view.viewer)).size };
}

/** Tiles and chart: the range and the period of the same length before it. */
export function groupSummary(views: readonly GroupView[], range: ReportDayRange): ReportSummary {
  const previous = previousRange(range);
  const current = views.filter(within(range));
  const daily = lengthInDays(range) <= DAILY_CHART_DAYS;
  const series = daily
    ? daysBetween(range.from, range.to).map((day) => point(day, current.filter((view) => view.day === day)))
    : monthsBetween(range.from, range.to).map((month) => point(range.from > `${month}-01` ? range.from : `${month}-01`, current.filter((view) => monthOf(view.day) === month)));
  return { range, previousRange: previous, current: totals(current), previous: totals(views.filter(within(previous))), granularity: daily ? 'day' : 'month', series };
}

const byViews = <R extends { views: number }>(key: (row: R) => string) => (a: R, b: R) => b.views - a.views || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function countBy<K>(views: readonly GroupView[], keyOf: (view: GroupView) => K): Map<K, GroupView[]> {
  const groups = new Map<K, GroupView[]>();
  for (const view of views) {
    const key = keyOf(view);
    const list = groups.get(key);
    if (list) list.push(view);
    else groups.set(key, [view]);
  }
  return groups;
}

export function groupTopContent(views: readonly GroupView[], range: ReportDayRange, stats: ReadonlyMap<string, ContentStatsRow>): ContentFigure[] {
  return [...countBy(views.filter(within(range)), (view) => view.contentId)].map(([contentId, list]) => {
    const first = list[0]!;
    const row = stats.get(contentId);
    return {
      contentId, spaceKey: first.spaceKey, contentType: first.contentType, title: row?.title ?? '', titleHidden: false, spaceName: first.spaceKey,
      views: list.length, lastViewedAt: Math.max(...list.map((view) => view.at)),
    };
  }).sort(byViews((row) => row.contentId));
}

export function groupTopSpaces(views: readonly GroupView[], range: ReportDayRange): SpaceFigure[] {
  return [...countBy(views.filter(within(range)), (view) => view.spaceKey)].map(([spaceKey, list]) => ({
    spaceKey, spaceName: spaceKey, views: list.length, anonymousViews: 0,
    pageViews: list.filter((view) => view.contentType === 'page').length, blogpostViews: list.filter((view) => view.contentType === 'blogpost').length,
  })).sort(byViews((row) => row.spaceKey));
}

export function groupTopReaders(views: readonly GroupView[], range: ReportDayRange): ReaderFigure[] {
  return [...countBy(views.filter(within(range)), (view) => view.viewer)].map(([viewer, list]) => ({ viewer, name: viewer, views: list.length })).sort(byViews((row) => row.viewer));
}

export function groupBySource(views: readonly GroupView[], range: ReportDayRange): SourceFigure[] {
  return [...countBy(views.filter(within(range)), (view) => view.source)].map(([source, list]) => ({ source, views: list.length })).sort(byViews((row) => row.source));
}

export function groupByType(views: readonly GroupView[], range: ReportDayRange): TypeFigure[] {
  return [...countBy(views.filter(within(range)), (view) => view.contentType)].map(([contentType, list]) => ({ contentType, views: list.length })).sort(byViews((row) => row.contentType));
}
