/** The Search tab of the global report (issue 21, docs/search-analytics.md). Types only. */
import type { DateRange, ResolvedRange } from './report-range';

export const SEARCH_TABLES = ['top', 'no-results', 'no-click'] as const;
/** top: most searched; no-results: most searched without results; no-click: signed-in searches with results that no page view followed. */
export type SearchTable = (typeof SEARCH_TABLES)[number];

export const SEARCH_AUDIENCES = ['all', 'signed-in', 'anonymous'] as const;
export type SearchAudience = (typeof SEARCH_AUDIENCES)[number];

export interface SearchReportFilters {
  audience: SearchAudience;
}

export interface SearchSummaryPayload {
  range: DateRange;
  filters: SearchReportFilters;
}

export interface SearchTablePayload extends SearchSummaryPayload {
  table: SearchTable;
  /** Rows wanted (the table shows 25; the CSV export asks for up to 500). */
  limit: number;
}

export interface SearchDay {
  day: string;
  searches: number;
  noResults: number;
  clickThroughs: number;
}

export interface SearchSummary {
  range: ResolvedRange;
  searches: number;
  noResults: number;
  clickThroughs: number;
  /** Distinct signed-in searchers ("about": a HyperLogLog sketch, ±1.6 %), null where it is not kept. */
  searchers: number | null;
  /** Why `searchers` is null (Extended privacy, or the anonymous filter). */
  searchersNote: string | null;
  days: SearchDay[];
  /** Whether query text is being recorded now (the tables are empty while it is off). */
  recordingQueries: boolean;
  today: string;
}

export interface SearchQueryFigures {
  query: string;
  searches: number;
  noResults: number;
  clickThroughs: number;
  /** Signed-in searches with results in the range that no page view followed. */
  unclicked: number;
  /** Results the newest search in the range saw. */
  lastResults: number;
  /** Content ids clicked from this query in the range, most clicked first (up to 20 a month are kept). */
  pages: Array<{ contentId: string; clickThroughs: number }>;
}

export interface SearchTableAnswer {
  table: SearchTable;
  rows: SearchQueryFigures[];
  /** Set when the table cannot hold anything for these filters, with why. */
  note: string | null;
}
