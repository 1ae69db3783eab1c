/**
 * How far a permission change reaches (`recordPermissionChange`): the content and every descendant
 * Confluence lists, or, when the tree cannot be listed (too big, or Confluence fails), the whole
 * site, which ends every cached answer: more calls, never a stale "yes".
 */
import { kvs } from '@forge/kvs';
import { KEYS } from '../../src/core/storage/keys';
import { MAX_LISTED_DESCENDANTS, recordPermissionChange } from '../../src/page-statistics/byline/permission-change';
import { startAppStore, type AppStore } from '../support/app-store';

let store: AppStore;
/** Answers one page of the content search; `offset` is decoded from the cursor the previous page handed out. */
let searchAnswer: (offset: number, limit: number) => Response;
const searches: string[] = [];

beforeEach(() => {
  searches.length = 0;
  store = startAppStore({
    fallback: async (_target, path) => {
      searches.push(decodeURIComponent(path.replace(/\+/g, ' ')));
      const url = new URL(path, 'http://x');
      // Cloud's content search pages by cursor only (no `start`): the cursor here is the offset.
      return searchAnswer(Number(url.searchParams.get('cursor') ?? 0), Number(url.searchParams.get('limit')));
    },
  });
});
afterEach(() => store.stop());

const page = (ids: string[], more: boolean, nextOffset = 0) => new Response(JSON.stringify({
  results: ids.map((id) => ({ id, type: 'page', title: id, space: { key: 'S' } })), size: ids.length, _links: more ? { next: `/rest/api/content/search?cursor=${nextOffset}` } : {},
}), { status: 200, headers: { 'content-type': 'application/json' } });

const epochOf = async (key: string) => ((await kvs.get<{ at: number }>(key)) ?? { at: 0 }).at;

it('ends the answers of the page and of the descendants Confluence lists, and of nothing else', async () => {
  searchAnswer = () => page(['11', '12'], false);
  expect(await recordPermissionChange('10', 'page', 5_000)).toBe('content');
  expect(searches[0]).toContain('cql=ancestor = 10');
  expect(await Promise.all(['10', '11', '12', '13'].map((id) => epochOf(KEYS.contentPermissionEpoch(id))))).toEqual([5_000, 5_000, 5_000, 0]);
  expect(await epochOf(KEYS.permissionEpoch)).toBe(0);
});

it('a blog post has no descendants: no search', async () => {
  expect(await recordPermissionChange('20', 'blogpost', 6_000)).toBe('content');
  expect(searches).toEqual([]);
  expect(await epochOf(KEYS.contentPermissionEpoch('20'))).toBe(6_000);
});

it('falls back to the whole site for a tree too big to list, or when Confluence fails', async () => {
  searchAnswer = (offset, limit) => page(Array.from({ length: limit }, (_, i) => String(1_000 + offset + i)), true, offset + limit);
  expect(await recordPermissionChange('30', 'page', 7_000)).toBe('site');
  expect(await epochOf(KEYS.permissionEpoch)).toBe(7_000);
  searchAnswer = () => new Response('{}', { status: 500 });
  expect(await recordPermissionChange('31', 'page', 8_000)).toBe('site');
  expect(await epochOf(KEYS.permissionEpoch)).toBe(8_000);
  // The site's epoch never moves back (a late, redelivered change).
  expect(await recordPermissionChange('32', 'page', 7_500)).toBe('site');
  expect(await epochOf(KEYS.permissionEpoch)).toBe(8_000);
});
