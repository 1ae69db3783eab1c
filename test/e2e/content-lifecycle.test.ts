/**
 * Content lifecycle in the local Confluence: a viewed page trashed leaves the global report and
 * returns with its count when restored; a moved page shows under its new space; a purged page's
 * data is gone. Lifecycle changes go through /__local/content/<id>/<action>, which changes the
 * demo site and delivers Confluence's event to the app's trigger.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { useBrowserSuite } from './support/suite';
import { moduleFrame, type LocalSite } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 860 });
let site: LocalSite;
let page: Page;
beforeAll(() => ({ site, page } = suite));

async function reportRows(path: string, moduleKey: string): Promise<string[]> {
  await site.visit(page, site.user('admin').accountId, path);
  const frame = moduleFrame(page, moduleKey);
  await frame.locator('.vt-table tbody tr').first().waitFor();
  return frame.locator('.vt-table').first().locator('tbody tr').allTextContents();
}

test('npm start backfills the inventory on installation; the settings page shows its last completion', async () => {
  const admin = site.user('admin').accountId;
  const status = await site.invoke(admin, 'getInventoryStatus', {});
  // As on Cloud, the inventory holds what the app's user may see (restricted content is left out).
  expect(status.ok && status.data).toMatchObject({ state: 'idle', processed: site.demo.contents.filter((c) => c.appSees).length });
  expect(site.demo.contents.some((c) => !c.appSees)).toBe(true);
  await site.visit(page, admin, site.settingsPath());
  const settings = moduleFrame(page, 'settings');
  await expect(settings.getByTestId('inventory-status').textContent()).resolves.toContain('Last completed');
  await page.screenshot({ path: artifactPath('settings-content-inventory'), fullPage: true });
});

test('trash, restore, move and purge a viewed page: the reports follow', async () => {
  const rows = await reportRows(site.globalReportPath(), 'global-report');
  const top = site.content((c) => rows[0]!.includes(c.title) && c.type === 'page');
  const views = await site.bylineCount(top.id, site.user('admin').accountId);
  expect(views).toBeGreaterThan(0);

  await site.post(`/__local/content/${top.id}/trashed`, {});
  expect((await reportRows(site.globalReportPath(), 'global-report')).some((row) => row.includes(top.title))).toBe(false);

  await site.post(`/__local/content/${top.id}/restored`, {});
  // The report's range (last 30 days by default) shows the same row as before the trash: every count back.
  const restored = await reportRows(site.globalReportPath(), 'global-report');
  expect(restored.find((row) => row.includes(top.title))).toBe(rows[0]);

  const target = site.demo.spaces.find((space) => space.key !== top.spaceKey && space.type === 'global')!;
  await site.post(`/__local/content/${top.id}/moved?space=${target.key}`, {});
  expect((await reportRows(site.spaceReportPath(target.key), 'space-report')).some((row) => row.includes(top.title))).toBe(true);
  // The report says what a move does to history: it moves with the page.
  await expect(moduleFrame(page, 'space-report').getByTestId('lifecycle-note').textContent()).resolves.toContain('takes its whole history with it');
  await page.screenshot({ path: artifactPath('space-report-after-move') });

  await site.post(`/__local/content/${top.id}/deleted`, {});
  expect((await reportRows(site.globalReportPath(), 'global-report')).some((row) => row.includes(top.title))).toBe(false);
  expect(await site.bylineCount(top.id, site.user('admin').accountId)).toBe(0);
});
