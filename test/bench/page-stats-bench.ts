import { forgetModuleCaches } from '../../src/platform/memory-cache';
/**
 * Page statistics of one page with a year of daily history and 10,000 viewers: the history goes in
 * through the real trigger (oldest first), then the statistics (totals, chart,
 * sources) and the first page of viewers (with their names) are read as the modal reads them.
 */
import type { Settings } from '@contracts/settings';
import type { PageAccess } from '../../src/access';
import { pageStatistics } from '../../src/page-statistics/page-statistics';
import { pageViewers } from '../../src/page-statistics/page-viewers';
import { processViewedEvent } from '../../src/tracking/on-content-viewed';
import { viewedEvent } from '../support/events';
import { deliveredAt } from '../../local/host/delivery-clock';
import { seeded } from './synthetic-day';
import { measured } from './unit-meter';
import { backfillContent } from '../../src/lifecycle/month-backfill/month-backfill';
import { contentMonthsOf } from '../../src/lifecycle/storage/lifecycle-store';
import { readContentRows } from '../../src/lifecycle/inventory/inventory-store';
import { forgetMonths } from '../support/forget-months';

const DAY = 86_400_000;
export const STATS_VIEWERS = 10_000;

export async function benchPageStatistics(contentId: string, spaceKey: string, settings: Settings): Promise<Array<[string, string | number]>> {
  const random = seeded(23);
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const views = Array.from({ length: STATS_VIEWERS + 4_000 }, (_, index) => ({
    accountId: `viewer-${index < STATS_VIEWERS ? index : Math.floor(random() * STATS_VIEWERS)}`,
    at: today - Math.floor(random() * 365 * DAY),
  })).sort((a, b) => a.at - b.at);
  const seeding = performance.now();
  // One at a time: every view of one page contends for its rows, and contention is not what is measured here.
  // Each view delivered when it happened (a minute later), as Forge would have: the trigger refuses stale replays.
  for (const view of views) await deliveredAt(view.at + 60_000, () => processViewedEvent(viewedEvent({ contentId, spaceKey, accountId: view.accountId, at: view.at })));
  const seedSeconds = (performance.now() - seeding) / 1000;

  const access: PageAccess = {
    ok: true, caller: { kind: 'user', accountId: 'user-2', accountType: 'licensed' },
    content: { id: contentId, type: 'page', status: 'current', title: 'Statistics page', space: { key: spaceKey } },
    standing: { signedIn: true, licensed: true, siteAdmin: false, inReportGroup: false, inViewerNamesGroup: false },
    people: { names: true },
  };
  const open = async () => {
    const stats = await pageStatistics(access, settings, { kind: 'preset', preset: '365d' }, Date.now());
    const viewers = await pageViewers(access, { range: { kind: 'preset', preset: '365d' }, limit: 25 }, Date.now());
    if (!stats.ok || !viewers.ok) throw new Error('page statistics failed in the benchmark');
    return { views: stats.data.totals.views, viewers: stats.data.totals.viewers, rows: viewers.data.rows.length };
  };
  forgetModuleCaches();
  const cold = await measured(open);
  // A past 30-day range (60 to 31 days ago): its viewers are counted exactly from the raw views.
  const dayAgo = (days: number) => new Date(today - days * DAY).toISOString().slice(0, 10);
  const past = await measured(() => pageStatistics(access, settings, { kind: 'custom', from: dayAgo(60), to: dayAgo(31) }, Date.now()));
  if (!past.result.ok) throw new Error('past page statistics failed in the benchmark');
  const pastTotals = past.result.data.totals;
  const times: number[] = [];
  for (let run = 0; run < 7; run += 1) {
    const started = performance.now();
    await open();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const backfill = await benchMonthBackfill(contentId);
  return [
    ['page_stats_seeded_views', `${views.length} (${seedSeconds.toFixed(1)} s)`],
    ['page_stats_365d_figures', `views=${cold.result.views} viewers=${cold.result.viewers} first_page=${cold.result.rows}`],
    ['read_units_page_stats_365d', cold.units.read],
    ['page_stats_past_30d_figures', `views=${pastTotals.views} viewers=${pastTotals.viewers} exact=${pastTotals.viewersExact}`],
    ['read_units_page_stats_past_30d', past.units.read],
    ['confluence_calls_page_stats_365d', cold.units.confluence ?? 0],
    ['page_stats_ms_365d', Math.round(times[Math.floor(times.length / 2)]!)],
    ...backfill,
  ];
}

/** The same page as if viewed before month rows existed: its month rows rebuilt from its day rows. */
async function benchMonthBackfill(contentId: string): Promise<Array<[string, string | number]>> {
  const strip = (rows: Awaited<ReturnType<typeof contentMonthsOf>>) => JSON.stringify(rows.map(({ version: _version, ...row }) => row));
  const before = await contentMonthsOf(contentId);
  await forgetMonths(contentId);
  const content = (await readContentRows([contentId])).get(contentId);
  if (!content) throw new Error('no content row in the benchmark');
  const started = performance.now();
  const run = await measured(() => backfillContent(content));
  const ms = performance.now() - started;
  const equal = strip(await contentMonthsOf(contentId)) === strip(before);
  return [
    ['month_backfill_1y_page', `${String(run.result)} months, rows equal to the view path's: ${equal}`],
    ['month_backfill_units_1y_page', `read=${run.units.read} write=${run.units.write}`],
    ['month_backfill_ms_1y_page', Math.round(ms)],
  ];
}
