/**
 * Which content anonymous visitors may read. Forge gives anonymous invocations no asUser calls and
 * Confluence's permission check takes a user, so this is asked as the app from the two facts that
 * decide it: the space grants anonymous read access, and neither the content nor any ancestor
 * carries a read restriction. Until those facts are wired, nothing counts as readable: anonymous
 * visitors see no content rather than content they may not read.
 */
export async function anonymousReadableIds(_contentIds: readonly string[]): Promise<Set<string>> {
  return new Set();
}
