/**
 * A group-filtered report prepared over several calls, in Chromium (issue 17): the host reads for no
 * time beyond each call's first round of members (LOCAL_GROUP_REPORT_BUDGET_MS=0), so a group of more
 * than ten members takes several calls. The report shows the progress (never a figure), asks again on
 * its own, then shows the exact figures, saying as of when, and the table.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { chooseOption } from './support/select';
import { useBrowserSuite } from './support/suite';
import { LocalSite, moduleFrame } from './support/local-site';

// Read by the child host at start (local/start.ts), before the suite starts it.
process.env.LOCAL_GROUP_REPORT_BUDGET_MS = '0';
const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;
let added: string[];

const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

beforeAll(async () => {
  ({ site, page } = suite);
  delete process.env.LOCAL_GROUP_REPORT_BUDGET_MS;
  added = ((await site.post('/__local/directory/group-members', { groupName: 'hr-team', count: 36, namePrefix: 'Prepared reader' })) as { added: string[] }).added;
  const content = site.content((c) => c.type === 'page' && !c.restricted);
  for (const reader of added.slice(0, 3)) await site.post('/__local/views?wait=1', { as: reader, contentId: content.id });
});

test('the group filter shows progress while the members’ views are read over several calls, then the exact figures', async () => {
  await site.visit(page, site.user('admin').accountId, site.globalReportPath());
  const report = moduleFrame(page, 'global-report');
  await report.locator('.vt-report-tiles').waitFor();
  await chooseOption(report, 'Readers in group', 'hr-team', { search: 'hr' });
  // Preparing: a progress bar and what is happening, no tiles.
  const progress = report.locator('.vt-report-preparing');
  await progress.waitFor({ timeout: 20_000 });
  expect(await progress.textContent()).toMatch(/members’ views read/);
  expect(await report.locator('.vt-report-tiles').count()).toBe(0);
  await page.screenshot({ path: artifactPath('global-report-group-preparing'), fullPage: true });
  // The UI asks again on its own until the figures are ready.
  await report.locator('.vt-report-tiles').waitFor({ timeout: 60_000 });
  expect(await progress.count()).toBe(0);
  await report.getByText(/recorded up to/).first().waitFor();
  const shown = count(await report.locator('.vt-report-tile').first().locator('.vt-report-tile__value').textContent());
  const admin = site.user('admin').accountId;
  const answer = await site.invoke(admin, 'getReportSummary', { scope: 'global', range: { kind: 'preset', preset: '30d' }, filters: { groupId: (await groupId()) } }, 'global-report');
  if (!answer.ok) throw new Error(answer.error.message);
  expect(shown).toBe((answer.data as { current: { views: number } }).current.views);
  expect(shown).toBeGreaterThanOrEqual(3);
  await report.getByRole('tab', { name: 'Top readers' }).click();
  await report.locator('.vt-table tbody tr').first().waitFor();
  expect(await report.locator('.vt-table tbody').textContent()).toContain('Prepared reader');
  await page.screenshot({ path: artifactPath('global-report-group-prepared'), fullPage: true });
});

async function groupId(): Promise<string> {
  const found = await site.invoke(site.user('admin').accountId, 'searchReportGroups', { scope: 'global', query: 'hr-team' }, 'global-report');
  if (!found.ok) throw new Error(found.error.message);
  return (found.data as { groups: Array<{ id: string; name: string }> }).groups.find((g) => g.name === 'hr-team')!.id;
}
