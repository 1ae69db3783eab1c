/**
 * The one KVS paging loop (src/core/storage/query-pages.ts): every page once, in order, the first
 * without a cursor; a visitor may stop it; pulled page by page it answers null after the last.
 */
import { allQueryRows, forEachQueryPage, queryPageByPage } from '../../src/core/storage/query-pages';

/** A query of `total` rows, `size` a page; the last page has no nextCursor (KVS answers none), or null as stores pass it on. */
function query(total: number, size: number, end: undefined | null = undefined) {
  const asked: Array<string | undefined> = [];
  const fetchPage = async (cursor: string | undefined) => {
    asked.push(cursor);
    const start = cursor === undefined ? 0 : Number(cursor);
    const results = Array.from({ length: Math.min(size, total - start) }, (_, index) => ({ key: `k${start + index}`, value: start + index }));
    return { results, nextCursor: start + size < total ? String(start + size) : end };
  };
  return { asked, fetchPage };
}

it('visits every page once, in order, until the last (nextCursor absent or null)', async () => {
  for (const end of [undefined, null]) {
    const { asked, fetchPage } = query(7, 3, end);
    const seen: number[] = [];
    await forEachQueryPage(fetchPage, (page) => { seen.push(...page.results.map((result) => result.value)); });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(asked).toEqual([undefined, '3', '6']);
  }
});

it('stops when the visitor says so, and allQueryRows stops past max', async () => {
  const { asked, fetchPage } = query(10, 3);
  await forEachQueryPage(fetchPage, (page) => (page.results.some((result) => result.value === 4) ? 'stop' : undefined));
  expect(asked).toEqual([undefined, '3']);
  expect(await allQueryRows(query(10, 3).fetchPage, (value) => value * 10, 4)).toEqual([0, 10, 20, 30, 40, 50]);
});

it('pulled page by page: the last page says so, then null without another read', async () => {
  const { asked, fetchPage } = query(5, 3);
  const next = queryPageByPage(fetchPage);
  expect(await next()).toMatchObject({ last: false, page: { nextCursor: '3' } });
  expect(await next()).toMatchObject({ last: true });
  expect(await next()).toBeNull();
  expect(asked).toEqual([undefined, '3']);
});
