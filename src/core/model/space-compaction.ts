import { addDays, monthEnd, monthOf, monthStart, type Decomposition, type Period } from './report-periods';
import { expectVersion, type RowOp } from './row-ops';
import type { RollupRow } from './report-rows';
import { addCells } from './day-share';

/**
 * Space compaction: top spaces rank spaces by views over a range, and a space's views of a period are
 * split over up to 8 shard rows (a hot space must not contend on one row, see report-rows.ts). For
 * CLOSED periods (past days, past months) the maintenance job writes one unsharded row per space and
 * period (level `cd` / `cm`: the sum of its shards), so a ranking merges one row per space instead of
 * eight and a candidate's exact figures are one key per period.
 *
 * Exactness without any reader check of the shards: every writer of a space shard row (a view, even a
 * late one, lifecycle's trash/move/purge, the month backfill) marks the row `settle: 'open'`; the job's
 * one transaction writes the sum and clears `open` on the shards it read open, each conditional on the
 * version it read. Hence: whenever no shard of (space, period) is open, the compacted row equals the sum
 * of its shards (a shard read settled and changed since is open again; one created since is open).
 * Readers list the open shards of the range's compacted periods (index `by-settle`, usually empty)
 * and take those spaces' figures from the shards; the job settles them again on its next run.
 */

/**
 * How far the job has compacted: every period between `from` and `through` had one full pass (none
 * while `through` < `from`). New closed periods extend `through`; history extends `from` back to `floorDay`.
 */
export interface CompactionState {
  fromDay: string;
  throughDay: string;
  fromMonth: string;
  throughMonth: string;
  /** How far back the job compacts history (fixed at its first run). */
  floorDay: string;
}

/** On a new install the job compacts two years back (a 365-day report and its previous period). */
export const COMPACTION_HORIZON_DAYS = 731;

/**
 * Nothing compacted yet. The most recent periods come first (yesterday, last month: what most reports
 * read), then history, newest first, so a long backlog never delays today's reports.
 */
export function firstCompactionState(today: string): CompactionState {
  const fromDay = addDays(today, -1);
  const fromMonth = monthOf(today);
  return { fromDay, throughDay: addDays(fromDay, -1), fromMonth, throughMonth: previousMonth(fromMonth), floorDay: addDays(today, -COMPACTION_HORIZON_DAYS) };
}

export function previousMonth(month: string): string {
  return monthOf(addDays(monthStart(month), -1));
}

export function nextMonth(month: string): string {
  return monthOf(addDays(monthEnd(month), 1));
}

export const compactLevel = (level: 'd' | 'm'): 'cd' | 'cm' => (level === 'd' ? 'cd' : 'cm');

/** Whether a period's compacted rows exist for every space (a full pass of the job covered it). */
export function isCompacted(period: Period, state: CompactionState | null): boolean {
  if (!state) return false;
  return period.level === 'd'
    ? period.key >= state.fromDay && period.key <= state.throughDay
    : period.key >= state.fromMonth && period.key <= state.throughMonth;
}

/**
 * The writes that make (scope, level, period) compacted: the sum of the shards as read, and the open
 * shards settled, every write conditional on the version read. Nothing when all is settled already.
 */
export function compactionOps(shards: readonly RollupRow[], compact: RollupRow | undefined, target: { scope: string; level: 'd' | 'm'; period: string }): RowOp[] {
  const sum: RollupRow = { scope: target.scope, level: compactLevel(target.level), period: target.period, shard: 0, views: 0, viewers: 0, contents: 0, cells: {}, version: (compact?.version ?? 0) + 1 };
  for (const shard of shards) {
    sum.views += shard.views;
    sum.viewers += shard.viewers;
    sum.contents += shard.contents;
    sum.cells = addCells(sum.cells, shard.cells);
  }
  const open = shards.filter((shard) => shard.settle === 'open');
  const same = compact !== undefined && compact.views === sum.views && compact.contents === sum.contents && sameCells(compact.cells, sum.cells);
  if (open.length === 0 && (same || (compact === undefined && shards.length === 0))) return [];
  const ops: RowOp[] = same ? [] : [{ kind: 'put', row: { entity: 'rollup', value: sum }, expect: expectVersion(compact) }];
  // Unchanged compacted row: its version is still checked, so two overlapping runs cannot interleave.
  if (same) ops.push({ kind: 'check', row: { entity: 'rollup', value: compact }, expect: expectVersion(compact) });
  for (const shard of open) {
    const { settle: _open, ...settled } = shard;
    ops.push({ kind: 'put', row: { entity: 'rollup', value: { ...settled, version: shard.version + 1 } }, expect: expectVersion(shard) });
  }
  return ops;
}

function sameCells(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

/** One period of a top-spaces range: read from compacted rows (`compact`) or from the shards. */
export interface RankPeriod extends Period { compact: boolean }

export interface RankPlan {
  plus: RankPeriod[];
  minus: RankPeriod[];
}

/**
 * The periods top spaces merge: the range's decomposition, with today's month (open, so never
 * compacted) replaced by its days, of which all but the days the job has not reached are compacted.
 */
export function rankPlan(parts: Decomposition, today: string, state: CompactionState | null): RankPlan {
  const open = monthOf(today);
  const subtracted = new Set(parts.minus.filter((period) => monthOf(period.key) === open).map((period) => period.key));
  const plus: Period[] = parts.plus.flatMap((period) => {
    if (period.level !== 'm' || period.key !== open || !state) return [period];
    const days: Period[] = [];
    for (let day = monthStart(open); day <= today; day = addDays(day, 1)) if (!subtracted.has(day)) days.push({ level: 'd', key: day });
    return days;
  });
  const minus = state ? parts.minus.filter((period) => !subtracted.has(period.key)) : parts.minus;
  const mark = (period: Period): RankPeriod => ({ ...period, compact: isCompacted(period, state) });
  return { plus: plus.map(mark), minus: minus.map(mark) };
}
