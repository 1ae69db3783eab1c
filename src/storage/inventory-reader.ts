import { kvs, Sort } from '@forge/kvs';
import { isListed } from '../domain/content-status';
import type { ContentStatsRow } from '../domain/rows';
import { decode } from './codecs';
import { ENTITY } from './keys';

export interface InventoryQuery {
  /** One space (index `by-space-last-viewed`) or the whole site (index `by-last-viewed`). */
  spaceKey?: string;
  /** Content to leave out, e.g. what a report already lists as viewed in its range. */
  excludeIds?: ReadonlySet<string>;
  contentType?: ContentStatsRow['contentType'];
  limit: number;
  /** Opaque, from the previous answer. */
  cursor?: string;
}

/**
 * The inventory, oldest last view first: never-viewed content (last view 0) comes first, then the
 * content nobody read for longest. Only listed (current) content; rows whose id is in `excludeIds`
 * are skipped. Reads at most 5 index pages (10 when leaving content out; each of at most 100) per call, never more rows than `limit`,
 * and says where to continue.
 */
export async function inventoryByLastView(query: InventoryQuery): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  const rows: ContentStatsRow[] = [];
  let cursor = query.cursor;
  // Index pages are sized to the rows still wanted (100 at most), so a page never overshoots the
  // limit: a 25-row table page reads 25 rows and hides titles with one CQL call, not two.
  // Leaving content out can make pages short: then up to 10 index pages are read.
  const pages = query.excludeIds?.size ? 10 : 5;
  for (let page = 0; page < pages && rows.length < query.limit; page += 1) {
    const index = query.spaceKey ? kvs.entity<unknown>(ENTITY.contentStats).query().index('by-space-last-viewed', { partition: [query.spaceKey] })
      : kvs.entity<unknown>(ENTITY.contentStats).query().index('by-last-viewed');
    let next = index.sort(Sort.ASC).limit(Math.min(100, query.limit - rows.length));
    if (cursor) next = next.cursor(cursor);
    const result = await next.getMany();
    for (const item of result.results) {
      const row = decode.contentStats(item.value);
      if (isListed(row) && !query.excludeIds?.has(row.contentId) && (!query.contentType || row.contentType === query.contentType)) rows.push(row);
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return { rows, nextCursor: cursor ?? null };
}

/** Never-viewed content only (last view 0), for "never viewed" lists. */
export async function neverViewed(query: InventoryQuery): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  const answer = await inventoryByLastView(query);
  const rows = answer.rows.filter((row) => row.views === 0);
  // Past the never-viewed head of the index there is nothing more to find.
  return { rows, nextCursor: rows.length < answer.rows.length ? null : answer.nextCursor };
}
