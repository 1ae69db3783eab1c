/**
 * CQL content selections over more than one page of results, against the local Confluence's content search,
 * which pages as Cloud's does (vendor/confluence-openapi: `cursor` from `_links.next`, no `start`, no
 * `totalSize`): every id once, all of them, in the order Confluence lists them.
 */
import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory } from '../../local/demo/directory';
import { generateSite } from '../../local/demo/generate-site';
import { DEMO_SIZES } from '../../local/demo/sizes';
import { CQL_PAGE_SIZE, searchContentIds } from '../../src/platform/confluence/cql-search';
import { startAppStore, type AppStore } from '../support/app-store';

const directory = new Directory(generateSite(11, { ...DEMO_SIZES.small, contents: 2 * CQL_PAGE_SIZE + 37 }, Date.UTC(2026, 10, 1)));
const fake = new ConfluenceFake(directory);
const requests: string[] = [];
let store: AppStore;

beforeEach(() => {
  requests.length = 0;
  store = startAppStore({
    fallback: async (_target, path, init) => {
      requests.push(path);
      const answer = fake.handle({ method: init?.method ?? 'GET', path, body: typeof init?.body === 'string' ? init.body : undefined, caller: { kind: 'app', restricted: true } });
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
    },
  });
});
afterEach(() => store.stop());

// As on Cloud, the app's user lists only content no restriction keeps from it (local/confluence: visibleTo).
const current = () => directory.site.contents.filter((content) => (content.type === 'page' || content.type === 'blogpost') && fake.visibleTo({ kind: 'app', restricted: true }, content));

it('a selection over three pages of results lists every id exactly once', async () => {
  const expected = current().map((content) => content.id);
  expect(expected.length).toBeGreaterThan(2 * CQL_PAGE_SIZE);
  const found = await searchContentIds('app', 'type in (page, blogpost)', 10_000);
  expect(new Set(found.ids).size).toBe(found.ids.length);
  expect([...found.ids].sort()).toEqual([...expected].sort());
  expect(found).toMatchObject({ capped: false, total: expected.length });
  expect(requests.filter((path) => path.includes('/content/search'))).toHaveLength(3);
  expect(requests.some((path) => /[?&]start=/.test(path))).toBe(false);
});

it('stops at the cap, saying there is more (the search gives no total)', async () => {
  const found = await searchContentIds('app', 'type in (page, blogpost)', CQL_PAGE_SIZE + 5);
  expect(found.ids).toHaveLength(CQL_PAGE_SIZE + 5);
  expect(new Set(found.ids).size).toBe(CQL_PAGE_SIZE + 5);
  expect(found).toMatchObject({ capped: true, total: CQL_PAGE_SIZE + 5 });
});

it('the local content search ignores `start` as Cloud does (the first page again) and answers no totalSize', () => {
  const first = fake.handle({ method: 'GET', path: '/wiki/rest/api/content/search?cql=type%20%3D%20page&limit=5', caller: { kind: 'app', restricted: true } });
  const withStart = fake.handle({ method: 'GET', path: '/wiki/rest/api/content/search?cql=type%20%3D%20page&limit=5&start=5', caller: { kind: 'app', restricted: true } });
  expect(withStart.body).toMatchObject({ results: (first.body as { results: unknown[] }).results });
  expect(first.body).not.toHaveProperty('totalSize');
  expect((first.body as { _links: { next?: string } })._links.next).toMatch(/[?&]cursor=/);
});
