import { kvs, WhereConditions } from '@forge/kvs';
import { deleteEntityKeys } from '../../core/storage/delete-keys';
import { ENTITY } from '../../core/storage/keys';

/**
 * Deletes up to `limit` rows of one entity whose index range value is below `before`, oldest first,
 * 25 per batch (Forge's batch limit). Returns how many were deleted: fewer than `limit` means done.
 */
async function purgeBelow(entityName: string, indexName: string, before: number | string, limit: number): Promise<number> {
  const page = await kvs.entity<unknown>(entityName).query().index(indexName).where(WhereConditions.lessThan(before)).limit(Math.min(limit, 100)).getMany();
  const keys = page.results.map((result) => result.key);
  await deleteEntityKeys(entityName, keys);
  return keys.length;
}

/** Individual views (who viewed when): the records themselves. */
export const purgeViewsBefore = (at: number, limit: number) => purgeBelow(ENTITY.view, 'by-time', at, limit);
/** A viewer's history with a page, last counted before `at`: its account id goes with it. */
export const purgeViewerHistoriesBefore = (at: number, limit: number) => purgeBelow(ENTITY.viewerContent, 'by-last', at, limit);
/** Per-viewer daily rows before `day`. Content and space rows hold no personal data and stay. */
export const purgeViewerDaysBefore = (day: string, limit: number) => purgeBelow(ENTITY.viewerDay, 'by-date', day, limit);

/** How far back retention looks for monthly reader rows: ten years, the longest retention period. */
const MONTHS_BACK = 121;

/**
 * Per-viewer monthly rows (report rollups) of months that end before `day`. Their only time index is
 * partitioned by month, so this asks month by month, newest first, going back ten years; the month
 * that contains `day` stays until it has passed wholly (at most one month beyond the period).
 */
export async function purgeViewerMonthsBefore(day: string, limit: number): Promise<number> {
  let deleted = 0;
  const [year, month] = day.split('-').map(Number) as [number, number];
  for (let back = 1; back <= MONTHS_BACK && deleted < limit; back += 1) {
    const date = new Date(Date.UTC(year, month - 1 - back, 1));
    const period = date.toISOString().slice(0, 7);
    const page = await kvs.entity<unknown>(ENTITY.viewerMonth).query().index('by-month', { partition: [period] }).limit(Math.min(limit - deleted, 100)).getMany();
    const keys = page.results.map((result) => result.key);
    await deleteEntityKeys(ENTITY.viewerMonth, keys);
    deleted += keys.length;
  }
  return deleted;
}
