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
  const restricted = site.demo.contents.find((c) => c.restricted);
  if (!restricted) return; // the seed made no restricted page at this size
  const guest = site.user('guest').accountId;
  const response = await page.goto(`${site.url}/__host/session?user=${guest}&back=${encodeURIComponent(restricted.url)}`);
  expect(response?.status()).toBe(404);
});
