import type { Source } from '@contracts/settings';
import type { ContentType } from './view';
import { SPACE_DAY_SHARDS, spaceShardOf } from './space-shards';
export { cellKey } from './day-share';

/**
 * Rollup rows the query layer reads, maintained in the view's own transaction (rollup-plan.ts).
 * Plain data; storage maps them to entities.
 */

/** Views by one signed-in viewer (or pseudonym) in one month, with its days. */
export interface ViewerMonthRow {
  viewer: string;
  month: string;
  views: number;
  days: Record<string, number>;
  version: number;
}

/**
 * Levels: `sd`/`sm` site day/month, `d`/`m` space day/month (shards, written by views and
 * lifecycle); `cd`/`cm` one space's day/month summed over its shards, written only by the space
 * compaction job for closed periods (core/model/space-compaction.ts), shard 0.
 */
export type RollupLevel = 'sd' | 'sm' | 'd' | 'm' | 'cd' | 'cm';

/**
 * Views of the site (scope `site`) or of one space (scope = space key) on a day or in a month, in
 * cells by content type × source × signed-in/anonymous, so every combination of those filters is an
 * exact sum. `viewers`/`contents` count distinct viewers and content of the period (site rows only
 * for viewers), exact because the first view of a viewer (content) in a period creates its row.
 */
export interface RollupRow {
  scope: string;
  level: RollupLevel;
  period: string;
  shard: number;
  views: number;
  viewers: number;
  contents: number;
  cells: Record<string, number>;
  version: number;
  /**
   * `open` on a space shard row (`d`/`m`) that changed since the compaction job last summed it:
   * every writer sets it (views, lifecycle, the month backfill), only the compaction clears it.
   * Absent on settled rows, so the `by-settle` index holds only what a compacted row does not include.
   */
  settle?: 'open';
}

/** `searchers`: distinct signed-in searchers (search analytics; not kept under Extended privacy). */
export type SketchKind = 'viewers' | 'contents' | 'searchers';

/** One shard of a HyperLogLog sketch of the site for a day or a month. */
export interface SketchRow {
  kind: SketchKind;
  level: 'd' | 'w' | 'm';
  period: string;
  shard: number;
  registers: string;
  version: number;
}

export type Audience = 's' | 'a';

export function parseCellKey(key: string): { contentType: string; source: string; audience: string } {
  const [contentType = '', source = '', audience = ''] = key.split('.');
  return { contentType, source, audience };
}

/**
 * Site and space rollups are split by content exactly like `space-day` (8 shards): a view contends
 * on no row a view of another shard's content touches, so rollups add no hot spot to the write path.
 */
export const ROLLUP_SHARDS = SPACE_DAY_SHARDS;

export function rollupShardOf(contentId: string): number {
  return spaceShardOf(contentId);
}
