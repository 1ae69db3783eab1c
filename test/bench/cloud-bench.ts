/**
 * Cloud figures (issue 17): Confluence points as Cloud counts them (local/confluence/points.ts) per
 * counted view, per byline render, per global report (admin and report-group member), for the
 * inventory backfill and the reconciliation pass (measured on the demo site, extrapolated to a
 * million pages: both cost points in proportion to the content they list), and timings with
 * per-call latency on (KVS and Confluence, local/host/stopped-invocations.ts). Runs the real
 * handlers through the platform (triggers, resolvers, byline) on the test platform's small demo site.
 * Size: BENCH_CLOUD_VIEWS views (default 400), BENCH_CLOUD_BYLINES renders (default 400).
 */
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startBackfill, runBackfill } from '../../src/lifecycle/inventory/inventory-backfill';
import { reconcileInventory } from '../../src/lifecycle/inventory/inventory-reconcile';
import { getContentStats } from '../../src/core/storage/content-stats';
import { seededRandom } from '../../local/kvs/rng';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { forgetModuleCaches } from '../../src/platform/memory-cache';

const VIEWS = Number(process.env.BENCH_CLOUD_VIEWS ?? 400);
const BYLINES = Number(process.env.BENCH_CLOUD_BYLINES ?? 400);
/** What a call takes from a Forge function (no published figure; the local host's `npm start` defaults). */
const LATENCY = { kvsMs: 15, confluenceMs: 120 };
const DAY = 86_400_000;
/** The report page's table size (static/shared/report/report-app.tsx, PAGE_SIZE); BENCH_CLOUD_REPORT_PAGE_SIZE to try another. */
const REPORT_PAGE_SIZE = Number(process.env.BENCH_CLOUD_REPORT_PAGE_SIZE ?? 25);
const MILLION = 1_000_000;

type Print = (name: string, value: string | number) => void;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function benchCloud(print: Print): Promise<void> {
  const app = await startAppPlatform();
  try {
    await run(app, print);
  } finally {
    app.stop();
  }
}

async function run(app: AppPlatform, print: Print): Promise<void> {
  const points = app.confluence.points;
  const contents = app.directory.site.contents;
  const readers = app.directory.site.users.filter((u) => u.status === 'active' && u.role !== 'bot');
  const who = (i: number) => ({ kind: 'user' as const, accountId: readers[i % readers.length]!.accountId, accountType: readers[i % readers.length]!.accountType });
  const member = app.directory.site.users.find((u) => u.role === 'report-reader' && u.status === 'active')!;
  const group = app.directory.site.groups.find((g) => member.groupIds.includes(g.id) && /report/.test(g.name))!;
  const bots = app.directory.groupByName('bots')!;
  // A second member of the report group (the demo site has one): a reader added to it, whose first
  // open comes after the day's page renders (the other member's first open comes before them).
  const laterMember = app.directory.site.users.find((u) => u.role === 'reader' && u.status === 'active' && u.accountType === 'licensed' && !u.groupIds.includes(group.id))!;
  laterMember.groupIds.push(group.id);
  // As most sites: bots excluded (so a viewer's groups are looked up and cached), a report group named.
  const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, excludedGroups: [{ id: bots.id, name: bots.name }], reportAccessGroup: { id: group.id, name: group.name } }, expectedVersion: 0 });
  if (!saved.ok) throw new Error(saved.error.message);

  // Inventory backfill: every page and blog post listed once (v2, 250 a page) with its space.
  points.reset();
  await startBackfill(Date.now());
  let job = await runBackfill(60_000);
  while (job.state === 'running') job = await runBackfill(60_000);
  const backfillPoints = points.total();
  // Per page the app's user can list (on Cloud, restricted pages are not listed to it).
  const listed = Math.max(1, job.processed);
  print('confluence_points_backfill_1m_pages', `${Math.round((backfillPoints / listed) * MILLION)} (extrapolated: ${backfillPoints} points for the ${listed} pages listed on the bench site, x ${Math.round(MILLION / listed)})`);

  // Views over 30 days, through the product trigger.
  const random = seededRandom(17);
  const now = Date.now();
  const views = Array.from({ length: VIEWS }, (_, i) => ({ user: who(Math.floor(random() * readers.length * 3) + i), content: contents[Math.floor(random() * contents.length)]!, at: now - Math.floor(random() * 30 * DAY) })).sort((a, b) => a.at - b.at);
  const before = await totalViews(contents.map((c) => c.id));
  points.reset();
  for (const view of views) await app.view(view.user, view.content, view.at);
  const counted = (await totalViews(contents.map((c) => c.id))) - before;
  print('confluence_points_per_counted_view_demo_site', round(points.total() / Math.max(1, counted)));
  print('confluence_points_per_counted_view_demo_site_by_route', points.byRoute().map((r) => `${r.route} ${r.calls} calls ${r.points} points`).join('; ') || 'none');

  // The global report of the last 30 days as the UI opens it (static/shared/report/report-app.tsx):
  // the summary and the first page of the top-content table (25 rows, by views), each open on a cold
  // function instance (memory caches dropped), so nothing this process remembered spares a call.
  const range = { kind: 'preset', preset: '30d' } as const;
  const openReport = async (principal: Parameters<AppPlatform['invoke']>[0], cold = true) => {
    if (cold) forgetModuleCaches();
    const summary = await app.invoke(principal, 'global-report', 'getReportSummary', { scope: 'global', range, filters: {} });
    const table = await app.invoke(principal, 'global-report', 'getReportTable', { scope: 'global', range, filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: REPORT_PAGE_SIZE });
    if (!summary.ok || !table.ok) throw new Error(`report refused: ${JSON.stringify(summary.ok ? table : summary)}`);
    // No group filter here, so the table is never `preparing` (a group-filtered report's answer while prepared).
    if ('status' in table.data) throw new Error('an unfiltered report answered preparing');
    return table.data.result.rows.length;
  };
  const measureOpen = async (name: string, principal: Parameters<AppPlatform['invoke']>[0]) => {
    points.reset();
    const rows = await openReport(principal);
    print(name, points.total());
    print(`${name}_by_route`, `${points.byRoute().map((r) => `${r.route} ${r.calls} calls ${r.points} points`).join('; ') || 'none'} (${rows} rows)`);
    return points.total();
  };
  const asPrincipal = (u: typeof member) => ({ kind: 'user' as const, accountId: u.accountId, accountType: u.accountType });
  // A member's first open, before any page render recorded a permission answer: every row asked of Confluence.
  await measureOpen('confluence_points_global_report_30d_report_group_member_first_open_nothing_recorded', asPrincipal(member));
  // The same member again within REPORT_ANSWER_MS (a new function instance): the recorded answers stand.
  await measureOpen('confluence_points_global_report_30d_report_group_member_second_open', asPrincipal(member));

  // Byline renders by readers (the page's count; permission evidence cached as in production).
  points.reset();
  for (let i = 0; i < BYLINES; i += 1) await app.byline(who(Math.floor(random() * readers.length)), contents[Math.floor(random() * contents.length)]!);
  print('confluence_points_per_byline_demo_site', round(points.total() / BYLINES));

  // After the renders (the site's pages show their bylines all day): the admin, and the other member,
  // who has not opened the report yet: the byline's recent answers for the member's groups (minutes
  // old here; on a site a group's answer is asked again at most every 12 h) decide its rows.
  const admin = await measureOpen('confluence_points_global_report_30d_admin', app.users.admin);
  print('confluence_points_global_report_30d', admin);
  await measureOpen('confluence_points_global_report_30d_report_group', asPrincipal(laterMember));

  // Reconciliation: one full pass over every content row.
  points.reset();
  const pass = await reconcileInventory(600_000);
  print('confluence_points_reconcile_1m_pages', `${Math.round((points.total() / Math.max(1, pass.checked)) * MILLION)} (extrapolated: ${points.total()} points for ${pass.checked} content rows, x ${Math.round(MILLION / Math.max(1, pass.checked))})`);

  // Timings with latency on every KVS and Confluence call.
  app.setCallLatency(LATENCY);
  const timings: number[] = [];
  for (let i = 0; i < Math.min(60, VIEWS); i += 1) {
    const started = performance.now();
    await app.view(who(i * 7 + 3), contents[(i * 5) % contents.length]!, Date.now());
    timings.push(performance.now() - started);
  }
  print('view_ms_p50', Math.round(percentile(timings, 50)));
  print('view_ms_p95', Math.round(percentile(timings, 95)));
  const reportTimes: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    await openReport(app.users.admin, false);
    reportTimes.push(performance.now() - started);
  }
  print('global_report_ms_30d', Math.round(percentile(reportTimes, 50)));
  print('cloud_bench_latency', `KVS ${LATENCY.kvsMs} ms, Confluence ${LATENCY.confluenceMs} ms a call; ${contents.length} pages, ${VIEWS} views, ${BYLINES} bylines`);
}

async function totalViews(ids: string[]): Promise<number> {
  let total = 0;
  for (const id of ids) total += (await getContentStats(id))?.views ?? 0;
  return total;
}

if (require.main === module) {
  benchCloud((name, value) => console.log(`${name}: ${value}`)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
