/**
 * The one loop over the pages of a KVS query. A page asks for at most 100 rows (the most Forge
 * returns, storage-reference/query: `limit`); the cursor is used only within this loop, never stored
 * (Forge: query cursors "are not stable and should not be persisted").
 */
export interface QueryPage<V> {
  results: Array<{ key: string; value: V }>;
  nextCursor?: string | null;
}

/**
 * Visits every page `fetchPage` answers, in order, until the last one or until `visit` answers
 * `'stop'` (a caller that has read enough). A page is a KVS `getMany` answer, or a store's own page
 * of decoded rows that passes the query's `nextCursor` on (null or absent: the last page).
 */
export async function forEachQueryPage<P extends { nextCursor?: string | null }>(fetchPage: (cursor: string | undefined) => Promise<P>, visit: (page: P) => Promise<void | 'stop'> | void | 'stop'): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    if ((await visit(page)) === 'stop') return;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Every row of a query, parsed, up to `max` pages' worth (the last page may pass `max` rows). */
export async function allQueryRows<V, T>(fetchPage: (cursor: string | undefined) => Promise<QueryPage<V>>, parse: (value: V) => T, max = Infinity): Promise<T[]> {
  const rows: T[] = [];
  await forEachQueryPage(fetchPage, (page) => {
    rows.push(...page.results.map((result) => parse(result.value)));
    return rows.length >= max ? 'stop' : undefined;
  });
  return rows;
}

/**
 * The same pages pulled one at a time, for a reader that merges sorted lists and asks for the next
 * page only when it needs one: each call reads the next page (`last` on the final one), and null
 * once the last was read. The cursor lives in the closure, for this request only.
 */
export function queryPageByPage<P extends { nextCursor?: string | null }>(fetchPage: (cursor: string | undefined) => Promise<P>): () => Promise<{ page: P; last: boolean } | null> {
  let cursor: string | undefined;
  let finished = false;
  return async () => {
    if (finished) return null;
    const page = await fetchPage(cursor);
    cursor = page.nextCursor ?? undefined;
    finished = !cursor;
    return { page, last: finished };
  };
}
