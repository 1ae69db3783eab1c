import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { ContentStatsRow } from '../domain/rows';
import { decode } from './codecs';
import { ENTITY } from './keys';

/**
 * Content whose last view is before `before` (ms), oldest last view first: one index query page on
 * `content-stats` by last view (of the site or of one space). Only content that was ever viewed has
 * a row: never-viewed content needs the content inventory.
 */
export async function contentNotViewedSince(before: number, spaceKey: string | null, limit: number, cursor?: string): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  const base = kvs.entity<unknown>(ENTITY.contentStats).query();
  let query = (spaceKey ? base.index('by-space-last-viewed', { partition: [spaceKey] }) : base.index('by-last-viewed'))
    .where(WhereConditions.lessThan(before)).sort(Sort.ASC).limit(Math.min(100, limit));
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { rows: page.results.map((result) => decode.contentStats(result.value)), nextCursor: page.nextCursor ?? null };
}
