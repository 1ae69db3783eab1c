import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { CompactionState } from '../../core/model/space-compaction';
import type { RollupRow } from '../../core/model/report-rows';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { forEachQueryPage } from '../../core/storage/query-pages';

/** The compaction job between runs: how far it got (see core/model/space-compaction.ts) and its lease. */
export interface CompactionJob extends CompactionState {
  /** Always running: closed periods keep coming, and late writes reopen shards. */
  state: 'running';
  leaseUntil: number;
  /** Compactions written (new sums or shards settled), over the job's life. */
  compacted: number;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);
const job = z.object({
  state: z.literal('running'), leaseUntil: z.number(), compacted: z.number(),
  fromDay: day, throughDay: day, fromMonth: month, throughMonth: month, floorDay: day,
});

/** The job row, or null before the job's first run (readers then use the shards only). */
export async function readCompactionJob(): Promise<CompactionJob | null> {
  const parsed = job.safeParse(await kvs.get(KEYS.spaceCompactionJob));
  return parsed.success ? parsed.data : null;
}

export async function writeCompactionJob(value: CompactionJob): Promise<void> {
  await kvs.set(KEYS.spaceCompactionJob, value);
}

/** Index query pages until done or `cap` rows (100 a page). */
async function pages(index: string, partition: string[], where: ReturnType<typeof WhereConditions.between> | null, cap: number): Promise<{ rows: RollupRow[]; more: boolean }> {
  const rows: RollupRow[] = [];
  let more = false;
  const base = kvs.entity<unknown>(ENTITY.rollup).query().index(index, { partition }).limit(100);
  const query = where ? base.where(where) : base;
  await forEachQueryPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), (page) => {
    rows.push(...page.results.map((result) => decodeReport.rollup(result.value)));
    more = page.nextCursor !== undefined;
    return rows.length >= cap ? 'stop' : undefined;
  });
  return { rows, more };
}

/** Every space with a shard row in this period (settled or not: rows older than `settle` count too). */
export async function spacesOfPeriod(level: 'd' | 'm', period: string): Promise<string[]> {
  const { rows } = await pages('by-level-period', [level, period], null, Number.POSITIVE_INFINITY);
  return [...new Set(rows.map((row) => row.scope))];
}

/** Space shard rows changed since their compaction, with periods between two keys (at most `cap`). */
export async function openShards(level: 'd' | 'm', from: string, to: string, cap = Number.POSITIVE_INFINITY): Promise<{ rows: RollupRow[]; more: boolean }> {
  if (from > to) return { rows: [], more: false };
  return pages('by-settle', ['open', level], WhereConditions.between(from, to), cap);
}
