import { fetchUserGroupIds } from '../platform/confluence/directory';
import { cacheUserGroups, type CachedGroups } from '../core/storage/user-groups-cache';
import { MemoryCache } from '../platform/memory-cache';

/**
 * Group membership changes rarely, and a view must not cost a REST call: memberships are cached in
 * memory (10 min) and in KVS (12 h, read in the same batch as the view's counters).
 */
export const GROUP_CACHE_HOURS = 12;
/** How old a caller's groups may be when they decide access (report group, names group). */
export const ACCESS_GROUPS_MS = 10 * 60 * 1000;
const memory = new MemoryCache<string[]>(ACCESS_GROUPS_MS);

/**
 * A copy of a caller's groups kept in storage by the capability that asks (under a key that names no
 * account), so a new function instance need not ask Confluence again (`memberof`: 1 point plus 2 per
 * group on Cloud). It stands `ACCESS_GROUPS_MS` from when Confluence answered, as the memory copy does.
 */
export interface StoredGroups {
  read: () => Promise<{ groupIds: string[]; at: number } | undefined>;
  write: (groupIds: readonly string[], at: number) => Promise<void>;
}

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

/**
 * A user's groups outside the view path (report access): memory, else the `stored` copy while it
 * stands (kept in memory only for what remains of its time), else Confluence, then cached (and stored).
 */
export async function groupsOfUser(accountId: string, stored?: StoredGroups): Promise<string[]> {
  if (!stored) return memory.getOrLoad(accountId, () => fetchUserGroupIds(accountId));
  const cached = memory.get(accountId);
  if (cached !== undefined) return cached;
  const now = Date.now();
  const kept = await stored.read();
  if (kept && kept.at <= now && now - kept.at < ACCESS_GROUPS_MS) {
    memory.set(accountId, kept.groupIds, ACCESS_GROUPS_MS - (now - kept.at));
    return kept.groupIds;
  }
  const groupIds = await memory.getOrLoad(accountId, () => fetchUserGroupIds(accountId));
  await stored.write(groupIds, now);
  return groupIds;
}
