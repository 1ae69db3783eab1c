/**
 * Backfill of `content-month` rows from `content-day` rows (pure): content viewed before month rows
 * existed has day rows only, so its period figures started at the upgrade. Since then every counted
 * view changes its day row and its month row in one transaction, so a day's missing share is exactly
 * `day row − month row` (views, anonymous views, views per source, report cells). The backfill adds
 * that share, and the same share to the month rollups the row counts in (rollup = sum of the listed
 * month rows, as lifecycle keeps it). On days that lacked views it also sets what else is exact:
 * `lastViewers` from the content's viewer rows (whose latest view is on that day) and the day's
 * distinct viewers from the raw view records when all of that day's records are still there
 * (retention may have deleted them; then the day keeps the viewers the month row counted).
 * A second run finds no missing share and writes nothing.
 */
import type { Source } from '@contracts/settings';
import { SOURCES } from '@contracts/settings';
import { daysInMonth, emptyMonth, settleTotals, type ContentMonthRow } from '../../core/model/content-month';
import { RollupMoves, rollupsTouched, type RollupTarget } from '../../core/model/lifecycle-rollups';
import type { RollupRow } from '../../core/model/report-rows';
import { isListedStatus } from '../../core/model/content-status';
import { expectVersion, type RowOp } from '../../core/model/row-ops';
import type { ContentDayRow, ContentStatsRow, ViewerContentRow, ViewRecord } from '../../core/model/rows';
import { ANONYMOUS_VIEWER, utcDay } from '../../core/model/view';

export interface MonthFacts {
  content: Pick<ContentStatsRow, 'contentId' | 'spaceKey' | 'status' | 'contentType'>;
  month: string;
  /** The content's day rows of this month. */
  days: readonly ContentDayRow[];
  stored: ContentMonthRow | undefined;
  /** Every viewer row of the content, and every view record of this month still stored. */
  viewerRows: readonly ViewerContentRow[];
  records: readonly ViewRecord[];
}

const dayIndex = (day: string) => Number(day.slice(8, 10)) - 1;

/** The merged row, or null when the month row already holds every day's views (nothing to write). */
export function backfilledMonth(facts: MonthFacts): ContentMonthRow | null {
  const { content, month, stored } = facts;
  const base = stored ?? emptyMonth(content.contentId, content.spaceKey, month, content.contentType, content.status);
  const lacking = facts.days.filter((day) => day.views > (base.views[dayIndex(day.day)] ?? 0));
  // A row written before months carried their anonymous total is missing from the anonymous
  // ranking indexes: it is rewritten with the total (nothing else changes).
  if (lacking.length === 0) {
    if (!stored) return null;
    const settled = settleTotals(stored);
    if (settled.monthViews === stored.monthViews && settled.monthAnonymousViews === stored.monthAnonymousViews) return null;
    return { ...settled, version: stored.version + 1 };
  }
  const row: ContentMonthRow = {
    ...base, views: [...base.views], anonymousViews: [...base.anonymousViews], viewers: [...base.viewers], lastViewers: [...base.lastViewers],
    sources: Object.fromEntries(Object.entries(base.sources).map(([source, counts]) => [source, [...counts]])), cells: { ...base.cells },
  };
  const latestOn = new Map<string, number>();
  for (const viewer of facts.viewerRows) latestOn.set(utcDay(viewer.lastAt), (latestOn.get(utcDay(viewer.lastAt)) ?? 0) + 1);
  const recordsOn = new Map<string, ViewRecord[]>();
  for (const record of facts.records) recordsOn.set(utcDay(record.at), [...(recordsOn.get(utcDay(record.at)) ?? []), record]);
  for (const day of lacking) {
    const index = dayIndex(day.day);
    row.views[index] = day.views;
    row.anonymousViews[index] = Math.max(row.anonymousViews[index] ?? 0, day.anonymousViews);
    for (const source of SOURCES) addSource(row, source, index, day.bySource[source] ?? 0, month);
    row.lastViewers[index] = latestOn.get(day.day) ?? 0;
    const records = recordsOn.get(day.day) ?? [];
    if (records.length === day.views) row.viewers[index] = new Set(records.map((r) => r.viewer).filter((v) => v !== ANONYMOUS_VIEWER)).size;
  }
  // Cells: the month's share per cell is the sum of its days' cells (the view path adds to both).
  const dayCells: Record<string, number> = {};
  for (const day of facts.days) for (const [cell, views] of Object.entries(day.cells)) dayCells[cell] = (dayCells[cell] ?? 0) + views;
  for (const [cell, views] of Object.entries(dayCells)) row.cells[cell] = Math.max(row.cells[cell] ?? 0, views);
  return { ...settleTotals(row), version: base.version + 1 };
}


function addSource(row: ContentMonthRow, source: Source, index: number, dayViews: number, month: string): void {
  if (dayViews === 0) return;
  const counts = row.sources[source] ?? new Array<number>(daysInMonth(month)).fill(0);
  counts[index] = Math.max(counts[index] ?? 0, dayViews);
  row.sources[source] = counts;
}

/** The rollup rows a backfilled month counts in (its space's and the site's month rows). */
export function backfillRollups(content: Pick<ContentStatsRow, 'contentId' | 'spaceKey'>, month: string): RollupTarget[] {
  return rollupsTouched({ contentId: content.contentId, spaceKey: content.spaceKey, status: 'current', period: month, views: 0, cells: {} }, content, 'month');
}

/**
 * One transaction: the merged row, written only over the version read (or only if still absent, so
 * a view that created the row meanwhile is never overwritten: the caller re-reads and merges again),
 * and its added share in the month rollups when the content is listed (a new row also counts once
 * as distinct content, as a view creating it would).
 */
export function monthBackfillOps(stored: ContentMonthRow | undefined, next: ContentMonthRow, rollups: ReadonlyMap<string, RollupRow>): RowOp[] {
  const moves = new RollupMoves('month');
  const share = (row: ContentMonthRow) => ({ contentId: row.contentId, spaceKey: row.spaceKey, status: row.status, period: row.month, views: row.monthViews, cells: row.cells });
  if (isListedStatus(next.status)) {
    if (stored) moves.settle(share(stored), null);
    moves.settle({ ...share(next), status: 'trashed' }, { spaceKey: next.spaceKey, status: next.status });
  }
  return [{ kind: 'put', row: { entity: 'content-month', value: next }, expect: expectVersion(stored) }, ...moves.ops(rollups)];
}
