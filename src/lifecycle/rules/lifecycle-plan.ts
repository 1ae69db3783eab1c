import { isHidden, isListedStatus, type ContentStatus } from '../../core/model/content-status';
import { addToSpaceDay, emptySpaceDay, shareOf } from '../../core/model/day-share';
import type { LifecycleEvent, LifecycleKind } from './lifecycle-event';
import type { RowOp } from '../../core/model/row-ops';
import { expectVersion } from '../../core/model/row-ops';
import type { ContentDayRow, ContentStatsRow, SpaceDayRow } from '../../core/model/rows';
import { spaceShardOf } from '../../core/model/space-shards';
import type { ContentMonthRow } from '../../core/model/content-month';
import type { RollupRow } from '../../core/model/report-rows';
import { RollupMoves } from '../../core/model/lifecycle-rollups';
import { dueMark } from '../../core/model/byline-due';

const STATUS_AFTER: Record<LifecycleKind, ContentStatus | null> = {
  created: 'current', updated: null, moved: null, trashed: 'trashed', restored: 'current',
  archived: 'archived', unarchived: 'current', purged: 'purged',
};

export type LifecycleDecision =
  /** An older fact than one already applied, or anything after a purge: nothing changes. */
  | { kind: 'stale' }
  | { kind: 'apply'; next: ContentStatsRow; op: RowOp };

/** A content row for content known only from lifecycle events or the inventory (never viewed). */
export function freshContentRow(event: Pick<LifecycleEvent, 'contentId' | 'contentType' | 'spaceKey' | 'spaceId' | 'title' | 'containerId'>): ContentStatsRow {
  return {
    contentId: event.contentId, spaceKey: event.spaceKey, contentType: event.contentType, title: event.title,
    views: 0, viewers: 0, anonymousViews: 0, lastViewedAt: 0, status: 'current', spaceId: event.spaceId,
    lifecycleAt: 0, createdAt: null, lastModifiedAt: null, containerId: event.containerId, version: 0,
  };
}

/**
 * Applies one lifecycle fact to the content's row. Each event carries the content's state at its
 * time, so the newest event wins whatever the arrival order; an event as old as the last applied is
 * applied again (a redelivery re-runs the follow-up work idempotently). A purge is final.
 * `updated` and `moved` take the status their payload reports (else the content keeps its own).
 */
export function decideLifecycle(current: ContentStatsRow | undefined, event: LifecycleEvent): LifecycleDecision {
  if (current?.status === 'purged') return { kind: 'stale' };
  if (event.kind !== 'purged' && current && event.at < current.lifecycleAt) return { kind: 'stale' };
  const base = current ?? freshContentRow(event);
  const status = STATUS_AFTER[event.kind] ?? event.reportedStatus ?? base.status;
  const next: ContentStatsRow = event.kind === 'purged'
    ? { ...base, status, views: 0, viewers: 0, anonymousViews: 0, lifecycleAt: Math.max(event.at, base.lifecycleAt), version: base.version + 1 }
    : {
      ...base, status, title: event.title || base.title, spaceKey: event.spaceKey, spaceId: event.spaceId,
      lifecycleAt: event.at, createdAt: event.createdAt ?? base.createdAt,
      lastModifiedAt: Math.max(event.modifiedAt ?? 0, base.lastModifiedAt ?? 0) || null,
      containerId: event.containerId ?? base.containerId, version: base.version + 1,
      // Archived or trashed content shows no count: its byline property is behind when that changes.
      ...(current && current.views > 0 && isHidden(current) !== isHidden({ status }) ? dueMark(base, event.at, 1, true) : {}),
    };
  return { kind: 'apply', next, op: { kind: 'put', row: { entity: 'content-stats', value: next }, expect: expectVersion(current) } };
}

/** A day row is settled when it carries its content's space and status. */
export function isSettled(day: ContentDayRow, content: Pick<ContentStatsRow, 'spaceKey' | 'status'>): boolean {
  return day.spaceKey === content.spaceKey && day.status === content.status;
}

/** The space-day rows a day row's change touches: its old and its new space's shard of that day. */
export function spaceDaysTouched(day: ContentDayRow, content: Pick<ContentStatsRow, 'spaceKey'>): Array<Pick<SpaceDayRow, 'spaceKey' | 'day' | 'shard'>> {
  const shard = spaceShardOf(day.contentId);
  const spaces = [...new Set([day.spaceKey, content.spaceKey])];
  return spaces.map((spaceKey) => ({ spaceKey, day: day.day, shard }));
}

export const spaceDayId = (row: Pick<SpaceDayRow, 'spaceKey' | 'day' | 'shard'>) => `${row.spaceKey}|${row.day}|${row.shard}`;

/**
 * Moves day rows into the content's current space and status (or deletes them for a purge), taking
 * their share out of the old space's daily row and into the new one's when listed. Every operation
 * is conditional on the versions read, and the batch on the content's lifecycle time still being
 * the one planned for, so a newer lifecycle event's pass always has the last word.
 */
export function planDayMoves(content: ContentStatsRow, days: readonly ContentDayRow[], spaceDays: ReadonlyMap<string, SpaceDayRow>, rollups: ReadonlyMap<string, RollupRow> = new Map()): RowOp[] {
  const updated = new Map<string, { previous: SpaceDayRow | undefined; row: SpaceDayRow }>();
  const rollupMoves = new RollupMoves('day');
  const ops: RowOp[] = [{ kind: 'check', row: { entity: 'content-stats', value: content }, expect: { kind: 'lifecycle', at: content.lifecycleAt } }];
  const adjust = (target: Pick<SpaceDayRow, 'spaceKey' | 'day' | 'shard'>, day: ContentDayRow, sign: 1 | -1) => {
    const id = spaceDayId(target);
    const entry = updated.get(id) ?? { previous: spaceDays.get(id), row: spaceDays.get(id) ?? emptySpaceDay(target.spaceKey, target.day, target.shard) };
    updated.set(id, { ...entry, row: addToSpaceDay(entry.row, shareOf(day, sign)) });
  };
  for (const day of days) {
    if (content.status !== 'purged' && isSettled(day, content)) continue;
    const shard = spaceShardOf(day.contentId);
    if (isListedStatus(day.status)) adjust({ spaceKey: day.spaceKey, day: day.day, shard }, day, -1);
    rollupMoves.settle({ ...day, period: day.day }, content.status === 'purged' ? null : content);
    if (content.status === 'purged') {
      ops.push({ kind: 'delete', row: { entity: 'content-day', value: day }, expect: expectVersion(day) });
      continue;
    }
    if (isListedStatus(content.status)) adjust({ spaceKey: content.spaceKey, day: day.day, shard }, day, 1);
    ops.push({ kind: 'put', row: { entity: 'content-day', value: { ...day, spaceKey: content.spaceKey, status: content.status, version: day.version + 1 } }, expect: expectVersion(day) });
  }
  for (const { previous, row } of updated.values()) {
    ops.push({ kind: 'put', row: { entity: 'space-day', value: { ...row, version: (previous?.version ?? 0) + 1 } }, expect: expectVersion(previous) });
  }
  ops.push(...rollupMoves.ops(rollups));
  return ops.length === 1 ? [] : ops;
}

/** A month row is settled when it carries its content's space and status (as a day row). */
export function isMonthSettled(month: ContentMonthRow, content: Pick<ContentStatsRow, 'spaceKey' | 'status'>): boolean {
  return month.spaceKey === content.spaceKey && month.status === content.status;
}

/**
 * The same for the content's month rows (page statistics and the report rankings read them): each
 * takes the content's space and status, or is deleted for a purge, and its share moves between the
 * space and site month rollups. Conditional on versions and the content's lifecycle time.
 */
export function planMonthMoves(content: ContentStatsRow, months: readonly ContentMonthRow[], rollups: ReadonlyMap<string, RollupRow>): RowOp[] {
  const ops: RowOp[] = [{ kind: 'check', row: { entity: 'content-stats', value: content }, expect: { kind: 'lifecycle', at: content.lifecycleAt } }];
  const rollupMoves = new RollupMoves('month');
  for (const month of months) {
    if (content.status !== 'purged' && isMonthSettled(month, content)) continue;
    rollupMoves.settle({ ...month, period: month.month, views: month.monthViews }, content.status === 'purged' ? null : content);
    if (content.status === 'purged') ops.push({ kind: 'delete', row: { entity: 'content-month', value: month }, expect: expectVersion(month) });
    else ops.push({ kind: 'put', row: { entity: 'content-month', value: { ...month, spaceKey: content.spaceKey, status: content.status, version: month.version + 1 } }, expect: expectVersion(month) });
  }
  ops.push(...rollupMoves.ops(rollups));
  return ops.length === 1 ? [] : ops;
}
