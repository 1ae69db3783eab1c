import { kvs, WhereConditions } from '@forge/kvs';
import { deleteEntityKeys } from './delete-keys';
import { ENTITY } from './keys';

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
