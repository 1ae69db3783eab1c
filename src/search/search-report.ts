import type { SearchReportFilters, SearchSummary, SearchTable, SearchTableAnswer } from '@contracts/search-report';
import type { Settings } from '@contracts/settings';
import { coverRange } from '../core/model/sketch-periods';
import { estimateDistinct } from '../core/model/hyperloglog';
import { addFigures, dailySeries, NO_FIGURES, spansOf, topQueries } from './rules/search-report';
import { monthList, queryRows, searcherRegisters, totalRows } from './storage/search-report-store';

type Range = { from: string; to: string; days: number };

/** Tiles and chart: the site's total shards of the range's months (one batch read of 8 rows a month), and the searcher sketch. */
export async function searchSummary(range: Range, filters: SearchReportFilters, settings: Settings, today: string): Promise<SearchSummary> {
  const spans = spansOf(range.from, range.to);
  const totals = await totalRows(spans.map((span) => span.month));
  const days = dailySeries(spans, totals, filters.audience);
  const sum = days.reduce((figures, day) => addFigures(figures, { ...day, unclicked: 0 }), NO_FIGURES);
  const searchersNote = filters.audience === 'anonymous' ? 'Anonymous searchers cannot be told apart.'
    : settings.privacy.mode === 'extended' ? 'Not kept under Extended privacy: nothing links searches to a person.' : null;
  const searchers = searchersNote === null ? estimateDistinct(await searcherRegisters(coverRange(range, today))) : null;
  return {
    range, searches: sum.searches, noResults: sum.noResults, clickThroughs: sum.clickThroughs,
    searchers, searchersNote, days, recordingQueries: settings.search.recordQueryText, today,
  };
}

export async function searchTable(range: Range, filters: SearchReportFilters, table: SearchTable, limit: number): Promise<SearchTableAnswer> {
  if (table === 'no-click' && filters.audience === 'anonymous') {
    return { table, rows: [], note: 'Click-throughs are known for signed-in searches only: nothing links an anonymous search to the page viewed next.' };
  }
  const spans = spansOf(range.from, range.to);
  const { rows, complete } = await topQueries({
    k: limit, table, audience: filters.audience, spans,
    lists: spans.map((span) => monthList(span.month, table)),
    lookup: queryRows,
  });
  return { table, rows, note: complete ? null : 'Many queries were searched equally often: every figure shown is exact, but other queries with the same count as the last rows may not be listed.' };
}
