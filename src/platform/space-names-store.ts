import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { MAX_BATCH_KEYS, slicesOf } from '../core/model/kvs-limits';
import { KEYS } from '../core/storage/keys';
import { valuesByKey } from '../core/storage/batch-read';

/**
 * Space names kept in storage for an hour, so a report opened on a new function instance names its
 * rows' spaces without a Confluence call (1 point plus one per space on Cloud). Site spaces only: a
 * personal space (key `~…`) is named after its owner, a person's name the app does not store.
 * A rename shows within the hour. Times are checked on read: Forge may return an item up to 48 h past
 * its TTL (Forge docs, storage TTL).
 */
export const SPACE_NAME_MS = 60 * 60 * 1000;
const TTL = { ttl: { value: SPACE_NAME_MS / 60_000, unit: 'MINUTES' as const } };
const stored = z.object({ name: z.string(), at: z.number() });

export const isPersonalSpaceKey = (key: string): boolean => key.startsWith('~');

export async function readStoredSpaceNames(keys: readonly string[], now = Date.now()): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = keys.filter((key) => !isPersonalSpaceKey(key));
  const byKey = await valuesByKey(wanted.map((key) => ({ key: KEYS.spaceName(key) })));
  for (const key of wanted) {
    const parsed = stored.safeParse(byKey.get(KEYS.spaceName(key)));
    if (parsed.success && parsed.data.at <= now && now - parsed.data.at < SPACE_NAME_MS) names.set(key, parsed.data.name);
  }
  return names;
}

export async function storeSpaceNames(found: ReadonlyMap<string, string>, at = Date.now()): Promise<void> {
  const entries = [...found].filter(([key]) => !isPersonalSpaceKey(key));
  for (const slice of slicesOf(entries, MAX_BATCH_KEYS)) {
    await kvs.batchSet(slice.map(([key, name]) => ({ key: KEYS.spaceName(key), value: { name, at }, options: TTL })));
  }
}
