import type { Settings } from '@contracts/settings';
import type { SearchEvent } from './search-event';

/** Why a search is not recorded: named values for logs, tests and the local host's log. */
export type SearchSkipReason =
  | 'search-not-tracked'
  | 'app-search'
  | 'empty-query'
  | 'anonymous-excluded'
  | 'group-excluded';

export type SearchDecision = { record: true } | { record: false; reason: SearchSkipReason };

/**
 * The view rules, applied to a search. Excluded spaces cannot apply: the event names no space (a
 * search scoped to a space looks like any other), see docs/search-analytics.md.
 */
export function decideSearch(settings: Settings, event: SearchEvent, normalised: string | null, searcherGroupIds: readonly string[]): SearchDecision {
  if (!settings.search.autoTracking) return { record: false, reason: 'search-not-tracked' };
  // Searches an app makes (accountType "app") are not what people look for.
  if (event.accountType === 'app') return { record: false, reason: 'app-search' };
  if (normalised === null) return { record: false, reason: 'empty-query' };
  if (event.searcher.kind === 'anonymous' && settings.excludeAnonymous) return { record: false, reason: 'anonymous-excluded' };
  if (event.searcher.kind === 'user') {
    const member = new Set(searcherGroupIds);
    if (settings.excludedGroups.some((group) => member.has(group.id))) return { record: false, reason: 'group-excluded' };
  }
  return { record: true };
}

export function needsSearcherGroups(settings: Settings, event: SearchEvent): boolean {
  return event.searcher.kind === 'user' && settings.excludedGroups.length > 0;
}

/** Distinct searchers are counted (as a sketch, never a list) except under Extended privacy, which links nothing to a person across days. */
export function countsDistinctSearchers(settings: Settings): boolean {
  return settings.privacy.mode !== 'extended';
}
