import { fetchReadRestrictions, fetchSpaceOpenToAnonymous, type ContentReadRestrictions } from '../platform/confluence/anonymous-access';
import { MemoryCache } from '../platform/memory-cache';
import { mapInChunks } from '../core/in-chunks';

/** Every anonymous visitor gets the same answers, so they are shared (briefly) by all of them. */
const spaces = new MemoryCache<boolean>(60_000, 2000);
const contents = new MemoryCache<ContentReadRestrictions | null>(60_000, 20_000);

/**
 * Which content anonymous visitors may read. Forge gives anonymous invocations no asUser calls and
 * Confluence's permission check takes a user, so the app asks Confluence for the two facts that
 * decide it, as the app: the space grants anonymous read access, and neither the content nor any
 * page above it carries a read restriction. Anything it cannot establish counts as not readable.
 */
export async function anonymousReadableIds(contentIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(contentIds)];
  const facts = await mapInChunks(unique, 10, restrictionsOf);
  const readable = new Set<string>();
  for (const [index, id] of unique.entries()) {
    const fact = facts[index];
    if (!fact || fact.restricted || !(await spaceOpen(fact.spaceKey))) continue;
    const ancestors = await mapInChunks(fact.ancestorIds, 10, restrictionsOf);
    if (ancestors.every((ancestor) => ancestor !== null && !ancestor.restricted)) readable.add(id);
  }
  return readable;
}

async function restrictionsOf(contentId: string): Promise<ContentReadRestrictions | null> {
  const cached = contents.get(contentId);
  if (cached !== undefined) return cached;
  const fact = await fetchReadRestrictions(contentId);
  contents.set(contentId, fact);
  return fact;
}

async function spaceOpen(spaceKey: string): Promise<boolean> {
  const cached = spaces.get(spaceKey);
  if (cached !== undefined) return cached;
  const open = await fetchSpaceOpenToAnonymous(spaceKey);
  spaces.set(spaceKey, open);
  return open;
}

