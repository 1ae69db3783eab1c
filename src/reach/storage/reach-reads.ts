import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { valuesByKey } from '../../core/storage/batch-read';
import { forEachQueryPage } from '../../core/storage/query-pages';
import { forEachViewRecordInRange } from '../../core/storage/view-record-pages';
import { addDays, monthOf, monthStart, monthsBetween } from '../../core/model/report-periods';
import { ROLLUP_SHARDS } from '../../core/model/report-rows';
import { lastDayOfMonthRow, monthRowViewsInRange, UNITS_PER_ROW_PAGE, viewerMonthPlan } from '../rules/inactive-readers';

const PARALLEL = 10;

/** Months read by key (newest first) before each remaining viewer's newest row is asked of the index. */
const WALK_MONTHS = 3;

/**
 * Each viewer's latest day with a counted view on the site (absent: nothing stored — never viewed, or
 * retention removed it): their rows of the current month and the two before by key (25 a read, a
 * month only for the viewers not yet found), then, for the rest, their newest older `viewer-month` row
 * with a view (index by-viewer, newest first, 4 a page: one query per viewer as a rule), 10 in flight.
 */
export async function lastViewDays(viewers: readonly string[], now: number): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let month = new Date(now).toISOString().slice(0, 7);
  let rest = [...new Set(viewers)];
  for (let step = 0; step < WALK_MONTHS && rest.length > 0; step += 1) {
    const rows = await valuesByKey(rest.map((viewer) => ({ key: KEYS.viewerMonth(viewer, month), entityName: ENTITY.viewerMonth })));
    for (const value of rows.values()) {
      const row = decodeReport.viewerMonth(value);
      const day = lastDayOfMonthRow(row.month, row.days);
      if (day) found.set(row.viewer, day);
    }
    rest = rest.filter((viewer) => !found.has(viewer));
    month = monthOf(addDays(monthStart(month), -1));
  }
  const before = month;
  const worker = async () => {
    for (let viewer = rest.shift(); viewer !== undefined; viewer = rest.shift()) {
      // Newest first; a row whose views were all taken back (0 on every day) gives way to the one before.
      const query = kvs.entity<unknown>(ENTITY.viewerMonth).query().index('by-viewer', { partition: [viewer] })
        .where(WhereConditions.lessThanEqualTo(before)).sort(Sort.DESC).limit(4);
      await forEachQueryPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), (page) => {
        const day = page.results.map((result) => decodeReport.viewerMonth(result.value)).map((row) => lastDayOfMonthRow(row.month, row.days)).find((last) => last !== null);
        if (!day) return undefined;
        found.set(viewer, day);
        return 'stop';
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, rest.length) }, worker));
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
  const read = await forEachViewRecordInRange('by-space', spaceKey, fromMs, toMs, (records) => {
    for (const record of records) viewers.add(record.viewer);
    count += records.length;
    return count > maxViews ? 'stop' : undefined;
  });
  return read === 'stopped' ? null : viewers;
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
  let overBudget = false;
  for (const month of months) {
    if (spent >= budget) return null;
    const query = kvs.entity<unknown>(ENTITY.viewerMonth).query().index('by-month', { partition: [month] }).limit(100);
    await forEachQueryPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), (page) => {
      spent += UNITS_PER_ROW_PAGE;
      for (const result of page.results) {
        const row = decodeReport.viewerMonth(result.value);
        if (members.has(row.viewer) && monthRowViewsInRange(row.month, row.days, range) > 0) viewed.add(row.viewer);
      }
      // The budget is checked before each page is read: with more to read and none left, give up.
      if (page.nextCursor && spent >= budget) overBudget = true;
      return overBudget ? 'stop' : undefined;
    });
    if (overBudget) return null;
  }
  return viewed;
}
