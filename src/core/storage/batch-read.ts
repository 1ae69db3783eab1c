import { kvs } from '@forge/kvs';
import { MAX_BATCH_KEYS, slicesOf } from '../model/kvs-limits';

export type BatchItem = { key: string; entityName?: string };
type Found<T> = Awaited<ReturnType<typeof kvs.batchGet<T>>>;

/**
 * The one batch read of any number of keys: slices of Forge's 25 keys, `inFlight` requests at a time
 * (read units are per request, so the slicing decides the cost; the parallelism only the time).
 * Answers as one `kvs.batchGet` would: the keys found and the keys that failed.
 */
export async function batchGetAll<T>(items: readonly BatchItem[], inFlight = 8): Promise<Found<T>> {
  const found: Found<T> = { successfulKeys: [], failedKeys: [] };
  // Forge refuses an empty batch ("It doesn't contain any keys", storage-reference/entities-batch).
  if (items.length === 0) return found;
  if (items.length <= MAX_BATCH_KEYS) return kvs.batchGet<T>([...items]);
  const slices = slicesOf(items, MAX_BATCH_KEYS);
  for (let start = 0; start < slices.length; start += inFlight) {
    const parts = await Promise.all(slices.slice(start, start + inFlight).map((slice) => kvs.batchGet<T>(slice)));
    for (const part of parts) {
      found.successfulKeys.push(...part.successfulKeys);
      found.failedKeys.push(...part.failedKeys);
    }
  }
  return found;
}

/** The values found for `items`, by key. */
export async function valuesByKey(items: readonly BatchItem[], inFlight = 8): Promise<Map<string, unknown>> {
  const found = await batchGetAll<unknown>(items, inFlight);
  return new Map(found.successfulKeys.map((item) => [item.key, item.value]));
}

/**
 * The same, for readers that must not take a failed read for an absent row: a key that failed for
 * any reason but NOT_FOUND throws ("Storage read failed for <key>"), nothing is answered.
 */
export async function valuesByKeyOrThrow(items: readonly BatchItem[], inFlight = 8): Promise<Map<string, unknown>> {
  const found = await batchGetAll<unknown>(items, inFlight);
  const failure = found.failedKeys.find((item) => !/NOT_FOUND/.test(item.error.code));
  if (failure) throw new Error(`Storage read failed for ${failure.key}: ${failure.error.code}`);
  return new Map(found.successfulKeys.map((item) => [item.key, item.value]));
}
