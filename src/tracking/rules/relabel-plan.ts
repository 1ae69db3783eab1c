import type { Source } from '@contracts/settings';
import { countedTimes } from '../../core/model/blocking-time';
import { applyMonthChanges } from '../../core/model/content-month';
import { isListedStatus } from '../../core/model/content-status';
import { addCells, addSources, cellKey } from '../../core/model/day-share';
import { rollupId, type RollupSnapshot } from '../../core/model/rollup-plan';
import { rollupShardOf, type RollupLevel } from '../../core/model/report-rows';
import type { ContentStatsRow, ViewerContentRow, ViewRecord } from '../../core/model/rows';
import type { RowOp } from '../../core/model/row-ops';
import { utcDay } from '../../core/model/view';
import { monthOf } from '../../core/model/report-periods';
import type { WriteSnapshot } from './view-write-plan';

/**
 * A channel hint that arrives after its view was recorded (the view event came first) refines that
 * view: a view filed under Desktop because no hint was there yet moves to the hint's channel. The
 * hint is sent by the page's background script as the page loads, so it belongs to a view of the
 * same viewer and content at most this long before it (or slightly after: clocks differ).
 */
export const HINT_WINDOW_BEFORE_MS = 2 * 60_000;
export const HINT_WINDOW_AFTER_MS = 60_000;

/** The source a view event is filed under when no hint was there: the only one a late hint refines. */
export const DEFAULT_EVENT_SOURCE: Source = 'desktop';

/**
 * The counted view of this viewer and content a hint at `hintAt` refines: the latest counted one in
 * the window, or none. Counted times come from the viewer's row (blocked views have no record).
 */
export function viewToRefine(row: ViewerContentRow | undefined, hintAt: number, blockingTimeMs: number): number | null {
  if (!row) return null;
  const times = [...countedTimes(row.recent, blockingTimeMs), row.lastAt];
  const inWindow = times.filter((at) => at >= hintAt - HINT_WINDOW_BEFORE_MS && at <= hintAt + HINT_WINDOW_AFTER_MS);
  return inWindow.length === 0 ? null : Math.max(...inWindow);
}

export type RelabelOutcome =
  /** Nothing to refine: no such counted view, already refined (its source is no longer the default), or purged. */
  | { kind: 'none' }
  /** A lifecycle change is moving the content's rows: settle them, then plan again. */
  | { kind: 'busy'; content: ContentStatsRow }
  | { kind: 'write'; ops: RowOp[] };

export interface RelabelInput {
  /** The rows of the view's day and month, read as for a view (view-store.ts `readSnapshot`). */
  snapshot: WriteSnapshot;
  rollups: RollupSnapshot;
  /** The view's record, read AFTER the snapshot (so any relabel committed before the snapshot is seen in it). */
  record: ViewRecord | undefined;
  to: Source;
}

/**
 * Moves one counted view from the default source to `to`, as one conditional transaction through the
 * one commit function: the record's source, and the source breakdowns of every row that holds one
 * (content-day `bySource`/`cells`, space-day `bySource`, content-month `sources`/`cells`, the site's
 * and space's day and month rollup cells). Counts of views, viewers and content do not change.
 *
 * Exactly once: the viewer's row is rewritten with its version bumped, conditional on the version
 * read before the record. A second refinement (a retried hint, the view event's own re-check) either
 * reads the record already moved (nothing to do) or fails its condition and re-reads.
 */
export function planRelabel(input: RelabelInput): RelabelOutcome {
  const { snapshot, record, to } = input;
  const viewer = snapshot.viewerContent;
  const stats = snapshot.contentStats;
  if (!record || !viewer || !stats || stats.status === 'purged') return { kind: 'none' };
  const from = record.source;
  if (from !== DEFAULT_EVENT_SOURCE || to === from) return { kind: 'none' };
  const day = utcDay(record.at);
  const month = monthOf(day);
  const contentDay = snapshot.contentDays.get(day);
  const contentMonth = snapshot.contentMonths.get(month) ?? null;
  const settled = [contentDay, contentMonth].every((row) => !row || (row.spaceKey === stats.spaceKey && row.status === stats.status));
  if (!settled) return { kind: 'busy', content: stats };
  // A counted view is in its day's and month's rows; without them there is nothing consistent to move.
  if (!contentDay || !contentMonth || record.spaceKey !== stats.spaceKey) return { kind: 'none' };

  const audience = record.viewer === 'anonymous' ? 'a' : 's';
  const shift = { [from]: -1, [to]: 1 } as Partial<Record<Source, number>>;
  const cells = { [cellKey(record.contentType, from, audience)]: -1, [cellKey(record.contentType, to, audience)]: 1 };
  const listed = isListedStatus(stats.status);
  const ops: RowOp[] = [
    { kind: 'put', row: { entity: 'view', value: { ...record, source: to } }, expect: { kind: 'present' } },
    { kind: 'put', row: { entity: 'viewer-content', value: { ...viewer, version: viewer.version + 1 } }, expect: { kind: 'version', version: viewer.version } },
    {
      kind: 'put',
      row: { entity: 'content-day', value: { ...contentDay, bySource: addSources(contentDay.bySource, shift), cells: addCells(contentDay.cells, cells), version: contentDay.version + 1 } },
      expect: { kind: 'version', version: contentDay.version },
    },
  ];
  const spaceDay = snapshot.spaceDays.get(day);
  if (listed) {
    if (!spaceDay) return { kind: 'none' };
    ops.push({
      kind: 'put',
      row: { entity: 'space-day', value: { ...spaceDay, bySource: addSources(spaceDay.bySource, shift), version: spaceDay.version + 1 } },
      expect: { kind: 'version', version: spaceDay.version },
    });
  }
  // The month row's source lists and cells, through the same day changes a view makes (net zero views).
  const anonymous = audience === 'a';
  const [month1] = applyMonthChanges(
    [{ day, field: 'views', delta: -1, source: from, anonymous }, { day, field: 'views', delta: 1, source: to, anonymous }],
    new Map([[month, contentMonth]]), record.contentId, stats.spaceKey, record.contentType, stats.status,
  );
  if (month1) ops.push({ kind: 'put', row: { entity: 'content-month', value: month1.row }, expect: { kind: 'version', version: contentMonth.version } });

  if (listed) {
    const shard = rollupShardOf(record.contentId);
    const levels: Array<[string, RollupLevel, string]> = [['site', 'sd', day], ['site', 'sm', month], [stats.spaceKey, 'd', day], [stats.spaceKey, 'm', month]];
    for (const [scope, level, period] of levels) {
      const row = input.rollups.rollups.get(rollupId(scope, level, period));
      // Rows a counted, listed view always has; a missing one means the rollups are not kept here yet.
      if (!row || row.shard !== shard) continue;
      ops.push({
        kind: 'put',
        row: { entity: 'rollup', value: { ...row, cells: addCells(row.cells, cells), version: row.version + 1, ...(scope !== 'site' ? { settle: 'open' as const } : {}) } },
        expect: { kind: 'version', version: row.version },
      });
    }
  }
  return { kind: 'write', ops };
}
