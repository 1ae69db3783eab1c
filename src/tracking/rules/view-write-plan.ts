import { applyBlockingTime, countedTimes, EMPTY_HISTORY, type BlockingPolicy, type ViewerHistory } from '../../core/model/blocking-time';
import type { Source } from '@contracts/settings';
import type { ContentDayRow, ContentStatsRow, SpaceDayRow, ViewerContentRow, ViewerDayRow, ViewRecord } from '../../core/model/rows';
import { utcDay, type View } from '../../core/model/view';
import { isListedStatus } from '../../core/model/content-status';
import { addCells, addSources, addToSpaceDay, cellKey, emptySpaceDay, type DayShare } from '../../core/model/day-share';
import { applyMonthChanges, countedDays, monthChanges, monthsOf, type ContentMonthRow } from '../../core/model/content-month';
import { spaceShardOf } from '../../core/model/space-shards';
import { dueMark, unshownViews } from '../../core/model/byline-due';

/** Everything stored about this view's content and viewer, read in one batch before deciding. */
export interface WriteSnapshot {
  viewerContent: ViewerContentRow | undefined;
  contentStats: ContentStatsRow | undefined;
  /** Content-day rows by day, for every day the change can touch (see `affectedDays`). */
  contentDays: ReadonlyMap<string, ContentDayRow>;
  /** Space-day rows of this content's shard, and viewer-day rows, by day (same days). */
  spaceDays: ReadonlyMap<string, SpaceDayRow>;
  viewerDays: ReadonlyMap<string, ViewerDayRow>;
  /** The record this exact view would be stored under already exists: a redelivery. */
  viewRecordExists: boolean;
  /** Whether the viewer's account id is already registered for personal data reporting; null when no account id is stored. */
  accountKnown: boolean | null;
  /** Content-month rows read, by month (null: read, does not exist yet). A month not read is not a key. */
  contentMonths: ReadonlyMap<string, ContentMonthRow | null>;
  /** The days whose day rows were read (absent: every day the plan can touch). */
  daysRead?: readonly string[];
}

/** What to write, each row with the version it must still have (null: must not exist yet). */
export interface WritePlan {
  viewerContent: { row: ViewerContentRow; expectedVersion: number | null } | null;
  /** Null when the shared counters do not change (a blocked view), so it causes no contention. */
  contentStats: { row: ContentStatsRow; expectedVersion: number | null } | null;
  contentDays: Array<{ row: ContentDayRow; expectedVersion: number | null }>;
  spaceDays: Array<{ row: SpaceDayRow; expectedVersion: number | null }>;
  viewerDays: Array<{ row: ViewerDayRow; expectedVersion: number | null }>;
  addViews: ViewRecord[];
  removeViews: ViewRecord[];
  /** An account id stored for the first time, to be reported to Atlassian (GDPR). */
  registerAccount: { accountId: string; firstSeen: number } | null;
  /** The content's monthly figures (page statistics), changed with the same counts. */
  contentMonths: Array<{ row: ContentMonthRow; expectedVersion: number | null }>;
}

/** `counted` is the net change of the content's views: 0 for a blocked view, -1..n after corrections. */
export type PlanOutcome =
  /**
   * `pending`: corrections this step leaves for the next (0: done). `resumed`: the step finishes an
   * earlier view's corrections; the view itself is planned again after it.
   */
  | { kind: 'write'; plan: WritePlan; counted: number; pending: number; resumed: boolean }
  | { kind: 'duplicate' }
  /** The content was purged: a late view must not bring any of its rows back. */
  | { kind: 'purged' }
  /** The content is stored under another space than the event says (moved): read that space's rows and plan again. */
  | { kind: 'reread'; spaceKey: string }
  /** A lifecycle change is moving this content's daily rows (or was interrupted): settle them, then plan again. */
  | { kind: 'busy'; content: ContentStatsRow }
  /** The viewer's previous latest view lies in a month not read: read these months too and plan again. */
  | { kind: 'needs-months'; months: string[] }
  /** Pending corrections of an earlier view lie on days not read (the viewer came back later): read them too. */
  | { kind: 'needs-days'; days: string[] };

export interface PlanInput {
  view: View;
  /** The viewer as stored; `anonymous` views skip the blocking time, as Viewtracker does. */
  storedViewer: string;
  /** Anonymous views from browsers are throttled per content (see docs/tracking.md, "Anonymous views"). */
  applyBlocking: boolean;
  policy: BlockingPolicy;
  snapshot: WriteSnapshot;
  now: number;
  /** Realize only the first `take` corrections now (see planViewWrite); all when absent. */
  take?: number;
}

/** Days whose counters a view at `at` can change: corrections stay within the blocking horizon. */
export function affectedDays(at: number, horizonMs: number): string[] {
  return [...new Set([utcDay(at - horizonMs), utcDay(at), utcDay(at + horizonMs)])];
}

/**
 * Turns one view into exact counter changes. Pure: given the same snapshot it plans the same writes,
 * and the storage layer commits them only if no row changed meanwhile (optimistic concurrency).
 *
 * A late view can swap many counted views at once (dense reloads inside the blocking time, across a
 * midnight that ends a month): more row changes than Forge's 25 operations. With `take` the plan
 * realizes only the first `take` corrections (in time order, so the view's own record comes first)
 * and leaves the rest as `pending` in the viewer's row, written in the same transaction. Any later plan
 * for this viewer and content (the same call re-planning, a redelivery, their next view) finishes the
 * pending corrections first, a step at a time, each conditional on the viewer row's version: every
 * correction lands exactly once, and the counted set ends exactly as one big transaction would leave it.
 */
export function planViewWrite(input: PlanInput): PlanOutcome {
  const { snapshot } = input;
  const pending = input.applyBlocking ? snapshot.viewerContent?.pending : undefined;
  if (snapshot.viewRecordExists && !pending) return { kind: 'duplicate' };
  const stats = snapshot.contentStats;
  if (stats?.status === 'purged') return { kind: 'purged' };
  // The stored row is the authority on where the content lives: a view may arrive before or after its move event.
  if (stats && stats.spaceKey !== input.view.spaceKey) return { kind: 'reread', spaceKey: stats.spaceKey };
  const status = stats?.status ?? 'current';
  const settled = [...snapshot.contentDays.values(), ...[...snapshot.contentMonths.values()].flatMap((row) => (row ? [row] : []))]
    .every((row) => row.spaceKey === input.view.spaceKey && row.status === status);
  if (!settled && stats) return { kind: 'busy', content: stats };
  const view = { ...input.view, spaceKey: stats?.spaceKey ?? input.view.spaceKey };
  const previous = snapshot.viewerContent;

  if (pending && previous) {
    // An earlier view's corrections come first; this view is planned again once they are done.
    const step = splitCorrections(pending.added, pending.removed, input.take);
    return correctionsPlan(input, { ...view, source: pending.source }, status, {
      history: previous.recent, lastAt: previous.lastAt, ...step, source: pending.source, counted: 0, resumed: true,
    });
  }
  if (!input.applyBlocking) {
    return correctionsPlan(input, view, status, { history: null, lastAt: view.at, added: [view.at], removed: [], rest: null, source: view.source, counted: 1, resumed: false });
  }
  const outcome = applyBlockingTime(previous?.recent ?? EMPTY_HISTORY, view.at, input.policy, view.observedBy === 'beacon' ? 'beacon' : 'event');
  if (outcome.kind === 'duplicate') return { kind: 'duplicate' };
  const { added, removed } = outcome;
  const lastAt = lastCounted(outcome.history, input.policy.blockingTimeMs) ?? previous?.lastAt ?? view.at;
  // A blocked view still updates the history (a late, earlier event may promote it later).
  if (added.length === 0 && removed.length === 0) {
    const viewerContent = { expectedVersion: previous?.version ?? null, row: viewerRow(input, view, previous, outcome.history, lastAt, [], [], null) };
    return { kind: 'write', counted: 0, pending: 0, resumed: false, plan: { viewerContent, contentStats: null, contentDays: [], spaceDays: [], viewerDays: [], addViews: [], removeViews: [], registerAccount: registration(input), contentMonths: [] } };
  }
  return correctionsPlan(input, view, status, {
    history: outcome.history, lastAt, ...splitCorrections(added, removed, input.take), source: view.source, counted: added.length - removed.length, resumed: false,
  });
}

/** The corrections a step realizes now, and those it leaves pending (null: none). */
interface CorrectionStep {
  added: number[];
  removed: number[];
  rest: { added: number[]; removed: number[] } | null;
}

/** The first `take` corrections in time order (all without `take`); a step realizes at least one. */
export function splitCorrections(added: readonly number[], removed: readonly number[], take?: number): CorrectionStep {
  const all = [...added.map((at) => ({ at, add: true })), ...removed.map((at) => ({ at, add: false }))].sort((a, b) => a.at - b.at);
  const count = take === undefined ? all.length : Math.max(1, Math.min(take, all.length));
  const now = all.slice(0, count);
  const later = all.slice(count);
  const pick = (list: typeof all, add: boolean) => list.filter((entry) => entry.add === add).map((entry) => entry.at);
  return { added: pick(now, true), removed: pick(now, false), rest: later.length > 0 ? { added: pick(later, true), removed: pick(later, false) } : null };
}

interface Corrections extends CorrectionStep {
  /** The viewer's history after the view (null: no blocking time, no viewer row). */
  history: ViewerHistory | null;
  /** The viewer's latest counted view once every correction is done. */
  lastAt: number;
  source: Source;
  /** The view's net change of the content's views, over all its corrections (pending ones too). */
  counted: number;
  resumed: boolean;
}

function viewerRow(input: PlanInput, view: View, previous: ViewerContentRow | undefined, history: ViewerHistory, lastAt: number,
  added: number[], removed: number[], rest: Corrections['rest'], source: Source = view.source): ViewerContentRow {
  return {
    contentId: view.contentId, spaceKey: view.spaceKey, viewer: input.storedViewer,
    firstAt: Math.min(previous?.firstAt ?? Infinity, ...added, ...(added.length === 0 && !previous ? [view.at] : [])),
    lastAt,
    views: (previous?.views ?? 0) + added.length - removed.length,
    recent: history, version: (previous?.version ?? 0) + 1,
    days: countedDays(previous?.days, added, removed),
    ...(rest ? { pending: { ...rest, source } } : {}),
  };
}

function correctionsPlan(input: PlanInput, view: View, status: ContentDayRow['status'], c: Corrections): PlanOutcome {
  const { snapshot } = input;
  const stats = snapshot.contentStats;
  const { added, removed } = c;
  const unreadDays = [...new Set([...added, ...removed].map(utcDay))].filter((day) => snapshot.daysRead && !snapshot.daysRead.includes(day));
  if (unreadDays.length > 0) return { kind: 'needs-days', days: unreadDays };
  const previous = snapshot.viewerContent;
  const viewerContent: WritePlan['viewerContent'] = c.history === null ? null
    : { expectedVersion: previous?.version ?? null, row: viewerRow(input, view, previous, c.history, c.lastAt, added, removed, c.rest, c.source) };
  const delta = added.length - removed.length;
  const signedIn = input.storedViewer !== 'anonymous' && viewerContent !== null;
  const changes = monthChanges({
    added, removed, source: view.source, anonymous: view.viewer.kind === 'anonymous',
    before: signedIn ? previous : undefined, after: signedIn ? viewerContent?.row ?? null : null,
    blockingTimeMs: input.policy.blockingTimeMs,
  });
  const unread = monthsOf(changes).filter((month) => !snapshot.contentMonths.has(month));
  if (unread.length > 0) return { kind: 'needs-months', months: unread };
  const stored = new Map([...snapshot.contentMonths].flatMap(([month, row]) => (row ? [[month, row] as const] : [])));
  const isNewViewer = input.applyBlocking && input.storedViewer !== 'anonymous' && !previous;
  const contentStats = {
    expectedVersion: stats?.version ?? null,
    row: {
      contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType,
      title: view.title ?? stats?.title ?? '',
      views: (stats?.views ?? 0) + delta,
      viewers: (stats?.viewers ?? 0) + (isNewViewer ? 1 : 0),
      anonymousViews: (stats?.anonymousViews ?? 0) + (view.viewer.kind === 'anonymous' ? delta : 0),
      lastViewedAt: Math.max(stats?.lastViewedAt ?? 0, ...added),
      status, spaceId: stats?.spaceId ?? view.spaceId ?? null, lifecycleAt: stats?.lifecycleAt ?? 0,
      createdAt: stats?.createdAt ?? null, lastModifiedAt: stats?.lastModifiedAt ?? null,
      containerId: stats?.containerId ?? view.containerId ?? null,
      ...(view.viewer.kind === 'anonymous' || stats?.anonymousLastAt ? { anonymousLastAt: Math.max(stats?.anonymousLastAt ?? 0, ...(view.viewer.kind === 'anonymous' ? added : [])) } : {}),
      // The byline property is behind from the first unwritten view on (no extra row, no extra write).
      // Attachments carry no byline: nothing to mark.
      // Its order key weighs the views the property does not show (src/core/model/byline-due.ts);
      // content that never had a property comes first.
      ...(delta !== 0 && view.contentType !== 'attachment'
        ? dueMark(stats, input.now, unshownViews({ views: (stats?.views ?? 0) + delta, ...(stats?.byline ? { byline: stats.byline } : {}) }), !stats?.byline)
        : stats?.bylineDue !== undefined ? { bylineDue: stats.bylineDue, ...(stats.bylineSince !== undefined ? { bylineSince: stats.bylineSince } : {}) } : {}),
      ...(stats?.byline ? { byline: stats.byline } : {}),
      version: (stats?.version ?? 0) + 1,
    },
  };
  const record = (at: number): ViewRecord => ({
    contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType,
    viewer: input.storedViewer, at, source: view.source, recordedAt: input.now,
  });
  return {
    kind: 'write',
    counted: c.counted,
    pending: c.rest ? c.rest.added.length + c.rest.removed.length : 0,
    resumed: c.resumed,
    plan: {
      viewerContent, contentStats,
      ...dayChanges(snapshot, view, input.storedViewer, added, removed, status),
      addViews: added.map(record), removeViews: removed.map(record),
      // Only the view's own first step registers the account; a resumed step belongs to an earlier view.
      registerAccount: c.resumed ? null : registration(input),
      contentMonths: applyMonthChanges(changes, stored, view.contentId, view.spaceKey, view.contentType, status),
    },
  };
}

type DayChanges = Pick<WritePlan, 'contentDays' | 'spaceDays' | 'viewerDays'>;

/** Per-day counter changes; a late view's swap on the same day nets out and writes nothing. */
function dayChanges(snapshot: WriteSnapshot, view: View, storedViewer: string, added: number[], removed: number[], status: ContentDayRow['status']): DayChanges {
  const deltas = new Map<string, number>();
  for (const at of added) deltas.set(utcDay(at), (deltas.get(utcDay(at)) ?? 0) + 1);
  for (const at of removed) deltas.set(utcDay(at), (deltas.get(utcDay(at)) ?? 0) - 1);
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  const next = <R extends { version: number }>(existing: R | undefined, fresh: R, apply: (row: R) => R) => ({
    expectedVersion: existing?.version ?? null,
    row: { ...apply(existing ?? fresh), version: (existing?.version ?? 0) + 1 },
  });
  const anonymous = view.viewer.kind === 'anonymous';
  // A swapped-out view of the same viewer and page is assumed to share this view's source.
  const cell = cellKey(view.contentType, view.source, anonymous ? 'a' : 's');
  const share = (delta: number): DayShare => ({ contentType: view.contentType, views: delta, anonymousViews: anonymous ? delta : 0, bySource: { [view.source]: delta }, cells: { [cell]: delta } });
  return {
    contentDays: changed.map(([day, delta]) => next(snapshot.contentDays.get(day),
      { contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType, day, views: 0, anonymousViews: 0, bySource: {}, cells: {}, status, version: 0 },
      (row) => ({
        ...row, views: row.views + delta, anonymousViews: row.anonymousViews + (anonymous ? delta : 0),
        bySource: addSources(row.bySource, { [view.source]: delta }), cells: addCells(row.cells, { [cell]: delta }),
      }))),
    // Hidden (trashed, archived) content keeps its own daily rows but is not counted in the space's.
    spaceDays: !isListedStatus(status) ? [] : changed.map(([day, delta]) => next(snapshot.spaceDays.get(day),
      emptySpaceDay(view.spaceKey, day, spaceShardOf(view.contentId)), (row) => addToSpaceDay(row, share(delta)))),
    // Anonymous visitors share one identity: a site-wide daily row for them would be a hot spot,
    // and "most active readers" is about people. Their views are in the space rows.
    viewerDays: anonymous ? [] : changed.map(([day, delta]) => next(snapshot.viewerDays.get(day),
      { viewer: storedViewer, day, views: 0, version: 0 },
      (row) => ({ ...row, views: row.views + delta }))),
  };
}

function registration(input: PlanInput): WritePlan['registerAccount'] {
  return input.snapshot.accountKnown === false ? { accountId: input.storedViewer, firstSeen: input.now } : null;
}

function lastCounted(history: ViewerHistory, blockingTimeMs: number): number | undefined {
  const counted = countedTimes(history, blockingTimeMs);
  return counted[counted.length - 1] ?? history.anchor ?? undefined;
}
