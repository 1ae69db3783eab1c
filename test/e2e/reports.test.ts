/**
 * The reports in Chromium through the local Confluence: open each, change the range and a filter,
 * sort, export the table to CSV and read the downloaded file back; screenshots in test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { chooseOption } from './support/select';
import { useBrowserSuite } from './support/suite';
import { LocalSite, moduleFrame } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;

beforeAll(() => {
  ({ site, page } = suite);
});

test('global report: range, filter, sort and a CSV export read back', async () => {
  await site.visit(page, site.user('admin').accountId, site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.locator('.vt-report-tiles').waitFor();
  await report.locator('.vt-table tbody tr').first().waitFor();
  const views30 = await report.locator('.vt-report-tile').first().locator('.vt-report-tile__value').textContent();
  expect(views30).toMatch(/\d/);

  await chooseOption(report, 'Report period', 'Last 365 days');
  await report.locator('.vt-report-tiles').waitFor();
  await chooseOption(report, 'Content type', 'Pages');
  await report.locator('.vt-table tbody tr').first().waitFor();
  await report.locator('th[data-column="title"]').getByRole('button').click();
  await report.locator('th[aria-sort="descending"][data-column="title"]').waitFor();
  await report.locator('.vt-table tbody tr').first().waitFor();
  const titles = await report.locator('.vt-table tbody tr td:first-child').allTextContents();
  expect(titles.length).toBeGreaterThan(1);
  expect([...titles].sort((a, b) => b.localeCompare(a))).toEqual(titles);
  await page.screenshot({ path: artifactPath('global-report-filtered'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
  expect(Object.keys(rows[0] ?? {})).toEqual(['Title', 'Space', 'Type', 'Views', 'Last viewed']);
  expect(rows.length).toBeGreaterThanOrEqual(titles.length);
  expect(rows.every((row) => row.Type === 'Page')).toBe(true);
});

test('global report: top content under a source and a signed-in filter is a ranking, not a note', async () => {
  await site.visit(page, site.user('admin').accountId, site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.locator('.vt-table tbody tr').first().waitFor();
  await chooseOption(report, 'Report period', 'Last 365 days');
  await chooseOption(report, 'Source', 'Desktop');
  await chooseOption(report, 'Viewers', 'Signed-in only');
  // The filter applied to the figures: signed-in views only, so no anonymous views.
  await report.getByRole('group', { name: 'Anonymous views' }).locator('.vt-report-tile__value', { hasText: /^0$/ }).waitFor();
  await report.locator('.vt-table tbody tr').first().waitFor();
  const views = (await report.locator('.vt-table tbody tr td:nth-child(4)').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
  expect(views.length).toBeGreaterThan(0);
  expect([...views].sort((a, b) => b - a)).toEqual(views);
  expect(await report.locator('.vt-report-note', { hasText: /source/i }).count()).toBe(0);
  await page.screenshot({ path: artifactPath('global-report-source-signed-in'), fullPage: true });
});

test('space report opens for a space admin and shows its own space only', async () => {
  await site.visit(page, site.user('admin').accountId, site.spaceReportPath('ENG'));
  const report = moduleFrame(page, 'space-report');
  await report.locator('.vt-report-tiles').waitFor();
  // The space's distinct readers: exact from its view records (the demo space's 60 days hold few enough), or "not available" with a note saying why.
  const viewers = report.getByRole('group', { name: 'Signed-in viewers' });
  const value = (await viewers.locator('.vt-report-tile__value').textContent()) ?? '';
  console.log(`space report signed-in viewers: ${value}; notes: ${(await report.locator('.vt-report-note').allTextContents()).join(' | ')}`);
  expect(value).toMatch(/^\d[\d,]*$/);
  await report.getByRole('tab', { name: 'Not viewed' }).click();
  // One space: no "Top spaces" table that could only list it.
  await expect(report.getByRole('tab', { name: 'Top spaces' }).count()).resolves.toBe(0);
  await expect(report.getByRole('tab', { name: 'Top content' }).count()).resolves.toBe(1);
  await page.screenshot({ path: artifactPath('space-report-new'), fullPage: true });
});

test('a reader who may not open the reports gets one page saying who may, not the report with refusals', async () => {
  const reader = site.user('reader').accountId;
  for (const [path, moduleKey, header, audience] of [
    [site.globalReportPath(), 'global-report', 'You can’t open the Viewtracker report', /open to Confluence administrators/],
    [site.spaceReportPath('ENG'), 'space-report', 'You can’t open this space’s report', /open to the space’s admins, and to Confluence administrators/],
  ] as const) {
    await site.visit(page, reader, path);
    const report = moduleFrame(page, moduleKey);
    await report.getByRole('heading', { level: 1, name: header }).waitFor({ timeout: 20_000 });
    await expect(report.getByText(audience).count()).resolves.toBe(1);
    // Give the table's call time to answer too: still one page, no report controls, no red boxes.
    await page.waitForTimeout(1000);
    await expect(report.getByRole('alert').count()).resolves.toBe(0);
    await expect(report.getByRole('button', { name: 'Export CSV' }).count()).resolves.toBe(0);
    await expect(report.getByRole('tablist').count()).resolves.toBe(0);
    await expect(report.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
    await page.screenshot({ path: artifactPath(`${moduleKey}-no-access`), fullPage: true });
  }
});
