/**
 * Top spaces: the exact ranking of spaces by views over a range, with each ranked space's figures.
 * Closed periods the compaction job has summed are merged as one row per space (core/model/space-compaction.ts);
 * today, and periods the job has not reached, as the 8-shard lists. Spaces with a shard changed since
 * its compaction (a late view, a trash, a move) take their figures from the shards instead.
 */
import type { ReportFilters } from '@contracts/report-query';
import { thresholdTopK, type SortedList } from './rules/threshold-top';
import type { Decomposition } from '../core/model/report-periods';
import { addRow, emptyFigures, type PeriodFigures } from './rules/report-figures';
import { ROLLUP_SHARDS, type RollupRow } from '../core/model/report-rows';
import { compactLevel, rankPlan, type RankPeriod } from '../core/model/space-compaction';
import { compactSpaceList, firstListPage, spaceList } from './storage/report-lists';
import { spaceFiguresInRange } from './storage/report-lookups';
import { readRollups } from '../lifecycle/index';
import type { RollupTarget } from '../core/model/lifecycle-rollups';
import { openShards, readCompactionJob } from '../lifecycle/index';

/** More open shards than this in the range (a big lifecycle change the job has not settled yet): the shards decide. */
const OPEN_CAP = 300;

export interface SpaceRanking {
  ranking: Array<{ id: string; total: number }>;
  figures: Map<string, PeriodFigures>;
}

/** `ids`: the spaces the filters name (then no merge); null ranks every space, k of them. */
export async function topSpaces(parts: Decomposition, today: string, filters: ReportFilters, k: number, ids: string[] | null): Promise<SpaceRanking> {
  const plan = rankPlan(parts, today, await readCompactionJob());
  const compacted = [...plan.plus, ...plan.minus].filter((period) => period.compact);
  const dirty = compacted.length ? await openSpaces(compacted) : new Set<string>();
  if (dirty === null || compacted.length === 0) return fromShards(parts, filters, k, ids);

  const figures = new Map<string, PeriodFigures>();
  // Spaces with an open shard in a compacted period: exact from their shards, over the range as decomposed for shards.
  const fromShardRows = async (keys: string[]) => {
    for (const [key, value] of await spaceFiguresInRange(keys, parts, filters)) figures.set(key, value);
  };
  const seen = new Map<string, RollupRow>();
  const exhausted = new Set<string>();
  const periodId = (level: string, key: string) => `${level}|${key}`;
  const sign = new Map([...plan.plus.map((p) => [periodId(p.level, p.key), 1] as const), ...plan.minus.map((p) => [periodId(p.level, p.key), -1] as const)]);
  const fromCompacted = async (keys: string[]) => {
    const targets: RollupTarget[] = [];
    const rows: RollupRow[] = [];
    for (const scope of keys) {
      for (const period of [...plan.plus, ...plan.minus]) {
        if (!period.compact) {
          for (let shard = 0; shard < ROLLUP_SHARDS; shard += 1) targets.push({ scope, level: period.level, period: period.key, shard });
          continue;
        }
        const level = compactLevel(period.level);
        const known = seen.get(`${scope}|${level}|${period.key}`);
        if (known) rows.push(known);
        else if (!exhausted.has(periodId(level, period.key))) targets.push({ scope, level, period: period.key, shard: 0 });
      }
    }
    rows.push(...(await readRollups(targets)).values());
    for (const scope of keys) figures.set(scope, emptyFigures());
    for (const row of rows) {
      const level = row.level === 'cd' ? 'd' : row.level === 'cm' ? 'm' : row.level;
      addRow(figures.get(row.scope)!, row, filters, sign.get(periodId(level, row.period)) ?? 0);
    }
  };
  const exact = async (keys: string[]) => {
    const open = keys.filter((key) => dirty.has(key));
    const settled = keys.filter((key) => !dirty.has(key));
    if (open.length) await fromShardRows(open);
    if (settled.length) await fromCompacted(settled);
    return new Map(keys.map((key) => [key, figures.get(key)?.views ?? 0]));
  };
  if (ids) return { ranking: positive(await exact(ids)), figures };

  const known = await exact([...dirty]);
  const lists: SortedList[] = plan.plus.map((period: RankPeriod) => period.compact
    ? compactSpaceList(period, (row) => seen.set(`${row.scope}|${row.level}|${row.period}`, row), firstListPage(k), () => exhausted.add(periodId(compactLevel(period.level), period.key)))
    : spaceList(period, ROLLUP_SHARDS));
  const { ranking } = await thresholdTopK({ k, lists, exact, known, keep: (id) => !dirty.has(id) });
  return { ranking, figures };
}

/** Spaces with a shard changed since the compaction of one of these periods; null when too many to list. */
async function openSpaces(periods: RankPeriod[]): Promise<Set<string> | null> {
  const spaces = new Set<string>();
  for (const level of ['d', 'm'] as const) {
    const keys = new Set(periods.filter((period) => period.level === level).map((period) => period.key));
    if (keys.size === 0) continue;
    const sorted = [...keys].sort();
    const { rows, more } = await openShards(level, sorted[0]!, sorted[sorted.length - 1]!, OPEN_CAP);
    if (more) return null;
    for (const row of rows) if (keys.has(row.period)) spaces.add(row.scope);
  }
  return spaces;
}

/** The ranking from shard rows only (no compaction yet, or too much reopened). */
async function fromShards(parts: Decomposition, filters: ReportFilters, k: number, ids: string[] | null): Promise<SpaceRanking> {
  const figures = new Map<string, PeriodFigures>();
  const exact = async (keys: string[]) => {
    const found = await spaceFiguresInRange(keys, parts, filters);
    for (const [key, value] of found) figures.set(key, value);
    return new Map([...found].map(([key, value]) => [key, value.views]));
  };
  const ranking = ids ? positive(await exact(ids)) : (await thresholdTopK({ k, lists: parts.plus.map((period) => spaceList(period, ROLLUP_SHARDS)), exact })).ranking;
  return { ranking, figures };
}

function positive(totals: Map<string, number>): Array<{ id: string; total: number }> {
  return [...totals].map(([id, total]) => ({ id, total })).filter((entry) => entry.total > 0);
}
