/**
 * Reach in Chromium through the local Confluence (issue 20): an admin opens page statistics, picks a
 * group with the group picker, reads "K of N", pages the not-read list, exports it (the CSV read
 * back against the figures), and sees the section in light and dark; screenshots in test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { FrameLocator, Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { chooseOption } from './support/select';
import { useBrowserSuite } from './support/suite';
import { bylineInPage, frameOf, LocalSite, moduleFrame } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;
let added: string[];
const PREFIX = 'Reach reader';

beforeAll(async () => {
  ({ site, page } = suite);
  // More members than one page of the list (10) shows.
  added = ((await site.post('/__local/directory/group-members', { groupName: 'hr-team', count: 14, namePrefix: PREFIX })) as { added: string[] }).added;
  // Two of the added members read the page.
  for (const reader of added.slice(0, 2)) {
    await site.visit(page, reader, publicPage().url);
    await bylineInPage(page);
  }
});

const publicPage = () => site.content((c) => c.type === 'page' && !c.restricted && site.demo.spaces.some((s) => s.key === c.spaceKey && s.anonymousAccess && s.type === 'global'));

async function openReach(): Promise<FrameLocator> {
  await bylineInPage(page);
  await page.click('button[data-byline]');
  const statistics = moduleFrame(page, 'view-counter');
  await statistics.locator('.vt-stat').first().waitFor({ timeout: 20_000 });
  const reach = statistics.locator('[data-section="reach"]');
  await reach.scrollIntoViewIfNeeded();
  await chooseOption(statistics, 'Audience', 'A group');
  await chooseOption(statistics, 'Group', 'hr-team', { search: 'hr' });
  await statistics.getByTestId('reach-share').waitFor({ timeout: 20_000 });
  return statistics;
}

/** "K of N (p%)" → [K, N]. */
function share(text: string | null): [number, number] {
  const match = /^([\d,]+) of ([\d,]+)/.exec(text ?? '');
  if (!match) throw new Error(`Not a share: ${text}`);
  return [Number(match[1]!.replace(/,/g, '')), Number(match[2]!.replace(/,/g, ''))];
}

test('an admin opens Reach for a group, pages the not-read list and exports it', async () => {
  await site.visit(page, site.user('admin').accountId, publicPage().url);
  const statistics = await openReach();
  const call = await site.waitForInvocation({ call: 'getPageReach' }, (i) => JSON.stringify(i.payload).includes('"group"'));
  expect(call.payload).toMatchObject({ audience: { kind: 'group' }, list: 'not-read', range: { kind: 'preset', preset: '30d' } });
  const [readers, audience] = share(await statistics.getByTestId('reach-share').textContent());
  expect(audience).toBeGreaterThanOrEqual(added.length);
  expect(readers).toBeGreaterThanOrEqual(2);
  const notRead = audience - readers;
  expect(notRead).toBeGreaterThan(10);

  const rows = statistics.locator('[data-table="reach-not-read"] tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(10);
  const firstPage = await rows.allTextContents();
  await statistics.getByText(`Page 1 of ${Math.ceil(notRead / 10)}`).waitFor();
  await page.screenshot({ path: artifactPath('reach-light') });
  await statistics.locator('[data-section="reach"]').screenshot({ path: artifactPath('reach-section-light') });

  const since = Date.now();
  await statistics.getByRole('button', { name: 'Next' }).click();
  await site.waitForInvocation({ call: 'getPageReach', since }, (i) => JSON.stringify(i.payload).includes('cursor'));
  await statistics.getByText(`Page 2 of ${Math.ceil(notRead / 10)}`).waitFor();
  const secondPage = await rows.allTextContents();
  expect(secondPage.length).toBe(Math.min(10, notRead - 10));
  expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);

  const [download] = await Promise.all([page.waitForEvent('download'), statistics.locator('[data-section="reach"]').getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^reach-not-read-.*\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const records: string[][] = parse(text, { bom: true });
  expect(records[0]).toEqual(['Name', 'Account ID']);
  expect(records.length - 1).toBe(notRead);
  const ids = records.slice(1).map((record) => record[1]);
  for (const reader of added.slice(0, 2)) expect(ids).not.toContain(reader);
  for (const idle of added.slice(2)) expect(ids).toContain(idle);
  expect(records.slice(1).map((record) => record[0])).toEqual(expect.arrayContaining([...firstPage, ...secondPage]));

  // The read list names the two readers with their views.
  await statistics.getByRole('tab', { name: /^Read \(/ }).click();
  await statistics.locator('[data-table="reach-read"] tbody tr').first().waitFor();
  await statistics.locator('[data-table="reach-read"]').getByText(`${PREFIX} 0001`).waitFor();
  await page.keyboard.press('Escape');
});

test('the Reach section in dark mode', async () => {
  await site.visit(page, site.user('admin').accountId, publicPage().url);
  await page.click('#theme-toggle');
  try {
    const statistics = await openReach();
    await statistics.locator('[data-table="reach-not-read"] tbody tr').first().waitFor();
    await statistics.locator('[data-section="reach"] .vt-chart canvas').waitFor();
    const frame = await frameOf(page, 'view-counter');
    expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    // The section's surface follows the dark tokens, not the light defaults.
    const background = await frame.evaluate(() => getComputedStyle(document.querySelector('[data-section="reach"] .vt-stat')!).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(await statistics.locator('[data-section="reach"]').isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: artifactPath('reach-dark') });
    await statistics.locator('[data-section="reach"]').screenshot({ path: artifactPath('reach-section-dark') });
    await page.keyboard.press('Escape');
  } finally {
    await page.click('#theme-toggle');
  }
});

test('the global report lists a group’s inactive readers, sorted, and exports them; a space’s reach', async () => {
  await site.visit(page, site.user('admin').accountId, site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.locator('.vt-report-tiles').first().waitFor({ timeout: 20_000 });
  const reach = report.locator('section[aria-labelledby="reach-heading"]');
  await reach.scrollIntoViewIfNeeded();
  await chooseOption(reach, 'Audience', 'A group');
  await chooseOption(reach, 'Group', 'hr-team', { search: 'hr' });
  const figure = report.getByTestId('inactive-share');
  await figure.waitFor({ timeout: 20_000 });
  const [inactive, members] = (/^([\d,]+) of ([\d,]+)/.exec((await figure.textContent()) ?? '') ?? []).slice(1).map((n) => Number(n!.replace(/,/g, '')));
  expect(members).toBeGreaterThanOrEqual(added.length);
  // The two added members who read the page are not inactive; the twelve others are.
  expect(inactive).toBeGreaterThanOrEqual(added.length - 2);
  const names = () => report.locator('[data-table="inactive-readers"] tbody tr td:first-child').allTextContents();
  await report.locator('[data-table="inactive-readers"] tbody tr').first().waitFor();
  const since = Date.now();
  await reach.getByRole('button', { name: /^Name/ }).click();
  await site.waitForInvocation({ call: 'getInactiveReaders', since }, (i) => JSON.stringify(i.payload).includes('"displayName"'));
  await reach.locator('th[aria-sort="ascending"]', { hasText: 'Name' }).waitFor();
  await page.waitForTimeout(300);
  const sorted = await names();
  expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
  await page.screenshot({ path: artifactPath('reach-inactive-readers'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), reach.getByRole('button', { name: 'Export CSV' }).click()]);
  const records: string[][] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true });
  expect(records[0]).toEqual(['Name', 'Account ID', 'Last view (UTC day)']);
  expect(records.length - 1).toBe(inactive);
  for (const idle of added.slice(2)) expect(records.map((r) => r[1])).toContain(idle);
  for (const reader of added.slice(0, 2)) expect(records.map((r) => r[1])).not.toContain(reader);

  await reach.getByRole('tab', { name: 'Reach of a space' }).click();
  await reach.getByLabel('Space key').fill(publicPage().spaceKey);
  await reach.getByLabel('Space key').press('Enter');
  await chooseOption(reach, 'Audience', 'All licensed users');
  await report.getByTestId('space-reach-share').waitFor({ timeout: 20_000 });
  expect(await report.getByTestId('space-reach-share').textContent()).toMatch(/^\d+ of \d+/);
  await page.screenshot({ path: artifactPath('reach-space'), fullPage: true });
});

test('an author inserts the report macro as "reach" for a group; readers of the page see K of N and who has not read it', async () => {
  const admin = site.user('admin').accountId;
  await site.updateSettings(admin, (settings) => ({ ...settings, customReports: true }));
  const open = new Set(site.demo.spaces.filter((s) => s.anonymousAccess && s.type === 'global').map((s) => s.key));
  const target = site.content((c) => c.type === 'page' && !c.restricted && open.has(c.spaceKey) && !c.hasMacro);
  await site.visit(page, admin, `/wiki/spaces/${target.spaceKey}/pages/edit-v2/${target.id}`);
  await page.getByRole('button', { name: 'Insert Viewtracker report' }).click();
  const config = page.frameLocator('.modal iframe');
  await config.getByLabel('Reach of a page', { exact: false }).check();
  await chooseOption(config, 'Audience', 'A group');
  await chooseOption(config, 'Group', 'hr-team', { search: 'hr' });
  await config.getByLabel('Names shown').fill('5');
  await page.screenshot({ path: artifactPath('reach-macro-config') });
  await config.getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('.editor-macro iframe');

  await site.visit(page, admin, target.url);
  const macro = page.frameLocator('iframe.macro-frame[data-module-key="viewtracker-report"]');
  const figure = macro.getByTestId('reach-macro-share');
  await figure.waitFor({ timeout: 20_000 });
  const [readers, audience] = share(await figure.textContent());
  expect(audience).toBeGreaterThanOrEqual(added.length);
  expect(await macro.locator('.vt-reach-names li').count()).toBe(Math.min(5, audience - readers));
  if (audience - readers > 5) await macro.getByText(`and ${audience - readers - 5} more`).waitFor();
  await page.screenshot({ path: artifactPath('reach-macro') });
});
