import type { Settings } from '@contracts/settings';
import { currentStoredSettings } from '../settings/index';
import { groupsInMemory } from '../access/viewer-groups';
import { excludedGroupsFromMemory, viewerExcludedGroups } from '../access/excluded-members';
import { pseudonymFor } from '../privacy/index';
import { judgeEventTime, BLOCKING_HORIZON_MS } from '../tracking/index';
import { commitOps } from '../core/storage/commit-ops';
import { isTransientStorageError, ContentionError } from '../core/storage/kvs-errors';
import type { BlockingPolicy } from '../core/model/blocking-time';
import { normaliseQuery } from './rules/normalise-query';
import { countsDistinctSearchers, decideSearch, needsSearcherGroups, type SearchSkipReason } from './rules/decide-search';
import type { SearchEvent } from './rules/search-event';
import { monthsOfSearch, planSearchWrite, type PlannedSearch } from './rules/search-write-plan';
import { readSearchSnapshot } from './storage/search-store';
import { markOf, queryIdOf, searcherOf } from './search-ids';
import { jitteredPause } from '../core/jittered-pause';

export type SearchOutcome =
  | { recorded: true; counted: boolean }
  | { recorded: false; reason: SearchSkipReason | 'duplicate' | 'settings-unreadable' | 'time-invalid' | 'time-in-future' | 'time-too-old' };

const MAX_ATTEMPTS = 12;
const MAX_HISTORY = 100;

/**
 * The write path of one search, as for a view: rules → one batch read → pure plan → one conditional
 * transaction (src/core/storage/commit-ops.ts). A conflict re-reads and plans again; a redelivered
 * event finds its own time in the mark and changes nothing.
 */
export async function trackSearch(event: SearchEvent, now = Date.now()): Promise<SearchOutcome> {
  const time = judgeEventTime(event.at, now);
  if (!time.ok) return { recorded: false, reason: time.reason };
  const stored = await currentStoredSettings();
  if (stored.problem?.applied === 'tracking-stopped') return { recorded: false, reason: 'settings-unreadable' };
  const { settings } = stored;
  const normalised = normaliseQuery(event.query);
  const groupLookup = needsSearcherGroups(settings, event);
  const knownGroups = event.searcher.kind === 'user' && groupLookup
    ? await excludedGroupsFromMemory(event.searcher.accountId, settings.excludedGroups, now, pseudonymFor) ?? groupsInMemory(event.searcher.accountId)
    : [];
  const early = decideSearch(settings, event, normalised, knownGroups ?? []);
  if (!early.record) return { recorded: false, reason: early.reason };

  const planned = await plannedSearch(settings, event, normalised!);
  const policy: BlockingPolicy = { blockingTimeMs: settings.blockingTimeMs, horizonMs: BLOCKING_HORIZON_MS, maxTimes: MAX_HISTORY, maxCorrections: 2 * MAX_HISTORY + 1 };
  const months = monthsOfSearch(event.at, BLOCKING_HORIZON_MS);
  // In Extended privacy the groups cache is keyed by the pseudonym, never the account id (as for views).
  const groupsKey = event.searcher.kind === 'user' && groupLookup && knownGroups === undefined
    ? (settings.privacy.mode === 'extended' ? planned.searcher! : event.searcher.accountId) : null;
  let groupIds: readonly string[] | undefined = groupsKey === null ? knownGroups ?? [] : undefined;
  let lastTransient: unknown;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      const { snapshot, groups } = await readSearchSnapshot(planned, months, groupIds === undefined ? groupsKey : null);
      if (groupIds === undefined && event.searcher.kind === 'user') {
        groupIds = await viewerExcludedGroups({ accountId: event.searcher.accountId, storedViewer: groupsKey!, excluded: settings.excludedGroups, storedGroups: groups, now, pseudonymFor });
        const decision = decideSearch(settings, event, normalised, groupIds);
        if (!decision.record) return { recorded: false, reason: decision.reason };
      }
      const plan = planSearchWrite(planned, snapshot, policy);
      if (plan.kind === 'duplicate') return { recorded: false, reason: 'duplicate' };
      if ((await commitOps(plan.ops)) === 'committed') return { recorded: true, counted: plan.counted };
    } catch (error) {
      if (!isTransientStorageError(error)) throw error;
      lastTransient = error;
    }
    await jitteredPause(attempt);
  }
  if (lastTransient) throw lastTransient;
  throw new ContentionError(`search ${planned.mark}`);
}

async function plannedSearch(settings: Settings, event: SearchEvent, normalised: string): Promise<PlannedSearch> {
  const { mark, shard } = await markOf(event.searcher, normalised, event.at);
  const user = event.searcher.kind === 'user' ? event.searcher.accountId : null;
  return {
    at: event.at,
    anonymous: user === null,
    results: event.results,
    mark,
    shard,
    query: settings.search.recordQueryText ? { id: queryIdOf(normalised), text: normalised } : null,
    searcher: user === null ? null : await searcherOf(user, event.at),
    // A sketch of account ids: a count of people, never a list; not kept under Extended privacy.
    sketchElement: user !== null && countsDistinctSearchers(settings) ? user : null,
  };
}
