/**
 * The one loop over the pages of a KVS query. A page asks for at most 100 rows (the most Forge
 * returns, storage-reference/query: `limit`); the cursor is used only within this loop, never stored
 * (Forge: query cursors "are not stable and should not be persisted").
 */
export interface QueryPage<V> {
  results: Array<{ key: string; value: V }>;
  nextCursor?: string;
}

/**
 * Visits every page `fetchPage` answers, in order, until the last one or until `visit` answers
 * `'stop'` (a caller that has read enough).
 */
export async function forEachQueryPage<V>(fetchPage: (cursor: string | undefined) => Promise<QueryPage<V>>, visit: (page: QueryPage<V>) => Promise<void | 'stop'> | void | 'stop'): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    if ((await visit(page)) === 'stop') return;
    cursor = page.nextCursor;
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
