import { allQueryRows } from '../../core/storage/query-pages';
import { kvs } from '@forge/kvs';
import type { ContentDayRow, SpaceDayRow, ViewerContentRow, ViewerDayRow, ViewRecord } from '../../core/model/rows';
import { spaceDayId } from '../rules/lifecycle-plan';
import { viewerDayId } from '../rules/purge-plan';
import { decode } from '../../core/storage/codecs';
import { decodeReport } from '../../core/storage/report-codecs';
import type { ContentMonthRow } from '../../core/model/content-month';
import type { RollupRow, ViewerMonthRow } from '../../core/model/report-rows';
import { rollupTargetId, type RollupTarget } from '../../core/model/lifecycle-rollups';
import { viewerMonthId } from '../rules/purge-plan';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { valuesByKeyOrThrow } from '../../core/storage/batch-read';

/** Reads rows of the lifecycle passes: everything one content owns, and the shared rows it counts in. */

async function allOf<T>(entityName: string, contentId: string, parse: (value: unknown) => T, max = Infinity): Promise<T[]> {
  const query = kvs.entity<unknown>(entityName).query().index('by-content', { partition: [contentId] }).limit(Math.min(100, max));
  const rows = await allQueryRows((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), parse, max);
  return rows.slice(0, max);
}

/** Every daily row of one content (a year is 366 rows, 4 query pages). */
export const contentDaysOf = (contentId: string): Promise<ContentDayRow[]> => allOf(ENTITY.contentDay, contentId, decode.contentDay);
/** Every month row of one content (a year is 12–13 rows, one query page). */
export const contentMonthsOf = (contentId: string): Promise<ContentMonthRow[]> => allOf(ENTITY.contentMonth, contentId, decode.contentMonth);
export const viewRecordsOf = (contentId: string, max: number): Promise<ViewRecord[]> => allOf(ENTITY.view, contentId, decode.viewRecord, max);
export const viewerRowsOf = (contentId: string, max: number): Promise<ViewerContentRow[]> => allOf(ENTITY.viewerContent, contentId, decode.viewerContent, max);

async function batchRead<T>(entityName: string, keys: Array<{ id: string; key: string }>, parse: (value: unknown) => T): Promise<Map<string, T>> {
  const byKey = await valuesByKeyOrThrow(keys.map(({ key }) => ({ key, entityName })));
  const found = new Map<string, T>();
  for (const { id, key } of keys) {
    const value = byKey.get(key);
    if (value !== undefined) found.set(id, parse(value));
  }
  return found;
}

export function readSpaceDays(rows: Array<Pick<SpaceDayRow, 'spaceKey' | 'day' | 'shard'>>): Promise<Map<string, SpaceDayRow>> {
  return batchRead(ENTITY.spaceDay, rows.map((row) => ({ id: spaceDayId(row), key: KEYS.spaceDay(row.spaceKey, row.day, row.shard) })), decode.spaceDay);
}

export function readViewerDays(rows: Array<{ viewer: string; day: string }>): Promise<Map<string, ViewerDayRow>> {
  return batchRead(ENTITY.viewerDay, rows.map((row) => ({ id: viewerDayId(row.viewer, row.day), key: KEYS.viewerDay(row.viewer, row.day) })), decode.viewerDay);
}

/** The report rollup rows a settle pass touches, by `rollupTargetId`. */
export function readRollups(targets: RollupTarget[]): Promise<Map<string, RollupRow>> {
  const unique = [...new Map(targets.map((target) => [rollupTargetId(target), target])).values()];
  return batchRead(ENTITY.rollup, unique.map((target) => ({ id: rollupTargetId(target), key: KEYS.rollup(target.scope, target.level, target.period, target.shard) })), decodeReport.rollup);
}

export function readViewerMonths(rows: Array<{ viewer: string; month: string }>): Promise<Map<string, ViewerMonthRow>> {
  return batchRead(ENTITY.viewerMonth, rows.map((row) => ({ id: viewerMonthId(row.viewer, row.month), key: KEYS.viewerMonth(row.viewer, row.month) })), decodeReport.viewerMonth);
}
