/**
 * Custom Reports in the local Confluence: an author inserts and configures the "Viewtracker report"
 * macro in the editor preview, a reader and an anonymous visitor view the page, a space admin saves a
 * report in the space report and opens it. Screenshots in test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { useBrowserSuite } from './support/suite';
import type { LocalSite } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;

beforeAll(async () => {
  ({ site, page } = suite);
  const admin = site.user('admin').accountId;
  await site.updateSettings(admin, (settings) => ({ ...settings, customReports: true }));
});

/** Before a screenshot; network quiet is best effort (see modules.test.ts), assertions await their own state. */
async function settle(): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
}

function publicPage() {
  const open = new Set(site.demo.spaces.filter((s) => s.anonymousAccess && s.type === 'global').map((s) => s.key));
  return site.content((c) => c.type === 'page' && !c.restricted && open.has(c.spaceKey) && !c.hasMacro);
}

test('an author inserts and configures the report macro in the editor preview; a reader and an anonymous visitor view it', async () => {
  const admin = site.user('admin').accountId;
  const target = publicPage();
  const editUrl = `/wiki/spaces/${target.spaceKey}/pages/edit-v2/${target.id}`;
  await site.visit(page, admin, editUrl);
  await page.getByRole('button', { name: 'Insert Viewtracker report' }).click();
  const config = page.frameLocator('.modal iframe');
  await config.getByRole('heading', { name: 'Insert a Viewtracker report' }).waitFor();
  await config.getByLabel('Not viewed in the range').check();
  await config.getByLabel('Pages', { exact: true }).check();
  await config.getByLabel('Number of days').fill('14');
  await config.getByLabel('Type', { exact: true }).check();
  await page.screenshot({ path: artifactPath('report-macro-config') });
  await config.getByRole('button', { name: 'Save' }).click();

  // The editor reloads with the macro's preview, computed with the author's rights.
  await page.waitForSelector('.editor-macro iframe');
  const preview = page.frameLocator('.editor-macro iframe');
  await preview.getByText('Preview.', { exact: false }).waitFor();
  await preview.locator('table').waitFor();
  await expect(preview.getByText('Not viewed in the range', { exact: false }).first().isVisible()).resolves.toBe(true);
  await settle();
  await page.screenshot({ path: artifactPath('report-macro-editor-preview') });

  const reader = site.user('reader').accountId;
  await site.visit(page, reader, target.url);
  const macro = page.frameLocator('iframe.macro-frame[data-module-key="viewtracker-report"]');
  await macro.locator('table').waitFor();
  const rows = await macro.locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  await expect(macro.getByText(/^Page$/).count()).resolves.toBe(rows);
  await expect(macro.getByRole('button', { name: 'Export CSV' }).isVisible()).resolves.toBe(true);
  await settle();
  await page.screenshot({ path: artifactPath('report-macro-reader') });

  // Narrow and dark: the same report in a phone-sized window.
  await page.setViewportSize({ width: 420, height: 860 });
  await site.visit(page, reader, target.url, 'mobile-web');
  await page.click('#theme-toggle');
  await macro.locator('table').waitFor();
  await settle();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifactPath('report-macro-narrow-dark'), fullPage: true });
  await page.click('#theme-toggle');
  await page.setViewportSize({ width: 1280, height: 900 });

  await site.visit(page, 'anonymous', target.url);
  await macro.getByText('Sign in to see this Viewtracker report.').waitFor();
  await expect(macro.locator('table').count()).resolves.toBe(0);
  await settle();
  await page.screenshot({ path: artifactPath('report-macro-anonymous') });

  // Where the admin allows it, anonymous visitors see the report of content open to them.
  await site.updateSettings(admin, (settings) => ({ ...settings, reportMacroAnonymous: true }));
  await site.visit(page, 'anonymous', target.url);
  await macro.locator('table').waitFor();
  expect(await macro.locator('tbody tr').count()).toBeGreaterThan(0);
  await settle();
  await page.screenshot({ path: artifactPath('report-macro-anonymous-allowed') });
});

test('a space admin saves a report in the space report, and opens it', async () => {
  const admin = site.user('admin').accountId;
  const spaceKey = publicPage().spaceKey;
  await site.visit(page, admin, site.spaceReportPath(spaceKey));
  const report = page.frameLocator('iframe[data-module-key="space-report"]');
  await report.getByRole('button', { name: 'New saved report' }).click();
  await report.getByLabel('Name').fill('Never read pages');
  await report.getByLabel('Not viewed in the range').check();
  await report.getByRole('button', { name: 'Save report' }).click();
  await report.getByRole('button', { name: 'Never read pages' }).click();
  await report.locator('.vt-saved-reports table').waitFor();
  expect(await report.locator('.vt-saved-reports tbody tr').count()).toBeGreaterThan(0);
  await settle();
  await page.screenshot({ path: artifactPath('space-report-saved-report'), fullPage: true });

  const saved = await site.invoke(admin, 'getAllSavedReports', {});
  expect(saved.ok && JSON.stringify(saved.data)).toContain('Never read pages');
});

test('an author picks the chosen spaces with the keyboard, among the spaces they may view', async () => {
  const admin = site.user('admin').accountId;
  const target = publicPage();
  await site.visit(page, admin, `/wiki/spaces/${target.spaceKey}/pages/edit-v2/${target.id}`);
  await page.getByRole('button', { name: 'Insert Viewtracker report' }).click();
  const config = page.frameLocator('.modal iframe');
  await config.getByRole('heading', { name: 'Insert a Viewtracker report' }).waitFor();
  await config.getByLabel('Chosen spaces').check();
  const space = site.demo.spaces.find((s) => s.type === 'global' && s.key !== target.spaceKey)!;
  const box = config.getByRole('combobox', { name: 'Search spaces' });
  await box.click();
  await box.fill(space.name.slice(0, 4));
  await config.getByRole('option', { name: new RegExp(space.name) }).waitFor();
  // The search answers as the reader types: let the last answer land before moving in the list.
  await settle();
  await box.press('ArrowDown');
  await box.press('Enter');
  // The pick is a tag and the typed-keys fallback shows its key.
  await expect(config.getByLabel('Space keys, separated by commas').inputValue()).resolves.toBe(space.key);
  await expect(config.getByRole('list', { name: 'Selected spaces' }).getByText(space.name).isVisible()).resolves.toBe(true);
  await settle();
  await page.screenshot({ path: artifactPath('report-macro-space-picker') });
  await config.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('.editor-macro iframe');
});
