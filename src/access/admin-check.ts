import { fetchIsConfluenceAdmin } from '../platform/confluence/permissions';
import { MemoryCache } from '../platform/memory-cache';

/** Admin rights are asked of Confluence as the caller, and cached briefly: revocation takes effect within a minute. */
const cache = new MemoryCache<boolean>(60_000);

export async function isConfluenceAdmin(accountId: string): Promise<boolean> {
  return cache.getOrLoad(accountId, () => fetchIsConfluenceAdmin());
}

