import { applyBlockingTime, countedTimes, EMPTY_HISTORY, type BlockingPolicy, type ViewerHistory } from './blocking-time';
import type { ContentDayRow, ContentStatsRow, SpaceDayRow, ViewerContentRow, ViewerDayRow, ViewRecord } from './rows';
import { utcDay, type View } from './view';
import { applyMonthChanges, countedDays, monthChanges, monthsOf, type ContentMonthRow } from './content-month';

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
  | { kind: 'write'; plan: WritePlan; counted: number }
  | { kind: 'duplicate' }
  /** The viewer's previous latest view lies in a month not read: read these months too and plan again. */
  | { kind: 'needs-months'; months: string[] };

export interface PlanInput {
  view: View;
  /** The viewer as stored; `anonymous` views skip the blocking time, as Viewtracker does. */
  storedViewer: string;
  /** Anonymous views from browsers are throttled per content (see README: abuse). */
  applyBlocking: boolean;
  policy: BlockingPolicy;
  snapshot: WriteSnapshot;
  now: number;
}

/** Days whose counters a view at `at` can change: corrections stay within the blocking horizon. */
export function affectedDays(at: number, horizonMs: number): string[] {
  return [...new Set([utcDay(at - horizonMs), utcDay(at), utcDay(at + horizonMs)])];
}

/**
 * Turns one view into exact counter changes. Pure: given the same snapshot it plans the same writes,
 * and the storage layer commits them only if no row changed meanwhile (optimistic concurrency).
 */
export function planViewWrite(input: PlanInput): PlanOutcome {
  const { view, snapshot } = input;
  if (snapshot.viewRecordExists) return { kind: 'duplicate' };
  const record = (at: number): ViewRecord => ({
    contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType,
    viewer: input.storedViewer, at, source: view.source, recordedAt: input.now,
  });

  let added: number[] = [view.at];
  let removed: number[] = [];
  let viewerContent: WritePlan['viewerContent'] = null;
  if (input.applyBlocking) {
    const previous = snapshot.viewerContent;
    const outcome = applyBlockingTime(previous?.recent ?? EMPTY_HISTORY, view.at, input.policy);
    if (outcome.kind === 'duplicate') return { kind: 'duplicate' };
    ({ added, removed } = outcome);
    viewerContent = {
      expectedVersion: previous?.version ?? null,
      row: {
        contentId: view.contentId, spaceKey: view.spaceKey, viewer: input.storedViewer,
        firstAt: Math.min(previous?.firstAt ?? Infinity, ...added),
        lastAt: lastCounted(outcome.history, input.policy.blockingTimeMs) ?? previous?.lastAt ?? view.at,
        views: (previous?.views ?? 0) + added.length - removed.length,
        recent: outcome.history, version: (previous?.version ?? 0) + 1,
        days: countedDays(previous?.days, added, removed),
      },
    };
    // A blocked view still updates the history (a late, earlier event may promote it later).
    if (added.length === 0 && removed.length === 0) {
      return { kind: 'write', counted: 0, plan: { viewerContent, contentStats: null, contentDays: [], spaceDays: [], viewerDays: [], addViews: [], removeViews: [], registerAccount: registration(input), contentMonths: [] } };
    }
  }

  const delta = added.length - removed.length;
  const signedIn = input.storedViewer !== 'anonymous' && viewerContent !== null;
  const changes = monthChanges({
    added, removed, source: view.source, anonymous: view.viewer.kind === 'anonymous',
    before: signedIn ? snapshot.viewerContent : undefined, after: signedIn ? viewerContent?.row ?? null : null,
    blockingTimeMs: input.policy.blockingTimeMs,
  });
  const unread = monthsOf(changes).filter((month) => !snapshot.contentMonths.has(month));
  if (unread.length > 0) return { kind: 'needs-months', months: unread };
  const stored = new Map([...snapshot.contentMonths].flatMap(([month, row]) => (row ? [[month, row] as const] : [])));
  const stats = snapshot.contentStats;
  const isNewViewer = input.applyBlocking && input.storedViewer !== 'anonymous' && !snapshot.viewerContent;
  const contentStats = {
    expectedVersion: stats?.version ?? null,
    row: {
      contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType,
      title: view.title ?? stats?.title ?? '',
      views: (stats?.views ?? 0) + delta,
      viewers: (stats?.viewers ?? 0) + (isNewViewer ? 1 : 0),
      anonymousViews: (stats?.anonymousViews ?? 0) + (view.viewer.kind === 'anonymous' ? delta : 0),
      lastViewedAt: Math.max(stats?.lastViewedAt ?? 0, ...added),
      ...(view.viewer.kind === 'anonymous' || stats?.anonymousLastAt ? { anonymousLastAt: Math.max(stats?.anonymousLastAt ?? 0, ...(view.viewer.kind === 'anonymous' ? added : [])) } : {}),
      version: (stats?.version ?? 0) + 1,
    },
  };
  return {
    kind: 'write',
    counted: delta,
    plan: {
      viewerContent, contentStats,
      ...dayChanges(snapshot, view, input.storedViewer, added, removed),
      addViews: added.map(record), removeViews: removed.map(record),
      registerAccount: registration(input),
      contentMonths: applyMonthChanges(changes, stored, view.contentId, view.spaceKey, view.contentType),
    },
  };
}

/** Shards of a space's daily row: a hot space spreads its writes over this many rows. */
export const SPACE_DAY_SHARDS = 8;

/** Stable per content, so a content's corrections always land in the shard they were counted in. */
export function spaceShardOf(contentId: string): number {
  let hash = 0;
  for (const char of contentId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % SPACE_DAY_SHARDS;
}

type DayChanges = Pick<WritePlan, 'contentDays' | 'spaceDays' | 'viewerDays'>;

/** Per-day counter changes; a late view's swap on the same day nets out and writes nothing. */
function dayChanges(snapshot: WriteSnapshot, view: View, storedViewer: string, added: number[], removed: number[]): DayChanges {
  const deltas = new Map<string, number>();
  for (const at of added) deltas.set(utcDay(at), (deltas.get(utcDay(at)) ?? 0) + 1);
  for (const at of removed) deltas.set(utcDay(at), (deltas.get(utcDay(at)) ?? 0) - 1);
  const changed = [...deltas].filter(([, delta]) => delta !== 0);
  const next = <R extends { version: number }>(existing: R | undefined, fresh: R, apply: (row: R) => R) => ({
    expectedVersion: existing?.version ?? null,
    row: { ...apply(existing ?? fresh), version: (existing?.version ?? 0) + 1 },
  });
  const anonymous = view.viewer.kind === 'anonymous';
  return {
    contentDays: changed.map(([day, delta]) => next(snapshot.contentDays.get(day),
      { contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType, day, views: 0, version: 0 },
      (row) => ({ ...row, views: row.views + delta }))),
    spaceDays: changed.map(([day, delta]) => next(snapshot.spaceDays.get(day),
      { spaceKey: view.spaceKey, day, shard: spaceShardOf(view.contentId), views: 0, pageViews: 0, blogpostViews: 0, anonymousViews: 0, bySource: {}, version: 0 },
      (row) => ({
        ...row,
        views: row.views + delta,
        pageViews: row.pageViews + (view.contentType === 'page' ? delta : 0),
        blogpostViews: row.blogpostViews + (view.contentType === 'blogpost' ? delta : 0),
        anonymousViews: row.anonymousViews + (anonymous ? delta : 0),
        // A swapped-out view of the same viewer and page is assumed to share this view's source.
        bySource: { ...row.bySource, [view.source]: (row.bySource[view.source] ?? 0) + delta },
      }))),
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
