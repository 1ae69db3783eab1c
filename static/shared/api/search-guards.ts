/** Guards of the Search tab's answers (src/contracts/search-report.ts). */
import type { SearchDay, SearchQueryFigures, SearchSummary, SearchTableAnswer } from '@contracts/search-report';
import { SEARCH_TABLES } from '@contracts/search-report';
import type { ResolvedRange } from '@contracts/report-range';
import { arrayOf, isNumber, isBoolean, isString, nullable, oneOf, shape } from './guards';

const isRange = shape<ResolvedRange>({ from: isString, to: isString, days: isNumber });
const isDay = shape<SearchDay>({ day: isString, searches: isNumber, noResults: isNumber, clickThroughs: isNumber });

export const isSearchSummary = shape<SearchSummary>({
  range: isRange, searches: isNumber, noResults: isNumber, clickThroughs: isNumber,
  searchers: nullable(isNumber), searchersNote: nullable(isString), days: arrayOf(isDay),
  recordingQueries: isBoolean, today: isString,
});

const isQueryFigures = shape<SearchQueryFigures>({
  query: isString, searches: isNumber, noResults: isNumber, clickThroughs: isNumber, unclicked: isNumber, lastResults: isNumber,
  pages: arrayOf(shape<SearchQueryFigures['pages'][number]>({ contentId: isString, clickThroughs: isNumber })),
});

export const isSearchTableAnswer = shape<SearchTableAnswer>({ table: oneOf(SEARCH_TABLES), rows: arrayOf(isQueryFigures), note: nullable(isString) });
