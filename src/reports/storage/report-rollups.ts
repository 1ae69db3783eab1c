import { allQueryRows } from '../../core/storage/query-pages';
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { mergeShards } from '../../core/model/hyperloglog';
import type { SketchPeriod } from '../../core/model/sketch-periods';
import { addDays, monthEnd, monthOf } from '../../core/model/report-periods';
import type { RollupLevel, RollupRow, SketchKind } from '../../core/model/report-rows';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY } from '../../core/storage/keys';

/** Index query pages until done (100 rows a page, the most Forge returns). */
async function allPages(entity: string, index: string, partition: string[], from: string, to: string): Promise<unknown[]> {
  const query = kvs.entity<unknown>(entity).query().index(index, { partition }).where(WhereConditions.between(from, to)).limit(100);
  const values = await allQueryRows((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), (value) => value);
  return values;
}

/** Rollup rows (every shard) of a scope at one level, for periods between two keys inclusive. */
export async function rollupRowsBetween(scope: string, level: RollupLevel, from: string, to: string): Promise<RollupRow[]> {
  return (await allPages(ENTITY.rollup, 'by-scope', [scope, level], from, to)).map(decodeReport.rollup);
}

/**
 * The first day a scope's daily rollups hold (the site's `sd` rows, or a space's `d` shards), or null
 * when nothing was ever stored: where "all time" starts. One index query of one row. Rollups are
 * totals without personal data, so retention (which deletes individual views) never removes them, and
 * no job deletes them (space compaction writes its `cd`/`cm` sums beside them).
 */
export async function firstStoredDay(scope: string): Promise<string | null> {
  const level: RollupLevel = scope === 'site' ? 'sd' : 'd';
  const page = await kvs.entity<unknown>(ENTITY.rollup).query().index('by-scope', { partition: [scope, level] }).sort(Sort.ASC).limit(1).getMany();
  const first = page.results[0];
  return first ? decodeReport.rollup(first.value).period : null;
}

/**
 * The union of the site's sketches over whole periods: one index query per level and contiguous
 * run of keys, every shard merged by maximum.
 */
export async function sketchUnion(kind: SketchKind, periods: SketchPeriod[]): Promise<Uint8Array> {
  const registers = new Uint8Array(4096);
  for (const level of ['d', 'w', 'm'] as const) {
    const keys = periods.filter((period) => period.level === level).map((period) => period.key).sort();
    if (keys.length === 0) continue;
    const wanted = new Set(keys);
    for (const [from, to] of runsOf(keys, level)) {
      const rows = (await allPages(ENTITY.sketch, 'by-period', [kind, level], from, to)).map(decodeReport.sketch);
      mergeShards(rows.filter((row) => wanted.has(row.period)), registers);
    }
  }
  return registers;
}

/** Contiguous runs of sorted period keys: one query each, so far-apart periods never read what lies between. */
function runsOf(keys: string[], level: 'd' | 'w' | 'm'): Array<[string, string]> {
  const step = (key: string) => (level === 'm' ? nextMonth(key) : level === 'w' ? `W${addDays(key.slice(1), 7)}` : addDays(key, 1));
  const runs: Array<[string, string]> = [];
  for (const key of keys) {
    const last = runs[runs.length - 1];
    if (last && step(last[1]) === key) last[1] = key;
    else runs.push([key, key]);
  }
  return runs;
}

function nextMonth(month: string): string {
  return monthOf(addDays(monthEnd(month), 1));
}
