/**
 * The byline writer's points budget (issue 22, docs/view-counter.md "Points budget"), through the
 * real handlers, the KVS emulator and the local Confluence: a run spends at most its share of the
 * budget set in Settings, the pages with the most unshown views go first, and a page left waiting
 * is written in a later run (its age raises it).
 */
import type { DemoContent } from '../../local/demo/directory';
import { deliveredAt } from '../../local/host/delivery-clock';
import { getContentStats } from '../../src/core/storage/content-stats';
import { runBylineWriter, type WriterReport } from '../../src/page-statistics/byline-property/byline-writer';
import { readWriterJob, writeWriterJob } from '../../src/page-statistics/byline-property/byline-property-store';
import { BYLINE_PROPERTY_KEY } from '../../src/platform/confluence/content-properties';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Fixed times a few days back, rising through the file (the budget's bucket follows the clock). */
const BASE = Math.floor((Date.now() - 4 * 86_400_000) / HOUR) * HOUR;
let settingsVersion = 0;

beforeAll(async () => {
  app = await startAppPlatform({ appSeesAll: true });
  // The sweep (backfill) is not under test here: mark it done, with the rolling window done for every day.
  await writeWriterJob({ throttledUntil: 0, leaseUntil: 0, windowDay: '9999-12-31', sweep: { state: 'done', cursor: null, viewCounter: true, processed: 0, written: 0 } });
}, 60_000);
afterAll(() => app.stop());

/** Pages and blog posts nobody restricted: the admin may view them and the app may write them. */
const open = (): DemoContent[] => app.directory.site.contents.filter((c) => (c.type === 'page' || c.type === 'blogpost') && !c.restriction);

async function setBudget(pointsPerHour: number): Promise<void> {
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, counterRefreshBudget: pointsPerHour }, expectedVersion: settingsVersion });
  expect(answer.ok).toBe(true);
  settingsVersion += 1;
}

/** `count` counted views by the admin, 10 s apart (beyond the 5 s blocking time), the last at `at`. */
async function views(content: DemoContent, count: number, at: number): Promise<void> {
  for (let index = count - 1; index >= 0; index -= 1) await app.view(app.users.admin, content, at - index * 10_000);
}

/** One run at `at` (its clock and the app's), the points it spent at the local Confluence. */
async function runAt(at: number): Promise<{ report: WriterReport; points: number }> {
  const before = app.confluence.properties.points;
  const report = await deliveredAt(at, () => runBylineWriter({ now: () => at, budgetMs: 170_000, wait: async () => undefined }));
  return { report, points: app.confluence.properties.points - before };
}

const shown = (content: DemoContent): number | undefined => (app.confluence.properties.read({ kind: 'app' }, content.id, BYLINE_PROPERTY_KEY)?.value as { views?: number } | undefined)?.views;

describe('the points budget', () => {
  it('a run spends at most budget × 5 minutes, the pages with the most unshown views first; the rest wait for later runs', async () => {
    await setBudget(36); // 3 points a run
    const pages = open().slice(0, 6);
    // Page i has i + 1 views: more pending pages (6) than a run's points (3).
    for (const [index, page] of pages.entries()) await views(page, index + 1, BASE + 3 * MINUTE);

    const first = await runAt(BASE + 5 * MINUTE);
    expect(first.points).toBeLessThanOrEqual(3);
    expect(first.report.written).toBe(3);
    expect(first.report.deferred).toBe(true);
    expect(pages.map(shown)).toEqual([undefined, undefined, undefined, 4, 5, 6]);

    // A second invocation at the same moment (Forge may deliver a scheduled run twice) finds nothing accrued.
    const duplicate = await runAt(BASE + 5 * MINUTE);
    expect(duplicate.points).toBe(0);
    expect(pages.map(shown)).toEqual([undefined, undefined, undefined, 4, 5, 6]);

    // The next run writes the rest; no page is written twice, none runs ahead of its row.
    const next = await runAt(BASE + 10 * MINUTE);
    expect(next.points).toBeLessThanOrEqual(3);
    expect(pages.map(shown)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const page of pages) expect((await getContentStats(page.id))!.bylineDue).toBeUndefined();
  });

  it('a page left waiting is written in a later run: its age raises it above pages with more, newer views', async () => {
    await setBudget(12); // 1 point a run
    const [waiting, ...competitors] = open().slice(6, 13);
    const start = BASE + 2 * HOUR;
    await views(waiting!, 1, start);
    let writtenAt: number | null = null;
    for (let hour = 1; hour <= 6 && writtenAt === null; hour += 1) {
      // Every hour a page with two fresh views competes for the run's one point.
      await views(competitors[hour - 1]!, 2, start + hour * HOUR - MINUTE);
      const run = await runAt(start + hour * HOUR);
      expect(run.points).toBeLessThanOrEqual(1);
      expect(run.report.written).toBe(1);
      if (shown(waiting!) !== undefined) writtenAt = hour;
    }
    // One unshown view weighs four hours of waiting: fresh two-view pages win for four hours, then the waiting page does.
    expect(writtenAt).toBe(5);
    expect(shown(waiting!)).toBe(1);
    expect((await readWriterJob())!.budget!.points).toBeLessThan(1);
  });

  it('the 30-day window marks due what changed (no point) and those writes come from the same budget', async () => {
    await setBudget(120); // 10 points a run
    const page = open()[13]!;
    const day = BASE + 86_400_000;
    await views(page, 2, day);
    await runAt(day + 5 * MINUTE);
    const views30d = () => (app.confluence.properties.read({ kind: 'app' }, page.id, BYLINE_PROPERTY_KEY)?.value as { views30d?: number }).views30d;
    expect(views30d()).toBe(2);
    // 30 days later the day leaves the window: the run marks the page due and writes it within its budget.
    const run = await runAt(day + 30 * 86_400_000);
    // This page at least: the earlier tests' pages, viewed a few hours after BASE, leave the window with
    // it when those hours fall on the same UTC day as `day` (it depends on the hour the suite runs).
    expect(run.report.windowMarked).toBeGreaterThanOrEqual(1);
    expect(run.report.budgetPoints).toBe(run.points);
    expect(run.points).toBeLessThanOrEqual(10);
    expect(views30d()).toBe(0);
    // The next day's pass finds nothing more to mark.
    expect((await runAt(day + 31 * 86_400_000)).report.windowMarked).toBe(0);
  });
});
