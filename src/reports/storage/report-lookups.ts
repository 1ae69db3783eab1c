import { kvs } from '@forge/kvs';
import type { ReportDayRange, ReportFilters } from '@contracts/report-query';
import { addRow, emptyFigures, type PeriodFigures } from '../rules/report-figures';
import { monthsBetween, type Decomposition } from '../../core/model/report-periods';
import { ROLLUP_SHARDS, type RollupRow, type ViewerMonthRow } from '../../core/model/report-rows';
import type { ContentMonthRow } from '../../core/model/content-month';
import { cellViews, monthViewsInRange } from '../rules/content-filter';
import type { ContentDayRow, ContentStatsRow } from '../../core/model/rows';
import { decode } from '../../core/storage/codecs';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { valuesByKey } from '../../core/storage/batch-read';

type Item = { key: string; entityName: string };

const getAll = (items: Item[]): Promise<Map<string, unknown>> => valuesByKey(items);

function inRange(month: string, days: Record<string, number>, range: ReportDayRange): number {
  let total = 0;
  for (const [dd, views] of Object.entries(days)) {
    const day = `${month}-${dd}`;
    if (day >= range.from && day <= range.to) total += views;
  }
  return total;
}

/**
 * Exact views of each content over the range, under the filters' sources and audience: its month rows
 * (with their days), ⌈ids × months / 25⌉ reads, plus the `content-day` rows of edge days a month row
 * cannot split (both a source and an audience filter, anonymous views from several sources: rare).
 * `skip` names months the caller already knows (a whole month's row read in a ranking list): not read, not counted.
 */
export async function contentViewsInRange(ids: string[], range: ReportDayRange, skip: (id: string, month: string) => boolean = () => false, filters: ReportFilters = {}): Promise<Map<string, { views: number; row: ContentMonthRow }>> {
  const months = monthsBetween(range.from, range.to);
  const found = await getAll(ids.flatMap((id) => months.filter((month) => !skip(id, month)).map((month) => ({ key: KEYS.contentMonth(id, month), entityName: ENTITY.contentMonth }))));
  const totals = new Map<string, { views: number; row: ContentMonthRow }>();
  const unresolved: Item[] = [];
  for (const value of found.values()) {
    const row = decode.contentMonth(value);
    const share = monthViewsInRange(row, range, filters);
    for (const day of share.unresolved) unresolved.push({ key: KEYS.contentDay(row.contentId, day), entityName: ENTITY.contentDay });
    const previous = totals.get(row.contentId);
    totals.set(row.contentId, { views: (previous?.views ?? 0) + share.views, row });
  }
  for (const value of (await getAll(unresolved)).values()) {
    const row = decode.contentDay(value);
    const entry = totals.get(row.contentId);
    if (entry) entry.views += cellViews(row.cells, filters);
  }
  return totals;
}

export async function viewerViewsInRange(ids: string[], range: ReportDayRange): Promise<Map<string, number>> {
  const months = monthsBetween(range.from, range.to);
  const found = await getAll(ids.flatMap((id) => months.map((month) => ({ key: KEYS.viewerMonth(id, month), entityName: ENTITY.viewerMonth }))));
  const totals = new Map<string, number>();
  for (const value of found.values()) {
    const row: ViewerMonthRow = decodeReport.viewerMonth(value);
    totals.set(row.viewer, (totals.get(row.viewer) ?? 0) + inRange(row.month, row.days, range));
  }
  return totals;
}

/** Exact figures of each space over a decomposed range: its rollup rows of every period and shard. */
export async function spaceFiguresInRange(spaceKeys: string[], parts: Decomposition, filters: ReportFilters): Promise<Map<string, PeriodFigures>> {
  const signed = [...parts.plus.map((period) => ({ period, sign: 1 })), ...parts.minus.map((period) => ({ period, sign: -1 }))];
  const items = spaceKeys.flatMap((scope) => signed.flatMap(({ period }) => Array.from({ length: ROLLUP_SHARDS }, (_, shard) =>
    ({ key: KEYS.rollup(scope, period.level, period.key, shard), entityName: ENTITY.rollup }))));
  const found = await getAll(items);
  const figures = new Map(spaceKeys.map((key) => [key, emptyFigures()]));
  for (const scope of spaceKeys) {
    for (const { period, sign } of signed) {
      for (let shard = 0; shard < ROLLUP_SHARDS; shard += 1) {
        const value = found.get(KEYS.rollup(scope, period.level, period.key, shard));
        if (value !== undefined) addRow(figures.get(scope)!, decodeReport.rollup(value), filters, sign);
      }
    }
  }
  return figures;
}

/** All-time rows (title, last view) of the content shown. */
export async function contentStatsOf(ids: string[]): Promise<Map<string, ContentStatsRow>> {
  const found = await getAll(ids.map((id) => ({ key: KEYS.contentStats(id), entityName: ENTITY.contentStats })));
  return new Map([...found.values()].map((value) => {
    const row = decode.contentStats(value);
    return [row.contentId, row] as const;
  }));
}


/** The `content-month` rows of these content for these months (absent rows: no view that month). */
export async function contentMonthRows(ids: readonly string[], months: readonly string[]): Promise<ContentMonthRow[]> {
  const found = await getAll(ids.flatMap((id) => months.map((month) => ({ key: KEYS.contentMonth(id, month), entityName: ENTITY.contentMonth }))));
  return [...found.values()].map((value) => decode.contentMonth(value));
}

/** `content-day` rows by `contentId|day`. */
export async function contentDayRows(days: readonly string[]): Promise<Map<string, ContentDayRow>> {
  const found = await getAll(days.map((entry) => {
    const [contentId = '', day = ''] = entry.split('|');
    return { key: KEYS.contentDay(contentId, day), entityName: ENTITY.contentDay };
  }));
  return new Map([...found.values()].map((value) => {
    const row = decode.contentDay(value);
    return [`${row.contentId}|${row.day}`, row] as const;
  }));
}
