/**
 * One page of a reach list (pure): filtered by name, paged by offset. The offset travels as an opaque
 * decimal cursor; anything else is the first page.
 */
export interface ListPage<Row> {
  rows: Row[];
  total: number;
  nextCursor: string | null;
}

export function listPage<Row extends { displayName: string }>(rows: readonly Row[], query: string | undefined, cursor: string | undefined, limit: number): ListPage<Row> {
  const wanted = query?.trim().toLocaleLowerCase('en') ?? '';
  const matching = wanted === '' ? rows : rows.filter((row) => row.displayName.toLocaleLowerCase('en').includes(wanted));
  const offset = cursor && /^\d{1,7}$/.test(cursor) ? Number(cursor) : 0;
  const next = offset + limit;
  return { rows: matching.slice(offset, next), total: matching.length, nextCursor: next < matching.length ? String(next) : null };
}
