import { isListedStatus, type ContentStatus } from './content-status';
import { addCells } from './day-share';
import { expectVersion, type RowOp } from './row-ops';
import { rollupShardOf, type RollupLevel, type RollupRow } from './report-rows';
import { rollupId } from './rollup-plan';

/**
 * The report rollups follow the rule lifecycle keeps for `space-day`: a space's (and the site's)
 * day and month rollup rows are the sums of the listed content-day and content-month rows that fall
 * in them. When a trash, restore, move or purge settles one of a content's own rows, its share
 * (views, cells, and one distinct content) leaves the rollups it was counted in and enters the ones
 * it now belongs to. Distinct viewers are not content's to move: see "Distinct viewers" in docs/lifecycle.md.
 */
export interface SettledRow {
  contentId: string;
  /** Where and how the row was counted so far. */
  spaceKey: string;
  status: ContentStatus;
  /** The day (`YYYY-MM-DD`) or month (`YYYY-MM`) of the row. */
  period: string;
  views: number;
  cells: Record<string, number>;
}

export type RollupTarget = Pick<RollupRow, 'scope' | 'level' | 'period' | 'shard'>;
export const rollupTargetId = (target: RollupTarget) => `${rollupId(target.scope, target.level, target.period)}|${target.shard}`;

/** The rollup rows a settled row can touch: its old and new space at the row's level, and the site. */
export function rollupsTouched(row: SettledRow, to: { spaceKey: string }, granularity: 'day' | 'month'): RollupTarget[] {
  const shard = rollupShardOf(row.contentId);
  const space: RollupLevel = granularity === 'day' ? 'd' : 'm';
  const site: RollupLevel = granularity === 'day' ? 'sd' : 'sm';
  return [
    ...[...new Set([row.spaceKey, to.spaceKey])].map((scope) => ({ scope, level: space, period: row.period, shard })),
    { scope: 'site', level: site, period: row.period, shard },
  ];
}

/**
 * Collects share moves over many settled rows and turns them into versioned puts. Rows whose net
 * change is nothing (a move's site row: out and back in) are not written.
 */
export class RollupMoves {
  private readonly changes = new Map<string, { target: RollupTarget; views: number; contents: number; cells: Record<string, number> }>();

  constructor(private readonly granularity: 'day' | 'month') {}

  /** `to` null: the row is purged (its share leaves and goes nowhere). */
  settle(row: SettledRow, to: { spaceKey: string; status: ContentStatus } | null): void {
    const [spaceLevel, siteLevel]: [RollupLevel, RollupLevel] = this.granularity === 'day' ? ['d', 'sd'] : ['m', 'sm'];
    const shard = rollupShardOf(row.contentId);
    if (isListedStatus(row.status)) {
      this.add({ scope: row.spaceKey, level: spaceLevel, period: row.period, shard }, row, -1);
      this.add({ scope: 'site', level: siteLevel, period: row.period, shard }, row, -1);
    }
    if (to && isListedStatus(to.status)) {
      this.add({ scope: to.spaceKey, level: spaceLevel, period: row.period, shard }, row, 1);
      this.add({ scope: 'site', level: siteLevel, period: row.period, shard }, row, 1);
    }
  }

  ops(stored: ReadonlyMap<string, RollupRow>): RowOp[] {
    const ops: RowOp[] = [];
    for (const [id, change] of this.changes) {
      const cells = Object.entries(change.cells).filter(([, views]) => views !== 0);
      if (change.views === 0 && change.contents === 0 && cells.length === 0) continue;
      const previous = stored.get(id);
      const base: RollupRow = previous ?? { ...change.target, views: 0, viewers: 0, contents: 0, cells: {}, version: 0 };
      const value: RollupRow = {
        ...base, views: base.views + change.views, contents: base.contents + change.contents,
        cells: addCells(base.cells, Object.fromEntries(cells)), version: base.version + 1,
        // A changed space row is open until the compaction job sums it again (see space-compaction.ts).
        ...(change.target.scope === 'site' ? {} : { settle: 'open' as const }),
      };
      ops.push({ kind: 'put', row: { entity: 'rollup', value }, expect: expectVersion(previous) });
    }
    return ops;
  }

  private add(target: RollupTarget, row: SettledRow, sign: 1 | -1): void {
    const id = rollupTargetId(target);
    const entry = this.changes.get(id) ?? { target, views: 0, contents: 0, cells: {} };
    entry.views += sign * row.views;
    entry.contents += sign;
    for (const [cell, views] of Object.entries(row.cells)) entry.cells[cell] = (entry.cells[cell] ?? 0) + sign * views;
    this.changes.set(id, entry);
  }
}
