/**
 * Page statistics and the macro in Chromium through the local Confluence: the byline's modal as an
 * admin (ranges, the viewer list's pages, the CSV export read back), a reader (narrow modal) and an
 * anonymous visitor (counts only), and the macro's configuration dialog; screenshots in test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { FrameLocator, Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { chooseOption } from './support/select';
import { useBrowserSuite } from './support/suite';
import { bylineInPage, LocalSite, moduleFrame } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;
beforeAll(() => {
  ({ site, page } = suite);
});

async function openStatistics(): Promise<FrameLocator> {
  await bylineInPage(page);
  await page.click('button[data-byline]');
  const statistics = moduleFrame(page, 'view-counter');
  await statistics.locator('.vt-stat').first().waitFor({ timeout: 20_000 });
  return statistics;
}

const publicPage = () => site.content((c) => c.type === 'page' && !c.restricted && site.demo.spaces.some((s) => s.key === c.spaceKey && s.anonymousAccess && s.type === 'global'));

test('an admin switches ranges, pages through the viewers and exports them', async () => {
  const admin = site.user('admin').accountId;
  const target = publicPage();
  // Every demo user views the page, so the list has more than one page of viewers.
  for (const user of site.demo.users.filter((u) => u.status === 'active' && u.role !== 'bot')) {
    await site.visit(page, user.accountId, target.url);
    await bylineInPage(page);
  }
  await site.visit(page, admin, target.url);
  const statistics = await openStatistics();
  await statistics.locator('.vt-chart canvas').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: artifactPath('page-statistics-admin-30-days') });

  const PRESET_NAMES: Record<string, string> = { '7d': 'Last 7 days', '365d': 'Last 365 days', all: 'All time' };
  for (const preset of ['7d', '365d', 'all']) {
    const since = Date.now();
    await chooseOption(statistics, 'Statistics period', PRESET_NAMES[preset]!);
    const call = await site.waitForInvocation({ call: 'getPageStatistics', since });
    expect(call.payload).toEqual({ range: { kind: 'preset', preset } });
    expect(call.outcome).not.toBe('error');
    await statistics.locator('.vt-stat').first().waitFor();
  }
  await statistics.getByText('Show as table').click();
  await statistics.locator('.vt-chart__table tbody tr').first().waitFor();
  await page.screenshot({ path: artifactPath('page-statistics-admin-all-time-table') });

  // The first page shows the latest five; "Show more" brings the rest.
  const rows = statistics.locator('.vt-viewers tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(5);
  const since = Date.now();
  await statistics.getByRole('button', { name: 'Show more' }).click();
  await site.waitForInvocation({ call: 'getPageViewers', since }, (i) => JSON.stringify(i.payload).includes('cursor'));
  await page.waitForFunction(() => true);
  await statistics.locator('.vt-viewers tbody tr:nth-child(6)').waitFor();
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(5);

  const [download] = await Promise.all([page.waitForEvent('download'), statistics.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records: string[][] = parse(text, { bom: true });
  expect(records[0]).toEqual(['Name', 'Account ID', 'Views', 'First view (UTC)', 'Last view (UTC)']);
  expect(records.length - 1).toBe(shown);
  expect(records.map((r) => r[1])).toContain(admin);

  await statistics.getByRole('searchbox', { name: 'Search viewers by name' }).fill(site.user('reader').displayName.split(' ')[0]!);
  await site.waitForInvocation({ call: 'getPageViewers', since: Date.now() - 50 }, (i) => JSON.stringify(i.payload).includes('query'));
  await statistics.getByText(site.user('reader').displayName).first().waitFor();
  await page.screenshot({ path: artifactPath('page-statistics-admin-search') });
  await page.keyboard.press('Escape');
});

test('a reader sees the statistics in a narrow modal, in dark mode too', async () => {
  const reader = site.user('reader').accountId;
  await page.setViewportSize({ width: 640, height: 900 });
  await site.visit(page, reader, publicPage().url);
  const statistics = await openStatistics();
  await statistics.locator('.vt-viewers tbody tr').first().waitFor();
  await page.screenshot({ path: artifactPath('page-statistics-reader-narrow') });
  // Narrow: the modal fits the 640 px window, and nothing inside it scrolls sideways.
  const modal = await page.locator('iframe[data-module-key="view-counter"]').boundingBox();
  expect(modal).not.toBeNull();
  expect(modal!.x).toBeGreaterThanOrEqual(0);
  expect(modal!.x + modal!.width).toBeLessThanOrEqual(640);
  const overflow = await statistics.locator('body').evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  // The figures read as labelled: each stat has its label.
  await expect(statistics.locator('.vt-stat__label').allTextContents()).resolves.toEqual(expect.arrayContaining(['Views', 'Signed-in viewers', 'Anonymous views']));
  await page.keyboard.press('Escape');
  await page.click('#theme-toggle');
  const dark = await openStatistics();
  await dark.locator('.vt-chart canvas').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: artifactPath('page-statistics-reader-dark') });
  // Dark: the frame is in dark mode and its page and text are painted dark and light.
  await dark.locator('html[data-color-mode="dark"]').waitFor({ state: 'attached', timeout: 10_000 });
  const colours = await dark.locator('.vt-stat__value').first().evaluate((element) => {
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    let background = 'rgba(0, 0, 0, 0)';
    for (let node: Element | null = element; node && /rgba\(0, 0, 0, 0\)|transparent/.test(background); node = node.parentElement) background = getComputedStyle(node).backgroundColor;
    if (/rgba\(0, 0, 0, 0\)|transparent/.test(background)) background = getComputedStyle(document.body).backgroundColor;
    return { text: luminance(getComputedStyle(element).color), background: luminance(background), backgroundCss: background };
  });
  expect(colours.text).toBeGreaterThan(0.6);
  expect(colours.background).toBeLessThan(0.3);
  await page.keyboard.press('Escape');
  await page.click('#theme-toggle');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('an anonymous visitor of a public page sees counts and why there are no names', async () => {
  await site.visit(page, 'anonymous', publicPage().url);
  const statistics = await openStatistics();
  await statistics.getByText('Sign in to see more').waitFor();
  expect(await statistics.locator('.vt-viewers').count()).toBe(0);
  // Under figures the visitor can see, nothing says they must sign in to see them (the attachments'
  // refusal once did): the attachments section is simply absent for visitors.
  await page.waitForTimeout(1000);
  expect(await statistics.getByText('Sign in to see page statistics').count()).toBe(0);
  expect(await statistics.getByRole('heading', { name: 'Attachments' }).count()).toBe(0);
  await page.screenshot({ path: artifactPath('page-statistics-anonymous') });
  await page.keyboard.press('Escape');
});

test('an editor configures the macro to show a chart and the latest viewers', async () => {
  const admin = site.user('admin').accountId;
  const macroPage = site.content((c) => c.hasMacro && !c.restricted);
  // The local editor (edit-v2) shows each macro's preview with an "Edit" button for its configuration.
  await site.visit(page, admin, `/wiki/spaces/${macroPage.spaceKey}/pages/edit-v2/${macroPage.id}`);
  await page.locator('.editor-macro', { hasText: 'Viewtracker' }).first().getByRole('button', { name: 'Edit' }).click();
  const config = page.frameLocator('.modal iframe');
  await config.getByText('A small chart of views').click();
  await config.getByText('The latest viewers').click();
  await chooseOption(config, 'Period', 'Last 30 days');
  await page.screenshot({ path: artifactPath('macro-config-dialog') });
  await Promise.all([page.waitForNavigation(), config.getByRole('button', { name: 'Save' }).click()]);
  await site.visit(page, admin, macroPage.url);
  const macro = page.frameLocator('iframe.macro-frame');
  await macro.locator('.vt-macro--block .vt-macro__spark').waitFor({ timeout: 20_000 });
  await macro.locator('.vt-macro__viewers li').first().waitFor();
  expect(await macro.locator('.vt-macro__count').textContent()).toContain('last 30 days');
  await page.screenshot({ path: artifactPath('macro-configured') });
});
