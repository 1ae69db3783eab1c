/**
 * Rows of search analytics (src/search, docs/search-analytics.md). Plain data: storage maps them to
 * the entities of manifest.yml. No row holds an account id: searchers are known by a keyed hash
 * under the day's pseudonym salt (src/privacy/pseudonyms.ts), which becomes unlinkable when the salt
 * expires after two days, and the short-lived rows carry a TTL on top.
 */

/**
 * One searcher's searches of one normalised query on one day (`mark` = hash of searcher, query and
 * the day's salt): the raw times in the blocking horizon (redelivered events are found here), and
 * which of them had no results, so that a late search re-judging the chain corrects the right counts.
 */
export interface SearchMarkRow {
  mark: string;
  anchor: number | null;
  times: number[];
  /** Times (of `times`) whose search returned no results. */
  empty: number[];
  version: number;
}

/** The per-day lists of a query month or a total month: counted searches and their parts. */
export interface SearchDayLists {
  /** Counted searches, signed in and anonymous. */
  s: number[];
  /** Of them, anonymous. */
  a: number[];
  /** Counted searches that returned no results. */
  n: number[];
  /** Of them, anonymous. */
  na: number[];
  /** Click-throughs: a signed-in search with results followed by a page view of the same person within the window. */
  c: number[];
}

/** One normalised query in one UTC month (only while "record query text" is on). */
export interface SearchQueryRow extends SearchDayLists {
  queryId: string;
  query: string;
  month: string;
  /** Sort keys of the report's lists: the month's searches, no-result searches and signed-in searches with results but no click-through. */
  monthSearches: number;
  monthNoResults: number;
  monthUnclicked: number;
  /** Click-throughs by content id (at most MAX_CLICK_PAGES pages a month; further pages count only in `c`). */
  pages: Record<string, number>;
  /** The result count the newest search of the month saw. */
  lastResults: number;
  version: number;
}

/** The site's searches in one UTC month, in shards (by searcher and query) so no row is hot. */
export interface SearchTotalRow extends SearchDayLists {
  month: string;
  shard: number;
  version: number;
}

/**
 * A signed-in searcher's newest counted search (TTL): the next page view within the click window
 * is its click-through. `queryId` is null while query text is not recorded.
 */
export interface SearchLastRow {
  searcher: string;
  at: number;
  queryId: string | null;
  month: string;
  shard: number;
  results: number;
  /** The view that was counted as this search's click-through, once there was one. */
  clickAt: number | null;
  version: number;
}

export const SEARCH_TOTAL_SHARDS = 8;
export const MAX_CLICK_PAGES = 20;
