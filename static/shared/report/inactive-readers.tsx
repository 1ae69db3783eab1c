/**
 * Inactive readers (issue 20): members of a group (or all licensed users) without a counted view in the
 * report's range, with their last view ever where one is stored; sortable, paged, exported as CSV.
 * The resolver opens only where the report shows names; a preparing answer shows progress only.
 */
import { useEffect, useMemo, useState } from 'react';
import type { InactiveReadersPayload, InactiveReadersReady, ReachAudience } from '@contracts/reach';
import type { DateRange } from '@contracts/report-range';
import { invokeResolver } from '../api/invoke-resolver';
import { Button } from '../components/button';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { downloadText } from '../csv/download';
import { exportPaged } from '../csv/export-paged';
import { csvFileName, csvFileText } from '../csv/write-csv';
import { ReachAudiencePicker } from '../reach/reach-audience';
import { INACTIVE_COLUMNS } from '../reach/reach-columns';
import { formatDay } from '../format/time';
import { Table, type Column } from '../components/table';
import { ReachProgress } from '../reach/reach-progress';
import { useReach } from '../reach/use-reach';

const PAGE_SIZE = 25;
type Sort = NonNullable<InactiveReadersPayload['sort']>;
type Row = InactiveReadersReady['rows'][number];
const COLUMNS: Array<Column<Row> & { key: Sort['column'] }> = [
  { key: 'displayName', header: 'Name', sortable: true, cell: (row) => row.displayName },
  { key: 'lastViewedDay', header: 'Last view', sortable: true, cell: (row) => (row.lastViewedDay === null ? 'No view stored' : formatDay(row.lastViewedDay)) },
];

export function InactiveReadersPanel({ scope, range }: { scope: 'global' | 'space'; range: DateRange }) {
  const [audience, setAudience] = useState<ReachAudience | null>(null);
  const [sort, setSort] = useState<Sort>({ column: 'lastViewedDay', direction: 'asc' });
  const [cursors, setCursors] = useState<string[]>([]);
  const [retry, setRetry] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  useEffect(() => setCursors([]), [audience, range, sort]);
  const cursor = cursors[cursors.length - 1];
  const payload = useMemo<InactiveReadersPayload | null>(() => (audience && audience.kind !== 'space-members'
    ? { scope, audience, range, sort, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } : null), [scope, audience, range, sort, cursor]);
  const { state, busy } = useReach<InactiveReadersReady>(payload ? () => invokeResolver('getInactiveReaders', payload) : null, JSON.stringify(payload), JSON.stringify([audience, range]), retry);

  const onExport = async () => {
    if (!payload) return;
    setExporting('Starting export…');
    const { cursor: _ignored, ...all } = payload;
    const result = await exportPaged(async (next) => {
      const answer = await invokeResolver('getInactiveReaders', { ...all, limit: 500, ...(next ? { cursor: next } : {}) });
      if (!answer.ok) return answer;
      if (answer.data.state !== 'ready') return { ok: false, error: { code: 'unavailable', message: 'The audience is being listed again. Try the export in a moment.' } };
      return { ok: true, data: { rows: answer.data.rows, nextCursor: answer.data.nextCursor } };
    }, (progress) => setExporting(`Exporting… ${progress.rows} rows`));
    if (!result.ok) { setExporting(result.error.message); return; }
    const label = state.status === 'ready' ? [state.data.range.from, state.data.range.to] : [];
    downloadText(csvFileName('viewtracker', 'inactive-readers', ...label), csvFileText(INACTIVE_COLUMNS, result.rows));
    setExporting(null);
  };

  return (
    <div data-panel="inactive-readers">
      <p className="vt-report-note">Members of the audience without a counted view of any content in the report’s period, with their last view where one is stored.</p>
      <div className="vt-reach-toolbar">
        <ReachAudiencePicker id="reach-inactive" value={audience} onChange={setAudience} kinds={['group', 'licensed']} scope={scope} />
        {state.status === 'ready' ? <Button onClick={() => void onExport()} isLoading={exporting?.startsWith('Export') ?? false}>Export CSV</Button> : null}
      </div>
      {exporting ? <p className="vt-report-note" role="status">{exporting}</p> : null}
      <div aria-live="polite" aria-busy={busy}>
        {state.status === 'idle' ? <p className="vt-report-note">Choose a group, or all licensed users.</p> : null}
        {state.status === 'loading' ? <LoadingState label="Loading inactive readers" /> : null}
        {state.status === 'preparing' ? <ReachProgress progress={state.progress} /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.error.code === 'forbidden' || state.error.code === 'invalid-input' ? undefined : () => setRetry(retry + 1)} /> : null}
        {state.status === 'ready' ? (
          <div className={busy ? 'vt-reach--busy' : undefined}>
            <p className="vt-reach-figure" data-testid="inactive-share">{state.data.inactive.toLocaleString()} of {state.data.audience.toLocaleString()} read nothing</p>
            <p className="vt-report-note">{state.data.audienceLabel}, {state.data.range.from} to {state.data.range.to} (UTC)</p>
            {state.data.incomplete ? <p className="vt-report-note" role="note">{state.data.incomplete}</p> : null}
            {state.data.notes.map((note) => <p key={note} className="vt-report-note">{note}</p>)}
            {state.data.rows.length === 0 ? <EmptyState header="Everyone read something" description="Every member of this audience has a counted view in this period." headingLevel={3} /> : (
              <Table name="inactive-readers" caption="Inactive readers" hideCaption columns={COLUMNS} rows={state.data.rows} rowKey={(row) => row.accountId}
                sort={sort} isLoading={busy} loadingLabel="Loading inactive readers"
                onSort={(column) => {
                  const key = COLUMNS.find((candidate) => candidate.key === column)?.key;
                  if (key) setSort({ column: key, direction: sort.column === key && sort.direction === 'asc' ? 'desc' : 'asc' });
                }} />
            )}
            <div className="vt-report-pager">
              <Button appearance="subtle" disabled={cursors.length === 0 || busy} onClick={() => setCursors(cursors.slice(0, -1))}>Previous</Button>
              <span>Page {cursors.length + 1} of {Math.max(1, Math.ceil(state.data.total / PAGE_SIZE))}</span>
              <Button appearance="subtle" disabled={state.data.nextCursor === null || busy} onClick={() => { const next = state.data.nextCursor; if (next) setCursors([...cursors, next]); }}>Next</Button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
