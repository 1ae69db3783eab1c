import { kvs, Sort } from '@forge/kvs';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { valuesByKey } from '../../core/storage/batch-read';
import { viewRecordPage } from '../../core/storage/view-record-pages';
import { monthsBetween } from '../../core/model/report-periods';
import { ROLLUP_SHARDS } from '../../core/model/report-rows';
import { lastDayOfMonthRow, monthRowViewsInRange, UNITS_PER_ROW_PAGE, viewerMonthPlan } from '../rules/inactive-readers';

const PARALLEL = 10;

/**
 * Each viewer's latest day with a counted view on the site: their newest `viewer-month` row (index
 * by-viewer, newest first, one row), one query per viewer, 10 in flight. Absent: nothing stored
 * (never viewed, or retention removed it).
 */
export async function lastViewDays(viewers: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [...viewers];
  const worker = async () => {
    for (let viewer = queue.shift(); viewer !== undefined; viewer = queue.shift()) {
      const page = await kvs.entity<unknown>(ENTITY.viewerMonth).query().index('by-viewer', { partition: [viewer] }).sort(Sort.DESC).limit(1).getMany();
      const first = page.results[0];
      if (!first) continue;
      const row = decodeReport.viewerMonth(first.value);
      const day = lastDayOfMonthRow(row.month, row.days);
      if (day) found.set(viewer, day);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, viewers.length) }, worker));
  return found;
}

/**
 * Who viewed anything in a space with `fromMs ≤ at < toMs`: its raw view records (index by-space, 100
 * a query), moved content under its new space as lifecycle files it. Null past `maxViews` records:
 * the caller asks for a shorter range instead of showing a figure that is short.
 */
export async function spaceViewers(spaceKey: string, fromMs: number, toMs: number, maxViews: number): Promise<Set<string> | null> {
  const viewers = new Set<string>();
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await viewRecordPage('by-space', spaceKey, fromMs, toMs - 1, cursor);
    for (const record of page.records) if (record.at >= fromMs && record.at < toMs) viewers.add(record.viewer);
    count += page.records.length;
    if (count > maxViews) return null;
    cursor = page.nextCursor;
  } while (cursor);
  return viewers;
}

/**
 * The members with a counted view on a day of `from..to`, exactly, from the `viewer-month` rows of the
 * range's months, read the cheaper way (`viewerMonthPlan`): one batch read of the site month rollups
 * estimates how many rows each month holds; then either every row of those months by index by-month
 * (kept for members only), or each member's row by key, newest month first and, for each earlier
 * month, only the members not yet found (at most ⌈members × months / 25⌉ reads). The query gives up,
 * and the keys are read, once it has cost what the keys would.
 */
export async function membersViewedInRange(ids: readonly string[], range: { from: string; to: string }): Promise<Set<string>> {
  const months = monthsBetween(range.from, range.to);
  const rollups = await valuesByKey(months.flatMap((month) => Array.from({ length: ROLLUP_SHARDS }, (_, shard) => ({ key: KEYS.rollup('site', 'sm', month, shard), entityName: ENTITY.rollup }))));
  const siteRows = months.map((month) => Array.from({ length: ROLLUP_SHARDS }, (_, shard) => rollups.get(KEYS.rollup('site', 'sm', month, shard)))
    .reduce<number>((sum, value) => sum + (value === undefined ? 0 : decodeReport.rollup(value).viewers), 0));
  const { plan, budget } = viewerMonthPlan(ids.length, siteRows);
  if (plan === 'query') {
    const found = await monthRowsByQuery(new Set(ids), months, range, budget);
    if (found) return found;
  }
  const viewed = new Set<string>();
  for (const month of [...months].reverse()) {
    const rows = await valuesByKey(ids.filter((id) => !viewed.has(id)).map((id) => ({ key: KEYS.viewerMonth(id, month), entityName: ENTITY.viewerMonth })));
    for (const value of rows.values()) {
      const row = decodeReport.viewerMonth(value);
      if (monthRowViewsInRange(row.month, row.days, range) > 0) viewed.add(row.viewer);
    }
  }
  return viewed;
}

/** Every viewer-month row of these months (100 a page): the members with a view in the range; null once `budget` units are spent. */
async function monthRowsByQuery(members: ReadonlySet<string>, months: readonly string[], range: { from: string; to: string }, budget: number): Promise<Set<string> | null> {
  const viewed = new Set<string>();
  let spent = 0;
  for (const month of months) {
    let cursor: string | undefined;
    do {
      if (spent >= budget) return null;
      let query = kvs.entity<unknown>(ENTITY.viewerMonth).query().index('by-month', { partition: [month] }).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      spent += UNITS_PER_ROW_PAGE;
      for (const result of page.results) {
        const row = decodeReport.viewerMonth(result.value);
        if (members.has(row.viewer) && monthRowViewsInRange(row.month, row.days, range) > 0) viewed.add(row.viewer);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return viewed;
}
