import { kvs } from '@forge/kvs';
import type { RowOp } from '../../core/model/row-ops';
import type { ViewerContentRow, ViewRecord } from '../../core/model/rows';
import { CHANNELS, type Channel } from '@contracts/settings';
import type { WritePlan, WriteSnapshot } from '../rules/view-write-plan';
import { spaceShardOf } from '../../core/model/space-shards';
import { ANONYMOUS_VIEWER } from '../../core/model/view';
import { viewPlanOps } from '../rules/view-plan-ops';
import { commitOps } from '../../core/storage/commit-ops';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { parseCachedGroups, type CachedGroups } from '../../core/storage/user-groups-cache';
import { rollupSnapshotFrom, rollupSnapshotItems } from './rollup-store';
// A view near midnight at a month's end may need two batch reads, finishing an earlier view's
// corrections on other days (rare) a third.
import { batchGetAll } from '../../core/storage/batch-read';
import { NO_ROLLUPS, type RollupSnapshot, type RollupWrites } from '../../core/model/rollup-plan';

export interface SnapshotRequest {
  contentId: string;
  spaceKey: string;
  storedViewer: string;
  at: number;
  withViewerHistory: boolean;
  days: string[];
  /** Also fetch this viewer's cached groups (by stored viewer: account id or pseudonym) in the same round trip. */
  groupsOf?: string;
  /** Also fetch the excluded groups' stored member listing (src/access/excluded-members.ts). */
  withExcludedMembers?: boolean;
  /** Also fetch the browser's channel hint for this viewer and content. */
  withChannelHint?: boolean;
  /** Whom the hint is keyed by: the viewer's daily pseudonym in every privacy mode (no account id in a key). */
  hintViewer?: string;
  /** The function's clock, to tell a hint still standing from one past its time (default Date.now()). */
  now?: number;
  /** The stored viewer is an account id (not anonymous, not a pseudonym): check its registration. */
  storesAccountId: boolean;
  /** Content-month rows to read: the months of `days`, and more when the plan asks for them. */
  months: string[];
  /** Other capabilities' rows read in the same round trip (search analytics: the viewer's last search). */
  peek?: ReadonlyArray<{ key: string; entityName: string }>;
}


/**
 * One batch read gives everything a view's decision needs (history, counters, the idempotency
 * record, the viewer's cached groups): a single read unit for a typical view.
 */
function spaceDayKey(request: SnapshotRequest, day: string): string {
  return KEYS.spaceDay(request.spaceKey, day, spaceShardOf(request.contentId));
}

export async function readSnapshot(request: SnapshotRequest): Promise<{ snapshot: WriteSnapshot; groups: CachedGroups | undefined; excludedMembers: unknown; channelHint: Channel | undefined; rollups: RollupSnapshot; peeked: Map<string, unknown> }> {
  const anonymous = request.storedViewer === ANONYMOUS_VIEWER;
  const items = [
    { key: KEYS.view(request.contentId, request.storedViewer, request.at), entityName: ENTITY.view },
    { key: KEYS.contentStats(request.contentId), entityName: ENTITY.contentStats },
    ...request.days.map((day) => ({ key: KEYS.contentDay(request.contentId, day), entityName: ENTITY.contentDay })),
    ...request.days.map((day) => ({ key: spaceDayKey(request, day), entityName: ENTITY.spaceDay })),
    ...(anonymous ? [] : request.days.map((day) => ({ key: KEYS.viewerDay(request.storedViewer, day), entityName: ENTITY.viewerDay }))),
    ...(request.withViewerHistory ? [{ key: KEYS.viewerContent(request.contentId, request.storedViewer), entityName: ENTITY.viewerContent }] : []),
    ...(request.groupsOf ? [{ key: KEYS.userGroups(request.groupsOf) }] : []),
    ...(request.withExcludedMembers ? [{ key: KEYS.excludedMembers }] : []),
    ...(request.withChannelHint ? [{ key: KEYS.channelHint(request.contentId, request.hintViewer ?? request.storedViewer) }] : []),
    ...(request.storesAccountId ? [{ key: KEYS.account(request.storedViewer), entityName: ENTITY.account }] : []),
    ...request.months.map((month) => ({ key: KEYS.contentMonth(request.contentId, month), entityName: ENTITY.contentMonth })),
    ...rollupSnapshotItems(request),
    ...(request.peek ?? []),
  ];
  const result = await batchGetAll<unknown>(items);
  // A missing key may come back as a failed item (KEY_NOT_FOUND): that is an answer, not a failure.
  const failure = result.failedKeys.find((item) => !/NOT_FOUND/.test(item.error.code));
  if (failure) throw new Error(`Storage read failed for ${failure.key}: ${failure.error.code} ${failure.error.message}`);
  const found = new Map(result.successfulKeys.map((item) => [`${item.entityName ?? ''}|${item.key}`, item.value]));
  const get = (entityName: string, key: string) => found.get(`${entityName}|${key}`);

  const byDay = <R>(entityName: string, keyOf: (day: string) => string, parse: (value: unknown) => R) =>
    new Map(request.days.flatMap((day) => {
      const value = get(entityName, keyOf(day));
      return value === undefined ? [] : [[day, parse(value)] as const];
    }));
  const stats = get(ENTITY.contentStats, KEYS.contentStats(request.contentId));
  const history = get(ENTITY.viewerContent, KEYS.viewerContent(request.contentId, request.storedViewer));
  const groups = request.groupsOf ? parseCachedGroups(get('', KEYS.userGroups(request.groupsOf))) : undefined;
  const hint = request.withChannelHint ? get('', KEYS.channelHint(request.contentId, request.hintViewer ?? request.storedViewer)) : undefined;
  const peeked = new Map((request.peek ?? []).flatMap(({ key, entityName }) => {
    const value = get(entityName, key);
    return value === undefined ? [] : [[`${entityName}|${key}`, value] as const];
  }));
  return {
    groups,
    excludedMembers: request.withExcludedMembers ? get('', KEYS.excludedMembers) : undefined,
    peeked,
    rollups: rollupSnapshotFrom(request, get),
    channelHint: request.withChannelHint ? standingChannelHint(hint, request.now ?? Date.now()) : undefined,
    snapshot: {
      daysRead: request.days,
      accountKnown: request.storesAccountId ? get(ENTITY.account, KEYS.account(request.storedViewer)) !== undefined : null,
      viewRecordExists: get(ENTITY.view, KEYS.view(request.contentId, request.storedViewer, request.at)) !== undefined,
      contentStats: stats === undefined ? undefined : decode.contentStats(stats),
      contentDays: byDay(ENTITY.contentDay, (day) => KEYS.contentDay(request.contentId, day), decode.contentDay),
      spaceDays: byDay(ENTITY.spaceDay, (day) => spaceDayKey(request, day), decode.spaceDay),
      viewerDays: anonymous ? new Map() : byDay(ENTITY.viewerDay, (day) => KEYS.viewerDay(request.storedViewer, day), decode.viewerDay),
      viewerContent: history === undefined ? undefined : decode.viewerContent(history),
      contentMonths: new Map(request.months.map((month) => {
        const value = get(ENTITY.contentMonth, KEYS.contentMonth(request.contentId, month));
        return [month, value === undefined ? null : decode.contentMonth(value)] as const;
      })),
    },
  };
}

/**
 * A view's plan and its report rollups go through the app's one write function (see commit-ops.ts):
 * one conditional transaction of at most 25 operations, one write unit while small.
 */
export function commitPlan(plan: WritePlan, rollups: RollupWrites = NO_ROLLUPS): Promise<'committed' | 'conflict'> {
  return commitOps(viewPlanOps(plan, rollups));
}

/** The viewer's row for one content (read before anything it guards; see refine-channel.ts). */
export async function readViewerContent(contentId: string, storedViewer: string): Promise<ViewerContentRow | undefined> {
  const value = await kvs.entity<unknown>(ENTITY.viewerContent).get(KEYS.viewerContent(contentId, storedViewer));
  return value === undefined ? undefined : decode.viewerContent(value);
}

export async function readViewRecord(contentId: string, storedViewer: string, at: number): Promise<ViewRecord | undefined> {
  const value = await kvs.entity<unknown>(ENTITY.view).get(KEYS.view(contentId, storedViewer, at));
  return value === undefined ? undefined : decode.viewRecord(value);
}

/** A refinement's row operations (rules/relabel-plan.ts), through the one commit function. */
export function commitRelabel(ops: readonly RowOp[]): Promise<'committed' | 'conflict'> {
  return commitOps(ops);
}

/** The channel hint standing for this viewer and content, if any (the view event's re-check). */
export async function readChannelHint(contentId: string, hintViewer: string, now = Date.now()): Promise<Channel | undefined> {
  return standingChannelHint(await kvs.get<unknown>(KEYS.channelHint(contentId, hintViewer)), now);
}

/**
 * Written by the browser-side beacon only when it sees a non-desktop channel: desktop is the default.
 * The hint carries its own time: its TTL lets KVS delete it, but "deletion may take up to 48 hours.
 * During this window, read operations may still return expired results" (forge-docs-snapshot
 * mirror/runtime-reference/storage-api-basic-api/index.md, "Time-to-live (TTL)"), and a hint that
 * old would relabel a later desktop view.
 */
export async function writeChannelHint(contentId: string, hintViewer: string, channel: Channel, now = Date.now()): Promise<void> {
  const hint: StoredChannelHint = { channel, at: now };
  await kvs.set(KEYS.channelHint(contentId, hintViewer), hint, { ttl: { value: CHANNEL_HINT_MINUTES, unit: 'MINUTES' } });
}

interface StoredChannelHint { channel: Channel; at: number }

/** The hint's channel while it stands (written less than CHANNEL_HINT_MINUTES ago by `now`); a bare channel (no time) does not. */
export function standingChannelHint(value: unknown, now: number): Channel | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { channel, at } = value as { channel?: unknown; at?: unknown };
  // A minute of skew between function instances is allowed; a hint from further ahead is not trusted.
  if (typeof at !== 'number' || at > now + 60_000 || now - at >= CHANNEL_HINT_MINUTES * 60_000) return undefined;
  return CHANNELS.find((known) => known === channel);
}

/** Long enough for Forge's delivery lag (up to 3 min) with room for retries. */
export const CHANNEL_HINT_MINUTES = 10;



