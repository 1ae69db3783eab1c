/**
 * `npm run bench`: replays a synthetic day through the real trigger handler on the KVS emulator
 * (SQLite) and prints one `name: value` line per figure. Figures, not assertions: tests never time.
 */
import { benchUiBundles } from './ui-bundles-bench';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installKvsEmulator } from '../../local/kvs';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { processViewedEvent } from '../../src/tracking/on-content-viewed';
import { processLifecycleEvent } from '../../src/lifecycle/on-content-lifecycle';
import { deliveredAt } from '../../local/host/delivery-clock';
import { bylineProperties } from '../../src/page-statistics/byline/byline-properties';
import { measureStartup, measureViewLatency } from '../../local/host/measure';
import { manifestEntities, resetAppCaches } from '../support/app-store';
import { viewedEvent } from '../support/events';
import { benchConfluence } from './bench-site';
import { forgeDelivery, seeded, syntheticDay } from './synthetic-day';
import { addPointsByRoute, formatByRoute, measured, meterKvsPerTask, type Units } from './unit-meter';
import { benchInventory } from './inventory-bench';
import { benchReportMacro } from './report-macro-bench';
import { runReportBenches } from './report-bench';
import { benchGroupReport } from './group-report-bench';
import { benchGroupPreparation } from './group-preparation-bench';
import { callsByReason, newBylineTally, renderByline } from './byline-bench';
import { benchPageStatistics, STATS_VIEWERS } from './page-stats-bench';
import { benchCloud } from './cloud-bench';
import { ensureUiBuilt } from './ui-builds';
import { benchSearch } from './search-bench';
import { benchBylineProperty } from './byline-property-bench';
import { benchReach } from './reach-bench';

const VIEWS = Number(process.env.BENCH_VIEWS ?? 100_000);
const PAGES = 10_000;
const USERS = 2_000;
const CONCURRENCY = 16;
const BYLINES = 2_000;
/**
 * Every page load renders the byline, so by default every view renders it first (BENCH_BYLINE_EVERY=50
 * renders one view in 50, as earlier versions of this bench did: a cache that sees 2 % of the traffic).
 */
const BYLINE_EVERY = Math.max(1, Number(process.env.BENCH_BYLINE_EVERY ?? 1));
/** Restriction changes during the day (each ends the cached byline answers of a page and its tree). */
const PERMISSION_CHANGES = Number(process.env.BENCH_PERMISSION_CHANGES ?? 24);

async function main(): Promise<void> {
  // A fresh clone has no Custom UI builds, and the manifest (hence the host and the test platform)
  // refuses to load without them: build them first, not ten minutes in.
  ensureUiBuilt();
  // Custom UI bundle sizes, raw and gzipped (BENCH_UI_BUNDLES=0 skips it).
  if (process.env.BENCH_UI_BUNDLES !== '0') benchUiBundles((name, value) => console.log(`${name}: ${value}`));
  if (process.env.BENCH_WRITE !== '0') await writeBench();
  // Report read path on generated sites (BENCH_REPORTS=0 skips it, BENCH_REPORT_SIZES picks sizes).
  if (process.env.BENCH_REPORTS !== '0') {
    const dir = mkdtempSync(join(tmpdir(), 'vt-bench-reports-'));
    await runReportBenches((path, confluence) => {
      const { emulator, uninstall } = installKvsEmulator({ entities: manifestEntities(), backend: { kind: 'sqlite', path }, fallback: (target, at, init) => confluence(target, at, init as RequestInit), seed: 1 });
      meterKvsPerTask();
      return { close: () => { emulator.close?.(); uninstall(); } };
    }, dir, (name, value) => console.log(`${name}: ${value}`));
    rmSync(dir, { recursive: true, force: true });
  }
  // Search analytics: a day of searches and the Search tab's 30-day report (BENCH_SEARCH=0 skips it).
  if (process.env.BENCH_SEARCH !== '0') await benchSearch((name, value) => console.log(`${name}: ${value}`));
  // The byline from a content property: renders, the batched writer, its points and lag (BENCH_BYLINE_PROPERTY=0 skips it).
  if (process.env.BENCH_BYLINE_PROPERTY !== '0') {
    for (const [name, value] of await benchBylineProperty(join(__dirname, '..', '..'))) console.log(`${name}: ${value}`);
  }
  // The group filter reads members' raw views (BENCH_GROUP=0 skips it).
  if (process.env.BENCH_GROUP !== '0') {
    const dir = mkdtempSync(join(tmpdir(), 'vt-bench-group-'));
    const { emulator, uninstall } = installKvsEmulator({ entities: manifestEntities(), backend: { kind: 'sqlite', path: join(dir, 'group.sqlite') }, seed: 1 });
    meterKvsPerTask();
    resetAppCaches();
    await benchGroupReport((name, value) => console.log(`${name}: ${value}`));
    emulator.close?.();
    uninstall();
    rmSync(dir, { recursive: true, force: true });
  }
  // A group report prepared over several calls (BENCH_GROUP_PREP=0 skips it; BENCH_GROUP_PREP_MEMBERS sets the size; issue 17).
  if (process.env.BENCH_GROUP_PREP !== '0') await benchGroupPreparation((name, value) => console.log(`${name}: ${value}`));
  // Confluence points and timings with latency, as on Cloud (BENCH_CLOUD=0 skips it; issue 17).
  if (process.env.BENCH_CLOUD !== '0') await benchCloud((name, value) => console.log(`${name}: ${value}`));
  // Reach of a page and inactive readers for a group (BENCH_REACH=0 skips it; BENCH_REACH_MEMBERS sets the size).
  if (process.env.BENCH_REACH !== '0') await benchReach((name, value) => console.log(`${name}: ${value}`));
}

/** Confluence's `avi:confluence:permissions_updated:page` for a page of the bench site. */
function permissionsUpdated(contentId: string, spaceKey: string, at: number): Record<string, unknown> {
  return {
    eventType: 'avi:confluence:permissions_updated:page', eventCreatedDate: new Date(at).toISOString(), atlassianId: 'user-1', suppressNotifications: false,
    content: { id: contentId, type: 'page', status: 'current', title: `Page ${contentId}`, space: { id: 900_000, key: spaceKey }, history: { latest: true }, version: { when: new Date(at).toISOString(), number: 2 } },
  };
}

async function writeBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vt-bench-'));
  // One more page than the synthetic day views: the page statistics page; every 50th page restricted.
  const { products, botsGroup } = benchConfluence(USERS, { pages: PAGES + 1, restrictedEvery: 50, extraUsers: STATS_VIEWERS });
  const { emulator } = installKvsEmulator({ entities: manifestEntities(), backend: process.env.BENCH_BACKEND === 'memory' ? { kind: 'memory' } : { kind: 'sqlite', path: join(dir, 'kvs.sqlite') }, fallback: (target, path, init) => products(target, path, init as RequestInit), seed: 1 });
  meterKvsPerTask();
  resetAppCaches();
  await writeSettings({ ...DEFAULT_SETTINGS, excludedGroups: [botsGroup] }, 0, { at: Date.now(), accountId: 'bench', version: 1, changes: [] });

  // Today: the byline takes recent views as evidence that a page may be read (see docs/page-statistics.md).
  const deliveries = forgeDelivery(syntheticDay({ views: VIEWS, pages: PAGES, users: USERS, anonymousShare: 0.05, seed: 11, day: new Date().toISOString().slice(0, 10) }), 12);
  const bylines = newBylineTally();
  const totals = { counted: { read: 0, write: 0, requests: 0, n: 0 }, skipped: { read: 0, write: 0, requests: 0, n: 0 } };
  // Confluence points of the view path (every view, counted or not), as Cloud counts them (issue 17).
  let viewPoints = 0;
  const viewPointsByRoute = new Map<string, number>();
  const reasons = new Map<string, number>();
  const add = (bucket: keyof typeof totals, units: Units) => {
    totals[bucket].read += units.read; totals[bucket].write += units.write; totals[bucket].requests += units.requests; totals[bucket].n += 1;
    viewPoints += units.confluencePoints ?? 0;
    addPointsByRoute(viewPointsByRoute, units);
  };

  const started = performance.now();
  let permissionChanges = 0;
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < deliveries.length) {
      const index = next++;
      const view = deliveries[index]!;
      // The page load renders its byline (at the view's time, so the caches' ages are the day's), then
      // Confluence's view event is processed: a first visit has no evidence of its own yet.
      if (index % BYLINE_EVERY === 0) await deliveredAt(view.at, () => renderByline(view, bylines));
      if (PERMISSION_CHANGES > 0 && index % Math.floor(deliveries.length / PERMISSION_CHANGES) === 0) {
        const page = (index * 7_919) % PAGES;
        await deliveredAt(view.at, () => processLifecycleEvent(permissionsUpdated(String(100_000 + page), `S${page % 200}`, view.at)));
        permissionChanges += 1;
      }
      const { result, units } = await measured(() => deliveredAt(view.at + 60_000, () => processViewedEvent(viewedEvent(view))));
      const key = typeof result === 'string' ? result : result.tracked ? 'counted' : result.reason;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
      add(typeof result !== 'string' && result.tracked ? 'counted' : 'skipped', units);
    }
  }));
  const seconds = (performance.now() - started) / 1000;

  const random = seeded(5);
  let bylineReads = 0;
  for (let i = 0; i < BYLINES; i += 1) {
    const contentId = String(100_000 + Math.floor(random() ** 2 * PAGES));
    const { units } = await measured(() => bylineProperties({ extension: { content: { id: contentId, type: 'page' } } }));
    bylineReads += units.read;
  }

  for (const line of await benchPageStatistics(String(100_000 + PAGES), `S${PAGES % 200}`, { ...DEFAULT_SETTINGS, excludedGroups: [botsGroup] })) console.log(`${line[0]}: ${line[1]}`);

  const all = { read: totals.counted.read + totals.skipped.read, write: totals.counted.write + totals.skipped.write };
  const stats = emulator.stats();
  const lines: Array<[string, string | number]> = [
    ['views_replayed', deliveries.length],
    ['counted_views', totals.counted.n],
    ['write_units_per_counted_view', round(all.write / totals.counted.n)],
    ['read_units_per_counted_view', round(all.read / totals.counted.n)],
    ['units_per_skipped_view', round((totals.skipped.read + totals.skipped.write) / Math.max(1, totals.skipped.n))],
    ['read_units_per_byline', round(bylines.read / bylines.renders)],
    ['write_units_per_byline', round(bylines.write / bylines.renders)],
    ['confluence_calls_per_byline', round(bylines.confluence / bylines.renders)],
    // The synthetic day's site (10,000 pages, 2,000 users, bots excluded): the issue-17 targets' scale.
    ['confluence_points_per_counted_view', round(viewPoints / totals.counted.n)],
    // Where they go: points per counted view by route (the excluded groups' listing, lookups, ...).
    ['confluence_points_per_counted_view_by_route', formatByRoute(viewPointsByRoute, totals.counted.n)],
    // Every render through the dynamicProperties function (its per-call cost); a page render as it
    // happens now (from the property, the function only where there is none) is
    // `confluence_points_per_byline`, printed by the byline-property bench.
    ['confluence_points_per_byline_function_path', round(bylines.points / bylines.renders)],
    ['byline_calls_by_reason', callsByReason(bylines)],
    ['byline_bench_shape', `a render every ${BYLINE_EVERY} view(s); ${permissionChanges} restriction changes in the day`],
    ['bylines_rendered', `${bylines.renders} (${bylines.counted} with a count)`],
    ['read_units_per_byline_anonymous_random_pages', round(bylineReads / BYLINES)],
    ['views_per_second', Math.round(deliveries.length / seconds)],
    ['outcomes', [...reasons].map(([k, v]) => `${k}=${v}`).join(' ')],
    ['emulator_total_units', `read=${stats.readUnits} write=${stats.writeUnits}`],
  ];
  for (const [name, value] of lines) console.log(`${name}: ${value}`);
  emulator.close?.();
  rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of await benchReportMacro()) console.log(`${name}: ${value}`);

  if (process.env.BENCH_SKIP_INVENTORY !== '1') {
    for (const [name, value] of await benchInventory()) console.log(`${name}: ${value}`);
  }

  // The whole stack through the local Confluence (its own process): start-up and one page view.
  if (process.env.BENCH_SKIP_HOST !== '1') {
    const startup = await measureStartup();
    const latency = await measureViewLatency(100);
    for (const [name, value] of Object.entries({ ...startup, ...latency })) console.log(`${name}: ${value}`);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
