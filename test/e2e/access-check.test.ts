/**
 * The app's user as on Confluence Cloud, in the browser (issue 17): a reader's view of a page
 * restricted away from the app is recorded by the background script (no view event comes), and the
 * settings page's access check lists the spaces holding content the app cannot read.
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

test('the background script records a view of a page restricted away from the app, as the reader', async () => {
  // The demo's restrictions all name the admin (local/demo/generate-site.ts), never the app.
  const admin = site.user('admin').accountId;
  const restricted = site.content((c) => c.restricted);
  const since = Date.now();
  await site.visit(page, admin, restricted.url);
  const report = await site.waitForInvocation({ call: 'reportView', since }, (i) => i.principal === admin);
  expect(report.result).toMatchObject({ ok: true, data: { appSees: false, recorded: true } });
});

test('an admin runs the access check and sees the spaces with content the app cannot read', async () => {
  const admin = site.user('admin').accountId;
  const restricted = site.content((c) => c.restricted);
  const space = site.demo.spaces.find((s) => s.key === restricted.spaceKey)!;
  const since = Date.now();
  await site.visit(page, admin, site.settingsPath());
  const settings = moduleFrame(page, 'settings');
  const run = settings.getByRole('button', { name: 'Run access check', exact: true });
  await run.waitFor({ timeout: 20_000 });
  await run.click();
  const answer = await site.waitForInvocation({ call: 'getAccessCheck', since }, (i) => i.principal === admin, 30_000);
  expect(answer.result).toMatchObject({ ok: true });
  const table = settings.getByRole('table', { name: 'Spaces with content the app cannot read' });
  await table.waitFor({ timeout: 20_000 });
  await expect(table.getByText(`${space.name} (${space.key})`).count()).resolves.toBe(1);
  await page.screenshot({ path: artifactPath('settings-access-check'), fullPage: true });
});
