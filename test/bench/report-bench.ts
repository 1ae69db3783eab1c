/**
 * Report read path on generated sites of 10k, 100k and 1M pages (2,000 spaces at 1M, 50,000 users,
 * 200,000 views a day), measured as Forge meters KVS (10 KB units). What is generated, and why it is
 * honest: every row a report's reads can reach — site rollups and sketches for 731 days (the range
 * and its previous period), the spaces' rollups of the filtered space, and the HEAD most viewed
 * content of every day and month (the threshold merge reads far less deep than HEAD: printed). Rows
 * no read can reach (the long tail's daily rows) are not written.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportFilters, ReportQuery, ReportSummary } from '@contracts/report-query';
import { kvs } from '@forge/kvs';
import { reportSummary } from '../../src/reports/report-summary';
import { reportTable } from '../../src/reports/report-tables';
import { addDays, daysBetween, decomposeRange, monthOf } from '../../src/core/model/report-periods';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { seeded } from './synthetic-day';
import { buildRows, compactRows, writeRows, type GeneratedRows, type ViewGroup } from './report-rows';
import type { ViewRecord } from '../../src/core/model/rows';
import { previousMonth } from '../../src/core/model/space-compaction';
import { readCompactionJob, writeCompactionJob, type CompactionJob } from '../../src/lifecycle/space-compaction/space-compaction-store';
import { measured } from './unit-meter';
import type { ProductFetch } from '../../local/host/product-fetch';
import { benchReportCalls, reportConfluence } from './report-calls-bench';

const TODAY = '2026-11-20';
const HISTORY_DAYS = 731;
const VIEWS_PER_DAY = 200_000;
const USERS = 50_000;
const HEAD = 1_000;
const STALE = 10_000;

export interface SiteSize { pages: number; spaces: number; suffix: string }

const contentId = (rank: number) => String(10_000_000 + rank);
const spaceOf = (rank: number, spaces: number) => `S${(rank * 7919) % spaces}`;

/**
 * A small space beside the generated ones (S0 holds the most viewed page, far above the bound of
 * exact distinct counts): 12 pieces of content, about 35 views a day over the 30-day range and its
 * previous period, written as individual records too, so its report counts them.
 */
const SMALL = { spaceKey: 'SMALL', contents: 12, viewsPerDay: 35, days: 60 };

function smallSpaceViews(random: () => number): ViewRecord[] {
  const views = new Map<string, ViewRecord>();
  for (const day of daysBetween(addDays(TODAY, 1 - SMALL.days), TODAY)) {
    for (let n = 0; n < SMALL.viewsPerDay; n += 1) {
      const index = Math.floor(random() ** 2 * SMALL.contents);
      const at = Date.parse(`${day}T00:00:00Z`) + Math.floor(random() * 86_400_000);
      const viewer = random() < 0.05 ? 'anonymous' : `user-${Math.floor(random() ** 2 * 2_000)}`;
      const view: ViewRecord = {
        contentId: String(30_000_000 + index), spaceKey: SMALL.spaceKey, contentType: index % 4 === 0 ? 'blogpost' : 'page',
        viewer, at, source: random() < 0.85 ? 'desktop' : 'mobile-web', recordedAt: at + 60_000,
      };
      views.set(`${view.contentId}|${viewer}|${at}`, view);
    }
  }
  return [...views.values()];
}

/** The small space's views as the generator's groups, per content, day, source and audience. */
function groupsOf(views: readonly ViewRecord[]): ViewGroup[] {
  const groups = new Map<string, ViewGroup>();
  for (const view of views) {
    const day = new Date(view.at).toISOString().slice(0, 10);
    const signedIn = view.viewer !== 'anonymous';
    const key = [view.contentId, day, view.source, signedIn].join('|');
    const group = groups.get(key) ?? { contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType as 'page' | 'blogpost', day, source: view.source, signedIn, views: 0 };
    group.views += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function generate(size: SiteSize): Promise<{ rows: number; exactViewers30d: number; small: ViewRecord[] }> {
  const random = seeded(size.pages);
  const harmonic = Math.log(size.pages) + 0.5772;
  const dailyViews = (rank: number) => VIEWS_PER_DAY / ((rank + 1) * harmonic);
  const readDays = new Set(['7d', '30d', '365d'].flatMap((preset) => {
    const length = Number(preset.replace('d', ''));
    return decomposeRange({ from: addDays(TODAY, 1 - length), to: TODAY }, TODAY).plus.filter((p) => p.level === 'd').map((p) => p.key);
  }));
  // Top spaces (30 and 365 days) merge every space's rows of the last 365 days: those are written for all spaces,
  // the closed days and months compacted as the space compaction job leaves them (one row per space and period).
  const firstRankDay = addDays(TODAY, -364);
  const spaceRow = (key: string, level: 'd' | 'm', period: string) => key === 'S0' || period >= (level === 'd' ? firstRankDay : monthOf(firstRankDay));
  const compactedThrough = { day: addDays(TODAY, -1), month: previousMonth(monthOf(TODAY)) };
  const firstMonth = monthOf(addDays(TODAY, -400));
  const days = daysBetween(addDays(TODAY, 1 - HISTORY_DAYS), TODAY);
  const viewers30d = new Set<string>();
  const small = smallSpaceViews(seeded(size.pages + 1));
  const sketches: GeneratedRows['sketches'] = new Map();
  let written = 0;
  let compacted = 0;
  for (const month of [...new Set(days.map(monthOf))]) {
    const groups: ViewGroup[] = [];
    const viewersByDay = new Map<string, Map<string, string>>();
    const monthViewers = new Map<string, string>();
    const viewerViews = new Map<string, Map<string, number>>();
    for (const day of days.filter((d) => monthOf(d) === month)) {
      let signedIn = 0;
      for (let rank = 0; rank < HEAD; rank += 1) {
        const views = Math.round(dailyViews(rank) * (0.6 + 0.8 * random()));
        if (views === 0) continue;
        const base = { contentId: contentId(rank), spaceKey: spaceOf(rank, size.spaces), contentType: rank % 7 === 0 ? 'blogpost' as const : 'page' as const, day };
        const anonymous = Math.round(views * 0.05);
        const mobile = Math.round((views - anonymous) * 0.15);
        signedIn += views - anonymous;
        groups.push({ ...base, source: 'desktop', signedIn: true, views: views - anonymous - mobile });
        if (mobile > 0) groups.push({ ...base, source: 'mobile-web', signedIn: true, views: mobile });
        if (anonymous > 0) groups.push({ ...base, source: 'desktop', signedIn: false, views: anonymous });
      }
      const active = new Map<string, string>();
      for (let user = 0; user < USERS; user += 1) {
        if (random() < Math.min(0.95, 60 / Math.sqrt(user + 1))) {
          const viewer = `user-${user}`;
          const first = contentId(Math.floor(random() ** 3 * HEAD));
          active.set(viewer, first);
          if (!monthViewers.has(viewer)) monthViewers.set(viewer, first);
          if (day > addDays(TODAY, -30)) viewers30d.add(viewer);
        }
      }
      const smallOfDay = small.filter((view) => new Date(view.at).toISOString().slice(0, 10) === day).sort((a, b) => a.at - b.at);
      for (const view of smallOfDay) {
        if (view.viewer === 'anonymous') continue;
        signedIn += 1;
        if (!active.has(view.viewer)) active.set(view.viewer, view.contentId);
        if (!monthViewers.has(view.viewer)) monthViewers.set(view.viewer, view.contentId);
        if (day > addDays(TODAY, -30)) viewers30d.add(view.viewer);
      }
      viewersByDay.set(day, active);
      viewerViews.set(day, shareViews(signedIn, [...active.keys()]));
    }
    const smallOfMonth = small.filter((view) => monthOf(new Date(view.at).toISOString().slice(0, 10)) === month);
    groups.push(...groupsOf(smallOfMonth));
    const rows = buildRows({
      groups, views: smallOfMonth, viewersByDay, viewersByMonth: new Map([[month, monthViewers]]),
      contentDays: (day) => readDays.has(day), contentMonths: (m) => m >= firstMonth, spaceRollups: (key, level, period) => key === SMALL.spaceKey || spaceRow(key, level, period),
      viewerViews, viewerDays: (day) => readDays.has(day), viewerHead: HEAD,
    });
    compacted += compactRows(rows, compactedThrough);
    for (const [key, row] of rows.sketches) {
      const previous = sketches.get(key);
      sketches.set(key, previous ? { ...row, registers: maxRegisters(previous.registers, row.registers) } : row);
    }
    written += await writeRows({ ...rows, sketches: new Map() });
  }
  written += await writeRows({ contentDays: new Map(), contentMonths: new Map(), rollups: new Map(), sketches });
  written += await writeContentStats(size);
  written += await writeSmallContentStats();
  const job: CompactionJob = { state: 'running', leaseUntil: 0, compacted, fromDay: days[0]!, throughDay: compactedThrough.day, fromMonth: monthOf(days[0]!), throughMonth: compactedThrough.month, floorDay: days[0]! };
  await writeCompactionJob(job);
  return { rows: written, exactViewers30d: viewers30d.size, small };
}

async function writeSmallContentStats(): Promise<number> {
  const items = Array.from({ length: SMALL.contents }, (_, index) => ({
    key: KEYS.contentStats(String(30_000_000 + index)), entityName: ENTITY.contentStats,
    value: { contentId: String(30_000_000 + index), spaceKey: SMALL.spaceKey, contentType: index % 4 === 0 ? 'blogpost' : 'page', title: `Small ${index}`, views: 100, viewers: 10, anonymousViews: 0, lastViewedAt: Date.parse(`${TODAY}T12:00:00Z`), version: 1 },
  }));
  await kvs.batchSet<unknown>(items);
  return items.length;
}

/** `user-<i>` is more active the smaller i is (as their chance of being active): weights (i + 1)^-0.3. */
const USER_WEIGHT = Array.from({ length: USERS }, (_, user) => (user + 1) ** -0.3);

/**
 * The day's signed-in views shared among its active viewers: one each (their first view), the rest by
 * weight, remainders to the most active. The sum is exactly the day's signed-in views of the content rows.
 */
function shareViews(views: number, viewers: string[]): Map<string, number> {
  if (viewers.length === 0) return new Map();
  const weights = viewers.map((viewer) => USER_WEIGHT[Number(viewer.slice('user-'.length))]!);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const rest = Math.max(0, views - viewers.length);
  const shares = viewers.map((_, index) => (index < views ? 1 : 0) + Math.floor(rest * weights[index]! / total));
  let left = views - shares.reduce((sum, n) => sum + n, 0);
  for (let index = 0; left > 0; index = (index + 1) % viewers.length, left -= 1) shares[index]! += 1;
  return new Map(viewers.map((viewer, index) => [viewer, shares[index]!]));
}

function maxRegisters(a: string, b: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  return [...a].map((char, index) => (alphabet.indexOf(char) >= alphabet.indexOf(b[index] ?? '0') ? char : b[index]!)).join('');
}

/** All-time rows: titles of the head, and STALE content last viewed long ago (the not-viewed list). */
async function writeContentStats(size: SiteSize): Promise<number> {
  const items = [...Array.from({ length: HEAD }, (_, rank) => rank), ...Array.from({ length: STALE }, (_, i) => size.pages - 1 - i)].map((rank) => ({
    key: KEYS.contentStats(contentId(rank)), entityName: ENTITY.contentStats,
    value: { contentId: contentId(rank), spaceKey: spaceOf(rank, size.spaces), contentType: 'page', title: `Page ${rank}`, views: rank < HEAD ? 1000 : 3, viewers: 1, anonymousViews: 0, lastViewedAt: rank < HEAD ? Date.parse(`${TODAY}T12:00:00Z`) : Date.parse('2025-01-01T00:00:00Z') + rank, version: 1 },
  }));
  for (let start = 0; start < items.length; start += 200) {
    await Promise.all(Array.from({ length: 8 }, (_, i) => items.slice(start + i * 25, start + (i + 1) * 25)).filter((b) => b.length).map((batch) => kvs.batchSet<unknown>(batch)));
  }
  return items.length;
}

const query = (days: number, filters: ReportFilters, table: ReportQuery['table'] = 'top-content', pageSize = 25): ReportQuery => ({
  range: { from: addDays(TODAY, 1 - days), to: TODAY }, filters, table, sort: { column: 'views', direction: 'desc' }, pageSize,
});

/** One report as the UI asks for it: tiles + chart, and the first page of the top content table. */
async function report(days: number, filters: ReportFilters) {
  const started = performance.now();
  // Each part is metered in its own async scope; the UI asks for both at once.
  const [summary, table] = await Promise.all([
    measured(() => reportSummary(query(days, filters).range, filters, TODAY)),
    measured(() => reportTable(query(days, filters), TODAY)),
  ]);
  const total = summary.units.read + table.units.read;
  return { ms: Math.round(performance.now() - started), read: `${total} (tiles+chart ${summary.units.read}, top content ${table.units.read})`, summary: summary.result };
}

/** What the tiles said about distinct viewers and content, and what the records they may count hold. */
type Truth = { views: number; viewers: number; contents: number; records: number };
function distinctLine(summary: ReportSummary, want?: { current: Truth; previous: Truth }): string {
  const figure = (estimate: ReportSummary['current']['viewers']) => (estimate ? `${estimate.exact ? 'exact' : 'about'} ${estimate.value}` : 'not available');
  const said = `viewers ${figure(summary.current.viewers)}, content ${figure(summary.current.contentViewed)}, previous viewers ${figure(summary.previous.viewers)}`;
  const truth = want ? ` (generated: views ${want.current.views}, viewers ${want.current.viewers}, content ${want.current.contents}, previous viewers ${want.previous.viewers}; records of both periods ${want.current.records})` : '';
  const notes = summary.notes?.length ? ` — ${summary.notes.join(' ')}` : '';
  return `${said}${truth}${notes}`;
}

/** The small space's truth of a range under type filters, from the generated records themselves. */
function smallTruth(views: readonly ViewRecord[], from: string, to: string, filters: ReportFilters): Truth {
  const dayOf = (view: ViewRecord) => new Date(view.at).toISOString().slice(0, 10);
  const chosen = views.filter((view) => dayOf(view) >= from && dayOf(view) <= to && (!filters.contentTypes?.length || filters.contentTypes.includes(view.contentType)));
  return {
    views: chosen.length, viewers: new Set(chosen.filter((view) => view.viewer !== 'anonymous').map((view) => view.viewer)).size,
    contents: new Set(chosen.map((view) => view.contentId)).size, records: views.length,
  };
}

/** The content the generated rows name (the head and the stale content), as the local Confluence holds it. */
function siteContents(size: SiteSize): Array<{ id: string; spaceKey: string; title: string }> {
  return [...Array.from({ length: HEAD }, (_, rank) => rank), ...Array.from({ length: STALE }, (_, i) => size.pages - 1 - i)]
    .map((rank) => ({ id: contentId(rank), spaceKey: spaceOf(rank, size.spaces), title: `Page ${rank}` }));
}

export async function reportBench(size: SiteSize, print: (name: string, value: string | number) => void, confluencePaths: string[] = []): Promise<void> {
  const started = performance.now();
  const generated = await generate(size);
  print(`generated_site${size.suffix}`, `pages=${size.pages} spaces=${size.spaces} users=${USERS} views_per_day=${VIEWS_PER_DAY} days=${HISTORY_DAYS} rows_written=${generated.rows} head_per_day=${HEAD} seconds=${Math.round((performance.now() - started) / 1000)}`);
  for (const days of [7, 30, 365]) {
    const measuredReport = await report(days, {});
    print(`read_units_global_report_${days}d${size.suffix}`, measuredReport.read);
    print(`global_report_ms_${days}d${size.suffix}`, measuredReport.ms);
    if (days === 30) {
      const viewers = measuredReport.summary.current.viewers;
      if (viewers) print(`unique_viewers_error_30d${size.suffix}`, `${(Math.abs(viewers.value - generated.exactViewers30d) / generated.exactViewers30d * 100).toFixed(2)}% (estimate ${viewers.value}, exact ${generated.exactViewers30d})`);
    }
  }
  // Filtered reports: distinct figures from view records only where the rollups show few enough (S0 is far above; SMALL within).
  const smallWant = (filters: ReportFilters) => ({ current: smallTruth(generated.small, addDays(TODAY, -29), TODAY, filters), previous: smallTruth(generated.small, addDays(TODAY, -59), addDays(TODAY, -30), filters) });
  const filtered = await report(30, { spaceKeys: ['S0'], contentTypes: ['page'] });
  print(`read_units_global_report_30d_filtered${size.suffix}`, `${filtered.read}; ${distinctLine(filtered.summary)}`);
  print(`global_report_ms_30d_filtered${size.suffix}`, filtered.ms);
  const byType = await report(30, { contentTypes: ['blogpost'] });
  print(`read_units_global_report_30d_type${size.suffix}`, `${byType.read}; ${distinctLine(byType.summary)}`);
  const filteredSmall = await report(30, { spaceKeys: [SMALL.spaceKey], contentTypes: ['page'] });
  print(`read_units_global_report_30d_filtered_small${size.suffix}`, `${filteredSmall.read}; ${distinctLine(filteredSmall.summary, smallWant({ contentTypes: ['page'] }))}`);
  // Top content split by source (mobile web: 14 % of the views) and by audience (anonymous: 5 %): the
  // merge's lists are sorted by all views, so a rare share makes it read deeper.
  const splits: Array<[string, ReportFilters]> = [['source', { sources: ['mobile-web'] }], ['anonymous', { audience: 'anonymous' }], ['signed_in_source', { sources: ['desktop'], audience: 'signed-in' }]];
  for (const [name, filters] of splits) {
    const split = await report(30, filters);
    print(`read_units_global_report_30d_${name}${size.suffix}`, split.read);
    print(`global_report_ms_30d_${name}${size.suffix}`, split.ms);
  }
  const space = await report(30, { spaceKeys: ['S0'] });
  print(`read_units_space_report_30d${size.suffix}`, `${space.read}; ${distinctLine(space.summary)}`);
  const spaceSmall = await report(30, { spaceKeys: [SMALL.spaceKey] });
  print(`read_units_space_report_30d_small${size.suffix}`, `${spaceSmall.read}; ${distinctLine(spaceSmall.summary, smallWant({}))}`);
  print(`space_report_ms_30d_small${size.suffix}`, spaceSmall.ms);
  // The other tables as the UI asks for them: their first 25 rows.
  for (const days of [30, 365]) {
    const started = performance.now();
    const { units, result } = await measured(() => reportTable(query(days, {}, 'top-spaces'), TODAY));
    print(`read_units_top_spaces_${days}d${size.suffix}`, `${units.read} (${result.result.rows.length} rows, ${size.spaces} spaces)`);
    print(`top_spaces_ms_${days}d${size.suffix}`, Math.round(performance.now() - started));
  }
  // The same table from the shards alone (as before compaction, or while the job has not run): the comparison.
  const job = await readCompactionJob();
  await kvs.delete(KEYS.spaceCompactionJob);
  const shardsOnly = await measured(() => reportTable(query(30, {}, 'top-spaces'), TODAY));
  print(`read_units_top_spaces_30d_shards_only${size.suffix}`, `${shardsOnly.units.read} (${shardsOnly.result.result.rows.length} rows)`);
  if (job) await writeCompactionJob(job);
  {
    const { units, result } = await measured(() => reportTable(query(30, {}, 'not-viewed'), TODAY));
    print(`read_units_not_viewed_30d${size.suffix}`, `${units.read} (${result.result.rows.length} rows)`);
  }
  // Top readers' first 25 rows (viewer-day / viewer-month lists of the range, exact from viewer-month rows).
  for (const days of [7, 30, 365]) {
    const started = performance.now();
    const { units, result } = await measured(() => reportTable(query(days, {}, 'top-readers'), TODAY));
    const ms = Math.round(performance.now() - started);
    print(`read_units_top_readers_${days}d${size.suffix}`, `${units.read} (${result.result.rows.length} rows, ${units.requests} requests)`);
    if (days === 30) print(`top_readers_ms_30d${size.suffix}`, ms);
  }
  await benchReportCalls(TODAY, size.suffix, confluencePaths, print);
  if (size.suffix === '') {
    const exportStarted = performance.now();
    const { result: rows } = await measured(async () => {
      const all: unknown[][] = [];
      let cursor: string | undefined;
      do {
        const page = await reportTable({ ...query(30, {}, 'not-viewed', 100), ...(cursor ? { cursor } : {}) }, TODAY);
        for (const row of page.result.rows) if ('title' in row) all.push([row.title, row.spaceKey, row.contentType, row.lastViewedAt]);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < 10_000);
      return all;
    });
    const csv = '\ufeff' + stringify(rows, { header: true, columns: ['Title', 'Space', 'Type', 'Last viewed'] });
    print('csv_export_ms_10k_rows', `${Math.round(performance.now() - exportStarted)} (${rows.length} rows, ${Math.round(csv.length / 1024)} KB)`);
  }
}

const SIZES: Record<string, SiteSize> = {
  '10k': { pages: 10_000, spaces: 20, suffix: '_10k_pages' },
  '100k': { pages: 100_000, spaces: 200, suffix: '_100k_pages' },
  '1m': { pages: 1_000_000, spaces: 2_000, suffix: '' },
};

/** `BENCH_REPORT_SIZES=10k,100k,1m` (default all) picks the sites; each gets its own SQLite emulator. */
export async function runReportBenches(install: (path: string, confluence: ProductFetch) => { close: () => void }, dir: string, print: (name: string, value: string | number) => void): Promise<void> {
  const wanted = (process.env.BENCH_REPORT_SIZES ?? '10k,100k,1m').split(',').map((name) => name.trim());
  for (const name of wanted) {
    const size = SIZES[name];
    if (!size) continue;
    const confluence = reportConfluence({ contents: siteContents(size), spaces: size.spaces, users: USERS });
    const store = install(`${dir}/reports-${name}.sqlite`, confluence.products);
    try {
      await reportBench(size, print, confluence.paths);
    } finally {
      store.close();
    }
  }
}
