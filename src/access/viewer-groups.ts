import { fetchUserGroupIds } from '../platform/confluence/directory';
import { cacheUserGroups, type CachedGroups } from '../core/storage/user-groups-cache';
import { MemoryCache } from '../platform/memory-cache';

/**
 * Group membership changes rarely, and a view must not cost a REST call: memberships are cached in
 * memory (10 min) and in KVS (12 h, read in the same batch as the view's counters).
 */
export const GROUP_CACHE_HOURS = 12;
const memory = new MemoryCache<string[]>(10 * 60 * 1000);

export function groupsInMemory(accountId: string): string[] | undefined {
  return memory.get(accountId);
}

/**
 * `storedKey` names the KVS cache entry: the account id, or in extended privacy the viewer's
 * pseudonym, so that mode stores no account id even in a cache key.
 */
export async function resolveViewerGroups(accountId: string, storedKey: string, stored: CachedGroups | undefined, now: number): Promise<string[]> {
  if (stored && now - stored.fetchedAt < GROUP_CACHE_HOURS * 3_600_000) {
    memory.set(accountId, stored.groupIds);
    return stored.groupIds;
  }
  const groupIds = await fetchUserGroupIds(accountId);
  await cacheUserGroups(storedKey, { groupIds, fetchedAt: now }, GROUP_CACHE_HOURS);
  memory.set(accountId, groupIds);
  return groupIds;
}

/** A user's groups outside the view path (report access): memory, else Confluence, then cached. */
export async function groupsOfUser(accountId: string): Promise<string[]> {
  return memory.getOrLoad(accountId, () => fetchUserGroupIds(accountId));
}
