import { MAX_TRANSACTION_OPERATIONS, slicesOf } from './kvs-limits';
import type { ContentDayRow, ContentStatsRow, SpaceDayRow, ViewerContentRow, ViewerDayRow, ViewRecord } from './rows';
import type { ContentMonthRow } from './content-month';
import type { RollupRow, SketchRow, ViewerMonthRow } from './report-rows';
import type { SearchLastRow, SearchMarkRow, SearchQueryRow, SearchTotalRow } from './search-rows';

/**
 * The one way stored data changes: a list of conditional row operations, built by pure domain code
 * and committed by one storage function (`commitOps`) as one all-or-nothing transaction. A view's
 * write, a trash, a move, a purge and the inventory backfill are all lists of these.
 *
 * Rows are named by their value (storage derives the key), so domain code never builds a key.
 */
export type StoredRow =
  | { entity: 'view'; value: ViewRecord }
  | { entity: 'viewer-content'; value: ViewerContentRow }
  | { entity: 'content-stats'; value: ContentStatsRow }
  | { entity: 'content-day'; value: ContentDayRow }
  | { entity: 'space-day'; value: SpaceDayRow }
  | { entity: 'viewer-day'; value: ViewerDayRow }
  | { entity: 'content-month'; value: ContentMonthRow }
  /** Report rollups (report-rows.ts): a viewer's month, site and space cells, HyperLogLog shards. */
  | { entity: 'viewer-month'; value: ViewerMonthRow }
  | { entity: 'rollup'; value: RollupRow }
  | { entity: 'sketch'; value: SketchRow }
  | { entity: 'account'; value: { accountId: string; firstSeen: number; reportedAt: number } }
  /** Search analytics (search-rows.ts). */
  | { entity: 'search-mark'; value: SearchMarkRow }
  | { entity: 'search-query'; value: SearchQueryRow }
  | { entity: 'search-total'; value: SearchTotalRow }
  | { entity: 'search-last'; value: SearchLastRow };

/** What the stored row must be for the operation to apply: the version read, or not there yet. */
export type Expectation =
  | { kind: 'version'; version: number }
  | { kind: 'absent' }
  | { kind: 'present' }
  | { kind: 'any' }
  /** A content row whose lifecycle time is still this one (views may change its version meanwhile). */
  | { kind: 'lifecycle'; at: number };

export type RowOp =
  /** Write the row if the expectation holds; with `ttlSeconds`, KVS deletes it after that long. */
  | { kind: 'put'; row: StoredRow; expect: Expectation; ttlSeconds?: number }
  /** Delete the row if the expectation holds. */
  | { kind: 'delete'; row: StoredRow; expect: Expectation }
  /** Write nothing, but fail the whole transaction unless the expectation holds. */
  | { kind: 'check'; row: StoredRow; expect: Expectation };


/** The expectation for a versioned row we read (or found missing). */
export function expectVersion(previous: { version: number } | undefined | null): Expectation {
  return previous ? { kind: 'version', version: previous.version } : { kind: 'absent' };
}

/**
 * Splits operations into transactions of at most 25. Used only for big lifecycle changes, whose
 * every chunk is idempotent on its own (it moves rows into a target state, conditional on versions).
 */
export function chunkOps(ops: readonly RowOp[], size = MAX_TRANSACTION_OPERATIONS): RowOp[][] {
  return slicesOf(ops, size);
}
