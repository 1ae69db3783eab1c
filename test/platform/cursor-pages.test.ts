/**
 * The one Confluence cursor loop (src/platform/confluence/cursor-pages.ts): it follows `_links.next`,
 * visits every page once, stops where it is told, and never loops on a cursor that comes back.
 */
import { ConfluenceError } from '../../src/platform/confluence/client';
import { forEachCursorPage, nextCursorOf } from '../../src/platform/confluence/cursor-pages';

interface Page { results: number[]; _links?: { next?: string } }

/** A listing of `total` items, `size` a page, whose `_links.next` carries an opaque cursor as Confluence's do. */
function listing(total: number, size: number) {
  const asked: Array<string | null> = [];
  const fetchPage = async (cursor: string | null): Promise<Page> => {
    asked.push(cursor);
    const start = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64url').toString('utf8'));
    const results = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, index) => start + index);
    const end = start + results.length;
    return { results, ...(end < total ? { _links: { next: `/wiki/api/v2/spaces?limit=${size}&cursor=${Buffer.from(String(end)).toString('base64url')}` } } : { _links: {} }) };
  };
  return { asked, fetchPage };
}

it('reads the cursor of a relative or absolute _links.next, and null without one', () => {
  expect(nextCursorOf('/wiki/api/v2/spaces?limit=250&cursor=abc%3D')).toBe('abc=');
  expect(nextCursorOf('https://site.atlassian.net/wiki/rest/api/content/search?cql=x&cursor=zz')).toBe('zz');
  expect(nextCursorOf(undefined)).toBeNull();
  expect(nextCursorOf('/wiki/api/v2/spaces?limit=250')).toBeNull();
  expect(nextCursorOf('/wiki/api/v2/spaces?cursor=')).toBeNull();
});

it('pages through _links.next to the end: every item once, in order, the first request without a cursor', async () => {
  const { asked, fetchPage } = listing(7, 3);
  const seen: number[] = [];
  const walk = await forEachCursorPage('/wiki/api/v2/spaces', fetchPage, (page) => { seen.push(...page.results); });
  expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(walk).toEqual({ next: null, pages: 3 });
  expect(asked[0]).toBeNull();
  expect(new Set(asked).size).toBe(asked.length);
});

it('stops when the visitor has enough, answering the cursor it stopped before', async () => {
  const { asked, fetchPage } = listing(10, 3);
  const seen: number[] = [];
  const walk = await forEachCursorPage('/x', fetchPage, (page) => { seen.push(...page.results); return seen.length >= 4 ? 'stop' : undefined; });
  expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  expect(asked).toHaveLength(2);
  expect(walk.next).not.toBeNull();
  expect(walk.pages).toBe(2);
});

it('stops after maxPages with the next cursor, and at a page that is not visible (null)', async () => {
  const { fetchPage } = listing(10, 3);
  const seen: number[] = [];
  const capped = await forEachCursorPage('/x', fetchPage, (page) => { seen.push(...page.results); }, 2);
  expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  expect(nextCursorOf(`?cursor=${capped.next}`)).not.toBeNull();
  expect(capped.pages).toBe(2);

  let calls = 0;
  const hidden = await forEachCursorPage<Page>('/x', async () => { calls += 1; return null; }, () => { throw new Error('nothing to visit'); });
  expect(hidden).toEqual({ next: null, pages: 0 });
  expect(calls).toBe(1);
});

it('a cursor that comes back is an error, never the same page twice', async () => {
  const visited: number[][] = [];
  const stuck = async (cursor: string | null): Promise<Page> => ({ results: cursor === null ? [1, 2] : cursor === 'a' ? [3] : [4], _links: { next: cursor === 'b' ? '/x?cursor=a' : cursor === 'a' ? '/x?cursor=b' : '/x?cursor=a' } });
  const walk = forEachCursorPage('/wiki/rest/api/content/search', stuck, (page) => { visited.push(page.results); });
  await expect(walk).rejects.toBeInstanceOf(ConfluenceError);
  await expect(forEachCursorPage('/wiki/rest/api/content/search', stuck, () => undefined)).rejects.toThrow(/did not advance/);
  expect(visited).toEqual([[1, 2], [3], [4]]);

  const same = async (): Promise<Page> => ({ results: [1], _links: { next: '/x?cursor=same' } });
  let pages = 0;
  await expect(forEachCursorPage('/x', same, () => { pages += 1; })).rejects.toThrow(/did not advance/);
  expect(pages).toBe(2);
});
