/**
 * Page statistics of one page over a range, for a caller the access module let in: month rows for
 * the range, its previous period and up to today (one query, 2 read units for a year and the year
 * before), plus the all-time totals row. Names never enter the answer: the list of people is a
 * separate call (`pageViewers`) that the access module's people view gates.
 */
import type { Envelope } from '@contracts/envelope';
import type { PageStatistics, RangeTotals } from '@contracts/page-statistics';
import type { DateRange, ResolvedRange } from '@contracts/report-range';
import { MAX_RANGE_DAYS } from '@contracts/report-range';
import type { Settings } from '@contracts/settings';
import type { PageAccess } from '../access';
import { addDays, dayOf, previousPeriod, resolveRange } from '../core/date-range';
import { monthOf } from '../core/model/report-periods';
import { dayFiguresOf, rangeTotals, seriesOf, sourceSplit } from './rules/page-range-stats';
import { contentMonthsBetween } from './storage/content-months';
import { getContentStats } from '../core/storage/content-stats';
import { HIDDEN_CONTENT_MESSAGE, isHidden } from '../core/model/content-status';
import { EXACT_PAST_VIEWERS_MAX_VIEWS, exactViewers, rangeSpan, shouldCountExactly } from './rules/past-viewers';
import { rangeViewers } from './storage/range-view-records';

export async function pageStatistics(access: PageAccess, settings: Settings, requested: DateRange, now: number): Promise<Envelope<PageStatistics>> {
  const today = dayOf(now);
  const contentId = access.content.id;
  const all = requested.kind === 'preset' && requested.preset === 'all';
  const draft = resolveRange(requested, today, all ? addDays(today, -(MAX_RANGE_DAYS - 1)) : null);
  if (!draft.ok) return { ok: false, error: { code: 'invalid-input', message: draft.message, fieldErrors: { range: draft.message } } };
  const readFrom = all ? draft.range.from : previousPeriod(draft.range).from;
  const [rows, stats] = await Promise.all([contentMonthsBetween(contentId, monthOf(readFrom), monthOf(today)), getContentStats(contentId)]);
  // Trashed or archived: hidden like everywhere else (the counts stay stored and return on restore).
  if (stats && isHidden(stats)) return { ok: false, error: { code: 'not-found', message: HIDDEN_CONTENT_MESSAGE } };
  const byDay = dayFiguresOf(rows);
  // All time starts at the first day with a view (today when there is none).
  const firstDay = [...byDay.values()].find((day) => day.views > 0)?.day ?? today;
  const range: ResolvedRange = all ? { from: firstDay, to: today, days: Math.round((Date.parse(today) - Date.parse(firstDay)) / 86_400_000) + 1 } : draft.range;
  const previous = previousPeriod(range);
  const totals = await withExactPastViewers(contentId, range, rangeTotals(byDay, range, today), settings, now);
  return {
    ok: true,
    data: {
      contentId, title: access.content.title, range, previousRange: previous,
      totals,
      previousTotals: rangeTotals(byDay, previous, today),
      daily: seriesOf(byDay, range).map(({ day, views, viewers, anonymousViews }) => ({ day, views, viewers, anonymousViews })),
      sources: sourceSplit(byDay, range),
      allTime: {
        views: stats?.views ?? 0, viewers: stats?.viewers ?? 0, anonymousViews: stats?.anonymousViews ?? 0,
        lastViewedAt: stats && stats.lastViewedAt > 0 ? stats.lastViewedAt : null,
      },
      people: access.people.names ? { visible: true }
        : { visible: false, reason: access.people.reason, ...(access.people.reason === 'hide-viewers' && settings.privacy.viewerNamesGroup === null ? { noGroup: true as const } : {}) },
      viewCounterEnabled: settings.viewCounter,
      ...(settings.privacy.mode === 'extended' ? { viewersCounted: 'person-days' as const } : {}),
    },
  };
}

/**
 * A past range's viewers from month rows are an upper bound; when the range holds few views and
 * retention kept them all, its raw view records make the figure exact (≤ 60 read units more).
 */
async function withExactPastViewers(contentId: string, range: ResolvedRange, totals: RangeTotals, settings: Settings, now: number): Promise<RangeTotals> {
  if (totals.viewersExact || !shouldCountExactly(range, totals.views, settings.privacy.retentionDays, now)) return totals;
  const { fromMs, toMs } = rangeSpan(range);
  const viewers = exactViewers(await rangeViewers(contentId, fromMs, toMs, EXACT_PAST_VIEWERS_MAX_VIEWS), totals.views);
  return viewers === null ? totals : { ...totals, viewers, viewersExact: true };
}
