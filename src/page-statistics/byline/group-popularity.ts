import { MemoryCache, registerModuleCache } from '../../platform/memory-cache';

/**
 * How many distinct callers of this instance belong to each group: the data the byline learns which
 * group to ask Confluence about from (see `chooseGroupToAsk`). Memory only, so it costs no read; a
 * cold instance knows nothing yet and falls back to a stable order. Bounded: callers are
 * remembered for an hour, at most `MAX_CALLERS` of them.
 */
const MAX_CALLERS = 5_000;
const seen = new MemoryCache<true>(60 * 60 * 1000);
const counts = new Map<string, number>();
let callers = 0;
registerModuleCache(() => { counts.clear(); callers = 0; });

export function noteCallerGroups(accountId: string, groupIds: readonly string[]): void {
  if (seen.get(accountId) || callers >= MAX_CALLERS) return;
  seen.set(accountId, true);
  callers += 1;
  for (const id of groupIds) counts.set(id, (counts.get(id) ?? 0) + 1);
}

export function groupPopularity(): ReadonlyMap<string, number> {
  return counts;
}

