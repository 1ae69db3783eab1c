/**
 * The report's controls are Atlassian's own (issue 19): the dropdowns are @atlaskit/select menus a
 * keyboard opens and moves through, the tabs are @atlaskit/tabs that arrow keys move between, and a
 * table head asks the server for the sort while the table keeps its head. Screenshots of the global
 * report in light and dark land in test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { chooseOption, pickableOptions } from './support/select';
import { useBrowserSuite } from './support/suite';
import { LocalSite, moduleFrame } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;

beforeAll(() => {
  ({ site, page } = suite);
});

const admin = () => site.user('admin').accountId;

test('the report period is a select a keyboard opens, moves through and picks from', async () => {
  await site.visit(page, admin(), site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.locator('.vt-report-tiles').waitFor();
  const period = report.getByRole('combobox', { name: 'Report period' });
  await period.focus();
  await period.press('ArrowDown');
  // A menu in the page (a native select's popup is not): its options are there to read and to move through.
  const menu = report.getByRole('listbox');
  await menu.waitFor();
  expect(await menu.getByRole('option').allTextContents()).toEqual(['Last 7 days', 'Last 30 days', 'Last 90 days', 'Last 365 days', 'This month', 'Last month', 'All time', 'Custom dates…']);
  const since = Date.now();
  // The menu opens on the chosen option (Last 30 days); one step down is Last 90 days.
  await period.press('ArrowDown');
  await period.press('Enter');
  const call = await site.waitForInvocation({ call: 'getReportSummary', since });
  expect(call.payload).toMatchObject({ range: { kind: 'preset', preset: '90d' } });
  await menu.waitFor({ state: 'detached' });
  await report.getByRole('combobox', { name: 'Content type' }).focus();
  await chooseOption(report, 'Content type', 'Blog posts');
  await site.waitForInvocation({ call: 'getReportTable', since }, (i) => JSON.stringify(i.payload).includes('"contentTypes":["blogpost"]'));
});

test('arrow keys move between the report’s table tabs and load the chosen table', async () => {
  await site.visit(page, admin(), site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.locator('.vt-table tbody tr').first().waitFor();
  const tables = report.getByRole('tablist', { name: 'Tables' });
  const first = tables.getByRole('tab', { name: 'Top content' });
  await first.focus();
  const since = Date.now();
  await first.press('ArrowRight');
  const spaces = tables.getByRole('tab', { name: 'Top spaces' });
  await expect(spaces.getAttribute('aria-selected')).resolves.toBe('true');
  await expect(spaces.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await site.waitForInvocation({ call: 'getReportTable', since }, (i) => JSON.stringify(i.payload).includes('"table":"top-spaces"'));
  await report.getByRole('tabpanel').locator('.vt-table tbody tr').first().waitFor();
  await spaces.press('ArrowLeft');
  await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
  // Views / Search: the outer tabs are the same kind of tabs.
  const outer = report.getByRole('tablist', { name: 'Report' });
  await outer.getByRole('tab', { name: 'Views' }).focus();
  await outer.getByRole('tab', { name: 'Views' }).press('ArrowRight');
  await expect(outer.getByRole('tab', { name: 'Search', exact: true }).getAttribute('aria-selected')).resolves.toBe('true');
});

test('a table head sorts on the server and the table keeps its head while the page loads', async () => {
  await site.visit(page, admin(), site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await chooseOption(report, 'Report period', 'Last 365 days');
  await report.locator('.vt-table tbody tr').first().waitFor();
  const views = report.locator('th[data-column="views"]');
  await expect(views.getAttribute('aria-sort')).resolves.toBe('descending');
  // Numbers right, their head too.
  await expect(views.evaluate((el) => getComputedStyle(el).textAlign)).resolves.toBe('right');
  const head = await views.elementHandle();
  const since = Date.now();
  await views.getByRole('button').press('Enter');
  const call = await site.waitForInvocation({ call: 'getReportTable', since });
  expect(call.payload).toMatchObject({ sort: { column: 'views', direction: 'asc' } });
  await report.locator('th[data-column="views"][aria-sort="ascending"]').waitFor();
  await report.locator('.vt-table tbody tr').first().waitFor();
  // The same head element throughout: the table was not swapped for a spinner and back.
  await expect(head!.evaluate((el) => el.isConnected)).resolves.toBe(true);
  const figures = (await report.locator('.vt-table tbody td[data-column="views"]').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
  expect(figures.length).toBeGreaterThan(1);
  expect([...figures].sort((a, b) => a - b)).toEqual(figures);
  await page.screenshot({ path: artifactPath('global-report-light'), fullPage: true });

  await site.visit(page, admin(), '/wiki/home');
  await page.locator('#theme-toggle').click();
  await site.visit(page, admin(), site.globalReportPath());
  const dark = moduleFrame(page, 'global-report');
  await dark.locator('.vt-table tbody tr').first().waitFor();
  await expect(dark.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
  // An ADS select follows the theme: its control is not the light theme's white.
  const control = dark.getByRole('combobox', { name: 'Content type' }).locator('xpath=ancestor::div[contains(@class, "vt-select__control")][1]');
  const background = await control.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await dark.getByRole('combobox', { name: 'Source' }).focus();
  await dark.getByRole('combobox', { name: 'Source' }).press('ArrowDown');
  await dark.getByRole('listbox').waitFor();
  await page.screenshot({ path: artifactPath('global-report-dark'), fullPage: true });
});

test('a settings picker opens its matches over the page: nothing below it moves, and a pick stays a tag beside it', async () => {
  await site.visit(page, admin(), site.settingsPath());
  const settings = moduleFrame(page, 'settings');
  const users = settings.getByRole('combobox', { name: 'Users', exact: true });
  await users.waitFor({ timeout: 20_000 });
  const spaces = settings.getByRole('combobox', { name: 'Spaces', exact: true });
  // Positions relative to the Users field: opening the menu may scroll the page, which moves both alike.
  const gap = async () => (await spaces.boundingBox())!.y - (await users.boundingBox())!.y;
  const before = await gap();
  await users.focus();
  await users.press('ArrowDown');
  // A group not excluded yet (picking an excluded one again would remove it).
  const option = pickableOptions(settings).and(settings.getByRole('option', { selected: false })).first();
  await option.waitFor({ timeout: 10_000 });
  expect(await gap()).toBe(before);
  const name = (await option.textContent()) ?? '';
  await option.click();
  await settings.getByRole('list', { name: 'Selected groups' }).getByText(name.trim(), { exact: false }).first().waitFor();
  // A multi picker stays open after a pick, so several groups can be added in a row.
  expect(await users.getAttribute('aria-expanded')).toBe('true');
  await page.screenshot({ path: artifactPath('settings-picker-open'), fullPage: true });
});
