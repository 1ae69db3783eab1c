/**
 * Range figures of one page from its month rows (pure): views, anonymous views, distinct signed-in
 * viewers, first and last view day, per-day series and the split by source.
 */
import type { RangeTotals } from '@contracts/page-statistics';
import type { ResolvedRange } from '@contracts/report-range';
import type { Source } from '@contracts/settings';
import { SOURCES } from '@contracts/settings';
import type { ContentMonthRow } from '../../core/model/content-month';
import { daysOf } from '../../core/date-range';

export interface DayFigures {
  day: string;
  views: number;
  viewers: number;
  anonymousViews: number;
  lastViewers: number;
  sources: Partial<Record<Source, number>>;
}

/** Figures of every day the rows cover, by day. */
export function dayFiguresOf(rows: readonly ContentMonthRow[]): Map<string, DayFigures> {
  const byDay = new Map<string, DayFigures>();
  for (const row of rows) {
    row.views.forEach((views, index) => {
      const day = `${row.month}-${String(index + 1).padStart(2, '0')}`;
      const sources: Partial<Record<Source, number>> = {};
      for (const source of SOURCES) {
        const count = row.sources[source]?.[index] ?? 0;
        if (count !== 0) sources[source] = count;
      }
      byDay.set(day, {
        day, views, viewers: row.viewers[index] ?? 0, anonymousViews: row.anonymousViews[index] ?? 0,
        lastViewers: row.lastViewers[index] ?? 0, sources,
      });
    });
  }
  return byDay;
}

const EMPTY = (day: string): DayFigures => ({ day, views: 0, viewers: 0, anonymousViews: 0, lastViewers: 0, sources: {} });

export function seriesOf(byDay: ReadonlyMap<string, DayFigures>, range: ResolvedRange): DayFigures[] {
  return daysOf(range).map((day) => byDay.get(day) ?? EMPTY(day));
}

/**
 * Distinct viewers: `lastViewers` summed from the range's first day to today counts everyone whose
 * latest view is since then, which for a range ending today is exactly who viewed in it. For a range
 * in the past the same sum may include people who only came back later, and the sum of daily
 * viewers may count one person on several days: the smaller of the two is an upper bound.
 */
export function rangeTotals(byDay: ReadonlyMap<string, DayFigures>, range: ResolvedRange, today: string): RangeTotals {
  const series = seriesOf(byDay, range);
  const viewed = series.filter((day) => day.views > 0);
  const sinceFrom = [...byDay.values()].filter((day) => day.day >= range.from && day.day <= today).reduce((sum, day) => sum + day.lastViewers, 0);
  const dailySum = series.reduce((sum, day) => sum + day.viewers, 0);
  // One day's distinct viewers are stored as such: exact too.
  const oneDay = range.days === 1;
  const exact = oneDay || range.to === today;
  return {
    views: series.reduce((sum, day) => sum + day.views, 0),
    anonymousViews: series.reduce((sum, day) => sum + day.anonymousViews, 0),
    viewers: Math.max(0, oneDay ? dailySum : exact ? sinceFrom : Math.min(sinceFrom, dailySum)),
    viewersExact: exact,
    firstViewDay: viewed[0]?.day ?? null,
    lastViewDay: viewed[viewed.length - 1]?.day ?? null,
  };
}

export function sourceSplit(byDay: ReadonlyMap<string, DayFigures>, range: ResolvedRange): Array<{ source: Source; views: number }> {
  const totals = new Map<Source, number>();
  for (const day of seriesOf(byDay, range)) {
    for (const [source, views] of Object.entries(day.sources)) {
      const known = SOURCES.find((candidate) => candidate === source);
      if (known && views) totals.set(known, (totals.get(known) ?? 0) + views);
    }
  }
  return [...totals].filter(([, views]) => views !== 0).map(([source, views]) => ({ source, views })).sort((a, b) => b.views - a.views);
}
