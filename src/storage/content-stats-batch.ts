import { kvs } from '@forge/kvs';
import type { ContentStatsRow } from '../domain/rows';
import { decode } from './codecs';
import { ENTITY, KEYS } from './keys';

/** Forge's batchGet takes at most 25 keys. */
const BATCH = 25;
/** Batches in flight at once: quick, without a burst that trips the rate limit. */
const PARALLEL = 8;

/**
 * All-time totals of these pieces of content, by key (`batchGet`, 25 keys per call, about one read
 * unit each): content never viewed has no row and is simply absent from the map.
 */
export async function contentStatsOf(contentIds: readonly string[]): Promise<Map<string, ContentStatsRow>> {
  const rows = new Map<string, ContentStatsRow>();
  const batches: string[][] = [];
  for (let start = 0; start < contentIds.length; start += BATCH) batches.push(contentIds.slice(start, start + BATCH));
  for (let start = 0; start < batches.length; start += PARALLEL) {
    await Promise.all(batches.slice(start, start + PARALLEL).map(async (ids) => {
      const result = await kvs.batchGet<unknown>(ids.map((id) => ({ key: KEYS.contentStats(id), entityName: ENTITY.contentStats })));
      const failure = result.failedKeys.find((item) => !/NOT_FOUND/.test(item.error.code));
      if (failure) throw new Error(`Storage read failed for ${failure.key}: ${failure.error.code} ${failure.error.message}`);
      for (const item of result.successfulKeys) {
        const row = decode.contentStats(item.value);
        rows.set(row.contentId, row);
      }
    }));
  }
  return rows;
}
