/**
 * Report read path on generated sites of 10k, 100k and 1M pages (2,000 spaces at 1M, 50,000 users,
 * 200,000 views a day), measured as Forge meters KVS (10 KB units). What is generated, and why it is
 * honest: every row a report's reads can reach — site rollups and sketches for 731 days (the range
 * and its previous period), the spaces' rollups of the filtered space, and the HEAD most viewed
 * content of every day and month (the threshold merge reads far less deep than HEAD: printed). Rows
 * no read can reach (the long tail's daily rows) are not written.
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportFilters, ReportQuery } from '@contracts/report-query';
import { kvs } from '@forge/kvs';
import { reportSummary } from '../../src/services/report-summary';
import { reportTable } from '../../src/services/report-tables';
import { addDays, daysBetween, decomposeRange, monthOf } from '../../src/domain/report-periods';
import { ENTITY, KEYS } from '../../src/storage/keys';
import { seeded } from './synthetic-day';
import { buildRows, compactRows, writeRows, type GeneratedRows, type ViewGroup } from './report-rows';
import { previousMonth } from '../../src/domain/space-compaction';
import { readCompactionJob, writeCompactionJob, type CompactionJob } from '../../src/storage/space-compaction-store';
import { measured } from './unit-meter';

const TODAY = '2026-11-20';
const HISTORY_DAYS = 731;
const VIEWS_PER_DAY = 200_000;
const USERS = 50_000;
const HEAD = 1_000;
const STALE = 10_000;

export interface SiteSize { pages: number; spaces: number; suffix: string }

const contentId = (rank: number) => String(10_000_000 + rank);
const spaceOf = (rank: number, spaces: number) => `S${(rank * 7919) % spaces}`;

async function generate(size: SiteSize): Promise<{ rows: number; exactViewers30d: number }> {
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
  const sketches: GeneratedRows['sketches'] = new Map();
  let written = 0;
  let compacted = 0;
  for (const month of [...new Set(days.map(monthOf))]) {
    const groups: ViewGroup[] = [];
    const viewersByDay = new Map<string, Map<string, string>>();
    const monthViewers = new Map<string, string>();
    for (const day of days.filter((d) => monthOf(d) === month)) {
      for (let rank = 0; rank < HEAD; rank += 1) {
        const views = Math.round(dailyViews(rank) * (0.6 + 0.8 * random()));
        if (views === 0) continue;
        const base = { contentId: contentId(rank), spaceKey: spaceOf(rank, size.spaces), contentType: rank % 7 === 0 ? 'blogpost' as const : 'page' as const, day };
        const anonymous = Math.round(views * 0.05);
        const mobile = Math.round((views - anonymous) * 0.15);
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
      viewersByDay.set(day, active);
    }
    const rows = buildRows({
      groups, viewersByDay, viewersByMonth: new Map([[month, monthViewers]]),
      contentDays: (day) => readDays.has(day), contentMonths: (m) => m >= firstMonth, spaceRollups: spaceRow,
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
  const job: CompactionJob = { state: 'running', leaseUntil: 0, compacted, fromDay: days[0]!, throughDay: compactedThrough.day, fromMonth: monthOf(days[0]!), throughMonth: compactedThrough.month, floorDay: days[0]! };
  await writeCompactionJob(job);
  return { rows: written, exactViewers30d: viewers30d.size };
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

export async function reportBench(size: SiteSize, print: (name: string, value: string | number) => void): Promise<void> {
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
  const filtered = await report(30, { spaceKeys: ['S0'], contentTypes: ['page'] });
  print(`read_units_global_report_30d_filtered${size.suffix}`, filtered.read);
  print(`global_report_ms_30d_filtered${size.suffix}`, filtered.ms);
  const space = await report(30, { spaceKeys: ['S0'] });
  print(`read_units_space_report_30d${size.suffix}`, space.read);
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
export async function runReportBenches(install: (path: string) => { close: () => void }, dir: string, print: (name: string, value: string | number) => void): Promise<void> {
  const wanted = (process.env.BENCH_REPORT_SIZES ?? '10k,100k,1m').split(',').map((name) => name.trim());
  for (const name of wanted) {
    const size = SIZES[name];
    if (!size) continue;
    const store = install(`${dir}/reports-${name}.sqlite`);
    try {
      await reportBench(size, print);
    } finally {
      store.close();
    }
  }
}
