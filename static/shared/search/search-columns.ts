/** The Search tab's tables, their labels and columns (shared by the table and the CSV export). */
import type { SearchQueryFigures, SearchTable } from '@contracts/search-report';
import type { CsvColumn } from '../csv/write-csv';

export const SEARCH_TABLE_LABELS: Record<SearchTable, string> = {
  top: 'Top queries',
  'no-results': 'Queries without results',
  'no-click': 'Queries with results but no click-through',
};

export const SEARCH_TABLE_HELP: Record<SearchTable, string> = {
  top: 'The queries searched most often in the period.',
  'no-results': 'Searches that returned nothing: the content people look for and do not find.',
  'no-click': 'Signed-in searches that returned results but were not followed by a page view within two minutes: content that is hard to find.',
};

export const SEARCH_CSV_COLUMNS: ReadonlyArray<CsvColumn<SearchQueryFigures>> = [
  { header: 'Query', value: (row) => row.query },
  { header: 'Searches', value: (row) => row.searches },
  { header: 'Searches without results', value: (row) => row.noResults },
  { header: 'Click-throughs', value: (row) => row.clickThroughs },
  { header: 'Signed-in searches with results, no click-through', value: (row) => row.unclicked },
  { header: 'Results of the newest search', value: (row) => row.lastResults },
  { header: 'Pages clicked (content id × click-throughs, months of the period)', value: (row) => row.pages.map((page) => `${page.contentId}×${page.clickThroughs}`).join(' ') },
];
