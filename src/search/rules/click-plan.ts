import { expectVersion, type RowOp } from '../../core/model/row-ops';
import { MAX_CLICK_PAGES, type SearchLastRow, type SearchQueryRow, type SearchTotalRow } from '../../core/model/search-rows';
import { utcDay } from '../../core/model/view';
import { LAST_SEARCH_TTL_SECONDS, withMonthFigures } from './search-write-plan';

/**
 * A page view follows a search as its click-through when it is the same signed-in person's first
 * view after their newest counted search, within CLICK_WINDOW_MS of it, and the search had results.
 * Confluence's view event names no referrer and the search event no result ids, so "followed" is the
 * only evidence there is (docs/search-analytics.md lists what cannot be observed).
 */
export const CLICK_WINDOW_MS = 120_000;

export type ClickReason = 'no-search' | 'already-clicked' | 'before-search' | 'outside-window' | 'no-results';

export type ClickPlan =
  | { kind: 'skip'; reason: ClickReason }
  /** The same view again (a redelivered view event): its click-through is already counted. */
  | { kind: 'duplicate' }
  | { kind: 'write'; ops: RowOp[] };

export interface ClickFacts {
  last: SearchLastRow | undefined;
  view: { at: number; contentId: string };
  /** The search's query month (when query text was recorded) and the site's total shard of its month. */
  query: SearchQueryRow | undefined;
  total: SearchTotalRow | undefined;
}

/** Only the last-search row decides whether a view is a click-through; rows are read only when it is. */
export function judgeClick(last: SearchLastRow | undefined, view: { at: number }): ClickPlan | { kind: 'candidate' } {
  if (!last) return { kind: 'skip', reason: 'no-search' };
  if (last.clickAt !== null) return last.clickAt === view.at ? { kind: 'duplicate' } : { kind: 'skip', reason: 'already-clicked' };
  if (view.at < last.at) return { kind: 'skip', reason: 'before-search' };
  if (view.at - last.at > CLICK_WINDOW_MS) return { kind: 'skip', reason: 'outside-window' };
  if (last.results === 0) return { kind: 'skip', reason: 'no-results' };
  return { kind: 'candidate' };
}

export function planClick(facts: ClickFacts): ClickPlan {
  const judged = judgeClick(facts.last, facts.view);
  if (judged.kind !== 'candidate') return judged;
  const last = facts.last!;
  const index = Number(utcDay(last.at).slice(8, 10)) - 1;
  const ops: RowOp[] = [{
    kind: 'put', ttlSeconds: LAST_SEARCH_TTL_SECONDS, expect: expectVersion(last),
    row: { entity: 'search-last', value: { ...last, clickAt: facts.view.at, version: last.version + 1 } },
  }];
  // The search was counted, so its total shard exists; a missing one means it was purged meanwhile.
  if (facts.total) {
    const c = [...facts.total.c];
    c[index] = (c[index] ?? 0) + 1;
    ops.push({ kind: 'put', expect: expectVersion(facts.total), row: { entity: 'search-total', value: { ...facts.total, c, version: facts.total.version + 1 } } });
  }
  if (facts.query) {
    const c = [...facts.query.c];
    c[index] = (c[index] ?? 0) + 1;
    const pages = { ...facts.query.pages };
    if (pages[facts.view.contentId] !== undefined || Object.keys(pages).length < MAX_CLICK_PAGES) {
      pages[facts.view.contentId] = (pages[facts.view.contentId] ?? 0) + 1;
    }
    const { version, monthSearches: _s, monthNoResults: _n, monthUnclicked: _u, ...rest } = facts.query;
    ops.push({ kind: 'put', expect: expectVersion(facts.query), row: { entity: 'search-query', value: { ...withMonthFigures({ ...rest, c, pages }), version: version + 1 } } });
  }
  return { kind: 'write', ops };
}
