import { kvs } from '@forge/kvs';
import { KEYS } from './keys';

/** A user's Confluence groups as last asked, cached in KVS so a view's one batch read can include them. */
export interface CachedGroups {
  groupIds: string[];
  fetchedAt: number;
}

export async function cacheUserGroups(accountId: string, groups: CachedGroups, ttlHours: number): Promise<void> {
  await kvs.set(KEYS.userGroups(accountId), groups, { ttl: { value: ttlHours, unit: 'HOURS' } });
}

export function parseCachedGroups(value: unknown): CachedGroups | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { groupIds, fetchedAt } = value as { groupIds?: unknown; fetchedAt?: unknown };
  if (!Array.isArray(groupIds) || !groupIds.every((id) => typeof id === 'string') || typeof fetchedAt !== 'number') return undefined;
  return { groupIds, fetchedAt };
}
