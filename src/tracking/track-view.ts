import { jitteredPause } from '../core/jittered-pause';
import { CHANNELS, type Settings } from '@contracts/settings';
import { affectedDays } from './rules/view-write-plan';
import { refineSource } from './rules/channel-hint';
import { decideTracking, needsGroupLookup, type SkipReason } from './rules/decide-tracking';
import type { BlockingPolicy } from '../core/model/blocking-time';
import { BLOCKING_HORIZON_MS, judgeEventTime, type EventTimeReason } from './rules/event-time';
import { ANONYMOUS_VIEWER, utcDay, type View, type Viewer } from '../core/model/view';
import { monthOf } from '../core/model/report-periods';
import { commitPlan, readChannelHint, readSnapshot } from './storage/view-store';
import { refineRecentView } from './refine-channel';
import { ContentionError, isTransientStorageError, UnclassifiedTransactionError } from '../core/storage/kvs-errors';
import { currentSettings, currentStoredSettings } from '../settings/index';
import { groupsInMemory } from '../access/viewer-groups';
import { excludedGroupsFromMemory, viewerExcludedGroups } from '../access/excluded-members';
import { pseudonymFor } from '../privacy/index';
import { settleContent } from '../lifecycle/index';
import { planWithinLimit } from './rules/rollup-fit';

export type TrackOutcome =
  | { tracked: true; counted: number }
  /** `swapped`: counted in place of a view it blocks (a late, earlier view): the counts did not change. */
  | { tracked: false; reason: SkipReason | EventTimeReason | 'blocking-time' | 'duplicate' | 'swapped' | 'settings-unreadable' | 'purged' };


/** Late events may still reorder a viewer's chain for as long as their time is accepted (event-time.ts). */
export const HORIZON_MS = BLOCKING_HORIZON_MS;
const MAX_HISTORY = 100;
/**
 * Never binds: a history of 100 times changes at most 201 counted views. A large swap is written in
 * steps within Forge's 25 operations (rollup-fit.ts), so no late view has to be left uncounted.
 */
const MAX_CORRECTIONS = 2 * MAX_HISTORY + 1;
const MAX_ATTEMPTS = 12;
/** A swap of 201 corrections at one a step, plus the view itself: far above any real chain. */
const MAX_STEPS = 2 * MAX_CORRECTIONS;

export interface TrackRequest {
  view: View;
  via: 'auto' | 'macro';
  /**
   * Confluence's view event does not say which client produced it: its channel is taken from the
   * browser's hint (written by the background script for mobile web), else Desktop.
   */
  channelFromHint?: boolean;
  /** Anonymous views reported by other tools cannot be told apart: throttled per content by the blocking time. */
  throttleAnonymous?: boolean;
  now?: number;
  /**
   * Rows of another capability to read in the view's own batch read (no extra request): `seen` gets
   * what was found (keyed `entityName|key`) after every read. Search analytics peeks at the
   * viewer's last search to count a click-through.
   */
  peek?: { items: ReadonlyArray<{ key: string; entityName: string }>; seen: (found: Map<string, unknown>) => void };
}

/**
 * The write path of one view: rules → one batch read → pure plan → one conditional transaction.
 * On a conflict (someone else counted a view of the same content meanwhile) it re-reads and plans
 * again, so concurrent views are all counted exactly once.
 */
export async function trackView(request: TrackRequest): Promise<TrackOutcome> {
  let { view } = request;
  // Outside the tolerance a view could not be placed among the viewer's others: refused, not clamped.
  const time = judgeEventTime(view.at, request.now ?? Date.now());
  if (!time.ok) return { tracked: false, reason: time.reason };
  const stored = await currentStoredSettings();
  // Fail closed: with neither the stored settings nor a last good copy readable, nothing is tracked.
  if (stored.problem?.applied === 'tracking-stopped') return { tracked: false, reason: 'settings-unreadable' };
  const { settings } = stored;
  const groupLookup = needsGroupLookup(settings, view);
  // The excluded groups' listing (no call per viewer), else the viewer's own groups if this instance knows them.
  const knownGroups = view.viewer.kind === 'user' && groupLookup
    ? await excludedGroupsFromMemory(view.viewer.accountId, settings.excludedGroups, request.now ?? Date.now(), pseudonymFor) ?? groupsInMemory(view.viewer.accountId)
    : [];
  const channelPending = request.channelFromHint === true;
  const early = decideTracking({ settings, view, via: request.via, viewerGroupIds: knownGroups ?? [], channelPending });
  if (!early.track) return { tracked: false, reason: early.reason };

  const storedViewer = await storedViewerOf(view.viewer, view.at, settings);
  // The beacon's hint is keyed by the viewer's daily pseudonym in every mode (tracking-resolvers.ts).
  const hintViewer = channelPending && view.viewer.kind === 'user' ? await pseudonymFor(view.viewer.accountId, view.at) : undefined;
  // Anonymous visitors share one identity, so Confluence's own anonymous views skip the blocking
  // time; anonymous views reported by other tools (the view API) are throttled per content instead.
  const applyBlocking = view.viewer.kind === 'user' || request.via === 'macro' || request.throttleAnonymous === true;
  const policy: BlockingPolicy = { blockingTimeMs: settings.blockingTimeMs, horizonMs: HORIZON_MS, maxTimes: MAX_HISTORY, maxCorrections: MAX_CORRECTIONS };
  let days = applyBlocking ? affectedDays(view.at, HORIZON_MS) : [utcDay(view.at)];
  const fetchGroups = view.viewer.kind === 'user' && groupLookup && knownGroups === undefined;

  // Undefined until known: then fetched in the first batch read (KVS cache) or from Confluence.
  let viewerGroupIds: readonly string[] | undefined = fetchGroups ? undefined : knownGroups ?? [];
  // The months of the view's days; a viewer whose previous latest view is older adds its month.
  let months = [...new Set(days.map(monthOf))];
  let lastTransient: unknown;
  // Set when the content is stored under another space than the event names (see planViewWrite).
  let storedSpace: string | undefined;
  // This view's answer once its first step is committed; later steps only finish its corrections.
  let own: TrackOutcome | undefined;
  let steps = 0;
  // Filed under the default source because no hint was there when the rows were read.
  let defaulted = false;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      const now = request.now ?? Date.now();
      const { snapshot, groups, excludedMembers, channelHint, rollups, peeked } = await readSnapshot({
        contentId: view.contentId, spaceKey: storedSpace ?? view.spaceKey, storedViewer, at: view.at, withViewerHistory: applyBlocking, days,
        withChannelHint: channelPending, ...(hintViewer ? { hintViewer } : {}), now, months,
        storesAccountId: view.viewer.kind === 'user' && settings.privacy.mode !== 'extended',
        ...(viewerGroupIds === undefined && view.viewer.kind === 'user' ? { groupsOf: storedViewer, withExcludedMembers: true } : {}),
        ...(request.peek ? { peek: request.peek.items } : {}),
      });
      request.peek?.seen(peeked);
      if (channelPending) {
        view = { ...view, source: refineSource(settings, request.view.source, channelHint) };
        defaulted = view.source === request.view.source && channelHint === undefined;
      }
      if (viewerGroupIds === undefined && view.viewer.kind === 'user') {
        viewerGroupIds = await viewerExcludedGroups({ accountId: view.viewer.accountId, storedViewer, excluded: settings.excludedGroups, storedGroups: groups, storedList: { value: excludedMembers }, now, pseudonymFor });
      }
      // Pure and cheap: re-applied now that the channel and the groups are known.
      const decision = decideTracking({ settings, view, via: request.via, viewerGroupIds: viewerGroupIds ?? [] });
      if (!decision.track) return { tracked: false, reason: decision.reason };
      const planned = storedSpace ? { ...view, spaceKey: storedSpace } : view;
      const { outcome, rollups: writes } = planWithinLimit({ view: planned, storedViewer, applyBlocking, policy, snapshot, now }, rollups);
      if (outcome.kind === 'duplicate') return own ?? { tracked: false, reason: 'duplicate' };
      if (outcome.kind === 'purged') return { tracked: false, reason: outcome.kind };
      if (outcome.kind === 'reread') {
        storedSpace = outcome.spaceKey;
        continue;
      }
      if (outcome.kind === 'needs-months') {
        months = [...new Set([...months, ...outcome.months])];
        continue;
      }
      if (outcome.kind === 'needs-days') {
        days = [...new Set([...days, ...outcome.days])].sort();
        months = [...new Set([...months, ...days.map(monthOf)])];
        continue;
      }
      // Idempotent and conditional: finishing a lifecycle pass alongside it (or after a crash) is safe.
      if (outcome.kind === 'busy') await settleContent(outcome.content);
      if (outcome.kind === 'write' && (await commitPlan(outcome.plan, writes)) === 'committed') {
        if (!outcome.resumed) {
          own = outcome.counted > 0 ? { tracked: true, counted: outcome.counted }
            : { tracked: false, reason: outcome.plan.contentStats !== null ? 'swapped' : 'blocking-time' };
        }
        if (outcome.pending === 0 && !outcome.resumed && own) {
          const recorded = defaulted && outcome.plan.addViews.some((record) => record.at === view.at);
          return await withLateHint(own, view, storedViewer, hintViewer, recorded && mayStillBeRefined(settings, view, now));
        }
        // Corrections remain (this view's, or an earlier one's it had to finish first): the next
        // step reads afresh and is not a conflict, so it starts with a full set of attempts.
        steps += 1;
        if (steps > MAX_STEPS) throw new ContentionError(view.contentId);
        attempt = 0;
        continue;
      }
    } catch (error) {
      // Throttling or a lost response: try again shortly. A write that was applied after all is
      // found on the next read (its record or history entry exists) and ends as a duplicate.
      // A refusal the app cannot classify may be a lost race answered in an unknown way: re-read
      // and plan again; if it persists it is thrown below, and the trigger asks Forge for a retry.
      if (!isTransientStorageError(error) && !(error instanceof UnclassifiedTransactionError)) throw error;
      lastTransient = error;
    }
    await jitteredPause(attempt);
  }
  if (lastTransient) throw lastTransient;
  throw new ContentionError(view.contentId);
}

/**
 * The browser's beacon reports its channel as the page loads (about 300 ms after it locally); by this
 * long after the view, a hint that will ever come has been stored. An event read later than that saw
 * the hint in its one batch read, so the re-read below is only for events handled while the page was
 * still loading (it costs one read unit: the write path's figure stays at its floor for later events).
 */
export const HINT_RACE_WINDOW_MS = 20_000;

/**
 * Whether a hint stored after this view's rows were read (at `readAt`) could still refine it: some
 * hinted channel is auto-tracked (else no hint is stored), and the rows were read while the page may
 * still have been loading (HINT_RACE_WINDOW_MS).
 */
function mayStillBeRefined(settings: Settings, view: View, readAt: number): boolean {
  const hinted = CHANNELS.some((channel) => channel !== 'desktop' && settings.autoTracking[channel]);
  return hinted && readAt - view.at <= HINT_RACE_WINDOW_MS;
}

/**
 * The hint may have been stored while this view was being written under the default source (the
 * beacon and the event race on every page load): read it once more now that the view's record exists,
 * so that whichever came first, the view ends under the hint's channel (refine-channel.ts).
 */
async function withLateHint(own: TrackOutcome, view: View, storedViewer: string, hintViewer: string | undefined, recorded: boolean): Promise<TrackOutcome> {
  // The hint's key holds the viewer's pseudonym, already worked out for the view's own read.
  if (!recorded || hintViewer === undefined) return own;
  const hint = await readChannelHint(view.contentId, hintViewer);
  if (hint !== undefined && hint !== view.source) await refineRecentView(view.contentId, storedViewer, hint, view.at);
  return own;
}

/** The viewer as stored: an account id, `anonymous`, or an unlinkable pseudonym in extended privacy mode. */
export async function storedViewerFor(viewer: Viewer, at: number): Promise<string> {
  return storedViewerOf(viewer, at, await currentSettings());
}

async function storedViewerOf(viewer: Viewer, at: number, settings: Settings): Promise<string> {
  if (viewer.kind === 'anonymous') return ANONYMOUS_VIEWER;
  return settings.privacy.mode === 'extended' ? pseudonymFor(viewer.accountId, at) : viewer.accountId;
}

