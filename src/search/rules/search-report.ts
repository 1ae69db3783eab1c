import type { SearchAudience, SearchDay, SearchQueryFigures, SearchTable } from '@contracts/search-report';
import type { SearchDayLists, SearchQueryRow } from '../../core/model/search-rows';
import { unclickedOf } from './search-write-plan';

/** The days of one month a range covers, as indexes into the month's per-day lists. */
export interface MonthSpan { month: string; first: number; last: number }

export function spansOf(from: string, to: string): MonthSpan[] {
  const spans: MonthSpan[] = [];
  let month = from.slice(0, 7);
  const lastMonth = to.slice(0, 7);
  while (month <= lastMonth) {
    const first = month === from.slice(0, 7) ? Number(from.slice(8, 10)) - 1 : 0;
    const last = month === lastMonth ? Number(to.slice(8, 10)) - 1 : daysIn(month) - 1;
    spans.push({ month, first, last });
    month = nextMonth(month);
  }
  return spans;
}

function daysIn(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

export interface Figures { searches: number; noResults: number; clickThroughs: number; unclicked: number }

export const NO_FIGURES: Figures = { searches: 0, noResults: 0, clickThroughs: 0, unclicked: 0 };

/** One day's figures under the audience filter. Click-throughs exist only for signed-in searches (nothing links an anonymous search to a view). */
export function dayFigures(lists: SearchDayLists, index: number, audience: SearchAudience): Figures {
  const s = lists.s[index] ?? 0;
  const a = lists.a[index] ?? 0;
  const n = lists.n[index] ?? 0;
  const na = lists.na[index] ?? 0;
  const c = lists.c[index] ?? 0;
  if (audience === 'anonymous') return { searches: a, noResults: na, clickThroughs: 0, unclicked: 0 };
  return {
    searches: audience === 'all' ? s : s - a,
    noResults: audience === 'all' ? n : n - na,
    clickThroughs: c,
    unclicked: unclickedOf(lists, index),
  };
}

export function addFigures(left: Figures, right: Figures): Figures {
  return {
    searches: left.searches + right.searches, noResults: left.noResults + right.noResults,
    clickThroughs: left.clickThroughs + right.clickThroughs, unclicked: left.unclicked + right.unclicked,
  };
}

export function spanFigures(lists: SearchDayLists, span: MonthSpan, audience: SearchAudience): Figures {
  let figures = NO_FIGURES;
  for (let index = span.first; index <= span.last; index += 1) figures = addFigures(figures, dayFigures(lists, index, audience));
  return figures;
}

/** The site's figures per day of the range, summed over the total shards. */
export function dailySeries(spans: MonthSpan[], totals: ReadonlyMap<string, SearchDayLists[]>, audience: SearchAudience): SearchDay[] {
  const days: SearchDay[] = [];
  for (const span of spans) {
    const shards = totals.get(span.month) ?? [];
    for (let index = span.first; index <= span.last; index += 1) {
      let figures = NO_FIGURES;
      for (const lists of shards) figures = addFigures(figures, dayFigures(lists, index, audience));
      days.push({ day: `${span.month}-${String(index + 1).padStart(2, '0')}`, searches: figures.searches, noResults: figures.noResults, clickThroughs: figures.clickThroughs });
    }
  }
  return days;
}

/** The figure a table ranks by, and the sort key of its month index that bounds it from above. */
export function rankValue(table: SearchTable, figures: Figures): number {
  return table === 'top' ? figures.searches : table === 'no-results' ? figures.noResults : figures.unclicked;
}

export function rankBound(table: SearchTable, row: SearchQueryRow): number {
  return table === 'top' ? row.monthSearches : table === 'no-results' ? row.monthNoResults : row.monthUnclicked;
}

/** Ranking order: the figure, then the query text (the reference model sorts the same way). */
export function byRank(a: { query: string; value: number }, b: { query: string; value: number }): number {
  return b.value - a.value || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0);
}

/** A query's figures over the range from its month rows (months without a row count nothing). */
export function queryFigures(rows: ReadonlyMap<string, SearchQueryRow>, spans: MonthSpan[], audience: SearchAudience): SearchQueryFigures | null {
  let figures = NO_FIGURES;
  let query: string | null = null;
  let lastResults = 0;
  const pages = new Map<string, number>();
  for (const span of spans) {
    const row = rows.get(span.month);
    if (!row) continue;
    query = row.query;
    const part = spanFigures(row, span, audience);
    figures = addFigures(figures, part);
    if (part.searches > 0) lastResults = row.lastResults;
    for (const [contentId, count] of Object.entries(row.pages)) pages.set(contentId, (pages.get(contentId) ?? 0) + count);
  }
  if (query === null) return null;
  return {
    query, ...figures, lastResults,
    pages: [...pages].map(([contentId, clickThroughs]) => ({ contentId, clickThroughs }))
      .sort((a, b) => b.clickThroughs - a.clickThroughs || (a.contentId < b.contentId ? -1 : 1)),
  };
}

export interface MonthList {
  month: string;
  /** The next page of the month's query rows, highest sort key first. */
  next(): Promise<{ rows: SearchQueryRow[]; done: boolean }>;
}

export interface TopQueriesInput {
  k: number;
  table: SearchTable;
  audience: SearchAudience;
  spans: MonthSpan[];
  lists: MonthList[];
  /** Exact rows for these (queryId, month) pairs; absent pairs have no row. */
  lookup: (wanted: Array<{ queryId: string; month: string }>) => Promise<SearchQueryRow[]>;
  maxRounds?: number;
}

/**
 * Exact top k over a range (Fagin's threshold algorithm): each month's rows are read highest sort key
 * first; a month row's key bounds its share of the range under any filter, so a query not yet seen
 * totals at most the sum of the last key read in every month. Reading stops as soon as the k-th
 * query's known figure beats that bound, then the candidates' missing months are looked up. The cost
 * depends on how skewed the queries are, not on how many there are.
 */
export async function topQueries(input: TopQueriesInput): Promise<{ rows: SearchQueryFigures[]; complete: boolean }> {
  const { k, table, audience, spans } = input;
  const seen = new Map<string, Map<string, SearchQueryRow>>();
  const bound = new Map(input.lists.map((list) => [list.month, Number.POSITIVE_INFINITY]));
  const done = new Set<string>();
  const known = (rows: Map<string, SearchQueryRow>) => rankValue(table, queryFigures(rows, spans, audience) ?? NO_FIGURES);
  const maxRounds = input.maxRounds ?? MAX_ROUNDS;
  let complete = false;
  for (let round = 0; round < maxRounds && done.size < input.lists.length; round += 1) {
    await Promise.all(input.lists.filter((list) => !done.has(list.month)).map(async (list) => {
      const page = await list.next();
      for (const row of page.rows) {
        const rows = seen.get(row.queryId) ?? new Map<string, SearchQueryRow>();
        rows.set(row.month, row);
        seen.set(row.queryId, rows);
      }
      const lowest = page.rows[page.rows.length - 1];
      bound.set(list.month, page.done ? 0 : lowest ? rankBound(table, lowest) : 0);
      if (page.done) done.add(list.month);
    }));
    const threshold = [...bound.values()].reduce((sum, value) => sum + value, 0);
    const lower = [...seen.values()].map(known).sort((a, b) => b - a);
    // Strictly above: an unseen query could tie and sort first by its text.
    if (threshold === 0 || (lower.length >= k && lower[k - 1]! > threshold)) {
      complete = true;
      break;
    }
  }
  if (done.size === input.lists.length) complete = true;
  // Exact figures for every candidate that may still be in the top k: look up its unread months.
  const lowerBounds = [...seen.entries()].map(([id, rows]) => ({ id, rows, low: known(rows) }));
  const kth = lowerBounds.map((entry) => entry.low).sort((a, b) => b - a)[k - 1] ?? 0;
  const wanted: Array<{ queryId: string; month: string }> = [];
  for (const entry of lowerBounds) {
    const missing = spans.filter((span) => !entry.rows.has(span.month) && !done.has(span.month));
    const upper = entry.low + missing.reduce((sum, span) => sum + (bound.get(span.month) ?? 0), 0);
    if (missing.length > 0 && upper >= kth && upper > 0) wanted.push(...missing.map((span) => ({ queryId: entry.id, month: span.month })));
  }
  for (const row of await input.lookup(wanted)) seen.get(row.queryId)?.set(row.month, row);
  const rows = [...seen.values()]
    .map((rows) => queryFigures(rows, spans, audience))
    .filter((figures): figures is SearchQueryFigures => figures !== null && rankValue(table, figures) > 0)
    .map((figures) => ({ figures, query: figures.query, value: rankValue(table, figures) }))
    .sort(byRank)
    .slice(0, k)
    .map((entry) => entry.figures);
  return { rows, complete };
}

/**
 * Pages read per month at most (60 × 20 rows). A long tail of queries asked equally often can only be
 * ranked exactly (ties by text) by reading all of it; past this bound the answer says so instead of
 * running into the resolver's 25 s. Every figure shown stays exact; only which of the tied queries
 * fill the last rows may differ.
 */
export const MAX_ROUNDS = 60;
