/**
 * The global and the space report: range (presets or custom days), filters, tiles with the change
 * against the previous period, views and viewers over time, and one table at a time (sortable by
 * every column, paged, exported to CSV exactly as shown). State lives in the URL.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { ReportPage, ReportPreparing } from '@contracts/report-query';
import type { ReportSummaryAnswer, ReportTablePayload } from '@contracts/resolvers';
import { REPORT_TABLES } from '@contracts/report-query';
import { invokeResolver } from '../api/invoke-resolver';
import { Button } from '../components/button';
import { DateRangePicker } from '../components/date-range-picker';
import { Page, PageHeader, PageSection } from '../components/page';
import { ErrorState, LoadingState } from '../components/states';
import { LifecycleNote } from '../components/lifecycle-note';
import { NoAccessPage } from '../components/no-access';
import { TabsBar } from '../components/tabs';
import { TimeSeriesChart } from '../components/time-series-chart';
import { chartData } from '../format/chart-data';
import { ReportFiltersBar } from './report-filters';
import { ReportTableView } from './report-table-view';
import { ReportTiles } from './report-tiles';
import { TABLE_LABELS } from './report-columns';
import { exportTable } from './report-export';
import { initialState, saveState } from './report-history';
import { ReachReports } from './reach-reports';
import { ReportPreparingProgress } from './report-preparing';
import type { ReportState } from './report-url';

const PAGE_SIZE = 25;
/** While a group filter's figures are prepared: the pause between two calls (each continues the preparation). */
const POLL_MS = 1_500;
/** A guard against a preparation that never ends (200 calls read far more than 2,000 members). */
const MAX_POLLS = 200;
const TOO_LONG = { code: 'unavailable' as const, message: 'Preparing the group’s figures is taking too long. Try again later, or choose a smaller group or a shorter range.' };

export interface ReportAppProps {
  scope: 'global' | 'space';
  /** Sections of one report only (the space report's saved reports), shown after the tables. */
  children?: ReactNode;
  /**
   * Wraps everything under the header (the global report's Views / Search tabs). The same wrapper for
   * either body, so switching tabs keeps the tab that has the focus.
   */
  frame?: (body: ReactNode) => ReactNode;
  /** Shown instead of the report's own body (the Search tab); the report keeps its state meanwhile. */
  body?: ReactNode;
  /** The header's description instead of the report's. */
  description?: string;
}

export function ReportApp({ scope, children, frame = (body) => body, body, description }: ReportAppProps) {
  const [state, setState] = useState<ReportState | null>(null);
  const [summary, setSummary] = useState<Envelope<ReportSummaryAnswer> | null>(null);
  const [preparing, setPreparing] = useState<ReportPreparing | null>(null);
  /** Counts the preparations that became ready: the table, answered `preparing` meanwhile, is asked again. */
  const [prepared, setPrepared] = useState(0);
  const [page, setPage] = useState<Envelope<ReportPage | ReportPreparing> | null>(null);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [exporting, setExporting] = useState<string | null>(null);

  // A space report has no "Top spaces" table: a bookmarked one opens on top content.
  useEffect(() => { void initialState().then((initial) => setState(scope === 'space' && initial.table === 'top-spaces' ? { ...initial, table: 'top-content' } : initial)); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!state) return;
    saveState(state);
    setSummary(null);
    setPreparing(null);
    // A group filter whose members' views take more than one call answers `preparing`: ask again until ready.
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (polls: number) => {
      const answer = await invokeResolver('getReportSummary', { scope, range: state.range, filters: state.filters });
      if (!current) return;
      if (answer.ok && 'status' in answer.data) {
        if (polls >= MAX_POLLS) { setPreparing(null); setSummary({ ok: false, error: TOO_LONG }); return; }
        setPreparing(answer.data);
        timer = setTimeout(() => void ask(polls + 1), POLL_MS);
        return;
      }
      setPreparing(null);
      setSummary(answer as Envelope<ReportSummaryAnswer>);
      if (polls > 0) setPrepared((n) => n + 1);
    };
    void ask(0);
    return () => { current = false; if (timer) clearTimeout(timer); };
  }, [scope, state?.range, state?.filters]); // eslint-disable-line react-hooks/exhaustive-deps
  const cursor = cursors[cursors.length - 1];
  const payload = useMemo<ReportTablePayload | null>(() => state && ({ scope, range: state.range, filters: state.filters, table: state.table, sort: state.sort, pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) }), [scope, state, cursor]);
  useEffect(() => {
    if (!payload) return;
    setPage(null);
    void invokeResolver('getReportTable', payload).then(setPage);
  }, [payload, prepared]);
  const table = page?.ok && 'status' in page.data ? null : (page as Envelope<ReportPage> | null);

  if (!state) return <Page width="wide"><LoadingState label="Loading the report" /></Page>;
  // A caller who may not open the report sees one page saying who may, not the report's controls.
  if (summary && !summary.ok && summary.error.code === 'forbidden') {
    return (
      <NoAccessPage
        header={scope === 'space' ? 'You can’t open this space’s report' : 'You can’t open the Viewtracker report'}
        audience={summary.error.message}
        advice="If you need it, ask one of your site’s Confluence administrators."
      />
    );
  }
  const update = (next: Partial<ReportState>) => { setCursors([undefined]); setState({ ...state, ...next }); };
  const data = summary?.ok ? summary.data : null;
  const title = scope === 'space' ? `Space report${data?.space ? `: ${data.space.name}` : ''}` : 'Viewtracker report';
  // A space report is one space: a "Top spaces" table would list only it.
  const tables = REPORT_TABLES.filter((table) => (table !== 'top-readers' || data?.people.names !== false) && (table !== 'top-spaces' || scope === 'global'));
  const onExport = async () => {
    if (!payload) return;
    setExporting('Starting export…');
    const { cursor: _ignored, ...all } = payload;
    const error = await exportTable(all, (progress) => setExporting(`Exporting… ${progress.rows} rows`), `${data?.space?.key ?? 'site'}-${data?.range.from ?? ''}-${data?.range.to ?? ''}`);
    setExporting(error);
  };

  return (
    <Page width="wide">
      <PageHeader breadcrumb="Viewtracker" title={title} description={description ?? `Days are the site's days (UTC)${data ? `; today is ${data.today}` : ''}. Times are shown in your time zone.`} />
      {frame(body ?? (<>
        <LifecycleNote />
        <div className="vt-report-controls">
          <DateRangePicker value={state.range} onChange={(range) => update({ range })} resolved={data ? { ...data.range, days: data.series.length } : null} months={2} label="Report period" />
          <ReportFiltersBar filters={state.filters} withSpaces={scope === 'global'} groups={data?.people.names ? scope : null} onChange={(filters) => update({ filters })} />
        </div>
        <div aria-live="polite" aria-busy={summary === null}>
          {preparing ? <ReportPreparingProgress preparing={preparing} /> : null}
          {summary === null && !preparing ? <LoadingState label="Loading the figures" /> : null}
          {summary && !summary.ok ? <ErrorState error={summary.error} onRetry={() => update({})} /> : null}
          {data ? (
            <>
              <ReportTiles summary={data} {...(data.viewersCounted ? { viewersCounted: data.viewersCounted } : {})} allTime={state.range.kind === 'preset' && state.range.preset === 'all'} />
              {(data.notes ?? []).map((note) => <p key={note} className="vt-report-note">{note}</p>)}
              <PageSection id="over-time" title={`Views and viewers per ${data.granularity}`}>
                <TimeSeriesChart title={`Views and viewers per ${data.granularity}`} data={chartData(data.series.map((point) => ({ day: point.start, values: { views: point.views, viewers: point.viewers ?? 0 } })), data.granularity, [
                  { key: 'views', label: 'Views', kind: 'bar' },
                  { key: 'viewers', label: data.viewersCounted === 'person-days' && data.granularity !== 'day' ? 'Signed-in viewer-days' : 'Signed-in viewers', kind: 'line', combine: 'max' },
                ])} />
              </PageSection>
            </>
          ) : null}
        </div>
        <PageSection id="tables" title={TABLE_LABELS[state.table]} actions={<Button onClick={() => void onExport()} isLoading={exporting?.startsWith('Export') ?? false}>Export CSV</Button>}>
          <TabsBar id="report-tables" label="Tables" tabs={tables.map((table) => ({ key: table, label: TABLE_LABELS[table] }))} selected={state.table}
              onChange={(table) => update({ table, sort: { column: table === 'not-viewed' ? 'lastViewedAt' : 'views', direction: table === 'not-viewed' ? 'asc' : 'desc' } })}>
            {exporting ? <p className="vt-report-note" role="status">{exporting}</p> : null}
            {/* One refusal, not two: the table's is shown only once the figures above loaded. */}
            {preparing ? <p className="vt-report-note" role="status">The table appears with the figures.</p> : null}
            {table && !table.ok && summary?.ok ? <ErrorState error={table.error} onRetry={() => update({})} /> : null}
            {table === null || table.ok ? (
              <ReportTableView table={state.table} page={table?.ok ? table.data : null} sort={state.sort} pageIndex={cursors.length - 1}
                onSort={(sort) => update({ sort })}
                onPage={(next) => {
                  const nextCursor = table?.ok ? table.data.nextCursor : null;
                  setCursors(next && nextCursor ? [...cursors, nextCursor] : cursors.slice(0, Math.max(1, cursors.length - 1)));
                }} />
            ) : null}
          </TabsBar>
        </PageSection>
        {data?.people.names ? <ReachReports scope={scope} range={state.range} /> : null}
        {children}
      </>))}
    </Page>
  );
}
