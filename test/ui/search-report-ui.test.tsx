/** The Search tab's tiles and its CSV: distinct searchers "about" or why not, and a query typed as a formula stays text. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { SearchQueryFigures, SearchSummary } from '../../src/contracts/search-report';
import { SearchTiles } from '../../static/shared/search/search-tiles';
import { SEARCH_CSV_COLUMNS } from '../../static/shared/search/search-columns';
import { csvFileText } from '../../static/shared/csv/write-csv';

const summary = (change: Partial<SearchSummary>): SearchSummary => ({
  range: { from: '2026-11-08', to: '2026-12-07', days: 30 }, searches: 200, noResults: 50, clickThroughs: 20,
  searchers: 31, searchersNote: null, days: [], recordingQueries: true, today: '2026-12-07', ...change,
});
const tile = (markup: string, label: string) => new RegExp(`aria-label="${label}">(.*?)</div></div>`).exec(markup)?.[1] ?? '';

describe('Search tab', () => {
  it('shows the share of searches without results and distinct searchers as an estimate', () => {
    const markup = renderToStaticMarkup(<SearchTiles summary={summary({})} />);
    expect(tile(markup, 'Searches without results')).toContain('25% of searches');
    expect(tile(markup, 'Signed-in searchers')).toContain('about 31');
  });

  it('says why distinct searchers are not shown under Extended privacy', () => {
    const markup = renderToStaticMarkup(<SearchTiles summary={summary({ searchers: null, searchersNote: 'Not kept under Extended privacy: nothing links searches to a person.' })} />);
    expect(tile(markup, 'Signed-in searchers')).toContain('—');
    expect(tile(markup, 'Signed-in searchers')).toContain('Extended privacy');
  });

  it('exports queries as text, a query typed as a formula included', () => {
    const row: SearchQueryFigures = { query: '=hyperlink("x")', searches: 3, noResults: 1, clickThroughs: 1, unclicked: 1, lastResults: 4, pages: [{ contentId: '101', clickThroughs: 1 }] };
    const text = csvFileText(SEARCH_CSV_COLUMNS, [row]);
    expect(text.split('\r\n')[1]).toBe(`"'=hyperlink(""x"")",3,1,1,1,4,101×1`);
  });
});
