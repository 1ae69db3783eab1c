import { compactionOps, firstCompactionState, isCompacted, rankPlan } from '../../src/core/model/space-compaction';
import { decomposeRange } from '../../src/core/model/report-periods';
import type { RollupRow } from '../../src/core/model/report-rows';

const shard = (index: number, views: number, settle: boolean, version = 3): RollupRow => ({
  scope: 'ENG', level: 'd', period: '2026-11-03', shard: index, views, viewers: 0, contents: 1,
  cells: { 'page.desktop.s': views }, version, ...(settle ? { settle: 'open' as const } : {}),
});
const target = { scope: 'ENG', level: 'd' as const, period: '2026-11-03' };

describe('space compaction plan', () => {
  it('sums the shards into one row and settles the open shards, each conditional on the version read', () => {
    const ops = compactionOps([shard(0, 5, true), shard(3, 7, false, 9)], undefined, target);
    expect(ops).toEqual([
      { kind: 'put', row: { entity: 'rollup', value: { scope: 'ENG', level: 'cd', period: '2026-11-03', shard: 0, views: 12, viewers: 0, contents: 2, cells: { 'page.desktop.s': 12 }, version: 1 } }, expect: { kind: 'absent' } },
      { kind: 'put', row: { entity: 'rollup', value: { ...shard(0, 5, false), version: 4 } }, expect: { kind: 'version', version: 3 } },
    ]);
  });

  it('writes nothing when every shard is settled and the sum is unchanged; checks the sum when only shards need settling', () => {
    const compact: RollupRow = { scope: 'ENG', level: 'cd', period: '2026-11-03', shard: 0, views: 12, viewers: 0, contents: 2, cells: { 'page.desktop.s': 12 }, version: 4 };
    expect(compactionOps([shard(0, 5, false), shard(3, 7, false)], compact, target)).toEqual([]);
    expect(compactionOps([], undefined, target)).toEqual([]);
    const settling = compactionOps([shard(0, 5, true), shard(3, 7, false)], compact, target);
    expect(settling.map((op) => [op.kind, op.expect])).toEqual([['check', { kind: 'version', version: 4 }], ['put', { kind: 'version', version: 3 }]]);
    // A changed sum is rewritten over the version read.
    const changed = compactionOps([shard(0, 6, true), shard(3, 7, false)], compact, target);
    expect(changed[0]).toMatchObject({ kind: 'put', expect: { kind: 'version', version: 4 }, row: { value: { views: 13, version: 5 } } });
  });
});

describe('top spaces periods', () => {
  const state = { fromDay: '2025-01-01', throughDay: '2026-11-19', fromMonth: '2025-01', throughMonth: '2026-10', floorDay: '2024-11-19' };

  it('reads today\'s month as its compacted days plus today, closed months compacted', () => {
    const plan = rankPlan(decomposeRange({ from: '2026-10-22', to: '2026-11-20' }, '2026-11-20'), '2026-11-20', state);
    expect(plan.minus).toEqual([]);
    expect(plan.plus).toHaveLength(30);
    expect(plan.plus.filter((period) => !period.compact)).toEqual([{ level: 'd', key: '2026-11-20', compact: false }]);
    const year = rankPlan(decomposeRange({ from: '2025-11-21', to: '2026-11-20' }, '2026-11-20'), '2026-11-20', state);
    expect(year.plus.filter((period) => period.level === 'm').map((period) => [period.key, period.compact])).toContainEqual(['2026-10', true]);
    expect(year.plus.some((period) => period.key === '2026-11')).toBe(false);
  });

  it('drops the subtracted days of today\'s month instead of reading them twice; without a job, the plain decomposition', () => {
    const parts = decomposeRange({ from: '2026-11-03', to: '2026-11-20' }, '2026-11-20');
    expect(parts.minus.map((period) => period.key)).toEqual(['2026-11-01', '2026-11-02']);
    const plan = rankPlan(parts, '2026-11-20', state);
    expect(plan.minus).toEqual([]);
    expect(plan.plus.map((period) => period.key)).toEqual(Array.from({ length: 18 }, (_, index) => `2026-11-${String(index + 3).padStart(2, '0')}`));
    expect(rankPlan(parts, '2026-11-20', null)).toEqual({ plus: [{ level: 'm', key: '2026-11', compact: false }], minus: parts.minus.map((period) => ({ ...period, compact: false })) });
  });

  it('trusts only periods a full pass covered', () => {
    const first = firstCompactionState('2026-11-20');
    // Before its first run nothing is trusted; it starts with yesterday and last month, then goes back.
    expect(first).toEqual({ fromDay: '2026-11-19', throughDay: '2026-11-18', fromMonth: '2026-11', throughMonth: '2026-10', floorDay: '2024-11-19' });
    expect(isCompacted({ level: 'd', key: first.fromDay }, first)).toBe(false);
    expect(isCompacted({ level: 'm', key: '2026-10' }, first)).toBe(false);
    expect(isCompacted({ level: 'd', key: '2026-11-10' }, state)).toBe(true);
    expect(isCompacted({ level: 'd', key: '2026-11-20' }, state)).toBe(false);
    expect(isCompacted({ level: 'm', key: '2026-11' }, state)).toBe(false);
    expect(isCompacted({ level: 'm', key: '2024-12' }, state)).toBe(false);
  });
});
