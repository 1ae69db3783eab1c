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
