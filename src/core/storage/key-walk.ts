import { kvs, WhereConditions } from '@forge/kvs';

/**
 * One page of an entity in key order, after a key the caller kept: how background jobs walk a whole
 * entity across invocations without keeping a storage cursor. Forge: "cursors are not stable and
 * should not be persisted" (forge-docs-snapshot mirror/storage-reference/entities/index.md,
 * "Cursors"); the key index is built in, named `by-key`, and lets queries "filter by key directly"
 * (mirror/storage-reference/entities-manifest/index.md, "Key index"). Each page is a fresh query
 * `key > after`, so no cursor is ever reused, within an invocation or across them: there is none
 * that can go stale, and a row is never read twice or skipped because others changed meanwhile
 * (keys do not move, unlike a range attribute such as `views`).
 */
export async function entityPageAfter(entityName: string, after: string | null, limit: number): Promise<{ items: Array<{ key: string; value: unknown }>; more: boolean }> {
  let query = kvs.entity<unknown>(entityName).query().index('by-key').limit(limit);
  if (after !== null) query = query.where(WhereConditions.greaterThan(after));
  const page = await query.getMany();
  return { items: page.results.map((item) => ({ key: item.key, value: item.value })), more: page.nextCursor !== undefined && page.results.length > 0 };
}
