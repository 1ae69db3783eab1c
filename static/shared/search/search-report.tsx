/**
 * The Search tab of the global report (issue 21): what people search for, what they do not find, and
 * whether a page view follows. Query text reaches only admins and the report group (the resolvers
 * refuse everyone else). Range and audience filter; tiles, a daily chart, one table at a time, CSV.
 */
import { useState } from 'react';
import type { DateRange } from '@contracts/report-range';
import { SEARCH_TABLES, type SearchAudience, type SearchQueryFigures, type SearchTable } from '@contracts/search-report';
import { useResolver } from '../api/use-resolver';
import { invokeResolver } from '../api/invoke-resolver';
import { Button } from '../components/button';
import { DateRangePicker } from '../components/date-range-picker';
import { PageSection } from '../components/page';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { SelectField } from '../components/select';
import { Table, type Column } from '../components/table';
import { TabsBar } from '../components/tabs';
import { VIEWER_CHOICES } from '../format/viewer-choices';
import { TimeSeriesChart } from '../components/time-series-chart';
import { chartData } from '../format/chart-data';
import { csvFileName, csvFileText } from '../csv/write-csv';
import { downloadText } from '../csv/download';
import { SEARCH_CSV_COLUMNS, SEARCH_TABLE_HELP, SEARCH_TABLE_LABELS } from './search-columns';
import { SearchTiles } from './search-tiles';

const TABLE_ROWS = 25;
const EXPORT_ROWS = 500;

const COLUMNS: ReadonlyArray<Column<SearchQueryFigures>> = [
  { key: 'query', header: 'Query', cell: (row) => row.query },
  { key: 'searches', header: 'Searches', align: 'end', cell: (row) => row.searches.toLocaleString() },
  { key: 'noResults', header: 'Without results', align: 'end', cell: (row) => row.noResults.toLocaleString() },
  { key: 'clickThroughs', header: 'Click-throughs', align: 'end', cell: (row) => row.clickThroughs.toLocaleString() },
  { key: 'unclicked', header: 'No click-through', align: 'end', cell: (row) => row.unclicked.toLocaleString() },
  { key: 'lastResults', header: 'Results (newest)', align: 'end', cell: (row) => row.lastResults.toLocaleString() },
];

export function SearchReport() {
  const [range, setRange] = useState<DateRange>({ kind: 'preset', preset: '30d' });
  const [audience, setAudience] = useState<SearchAudience>('all');
  const [table, setTable] = useState<SearchTable>('top');
  const [exporting, setExporting] = useState<string | null>(null);
  const filters = { audience };
  const summary = useResolver('getSearchSummary', { range, filters });
  const rows = useResolver('getSearchTable', { range, filters, table, limit: TABLE_ROWS });
  const data = summary.answer?.ok ? summary.answer.data : null;

  const onExport = async () => {
    setExporting('Exporting…');
    const answer = await invokeResolver('getSearchTable', { range, filters, table, limit: EXPORT_ROWS });
    if (!answer.ok) {
      setExporting(`The export failed: ${answer.error.message}`);
      return;
    }
    downloadText(csvFileName('search', table, data?.range.from ?? '', data?.range.to ?? ''), csvFileText(SEARCH_CSV_COLUMNS, answer.data.rows));
    setExporting(`Exported ${answer.data.rows.length} rows.`);
  };

  return (
    <>
      <div className="vt-report-controls">
        <DateRangePicker value={range} onChange={setRange} resolved={data ? data.range : null} months={2} label="Search period" />
        <form className="vt-report-filters" aria-label="Search filters" onSubmit={(event) => event.preventDefault()}>
          <div className="vt-report-filter">
            <label htmlFor="search-audience">Searchers</label>
            <SelectField inputId="search-audience" name="search-audience" options={VIEWER_CHOICES} value={audience} onChange={setAudience} minWidth={220} />
          </div>
        </form>
      </div>
      <div aria-live="polite" aria-busy={summary.answer === null}>
        {summary.answer === null ? <LoadingState label="Loading the search figures" /> : null}
        {summary.answer && !summary.answer.ok ? <ErrorState error={summary.answer.error} {...(summary.answer.error.code === 'forbidden' ? {} : { onRetry: summary.reload })} /> : null}
        {data ? (
          <>
            <SearchTiles summary={data} />
            {!data.recordingQueries ? <p className="vt-report-note">Query text is not being recorded (Settings → Search): the tables show only queries recorded before it was switched off.</p> : null}
            <PageSection id="searches-over-time" title="Searches per day">
              <TimeSeriesChart title="Searches per day" data={chartData(data.days.map((day) => ({ day: day.day, values: { searches: day.searches, noResults: day.noResults, clickThroughs: day.clickThroughs } })), 'day', [
                { key: 'searches', label: 'Searches', kind: 'bar' },
                { key: 'noResults', label: 'Without results', kind: 'line' },
                { key: 'clickThroughs', label: 'Click-throughs', kind: 'line' },
              ])} />
            </PageSection>
          </>
        ) : null}
      </div>
      <PageSection id="search-tables" title={SEARCH_TABLE_LABELS[table]} description={SEARCH_TABLE_HELP[table]}
        actions={<Button onClick={() => void onExport()} isLoading={exporting === 'Exporting…'}>Export CSV</Button>}>
        <TabsBar id="search-tables" label="Search tables" tabs={SEARCH_TABLES.map((name) => ({ key: name, label: SEARCH_TABLE_LABELS[name] }))} selected={table} onChange={setTable}>
          {exporting ? <p className="vt-report-note" role="status">{exporting}</p> : null}
          {rows.answer === null ? <LoadingState label="Loading the queries" /> : null}
          {rows.answer && !rows.answer.ok ? <ErrorState error={rows.answer.error} onRetry={rows.reload} /> : null}
          {rows.answer?.ok && rows.answer.data.note && rows.answer.data.rows.length > 0 ? <p className="vt-report-note" role="note">{rows.answer.data.note}</p> : null}
          {rows.answer?.ok ? (
            <Table caption={SEARCH_TABLE_LABELS[table]} hideCaption columns={COLUMNS} rows={rows.answer.data.rows} rowKey={(row) => row.query}
              emptyView={<EmptyState headingLevel={3} header={rows.answer.data.note ? 'Not available with this filter' : 'No queries in this period'} description={rows.answer.data.note ?? 'Searches appear here once people search Confluence (Settings → Search: Auto Tracking and query text on).'} />} />
          ) : null}
        </TabsBar>
      </PageSection>
    </>
  );
}
