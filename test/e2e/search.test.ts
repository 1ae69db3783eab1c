/**
 * Search analytics end to end in Chromium: a reader searches the local Confluence (its search box
 * fires `avi:confluence:performed:search` in Forge's shape), clicks a result (the view follows within
 * the click window), and an admin sees both in the global report's Search tab. Screenshots in test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { useBrowserSuite } from './support/suite';
import { LocalSite, moduleFrame } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;

beforeAll(() => {
  ({ site, page } = suite);
});

test('search, click a result, and see the query and its click-through in the Search tab', async () => {
  const reader = site.user('reader').accountId;
  await site.visit(page, reader, '/wiki/home');
  const title = (await page.locator('table.list tbody a').first().textContent()) ?? '';
  const word = title.split(/\s+/).map((part) => part.replace(/[^\p{L}\p{N}]/gu, '')).find((part) => part.length >= 4) ?? 'page';
  const typed = `  ${word.toUpperCase()} `;

  const since = Date.now();
  await page.getByRole('searchbox', { name: 'Search Confluence' }).first().fill(typed);
  await page.keyboard.press('Enter');
  await page.locator('.search-results li a').first().waitFor();
  await site.waitForInvocation({ kind: 'trigger', since }, (call) => call.functionKey === 'on-search-performed');
  await page.screenshot({ path: artifactPath('search-results'), fullPage: true });
  const clickedAt = Date.now();
  await page.locator('.search-results li a').first().click();
  await site.waitForInvocation({ kind: 'trigger', since: clickedAt }, (call) => call.functionKey === 'on-content-viewed');

  // Searching for nothing that exists: a no-result search.
  await site.visit(page, reader, `/wiki/search?text=${encodeURIComponent('zzqx nothing here')}`);
  await page.locator('.search-count').waitFor();
  await site.waitForInvocation({ kind: 'trigger', since: clickedAt }, (call) => call.functionKey === 'on-search-performed');

  await site.visit(page, site.user('admin').accountId, site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.getByRole('tab', { name: 'Search', exact: true }).click();
  await report.getByRole('group', { name: 'Searches', exact: true }).waitFor();
  const row = report.locator('.vt-table tbody tr', { hasText: word.toLowerCase() });
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  expect(cells[0]).toBe(word.toLowerCase());
  expect(Number(cells[1])).toBeGreaterThanOrEqual(1);
  expect(Number(cells[3])).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: artifactPath('search-tab-top-queries'), fullPage: true });

  await report.getByRole('tab', { name: 'Queries without results' }).click();
  await report.locator('.vt-table tbody tr', { hasText: 'zzqx nothing here' }).waitFor();

  await site.visit(page, site.user('admin').accountId, '/wiki/home');
  await page.locator('#theme-toggle').click();
  await site.visit(page, site.user('admin').accountId, site.globalReportPath());
  const dark = moduleFrame(page, 'global-report');
  await dark.getByRole('tab', { name: 'Search', exact: true }).click();
  await dark.locator('.vt-table tbody tr').first().waitFor();
  await page.screenshot({ path: artifactPath('search-tab-dark'), fullPage: true });
});
