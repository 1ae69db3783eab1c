import type { CallerStanding } from './rules/access-policy';
import { fetchReadableIdsAsUser } from '../platform/confluence/content-search';
import { fetchContentReadableBy } from '../platform/confluence/permissions';
import { MemoryCache } from '../platform/memory-cache';
import { mapInChunks } from '../core/in-chunks';
import { rememberSpaceNames } from '../platform/space-names';
import type { Caller } from '../platform/resolver/context';

/** Answers per caller and content, briefly: paging through a report asks about the same rows again. */
const answers = new MemoryCache<boolean>(60_000, 20_000);

/**
 * Which of these content ids the caller may read. Administrators read everything (as in Confluence's
 * own reports); licensed users are asked with one CQL search per 50 ids as themselves; guests, who
 * cannot make asUser calls, with one permission check per id as the app.
 */
export async function readableContentIds(caller: Caller, standing: CallerStanding, contentIds: readonly string[]): Promise<Set<string>> {
  if (caller.kind !== 'user') return new Set();
  if (standing.siteAdmin) return new Set(contentIds);
  const unique = [...new Set(contentIds)];
  const known = new Set<string>();
  const unknown: string[] = [];
  for (const id of unique) {
    const cached = answers.get(`${caller.accountId}|${id}`);
    if (cached === undefined) unknown.push(id);
    else if (cached) known.add(id);
  }
  if (unknown.length > 0) {
    const readable = caller.accountType === 'licensed' ? await readableAsUser(unknown) : await readableByChecks(caller.accountId, unknown);
    for (const id of unknown) {
      answers.set(`${caller.accountId}|${id}`, readable.has(id));
      if (readable.has(id)) known.add(id);
    }
  }
  return known;
}

/** The CQL answer also names the readable content's spaces: remembered for the report's space names. */
async function readableAsUser(contentIds: string[]): Promise<Set<string>> {
  const found = await fetchReadableIdsAsUser(contentIds);
  rememberSpaceNames(found.spaceNames);
  return found.ids;
}

async function readableByChecks(accountId: string, contentIds: string[]): Promise<Set<string>> {
  const found = await mapInChunks(contentIds, 10, (id) => fetchContentReadableBy(id, accountId));
  return new Set(contentIds.filter((_, index) => found[index] !== null));
}

