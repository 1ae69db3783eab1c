import type { Settings } from '@contracts/settings';
import type { View } from '../../core/model/view';

/** Why a view is not tracked: named values, shown in logs, tests and the macro's answer. */
export type SkipReason =
  | 'channel-not-auto-tracked'
  | 'anonymous-excluded'
  | 'space-excluded'
  | 'group-excluded';

export type TrackingDecision = { track: true } | { track: false; reason: SkipReason };

export interface TrackingFacts {
  settings: Settings;
  view: View;
  /**
   * How the view reached us. `auto` (the product event, the reporting API) obeys Auto Tracking for its
   * channel; `macro` is the explicit opt-in of a page carrying the macro, which is exactly what tracks
   * a channel whose Auto Tracking is off.
   */
  via: 'auto' | 'macro';
  /** Group ids of a signed-in viewer; only consulted when groups are excluded. */
  viewerGroupIds: readonly string[];
  /**
   * The channel of a Confluence view event is only known once the browser's channel hint is read
   * (in the same batch as the counters); until then the channel rule is deferred.
   */
  channelPending?: boolean;
}

/**
 * Should this view be tracked at all? Cheap checks first: they need no group lookup.
 * Blocking time is applied afterwards (see blocking-time.ts), because it needs the viewer's history.
 */
export function decideTracking(facts: TrackingFacts): TrackingDecision {
  const { settings, view } = facts;
  if (!facts.channelPending && facts.via === 'auto' && view.source !== 'other' && !settings.autoTracking[view.source]) {
    return skip('channel-not-auto-tracked');
  }
  if (view.viewer.kind === 'anonymous' && settings.excludeAnonymous) return skip('anonymous-excluded');
  if (settings.excludedSpaces.includes(view.spaceKey)) return skip('space-excluded');
  if (view.viewer.kind === 'user' && isInExcludedGroup(settings, facts.viewerGroupIds)) return skip('group-excluded');
  return { track: true };
}

/** Group membership is a REST call (cached): callers skip it when no group is excluded. */
export function needsGroupLookup(settings: Settings, view: View): boolean {
  return view.viewer.kind === 'user' && settings.excludedGroups.length > 0;
}

function isInExcludedGroup(settings: Settings, groupIds: readonly string[]): boolean {
  const member = new Set(groupIds);
  return settings.excludedGroups.some((group) => member.has(group.id));
}

function skip(reason: SkipReason): TrackingDecision {
  return { track: false, reason };
}
