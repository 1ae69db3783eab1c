/**
 * The group filter in Chromium through the local Confluence: an admin searches a group, picks it,
 * sees the members' figures (never more than the unfiltered report), their top readers, the content
 * they did not view, and clears it.
 */
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

const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test('global report filtered by readers in a group', async () => {
  await site.visit(page, site.user('admin').accountId, site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.locator('.vt-report-tiles').waitFor();
  const allViews = count(await report.locator('.vt-report-tile').first().locator('.vt-report-tile__value').textContent());

  await chooseOption(report, 'Readers in group', 'hr-team', { search: 'hr' });
  expect(page.url()).toContain('group=');
  await report.locator('.vt-report-tiles').waitFor();
  const groupViews = count(await report.locator('.vt-report-tile').first().locator('.vt-report-tile__value').textContent());
  expect(groupViews).toBeLessThanOrEqual(allViews);
  await report.getByRole('tab', { name: 'Top readers' }).click();
  await report.locator('.vt-table tbody tr').first().waitFor();
  expect(await report.locator('.vt-table tbody tr').count()).toBeGreaterThan(0);
  await page.screenshot({ path: artifactPath('global-report-group'), fullPage: true });
  // Not viewed by the group's members: listed, with the last view by anyone, and saying what it lists.
  await report.getByRole('tab', { name: 'Not viewed' }).click();
  await report.getByText(/did not view in the range/).waitFor();
  await report.locator('.vt-table tbody tr').first().waitFor();
  expect(await report.locator('.vt-table tbody tr').count()).toBeGreaterThan(0);
  expect(await report.locator('.vt-table thead').textContent()).toContain('Last viewed (by anyone)');
  await page.screenshot({ path: artifactPath('global-report-group-not-viewed'), fullPage: true });

  // Cleared with the keyboard, as the select offers (its clear button is for the mouse).
  await report.getByRole('combobox', { name: 'Readers in group' }).focus();
  await report.getByRole('combobox', { name: 'Readers in group' }).press('Backspace');
  await page.waitForURL((url) => !url.search.includes('group='));
  await report.locator('.vt-report-tiles').waitFor();
  expect(count(await report.locator('.vt-report-tile').first().locator('.vt-report-tile__value').textContent())).toBe(allViews);
});
