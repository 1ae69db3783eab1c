/**
 * Space names (a personal space carries its owner's name), cached 10 minutes in memory: a report's
 * tiles and tables, and their pages, ask about the same spaces. Names come from storage (site spaces,
 * an hour: `space-names-store.ts`), else from the app's space lookup (250 keys a call), or from the
 * CQL answers that hide titles (`expand=space`), which name the spaces of every row the caller may
 * read at no extra call.
 */
import { fetchSpaceNames } from './confluence/spaces';
import { MemoryCache } from './memory-cache';
import { readStoredSpaceNames, storeSpaceNames } from './space-names-store';

const names = new MemoryCache<string>(10 * 60_000, 5_000);

export function rememberSpaceNames(found: ReadonlyMap<string, string>): void {
  for (const [key, name] of found) names.set(key, name);
}

/** Names by key; keys Confluence does not know keep their key. Concurrent askers of one key share its lookup. */
export async function namesOfSpaces(keys: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(keys)];
  const missing = unique.filter((key) => names.get(key) === undefined);
  if (missing.length > 0) {
    // One lookup for all missing keys; each key's entry waits on it (a key already being looked up waits on that one).
    const own = missing.filter((key) => !names.loading(key));
    let batch: Promise<Map<string, string>> | null = null;
    const lookup = () => (batch ??= namesFromStorageOrConfluence(own));
    await Promise.all(missing.map((key) => names.getOrLoad(key, async () => (await lookup()).get(key) ?? key)));
  }
  return new Map(unique.map((key) => [key, names.get(key) ?? key]));
}


/** Stored names first (no call); Confluence for the rest, whose site spaces' names are then stored. */
async function namesFromStorageOrConfluence(keys: readonly string[]): Promise<Map<string, string>> {
  const found = await readStoredSpaceNames(keys);
  const missing = keys.filter((key) => !found.has(key));
  if (missing.length === 0) return found;
  const fetched = await fetchSpaceNames(missing);
  await storeSpaceNames(fetched);
  return new Map([...found, ...fetched]);
}
