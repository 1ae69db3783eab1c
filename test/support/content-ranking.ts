import { kvs, Sort } from '@forge/kvs';
/** Test probe: the content-stats indexes read directly, listed rows only (what reports rank on). */
import { isListed } from '../../src/core/model/content-status';
import type { ContentStatsRow } from '../../src/core/model/rows';
import { decode } from '../../src/core/storage/codecs';
import { ENTITY } from '../../src/core/storage/keys';

/** Hidden (trashed, archived, purged) rows are skipped while reading: a few extra pages at most. */
const MAX_PAGES = 5;

type Query = ReturnType<ReturnType<typeof kvs.entity<unknown>>['query']>;

/**
 * Reads an index in order and keeps the listed rows with views until `limit` are found. Rows of
 * hidden content stay stored (their counts return on restore) but never reach a report.
 */
async function listedRows(query: () => ReturnType<Query['index']>, limit: number, keep: (row: ContentStatsRow) => boolean): Promise<ContentStatsRow[]> {
  const rows: ContentStatsRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES && rows.length < limit; page += 1) {
    let next = query().limit(100);
    if (cursor) next = next.cursor(cursor);
    const result = await next.getMany();
    rows.push(...result.results.map((item) => decode.contentStats(item.value)).filter((row) => isListed(row) && keep(row)));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return rows.slice(0, limit);
}

const viewed = (row: ContentStatsRow) => row.views > 0;
const stats = () => kvs.entity<unknown>(ENTITY.contentStats).query();

/**
 * The most viewed content, all time: one index query on `content-stats`, already sorted by views,
 * whatever the size of the site (no scan, no aggregation at read time).
 */
export function topContentAllTime(limit: number): Promise<ContentStatsRow[]> {
  return listedRows(() => stats().index('by-views').sort(Sort.DESC), Math.min(limit, 100), viewed);
}

/** A space's most viewed content, all time (index `by-space-views`). */
export function topContentOfSpace(spaceKey: string, limit: number): Promise<ContentStatsRow[]> {
  return listedRows(() => stats().index('by-space-views', { partition: [spaceKey] }).sort(Sort.DESC), Math.min(limit, 100), viewed);
}
