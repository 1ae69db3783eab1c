import { kvs, WhereConditions } from '@forge/kvs';
import { decode } from './codecs';
import { ENTITY } from './keys';

/**
 * One content's view records with `fromMs ≤ at < toMs` (index by-content → at), paged 100 a query:
 * only who viewed is kept. Stops (null) once more than `maxViews` records came back, so a caller's
 * bound also bounds the cost.
 */
export async function rangeViewers(contentId: string, fromMs: number, toMs: number, maxViews: number): Promise<{ count: number; viewers: string[] } | null> {
  const viewers: string[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.entity<unknown>(ENTITY.view).query().index('by-content', { partition: [contentId] })
      .where(WhereConditions.between(fromMs, toMs - 1)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const result of page.results) {
      const record = decode.viewRecord(result.value);
      if (record.at >= fromMs && record.at < toMs) viewers.push(record.viewer);
    }
    if (viewers.length > maxViews) return null;
    cursor = page.nextCursor;
  } while (cursor);
  return { count: viewers.length, viewers };
}
