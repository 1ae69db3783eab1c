/**
 * Every module of the app rendered by the local Confluence, with a screenshot each in test-artifacts/:
 * the byline and its modal, the macro (and the channel it detects), the reports, dark theme.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { useBrowserSuite } from './support/suite';
import { bylineInPage, LocalSite, moduleFrame } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 860 });
let site: LocalSite;
let page: Page;

beforeAll(() => {
  ({ site, page } = suite);
});

/**
 * Lets frames finish drawing before a screenshot. What each test asserts is awaited explicitly; network
 * quiet is only a best effort here (on a loaded machine the page's background calls, the beacon's and
 * the frames', can keep it from ever being idle for 500 ms).
 */
async function settle(): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
}

test('the byline opens page statistics in a modal; closing it asks for the byline title again', async () => {
  const admin = site.user('admin').accountId;
  const home = site.content((c) => c.hasMacro);
  await site.visit(page, admin, home.url);
  const count = await bylineInPage(page);
  await settle();
  await page.screenshot({ path: artifactPath('page-with-byline-and-macro') });

  await page.click('button[data-byline]');
  const statistics = moduleFrame(page, 'view-counter');
  await statistics.locator('body').waitFor();
  // The modal's all-time total is the byline's count, and its chart loads below the period's figures.
  await statistics.locator('.vt-chart canvas').waitFor();
  await expect(statistics.locator('.vt-stats-alltime').textContent()).resolves.toContain(`All time: ${count.toLocaleString('en-US')} views`);
  await expect(statistics.getByRole('combobox', { name: 'Statistics period' }).isVisible()).resolves.toBe(true);
  await settle();
  await page.screenshot({ path: artifactPath('byline-modal-page-statistics') });

  const since = Date.now();
  await page.keyboard.press('Escape');
  await site.waitForInvocation({ kind: 'dynamicProperties', since });
  expect(await bylineInPage(page)).toBeGreaterThanOrEqual(count);
});

test('the macro reports the channel it sees in the browser', async () => {
  const reader = site.user('reader').accountId;
  const macroPage = site.content((c) => c.hasMacro && !c.restricted && c.spaceKey === 'ENG');
  for (const channel of ['desktop', 'mobile-web', 'confluence-app', 'jsm-portal']) {
    const since = Date.now();
    await site.visit(page, reader, macroPage.url, channel);
    const tracked = await site.waitForInvocation({ call: 'trackView', since });
    expect(tracked.payload).toMatchObject({ channel });
    await settle();
    if (channel !== 'desktop') await page.screenshot({ path: artifactPath(`macro-${channel}`) });
  }
});

test('a JSM portal article view fires no product event', async () => {
  const reader = site.user('reader').accountId;
  const article = site.content((c) => !c.restricted && !c.hasMacro && c.type === 'page');
  const since = Date.now();
  await site.visit(page, reader, article.url, 'jsm-portal');
  expect(page.url()).toContain('/servicedesk/customer/portal/');
  await settle();
  expect(await site.invocations({ kind: 'trigger', since })).toEqual([]);
  await site.visit(page, reader, '/wiki/home', 'desktop');
});

test('the global report, the space report and the settings page render', async () => {
  const reportReader = site.user('report-reader').accountId;
  await site.visit(page, reportReader, site.globalReportPath());
  const globalReport = moduleFrame(page, 'global-report');
  await globalReport.locator('.vt-table tbody tr').first().waitFor();
  expect(await globalReport.locator('.vt-table tbody tr').count()).toBeGreaterThan(5);
  await settle();
  await page.screenshot({ path: artifactPath('global-report'), fullPage: true });

  const admin = site.user('admin').accountId;
  await site.visit(page, admin, site.spaceReportPath('ENG'));
  const spaceReport = moduleFrame(page, 'space-report');
  await spaceReport.locator('.vt-report-tiles').waitFor();
  expect(await spaceReport.locator('.vt-table').count()).toBe(1);
  // The tiles say what each figure is.
  await expect(spaceReport.locator('.vt-report-tile__label').allTextContents()).resolves.toEqual(['Views', 'Signed-in viewers', 'Anonymous views', 'Pages and blog posts viewed']);
  await settle();
  await page.screenshot({ path: artifactPath('space-report'), fullPage: true });

  // And the settings page, as its name says: its heading, its sections and its Save button.
  await site.visit(page, admin, site.settingsPath());
  const settings = moduleFrame(page, 'settings');
  await settings.getByRole('heading', { level: 1, name: 'Viewtracker settings' }).waitFor({ timeout: 20_000 });
  for (const section of ['Excluded from tracking', 'General', 'Data privacy']) {
    await expect(settings.getByRole('heading', { name: section, exact: true }).count()).resolves.toBe(1);
  }
  await expect(settings.getByRole('button', { name: 'Save', exact: true }).count()).resolves.toBe(1);
  await page.screenshot({ path: artifactPath('settings-page'), fullPage: true });
});

test('dark theme reaches the Custom UIs that enable theming', async () => {
  const admin = site.user('admin').accountId;
  const home = site.content((c) => c.hasMacro);
  await site.visit(page, admin, home.url);
  await bylineInPage(page);
  await page.click('#theme-toggle');
  await expect(page.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
  await page.click('button[data-byline]');
  const statistics = page.frameLocator('.modal iframe');
  await statistics.locator('body').waitFor();
  await settle();
  await page.screenshot({ path: artifactPath('dark-page-statistics') });
  // Every app mounts through static/shared/mount.tsx, which enables theming: the frame must be dark.
  await statistics.locator('html[data-color-mode="dark"]').waitFor({ state: 'attached', timeout: 10_000 });
  expect(await statistics.locator('html').getAttribute('data-color-mode')).toBe('dark');
  await page.keyboard.press('Escape');
  await page.click('#theme-toggle');
});
