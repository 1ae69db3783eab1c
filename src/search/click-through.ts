import type { Viewer } from '../core/model/view';
import { commitOps } from '../core/storage/commit-ops';
import { currentSettings } from '../settings/index';
import { CLICK_WINDOW_MS, judgeClick, planClick, type ClickReason } from './rules/click-plan';
import { lastSearchFrom, lastSearchItems, readClickRows } from './storage/search-store';
import { searcherOf } from './search-ids';

/** What a view asks of search analytics: the keys to peek at in its own batch read, and what was found there. */
export interface ClickWatch {
  searchers: string[];
  items: Array<{ key: string; entityName: string }>;
  found: Map<string, unknown> | undefined;
}

export type ClickOutcome = 'counted' | 'duplicate' | ClickReason;

const MAX_ATTEMPTS = 8;

/**
 * Null when no view can be a click-through: an anonymous viewer (nothing links their search to
 * their view), or search analytics switched off. The searcher's key is a daily pseudonym, so a view
 * shortly after midnight also looks under the previous day's.
 */
export async function searchClickWatch(viewer: Viewer, at: number): Promise<ClickWatch | null> {
  if (viewer.kind !== 'user') return null;
  const settings = await currentSettings();
  if (!settings.search.autoTracking) return null;
  const searchers = [...new Set([await searcherOf(viewer.accountId, at - CLICK_WINDOW_MS), await searcherOf(viewer.accountId, at)])];
  return { searchers, items: lastSearchItems(searchers), found: undefined };
}

/**
 * After the view was handled (counted, blocked or a redelivery): if it is the first view within the
 * click window of the searcher's newest search, count the search's click-through for its query and
 * this page. Idempotent: the last-search row remembers the view that clicked it.
 */
export async function recordSearchClickThrough(watch: ClickWatch, view: { at: number; contentId: string }): Promise<ClickOutcome> {
  const peeked = lastSearchFrom(watch.searchers, watch.found ?? new Map());
  const judged = judgeClick(peeked, view);
  if (judged.kind === 'skip') return judged.reason;
  if (judged.kind === 'duplicate') return 'duplicate';
  const searcher = peeked!.searcher;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const rows = await readClickRows(searcher, peeked!.month, peeked!.shard, peeked!.queryId);
    const plan = planClick({ ...rows, view });
    if (plan.kind === 'skip') return plan.reason;
    if (plan.kind === 'duplicate') return 'duplicate';
    if ((await commitOps(plan.ops)) === 'committed') return 'counted';
  }
  throw new Error('A search click-through kept conflicting with other writes');
}
