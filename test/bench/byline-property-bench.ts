/**
 * The byline from a content property (issue 22): a synthetic day replayed through the real view
 * trigger, a page render before every view (rendered as Confluence does: from the property, with
 * the reader's rights, and through the dynamicProperties function only where there is none), and
 * the byline writer run every five simulated minutes, as its fiveMinute scheduled trigger does.
 *
 * Before the day, the installation is in its steady state: the inventory backfill listed every page
 * and the writer's sweep gave each one its property (its points are printed apart). Size:
 * BENCH_BYLINE_PROPERTY_VIEWS (default 100,000, the write bench's day), _PAGES (10,000), and
 * _APP_DENIED_EVERY (every n-th page restricted away from the app user, default 500).
 */
import { ConfluenceFake } from '../../local/confluence/rest';
import { propertyReader } from '../../local/confluence/content-properties';
import { canViewContent } from '../../local/confluence/permissions';
import { installKvsEmulator } from '../../local/kvs';
import { deliveredAt } from '../../local/host/delivery-clock';
import { createProductFetch } from '../../local/host/product-fetch';
import { loadManifest } from '../../local/host/manifest';
import { getContentStats } from '../../src/core/storage/content-stats';
import { onAppInstalled } from '../../src/lifecycle/jobs-trigger';
import { runBylineWriter } from '../../src/page-statistics/byline-property/byline-writer';
import { bylineProperties } from '../../src/page-statistics/byline/byline-properties';
import { BYLINE_PROPERTY_KEY } from '../../src/platform/confluence/content-properties';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { processViewedEvent } from '../../src/tracking/on-content-viewed';
import { manifestEntities, resetAppCaches } from '../support/app-store';
import { viewedEvent } from '../support/events';
import { benchConfluence } from './bench-site';
import { forgeDelivery, syntheticDay } from './synthetic-day';
import { measured, meterKvsPerTask } from './unit-meter';
import { appSeesRecently, rememberAppSees, type SmallStorage } from '../../static/channel-beacon/src/app-sees-cache';
import { propertyPath, runBeacon } from '../../static/channel-beacon/src/beacon-decision';
import { pointsOf } from '../../local/confluence/points';

/** Forge's cap on interactive invocations (resolvers, dynamicProperties) per installation and minute. */
const INTERACTIVE_INVOCATIONS_PER_MINUTE = 5_000;
const INTERVAL_MS = 5 * 60_000;

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export async function benchBylineProperty(root: string): Promise<Array<[string, string | number]>> {
  const views = Number(process.env.BENCH_BYLINE_PROPERTY_VIEWS ?? 100_000);
  const pages = Number(process.env.BENCH_BYLINE_PROPERTY_PAGES ?? 10_000);
  const deniedEvery = Number(process.env.BENCH_BYLINE_PROPERTY_APP_DENIED_EVERY ?? 500);
  const manifest = await loadManifest(root);
  const { directory } = benchConfluence(2_000, { pages, restrictedEvery: 50 });
  const confluence = new ConfluenceFake(directory);
  const readProperty = propertyReader(confluence.properties, manifest);
  // Not the top pages (rank 0 is the day's most viewed): every n-th page from the n-th.
  for (let index = deniedEvery - 1; deniedEvery > 0 && index < pages; index += deniedEvery) confluence.properties.appDenied.add(String(100_000 + index));
  const products = createProductFetch(confluence, directory, { keys: [], siteUrl: () => 'http://127.0.0.1' });
  const { emulator, uninstall } = installKvsEmulator({ entities: manifestEntities(), fallback: (target, path, init) => products(target, path, init as RequestInit), seed: 1 });
  meterKvsPerTask();
  resetAppCaches();
  try {
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    await deliveredAt(dayStart - 3_600_000, () => writeSettings({ ...DEFAULT_SETTINGS }, 0, { at: dayStart, accountId: 'bench', version: 1, changes: [] }));

    // Steady state: every page listed by the inventory, then the writer's sweep until done.
    await deliveredAt(dayStart - 3_600_000, () => onAppInstalled());
    const minGapMs = Number(process.env.BENCH_BYLINE_PROPERTY_GAP_MIN ?? 0) * 60_000;
    const writer = (at: number) => deliveredAt(at, () => runBylineWriter({ now: () => at, budgetMs: 170_000, wait: async () => undefined, minGapMs }));
    let backfillAt = dayStart - 3_000_000;
    for (let run = 0; run < 1_000; run += 1, backfillAt += 1000) {
      const report = await writer(backfillAt);
      if (report.sweep?.state === 'done') break;
    }
    const backfillPoints = confluence.properties.points;

    const deliveries = forgeDelivery(syntheticDay({ views, pages, users: 2_000, anonymousShare: 0.05, seed: 11, day }), 12);
    let renders = 0;
    let invocations = 0;
    let renderReads = 0;
    let counted = 0;
    let fallbackViews = 0;
    // The channel beacon on every render (desktop readers; the non-desktop channel hint is apart in
    // issue 22), through its real decision: the property read as the reader, reportView only without
    // it, then once an hour per page and reader's browser (an anonymous render: a fresh browser each).
    let beaconInvocations = 0;
    let beaconPropertyReads = 0;
    // Confluence points of a page render as it happens (issue 17): the byline function path's calls
    // where it runs, the beacon's property reads (none: the display condition answers), reportView's.
    let functionPoints = 0;
    let beaconReadPoints = 0;
    // The same renders had the beacon read the property itself (no display condition): the reads and their points.
    let readingBeaconReads = 0;
    let readingBeaconPoints = 0;
    const browsers = new Map<string, SmallStorage>();
    const readingBrowsers = new Map<string, SmallStorage>();
    const fresh = (): SmallStorage => { const items = new Map<string, string>(); return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => { items.set(k, v); } }; };
    const browserOf = (accountId: string | undefined, all = browsers): SmallStorage => {
      if (!accountId) return fresh();
      const known = all.get(accountId) ?? fresh();
      all.set(accountId, known);
      return known;
    };
    /** Points of the beacon's property read as Confluence's meter counts them (1, plus 1 for the property returned). */
    const readPoints = (present: boolean) => pointsOf('GET', propertyPath('page', view0)!, 200, { results: present ? [{}] : [] });
    const view0 = '100000';
    let writerPoints = 0;
    const lags: number[] = [];
    /** View times not yet in the content's property. */
    const pending = new Map<string, number[]>();
    let nextRun = dayStart + INTERVAL_MS;

    const runWriterAt = async (at: number): Promise<void> => {
      const before = confluence.properties.points;
      await writer(at);
      writerPoints += confluence.properties.points - before;
      for (const [contentId, times] of pending) {
        const row = await getContentStats(contentId);
        const shown = confluence.properties.read({ kind: 'app' }, contentId, BYLINE_PROPERTY_KEY)?.value as { views?: number } | undefined;
        if (row && shown?.views === row.views) {
          for (const time of times) lags.push((at - time) / 1000);
          pending.delete(contentId);
        }
      }
    };

    for (const view of deliveries) {
      const arrives = view.at + 60_000;
      while (nextRun <= arrives) {
        await runWriterAt(nextRun);
        nextRun += INTERVAL_MS;
      }
      // The page load renders the byline, as Confluence does: the property, else the function. A
      // reader who may not view the page gets no page (the synthetic day's events ignore restrictions).
      const reader = view.accountId ? { kind: 'user' as const, accountId: view.accountId } : { kind: 'anonymous' as const };
      const rendered = canViewContent(directory, reader, directory.content(view.contentId)!);
      if (rendered) renders += 1;
      const property = rendered ? readProperty(reader, view.contentId, BYLINE_PROPERTY_KEY) : null;
      if (rendered && property === undefined) {
        invocations += 1;
        const { units } = await measured(() => deliveredAt(view.at, () => bylineProperties({ extension: { content: { id: view.contentId, type: 'page' } } }, view.accountId ? { principal: { accountId: view.accountId } } : {})));
        renderReads += units.read;
        functionPoints += units.confluencePoints ?? 0;
      }
      if (rendered) {
        const local = browserOf(view.accountId);
        // Confluence's display condition (entityPropertyExists) picks the module that runs: it tells the property's presence.
        const shown = property !== undefined;
        await runBeacon({
          channel: 'desktop', content: { id: view.contentId, type: 'page' }, now: view.at, propertyShown: process.env.BENCH_BEACON_READS === '1' ? undefined : shown,
          appSeesRecently: (id, at) => appSeesRecently(local, id, at),
          rememberAppSees: (id, at) => rememberAppSees(local, id, at),
          lookupProperty: async () => {
            beaconPropertyReads += 1;
            beaconReadPoints += readPoints(shown);
            return shown ? 'present' : 'absent';
          },
          // reportView's answer (src/tracking/beacon-view.ts): whether the app's user sees the content; null for anonymous.
          reportView: async () => {
            beaconInvocations += 1;
            return reader.kind === 'user' && !confluence.properties.appDenied.has(view.contentId) && canViewContent(directory, { kind: 'app', restricted: confluence.appUser.restricted }, directory.content(view.contentId)!);
          },
        });
        const reading = browserOf(view.accountId, readingBrowsers);
        await runBeacon({
          channel: 'desktop', content: { id: view.contentId, type: 'page' }, now: view.at,
          appSeesRecently: (id, at) => appSeesRecently(reading, id, at),
          rememberAppSees: (id, at) => rememberAppSees(reading, id, at),
          lookupProperty: async () => { readingBeaconReads += 1; readingBeaconPoints += readPoints(shown); return shown ? 'present' : 'absent'; },
          reportView: async () => reader.kind === 'user' && !confluence.properties.appDenied.has(view.contentId) && canViewContent(directory, { kind: 'app', restricted: confluence.appUser.restricted }, directory.content(view.contentId)!),
        });
      }
      const result = await deliveredAt(arrives, () => processViewedEvent(viewedEvent(view)));
      if (typeof result !== 'string' && result.tracked) {
        counted += 1;
        // Content the app may not write has no property: its readers get the function, and no lag.
        // So has content restricted away from the app user (ECO-822; Cloud sends the app no events about it, ECO-961).
        if (confluence.properties.appDenied.has(view.contentId) || !canViewContent(directory, { kind: 'app', restricted: confluence.appUser.restricted }, directory.content(view.contentId)!)) fallbackViews += 1;
        else pending.set(view.contentId, [...(pending.get(view.contentId) ?? []), view.at]);
      }
    }
    // The day's last views are written by the next runs.
    for (let run = 0; run < 3 + minGapMs / INTERVAL_MS && pending.size > 0; run += 1) {
      await runWriterAt(nextRun);
      nextRun += INTERVAL_MS;
    }

    const perRender = (invocations + beaconInvocations) / Math.max(1, renders);
    /** reportView's own calls: the content as the app and, for content the app cannot see, as the reader (2 points each): 4 at most. */
    const REPORT_VIEW_POINTS_MAX = 4;
    const renderPoints = (functionPoints + beaconReadPoints + beaconInvocations * REPORT_VIEW_POINTS_MAX) / Math.max(1, renders);
    const distinct = new Set(deliveries.map((view) => view.contentId)).size;
    return [
      ['byline_property_bench_shape', `${deliveries.length} deliveries, ${pages} pages (every ${deniedEvery || 'no'}th restricted away from the app), writer every ${INTERVAL_MS / 60_000} min, a page written at most every ${Math.max(INTERVAL_MS, minGapMs) / 60_000} min`],
      ['invocations_per_page_render', round(perRender)],
      ['invocations_per_page_render_byline', round(invocations / Math.max(1, renders))],
      ['invocations_per_page_render_beacon', round(beaconInvocations / Math.max(1, renders))],
      ['beacon_property_reads_per_page_render', round(beaconPropertyReads / Math.max(1, renders))],
      // Issue 17: Confluence points of a page render as it happens now (the byline from the property
      // costs Confluence's own read, not the app's): the function path where it runs, the beacon's
      // reads, reportView's calls (counted at their 4-point maximum).
      ['confluence_points_per_byline', round(renderPoints)],
      ['confluence_points_per_byline_parts', `function path ${round(functionPoints / Math.max(1, renders))} (${round(invocations / Math.max(1, renders))} of renders), beacon reads ${round(beaconReadPoints / Math.max(1, renders))}, reportView <= ${round((beaconInvocations * REPORT_VIEW_POINTS_MAX) / Math.max(1, renders))}`],
      // What a beacon reading the property on every render not cached in its browser would add (its read counts against the app's quota).
      ['confluence_points_per_byline_if_beacon_reads', round((functionPoints + readingBeaconPoints + beaconInvocations * REPORT_VIEW_POINTS_MAX) / Math.max(1, renders))],
      ['beacon_property_reads_per_page_render_if_beacon_reads', round(readingBeaconReads / Math.max(1, renders))],
      ['read_units_per_page_render', round(renderReads / Math.max(1, renders))],
      ['confluence_points_per_counted_view_byline_writes', round(writerPoints / Math.max(1, counted))],
      ['confluence_points_byline_writes_total', writerPoints],
      ['confluence_points_per_counted_view_byline_floor', round(distinct / Math.max(1, counted))],
      ['confluence_points_byline_backfill', backfillPoints],
      ['byline_lag_s_p95', Math.round(percentile(lags, 0.95))],
      ['byline_lag_s_max', Math.round(percentile(lags, 1))],
      ['byline_views_on_fallback_content', fallbackViews],
      ['byline_views_not_written', [...pending.values()].reduce((sum, times) => sum + times.length, 0)],
      // Renders that invoke nothing are not bounded by the cap: with none seen in N renders, at least cap × N.
      ['page_renders_per_minute_max', Math.floor(INTERACTIVE_INVOCATIONS_PER_MINUTE / Math.max(perRender, 1 / Math.max(1, renders)))],
    ];
  } finally {
    emulator.close();
    uninstall();
  }
}
