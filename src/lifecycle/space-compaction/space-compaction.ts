/**
 * The space compaction job (core/model/space-compaction.ts): one unsharded row per space for every closed
 * day and month, and the shards late writes reopened settled again. Run by the hourly maintenance
 * under a lease, within a time budget; the job row records how far its full passes got, which is
 * what readers trust. Every write is conditional and idempotent, so a run cut short loses nothing.
 */
import { compactionOps, compactLevel, firstCompactionState, nextMonth, previousMonth } from '../../core/model/space-compaction';
import { addDays, monthOf } from '../../core/model/report-periods';
import { utcDay } from '../../core/model/view';
import { ROLLUP_SHARDS } from '../../core/model/report-rows';
import { rollupTargetId, type RollupTarget } from '../../core/model/lifecycle-rollups';
import { releaseLease, takeLease } from '../../core/job-lease';
import { commitOps } from '../../core/storage/commit-ops';
import { readRollups } from '../storage/lifecycle-store';
import { openShards, readCompactionJob, spacesOfPeriod, writeCompactionJob, type CompactionJob } from './space-compaction-store';

const ATTEMPTS = 10;

export async function runSpaceCompaction(budgetMs: number, now: () => number = Date.now): Promise<CompactionJob | null> {
  const deadline = now() + budgetMs;
  const today = utcDay(now());
  const stored = (await readCompactionJob()) ?? { state: 'running' as const, leaseUntil: 0, compacted: 0, ...firstCompactionState(today) };
  const leased = takeLease(stored, now(), deadline);
  if (!leased) return stored;
  let job: CompactionJob = leased;
  await writeCompactionJob(job);
  const inTime = () => now() < deadline;
  // Full passes, new closed days and months first: every space with a shard row in the period.
  while (inTime() && job.throughDay < addDays(today, -1)) {
    const day = addDays(job.throughDay, 1);
    const done = await compactPeriod('d', day, await spacesOfPeriod('d', day), inTime);
    if (done === null) break;
    job = { ...job, throughDay: day, compacted: job.compacted + done };
    await writeCompactionJob(job);
  }
  while (inTime() && nextMonth(job.throughMonth) < monthOf(today)) {
    const month = nextMonth(job.throughMonth);
    const done = await compactPeriod('m', month, await spacesOfPeriod('m', month), inTime);
    if (done === null) break;
    job = { ...job, throughMonth: month, compacted: job.compacted + done };
    await writeCompactionJob(job);
  }
  // History, newest first, down to the floor fixed at the first run.
  while (inTime() && addDays(job.fromDay, -1) >= job.floorDay) {
    const day = addDays(job.fromDay, -1);
    const done = await compactPeriod('d', day, await spacesOfPeriod('d', day), inTime);
    if (done === null) break;
    job = { ...job, fromDay: day, compacted: job.compacted + done };
    await writeCompactionJob(job);
  }
  while (inTime() && previousMonth(job.fromMonth) >= monthOf(job.floorDay)) {
    const month = previousMonth(job.fromMonth);
    const done = await compactPeriod('m', month, await spacesOfPeriod('m', month), inTime);
    if (done === null) break;
    job = { ...job, fromMonth: month, compacted: job.compacted + done };
    await writeCompactionJob(job);
  }
  // Then what late views and lifecycle reopened in compacted periods.
  for (const [level, from, to] of [['d', job.fromDay, job.throughDay], ['m', job.fromMonth, job.throughMonth]] as const) {
    if (!inTime()) break;
    const { rows } = await openShards(level, from, to);
    const targets = [...new Map(rows.map((row) => [`${row.scope}|${row.period}`, row])).values()];
    for (const row of targets) {
      if (!inTime()) break;
      if (await compactOne(row.scope, level, row.period)) job = { ...job, compacted: job.compacted + 1 };
    }
  }
  job = releaseLease(job);
  await writeCompactionJob(job);
  return job;
}

/** Compactions written for one period's spaces; null when the budget ran out (the pass is redone). */
async function compactPeriod(level: 'd' | 'm', period: string, spaces: string[], inTime: () => boolean): Promise<number | null> {
  let written = 0;
  for (const scope of spaces) {
    if (!inTime()) return null;
    if (await compactOne(scope, level, period)) written += 1;
  }
  return written;
}

/** Sums one space's shards of one period into its compacted row; retried when a writer got there first. */
export async function compactOne(scope: string, level: 'd' | 'm', period: string): Promise<boolean> {
  const shards: RollupTarget[] = Array.from({ length: ROLLUP_SHARDS }, (_, shard) => ({ scope, level, period, shard }));
  const compact: RollupTarget = { scope, level: compactLevel(level), period, shard: 0 };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const read = await readRollups([...shards, compact]);
    const rows = shards.map((target) => read.get(rollupTargetId(target))).filter((row) => row !== undefined);
    const ops = compactionOps(rows, read.get(rollupTargetId(compact)), { scope, level, period });
    if (ops.length === 0) return false;
    if ((await commitOps(ops)) === 'committed') return true;
  }
  // Writers keep winning: the shards stay open, readers use them, a later run tries again.
  return false;
}
