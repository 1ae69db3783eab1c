import { expectVersion, type RowOp } from '../../core/model/row-ops';
import type { ViewerContentRow, ViewerDayRow, ViewRecord } from '../../core/model/rows';
import type { ViewerMonthRow } from '../../core/model/report-rows';
import { ANONYMOUS_VIEWER, utcDay } from '../../core/model/view';
import { monthOf } from '../../core/model/report-periods';

/** View records deleted per transaction: each may touch one viewer-day and one viewer-month row, so 8 × 3 ≤ 25. */
export const RECORDS_PER_PURGE = 8;

export const viewerDayId = (viewer: string, day: string) => `${viewer}|${day}`;
export const viewerMonthId = (viewer: string, month: string) => `${viewer}|${month}`;

/** The viewer-month rows (report rollups: top readers over long ranges) a batch of records counted in. */
export function viewerMonthsOf(records: readonly ViewRecord[]): Array<{ viewer: string; month: string }> {
  return viewerDaysOf(records).map(({ viewer, day }) => ({ viewer, month: monthOf(day) }))
    .filter((row, index, all) => all.findIndex((other) => other.viewer === row.viewer && other.month === row.month) === index);
}

/** The viewer-day rows a batch of view records counted in (anonymous views have none). */
export function viewerDaysOf(records: readonly ViewRecord[]): Array<{ viewer: string; day: string }> {
  const seen = new Map<string, { viewer: string; day: string }>();
  for (const record of records) {
    if (record.viewer === ANONYMOUS_VIEWER) continue;
    seen.set(viewerDayId(record.viewer, utcDay(record.at)), { viewer: record.viewer, day: utcDay(record.at) });
  }
  return [...seen.values()];
}

/**
 * Purge, records part: deletes view records (only if still there, so a retried batch cannot take
 * a view out twice) and takes them out of their viewers' daily rows, so "most active readers" and
 * the site's totals agree after the purge.
 */
export function planRecordPurge(records: readonly ViewRecord[], viewerDays: ReadonlyMap<string, ViewerDayRow>, viewerMonths: ReadonlyMap<string, ViewerMonthRow> = new Map()): RowOp[] {
  const ops: RowOp[] = records.map((value): RowOp => ({ kind: 'delete', row: { entity: 'view', value }, expect: { kind: 'present' } }));
  const minus = new Map<string, number>();
  for (const record of records) {
    if (record.viewer === ANONYMOUS_VIEWER) continue;
    const id = viewerDayId(record.viewer, utcDay(record.at));
    minus.set(id, (minus.get(id) ?? 0) + 1);
  }
  for (const [id, count] of minus) {
    const row = viewerDays.get(id);
    // A row already gone (retention) has nothing left to correct.
    if (!row) continue;
    ops.push({ kind: 'put', row: { entity: 'viewer-day', value: { ...row, views: row.views - count, version: row.version + 1 } }, expect: expectVersion(row) });
  }
  // The viewer's month rollup loses the same views, day by day. A row at 0 stays (a view later that
  // month must not count the viewer as new again: the site's distinct viewers are not decremented).
  const monthly = new Map<string, ViewerMonthRow>();
  for (const record of records) {
    if (record.viewer === ANONYMOUS_VIEWER) continue;
    const day = utcDay(record.at);
    const id = viewerMonthId(record.viewer, monthOf(day));
    const row = monthly.get(id) ?? viewerMonths.get(id);
    if (!row) continue;
    const dd = day.slice(8, 10);
    monthly.set(id, { ...row, views: row.views - 1, days: { ...row.days, [dd]: (row.days[dd] ?? 0) - 1 } });
  }
  for (const [id, value] of monthly) {
    const previous = viewerMonths.get(id)!;
    ops.push({ kind: 'put', row: { entity: 'viewer-month', value: { ...value, version: previous.version + 1 } }, expect: expectVersion(previous) });
  }
  return ops;
}

/** Purge, per-viewer part: who read the content goes with it. */
export function planViewerRowPurge(rows: readonly ViewerContentRow[]): RowOp[] {
  return rows.map((value): RowOp => ({ kind: 'delete', row: { entity: 'viewer-content', value }, expect: { kind: 'any' } }));
}

/**
 * A move, records part: view records and per-viewer rows are filed under the content's new space
 * too (reports of a space's raw views read them by space). Records only if still there; per-viewer
 * rows conditional on their version (a concurrent view re-reads and wins).
 */
export function planRecordMove(spaceKey: string, records: readonly ViewRecord[], viewers: readonly ViewerContentRow[]): RowOp[] {
  return [
    ...records.filter((record) => record.spaceKey !== spaceKey)
      .map((value): RowOp => ({ kind: 'put', row: { entity: 'view', value: { ...value, spaceKey } }, expect: { kind: 'present' } })),
    ...viewers.filter((row) => row.spaceKey !== spaceKey)
      .map((row): RowOp => ({ kind: 'put', row: { entity: 'viewer-content', value: { ...row, spaceKey, version: row.version + 1 } }, expect: expectVersion(row) })),
  ];
}
