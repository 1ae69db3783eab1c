import { kvs, Sort } from '@forge/kvs';
import { isListed } from '../../core/model/content-status';
import type { ContentStatsRow } from '../../core/model/rows';
import { decode } from '../../core/storage/codecs';
import { ENTITY } from '../../core/storage/keys';
import { decodeResume, encodeResume } from '../../core/resume-cursor';

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
 * are skipped. Answers at most `limit` rows, reading at most 5 index pages (10 when leaving content
 * out) per call, and says where to continue: the cursor resumes inside an index page where the
 * answer was full (`core/resume-cursor.ts`), so no row is skipped or listed twice.
 */
export async function inventoryByLastView(query: InventoryQuery): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  const rows: ContentStatsRow[] = [];
  const resume = query.cursor ? decodeResume(query.cursor) : { cursor: null, skip: 0 };
  if (!resume) throw new Error('Not a cursor of this list');
  let cursor = resume.cursor;
  let skip = resume.skip;
  const excluding = (query.excludeIds?.size ?? 0) > 0;
  for (let page = 0; page < (excluding ? 10 : 5); page += 1) {
    const index = query.spaceKey ? kvs.entity<unknown>(ENTITY.contentStats).query().index('by-space-last-viewed', { partition: [query.spaceKey] })
      : kvs.entity<unknown>(ENTITY.contentStats).query().index('by-last-viewed');
    // Index pages sized to the rows still wanted (a 25-row page reads 25 rows: one CQL call to hide
    // titles), whole pages of 100 where rows are left out.
    let next = index.sort(Sort.ASC).limit(excluding ? 100 : Math.min(100, skip + query.limit - rows.length));
    if (cursor) next = next.cursor(cursor);
    const result = await next.getMany();
    for (let item = skip; item < result.results.length; item += 1) {
      if (rows.length === query.limit) return { rows, nextCursor: encodeResume({ cursor, skip: item }) };
      const row = decode.contentStats(result.results[item]!.value);
      if (isListed(row) && !query.excludeIds?.has(row.contentId) && (!query.contentType || row.contentType === query.contentType)) rows.push(row);
    }
    skip = 0;
    if (!result.nextCursor) return { rows, nextCursor: null };
    cursor = result.nextCursor;
    if (rows.length === query.limit) break;
  }
  return { rows, nextCursor: encodeResume({ cursor, skip: 0 }) };
}

/** Never-viewed content only (last view 0), for "never viewed" lists. */
export async function neverViewed(query: InventoryQuery): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  const answer = await inventoryByLastView(query);
  const rows = answer.rows.filter((row) => row.views === 0);
  // Past the never-viewed head of the index there is nothing more to find.
  return { rows, nextCursor: rows.length < answer.rows.length ? null : answer.nextCursor };
}
