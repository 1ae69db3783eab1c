import type { Settings } from '@contracts/settings';
import { affectedDays, planViewWrite } from '../domain/view-write-plan';
import { decideTracking, needsGroupLookup, type SkipReason } from '../domain/decide-tracking';
import type { BlockingPolicy } from '../domain/blocking-time';
import { ANONYMOUS_VIEWER, utcDay, type View, type Viewer } from '../domain/view';
import { commitPlan, readSnapshot } from '../storage/view-store';
import { isTransientStorageError } from '../storage/kvs-errors';
import { currentSettings } from './settings-source';
import { groupsInMemory, resolveViewerGroups } from './viewer-groups';
import { pseudonymFor } from './pseudonyms';
import { planRollups } from '../domain/rollup-plan';
import { countedChangeOf, fitRollups } from '../domain/rollup-fit';

export type TrackOutcome =
  | { tracked: true; counted: number }
  | { tracked: false; reason: SkipReason | 'blocking-time' | 'duplicate' };

/** Several writers raced us for the same counters too often: Forge should retry the event later. */
export class ContentionError extends Error {
  constructor(contentId: string) {
    super(`Gave up after repeated write conflicts on content ${contentId}`);
    this.name = 'ContentionError';
  }
}

/** Late events may still reorder a viewer's chain for 30 minutes: Forge's 3-minute lag plus retries. */
export const HORIZON_MS = 30 * 60 * 1000;
const MAX_HISTORY = 100;
/** Keeps the view's transaction within Forge's 25 operations (see BlockingPolicy.maxCorrections). */
const MAX_CORRECTIONS = 8;
const MAX_ATTEMPTS = 12;

export interface TrackRequest {
  view: View;
  via: 'auto' | 'macro';
  /**
   * Confluence's view event does not say which client produced it: its channel is taken from the
   * browser's hint (written by the background script for mobile web), else Desktop.
   */
  channelFromHint?: boolean;
  now?: number;
}

/**
 * The write path of one view: rules → one batch read → pure plan → one conditional transaction.
 * On a conflict (someone else counted a view of the same content meanwhile) it re-reads and plans
 * again, so concurrent views are all counted exactly once.
 */
export async function trackView(request: TrackRequest): Promise<TrackOutcome> {
  const settings = await currentSettings();
  let { view } = request;
  const groupLookup = needsGroupLookup(settings, view);
  const knownGroups = view.viewer.kind === 'user' && groupLookup ? groupsInMemory(view.viewer.accountId) : [];
  const channelPending = request.channelFromHint === true;
  const early = decideTracking({ settings, view, via: request.via, viewerGroupIds: knownGroups ?? [], channelPending });
  if (!early.track) return { tracked: false, reason: early.reason };

  const storedViewer = await storedViewerOf(view.viewer, view.at, settings);
  // Anonymous visitors share one identity, so Confluence's own anonymous views skip the blocking
  // time; anonymous views reported by browsers (the macro) are throttled per content instead.
  const applyBlocking = view.viewer.kind === 'user' || request.via === 'macro';
  const policy: BlockingPolicy = { blockingTimeMs: settings.blockingTimeMs, horizonMs: HORIZON_MS, maxTimes: MAX_HISTORY, maxCorrections: MAX_CORRECTIONS };
  const days = applyBlocking ? affectedDays(view.at, HORIZON_MS) : [utcDay(view.at)];
  const fetchGroups = view.viewer.kind === 'user' && groupLookup && knownGroups === undefined;

  // Undefined until known: then fetched in the first batch read (KVS cache) or from Confluence.
  let viewerGroupIds: readonly string[] | undefined = fetchGroups ? undefined : knownGroups ?? [];
  // The months of the view's days; a viewer whose previous latest view is older adds its month.
  let months = [...new Set(days.map((day) => day.slice(0, 7)))];
  let lastTransient: unknown;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      const now = request.now ?? Date.now();
      const { snapshot, groups, channelHint, rollups } = await readSnapshot({
        contentId: view.contentId, spaceKey: view.spaceKey, storedViewer, at: view.at, withViewerHistory: applyBlocking, days,
        withChannelHint: channelPending, months,
        storesAccountId: view.viewer.kind === 'user' && settings.privacy.mode !== 'extended',
        ...(viewerGroupIds === undefined && view.viewer.kind === 'user' ? { groupsOf: storedViewer } : {}),
      });
      if (channelPending && channelHint) view = { ...view, source: channelHint };
      if (viewerGroupIds === undefined && view.viewer.kind === 'user') {
        viewerGroupIds = await resolveViewerGroups(view.viewer.accountId, storedViewer, groups, now);
      }
      // Pure and cheap: re-applied now that the channel and the groups are known.
      const decision = decideTracking({ settings, view, via: request.via, viewerGroupIds: viewerGroupIds ?? [] });
      if (!decision.track) return { tracked: false, reason: decision.reason };
      const outcome = planViewWrite({ view, storedViewer, applyBlocking, policy, snapshot, now });
      if (outcome.kind === 'duplicate') return { tracked: false, reason: 'duplicate' };
      if (outcome.kind === 'needs-months') {
        months = [...new Set([...months, ...outcome.months])];
        continue;
      }
      // Report rollups: a separate pure plan over the view's own, in the same transaction.
      const rollupWrites = fitRollups(outcome.plan, planRollups(countedChangeOf(outcome.plan, view, storedViewer), rollups));
      if ((await commitPlan(outcome.plan, rollupWrites)) === 'committed') {
        const changedCounts = outcome.plan.contentStats !== null;
        return changedCounts ? { tracked: true, counted: outcome.counted } : { tracked: false, reason: 'blocking-time' };
      }
    } catch (error) {
      // Throttling or a lost response: try again shortly. A write that was applied after all is
      // found on the next read (its record or history entry exists) and ends as a duplicate.
      if (!isTransientStorageError(error)) throw error;
      lastTransient = error;
    }
    await pause(attempt);
  }
  if (lastTransient) throw lastTransient;
  throw new ContentionError(view.contentId);
}

/** The viewer as stored: an account id, `anonymous`, or an unlinkable pseudonym in extended privacy mode. */
export async function storedViewerFor(viewer: Viewer, at: number): Promise<string> {
  return storedViewerOf(viewer, at, await currentSettings());
}

async function storedViewerOf(viewer: Viewer, at: number, settings: Settings): Promise<string> {
  if (viewer.kind === 'anonymous') return ANONYMOUS_VIEWER;
  return settings.privacy.mode === 'extended' ? pseudonymFor(viewer.accountId, at) : viewer.accountId;
}

/** Jittered backoff: writers that collided must not collide again in lockstep. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
