/**
 * Views as Confluence makes them: opening a page in the browser fires the manifest's trigger with a
 * Forge-shaped event, and the byline (the app's dynamicProperties function) shows the exact count.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { useBrowserSuite } from './support/suite';
import { bylineInPage, LocalSite, type DemoContent } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 800 });
let site: LocalSite;
let page: Page;
let reader: string;
let article: DemoContent;

beforeAll(() => {
  ({ site, page } = suite);
  reader = site.user('reader').accountId;
  // A plain page (no macro) every signed-in user may see.
  article = site.content((c) => c.type === 'page' && !c.restricted && !c.hasMacro && c.spaceKey === 'ENG');
});

test('a reader opens a page: the byline count rises by one', async () => {
  const before = await site.bylineCount(article.id, reader);
  await site.visit(page, reader, article.url);
  expect(await bylineInPage(page)).toBe(before + 1);
  await page.screenshot({ path: artifactPath('byline-after-view') });
});

test('a reload inside the blocking time does not count; one after it does', async () => {
  const admin = site.user('admin').accountId;
  await site.updateSettings(admin, (settings) => ({ ...settings, blockingTimeMs: 2500 }));
  const other = site.content((c) => c.type === 'page' && !c.restricted && !c.hasMacro && c.id !== article.id);
  const before = await site.bylineCount(other.id, reader);

  await site.visit(page, reader, other.url);
  expect(await bylineInPage(page)).toBe(before + 1);
  await page.reload();
  expect(await bylineInPage(page)).toBe(before + 1);

  await page.waitForTimeout(2600);
  await page.reload();
  expect(await bylineInPage(page)).toBe(before + 2);
});

test('an event delivered three times and late counts once', async () => {
  const before = await site.bylineCount(article.id, reader);
  const viewer = site.user('report-reader').accountId;
  // Forge delivers at least once: three copies of this view's event, 300-700 ms late.
  await site.visit(page, viewer, `${article.url}?eventCopies=3&eventDelayMs=300&eventJitterMs=400`);
  expect(await bylineInPage(page)).toBe(before + 1);
  const triggers = await site.invocations({ kind: 'trigger' });
  expect(triggers.filter((t) => t.outcome === 'error')).toEqual([]);
});

test('restricted content is not found for a reader who may not see it', async () => {
  // The small demo always has restricted content (see local/demo/generate-site.ts); without it this test must fail.
  const restricted = site.content((c) => c.restricted);
  const guest = site.user('guest').accountId;
  const response = await page.goto(`${site.url}/__host/session?user=${guest}&back=${encodeURIComponent(restricted.url)}`);
  expect(response?.status()).toBe(404);
  // And the app refuses its statistics to that reader (the server decides, not the page).
  const extension = { type: 'confluence:contentBylineItem', content: { id: restricted.id, type: restricted.type }, space: { key: restricted.spaceKey } };
  const answer = await site.post('/__local/invoke', { as: guest, functionKey: 'getPageStatistics', payload: { range: { kind: 'preset', preset: '30d' } }, moduleKey: 'view-counter', extension });
  expect(answer).toEqual({ ok: true, result: { ok: false, error: expect.objectContaining({ code: 'not-found' }) } });
});

test('the local host refuses cross-site requests, off-site redirects and hostile nesting', async () => {
  const invoke = { frame: { moduleKey: 'settings', localId: 'x', extension: { type: 'confluence:globalSettings' } }, functionKey: 'getSettings', payload: {} };
  // A page elsewhere posting a form to the host (no cookie: the session would be the admin).
  const crossSite = await fetch(`${site.url}/__host/invoke`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'text/plain' }, body: JSON.stringify(invoke) });
  expect(crossSite.status).toBe(403);
  const sameSite = await fetch(`${site.url}/__host/invoke`, { method: 'POST', headers: { origin: site.url, 'content-type': 'application/json' }, body: JSON.stringify(invoke) });
  expect(sameSite.status).toBe(200);

  const redirect = await fetch(`${site.url}/__host/session?back=/%5Cexample.org`, { redirect: 'manual' });
  expect(redirect.headers.get('location')).toBe('/wiki/home');

  const deep = `{"frame":{"moduleKey":"settings","localId":"x","extension":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}},"functionKey":"getSettings","payload":{}}`;
  const nested = await fetch(`${site.url}/__host/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
  expect(nested.status).toBe(400);
});
