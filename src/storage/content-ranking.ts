import { kvs, Sort } from '@forge/kvs';
import type { ContentStatsRow } from '../domain/rows';
import { decode } from './codecs';
import { ENTITY } from './keys';

/**
 * The most viewed content, all time: one index query on `content-stats`, already sorted by views,
 * whatever the size of the site (no scan, no aggregation at read time).
 */
export async function topContentAllTime(limit: number): Promise<ContentStatsRow[]> {
  const page = await kvs.entity<unknown>(ENTITY.contentStats).query().index('by-views').sort(Sort.DESC).limit(Math.min(limit, 100)).getMany();
  return page.results.map((result) => decode.contentStats(result.value)).filter((row) => row.views > 0);
}

/** A space's most viewed content, all time (index `by-space-views`). */
export async function topContentOfSpace(spaceKey: string, limit: number): Promise<ContentStatsRow[]> {
  const page = await kvs.entity<unknown>(ENTITY.contentStats).query().index('by-space-views', { partition: [spaceKey] })
    .sort(Sort.DESC).limit(Math.min(limit, 100)).getMany();
  return page.results.map((result) => decode.contentStats(result.value)).filter((row) => row.views > 0);
}

/** A space's content ordered by its last view, oldest first (index `by-space-last-viewed`). */
export async function stalestContentOfSpace(spaceKey: string, limit: number): Promise<ContentStatsRow[]> {
  const page = await kvs.entity<unknown>(ENTITY.contentStats).query().index('by-space-last-viewed', { partition: [spaceKey] })
    .sort(Sort.ASC).limit(Math.min(limit, 100)).getMany();
  return page.results.map((result) => decode.contentStats(result.value)).filter((row) => row.views > 0);
}
