/**
 * Search analytics (issue 21, docs/search-analytics.md): a day of searches through the real trigger
 * on the SQLite KVS emulator, then the Search tab's 30-day report. Sizes: BENCH_SEARCHES (50,000),
 * BENCH_SEARCH_QUERIES (20,000 distinct queries), BENCH_SEARCH_USERS (2,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installKvsEmulator } from '../../local/kvs';
import { deliveredAt } from '../../local/host/delivery-clock';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { processSearchEvent } from '../../src/search/on-search-performed';
import { searchSummary, searchTable } from '../../src/search/search-report';
import { resolveRange, dayOf } from '../../src/core/date-range';
import { manifestEntities, resetAppCaches } from '../support/app-store';
import { searchEvent } from '../support/search-events';
import { seeded } from './synthetic-day';
import { measured, meterKvsPerTask } from './unit-meter';

const CONCURRENCY = 16;
const DAY_MS = 86_400_000;

export async function benchSearch(print: (name: string, value: string | number) => void): Promise<void> {
  const searches = Number(process.env.BENCH_SEARCHES ?? 50_000);
  const queries = Number(process.env.BENCH_SEARCH_QUERIES ?? 20_000);
  const users = Number(process.env.BENCH_SEARCH_USERS ?? 2_000);
  const dir = mkdtempSync(join(tmpdir(), 'vt-bench-search-'));
  const { emulator, uninstall } = installKvsEmulator({ entities: manifestEntities(), backend: { kind: 'sqlite', path: join(dir, 'search.sqlite') }, seed: 1 });
  meterKvsPerTask();
  resetAppCaches();
  await writeSettings(DEFAULT_SETTINGS, 0, { at: Date.now(), accountId: 'bench', version: 1, changes: [] });

  // Queries by a Zipf-like law (a few asked all day, a long tail asked once), every one asked at least once.
  const random = seeded(41);
  const end = Date.now() - 5 * 60_000;
  const events = Array.from({ length: searches }, (_, index) => {
    const query = index < queries ? index : Math.floor(random() ** 2.2 * queries);
    const anonymous = random() < 0.05;
    return {
      at: end - DAY_MS + Math.floor((index / searches) * DAY_MS) + Math.floor(random() * 1000),
      query: `query ${query} ${query % 7 === 0 ? 'policy' : 'guide'}`,
      results: random() < 0.2 ? 0 : 1 + Math.floor(random() * 40),
      ...(anonymous ? {} : { accountId: `user-${Math.floor(random() * users)}` }),
    };
  }).sort((a, b) => a.at - b.at);

  const units = { read: 0, write: 0, n: 0 };
  const outcomes = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < events.length) {
      const event = events[next++]!;
      const { result, units: spent } = await measured(() => deliveredAt(event.at + 60_000, () => processSearchEvent(searchEvent(event))));
      units.read += spent.read;
      units.write += spent.write;
      units.n += 1;
      const key = typeof result === 'string' ? result : result.recorded ? (result.counted ? 'counted' : 'blocked') : result.reason;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  }));
  const seconds = (performance.now() - started) / 1000;

  const today = dayOf(Date.now());
  const range = resolveRange({ kind: 'preset', preset: '30d' }, today, null);
  if (!range.ok) throw new Error(range.message);
  const reportStarted = performance.now();
  const { units: report, result } = await measured(async () => {
    const summary = await searchSummary(range.range, { audience: 'all' }, DEFAULT_SETTINGS, today);
    const top = await searchTable(range.range, { audience: 'all' }, 'top', 25);
    return { summary, top };
  });
  const reportMs = performance.now() - reportStarted;
  const tables: Array<[string, number]> = [];
  for (const table of ['no-results', 'no-click'] as const) {
    const { units: spent } = await measured(() => searchTable(range.range, { audience: 'all' }, table, 25));
    tables.push([table, spent.read]);
  }

  print('searches_replayed', units.n);
  print('search_outcomes', [...outcomes].map(([key, count]) => `${key}=${count}`).join(' '));
  print('write_units_per_search', round(units.write / units.n));
  print('read_units_per_search', round(units.read / units.n));
  print('searches_per_second', Math.round(units.n / seconds));
  print('read_units_search_report_30d', report.read);
  print('search_report_ms_30d', Math.round(reportMs));
  print('search_report_shape', `${queries} distinct queries; summary (tiles, chart, searcher sketch) + top 25 queries; ${result.summary.searches} searches, top query "${result.top.rows[0]?.query ?? ''}" × ${result.top.rows[0]?.searches ?? 0}`);
  print('read_units_search_tables_30d', tables.map(([table, read]) => `${table}=${read}`).join(' '));
  emulator.close?.();
  uninstall();
  rmSync(dir, { recursive: true, force: true });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
