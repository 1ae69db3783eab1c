/**
 * Reach (issue 20): for an audience (a group, the space's members, all licensed users) and the modal's
 * range, "K of N have read it", how many read the current version, reach over time, and who read it
 * and who has not yet (paged, searchable, CSV). Shown where the page's viewers are; elsewhere the
 * section says why there is none (Extended privacy cannot know reach without account ids).
 */
import { useEffect, useMemo, useState } from 'react';
import type { PageStatistics } from '@contracts/page-statistics';
import type { ReachAudience, ReachPerson, ReachReady } from '@contracts/reach';
import type { DateRange } from '@contracts/report-range';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { SectionMessage } from '../../shared/components/section-message';
import { EmptyState, ErrorState, Skeleton } from '../../shared/components/states';
import { TextField } from '../../shared/components/text-field';
import { TimeSeriesChart } from '../../shared/components/time-series-chart';
import { bucketFor } from '../../shared/format/buckets';
import { bucketWord, chartData } from '../../shared/format/chart-data';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format/time';
import { Table, type Column } from '../../shared/components/table';
import { TabsBar } from '../../shared/components/tabs';
import { ReachAudiencePicker } from '../../shared/reach/reach-audience';
import { shareText } from '../../shared/reach/reach-columns';
import { ReachProgress } from '../../shared/reach/reach-progress';
import { useReach } from '../../shared/reach/use-reach';
import { exportReach } from './reach-export';
import { HIDDEN_REASONS } from './statistics-format';

const PAGE_SIZE = 10;
const EXTENDED = 'Extended privacy is on: Viewtracker stores no account IDs, so it cannot know who of an audience has read this page.';

type ListKind = 'read' | 'not-read';

export function ReachSection({ range, stats }: { range: DateRange; stats: PageStatistics }) {
  if (!stats.people.visible) {
    const reason = stats.people.reason;
    const { title, text } = HIDDEN_REASONS[reason];
    return (
      <section className="vt-stats-section" aria-labelledby="reach-heading" data-section="reach">
        <h2 id="reach-heading" className="vt-stats-section__title">Reach</h2>
        <SectionMessage appearance="information" title={reason === 'extended-privacy' ? 'Reach needs account IDs' : title}>
          <p>{reason === 'extended-privacy' ? EXTENDED : `${text} Reach names people, so it follows the same rule.`}</p>
        </SectionMessage>
      </section>
    );
  }
  return <ReachPanel range={range} stats={stats} />;
}

function ReachPanel({ range, stats }: { range: DateRange; stats: PageStatistics }) {
  const [audience, setAudience] = useState<ReachAudience | null>(null);
  const [list, setList] = useState<ListKind>('not-read');
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [retry, setRetry] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);
  // Another question starts at the first page.
  useEffect(() => setCursors([]), [audience, range, list, search]);

  const cursor = cursors[cursors.length - 1];
  const request = useMemo(() => (audience ? {
    audience, range, list, limit: PAGE_SIZE, ...(search ? { query: search } : {}), ...(cursor ? { cursor } : {}),
  } : null), [audience, range, list, search, cursor]);
  const { state, busy } = useReach<ReachReady>(
    request ? () => invokeResolver('getPageReach', request) : null,
    JSON.stringify(request), JSON.stringify([audience, range]), retry,
  );

  const onExport = async () => {
    if (!audience) return;
    setExportError(null);
    setExporting('Preparing…');
    const fileParts = [stats.title, ...(state.status === 'ready' ? [state.data.range.from, state.data.range.to] : [])];
    const outcome = await exportReach({ audience, range, list, query: search }, fileParts, (rows) => setExporting(`${formatNumber(rows)} people…`));
    setExporting(null);
    if (!outcome.ok) setExportError(outcome.message);
  };

  return (
    <section className="vt-stats-section" aria-labelledby="reach-heading" data-section="reach">
      <h2 id="reach-heading" className="vt-stats-section__title">Reach</h2>
      <p className="vt-subtlest">Who of an audience has read this page in the period, and who has not yet.</p>
      <ReachAudiencePicker id="reach-audience" value={audience} onChange={setAudience} kinds={['group', 'space-members', 'licensed']} scope="space"
        search={(text) => invokeResolver('searchReachGroups', { query: text })} />
      <div aria-live="polite" aria-busy={busy || state.status === 'loading'}>
        {state.status === 'idle' ? <p className="vt-viewers__empty">Choose an audience to see who has read this page.</p> : null}
        {state.status === 'loading' ? <div aria-busy="true"><Skeleton height={72} /><Skeleton height={36} /></div> : null}
        {state.status === 'preparing' ? <ReachProgress progress={state.progress} /> : null}
        {state.status === 'error' ? (
          <ErrorState error={state.error}
            title={state.error.code === 'forbidden' ? 'You can’t see this page’s reach' : state.error.code === 'invalid-input' ? 'This reach cannot be shown' : 'The reach could not be loaded'}
            onRetry={state.error.code === 'forbidden' || state.error.code === 'invalid-input' ? undefined : () => setRetry(retry + 1)} />
        ) : null}
        {state.status === 'ready' ? (
          <ReachReadyView data={state.data} busy={busy} list={list} onList={setList} query={query} onQuery={setQuery} search={search}
            pageIndex={cursors.length}
            onPage={(next) => setCursors(next && state.data.list.nextCursor ? [...cursors, state.data.list.nextCursor] : cursors.slice(0, -1))}
            onExport={() => void onExport()} exporting={exporting} exportError={exportError} />
        ) : null}
      </div>
    </section>
  );
}

interface ReadyProps {
  data: ReachReady;
  busy: boolean;
  list: ListKind;
  onList: (list: ListKind) => void;
  query: string;
  onQuery: (query: string) => void;
  search: string;
  pageIndex: number;
  onPage: (next: boolean) => void;
  onExport: () => void;
  exporting: string | null;
  exportError: string | null;
}

function ReachReadyView({ data, busy, list, onList, query, onQuery, search, pageIndex, onPage, onExport, exporting, exportError }: ReadyProps) {
  const { figures } = data;
  const notRead = figures.audience - figures.readers;
  const chart = useMemo(() => {
    const first = data.overTime[0]?.day;
    const last = data.overTime[data.overTime.length - 1]?.day;
    const span = first && last ? Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1 : 1;
    const bucket = bucketFor(span);
    return {
      title: `Readers in the audience per ${bucketWord(bucket)}`,
      data: chartData(data.overTime.map((point) => ({ day: point.day, values: { readers: point.readers } })), bucket, [
        { key: 'readers', label: 'Have read it', kind: 'line', combine: 'max' },
      ]),
    };
  }, [data.overTime]);
  const pages = Math.max(1, Math.ceil(data.list.total / PAGE_SIZE));
  return (
    <div className={busy ? 'vt-reach vt-reach--busy' : 'vt-reach'}>
      <dl className="vt-stat-grid">
        <div className="vt-stat">
          <dt className="vt-stat__label">Have read it</dt>
          <dd className="vt-stat__value" data-testid="reach-share">{shareText(figures.readers, figures.audience)}</dd>
          <dd className="vt-stat__detail">{data.audienceLabel}</dd>
        </div>
        <div className="vt-stat">
          <dt className="vt-stat__label">Read the current version</dt>
          <dd className="vt-stat__value">{figures.readCurrentVersion === null ? 'Unknown' : formatNumber(figures.readCurrentVersion)}</dd>
          <dd className="vt-stat__detail">{figures.lastModifiedAt === null ? 'The last edit time is not known yet.' : `Since the last edit, ${formatDate(figures.lastModifiedAt)}`}</dd>
        </div>
        <div className="vt-stat">
          <dt className="vt-stat__label">Not read yet</dt>
          <dd className="vt-stat__value">{formatNumber(notRead)}</dd>
          <dd className="vt-stat__detail">{data.range.from} to {data.range.to} (UTC)</dd>
        </div>
      </dl>
      {data.incomplete ? <SectionMessage appearance="warning" title="These figures are not whole"><p>{data.incomplete}</p></SectionMessage> : null}
      {data.notes.map((note) => <p key={note} className="vt-reach-note">{note}</p>)}
      {figures.audience === 0 ? (
        <EmptyState header="Nobody in this audience" description="The audience has no active members Viewtracker can count. Choose another audience." headingLevel={3} />
      ) : (
        <>
          <h3 className="vt-stats-section__title" style={{ marginTop: 16 }}>{chart.title}</h3>
          <TimeSeriesChart title={chart.title} data={chart.data} height={180} />
          <TabsBar id="reach-lists" label="Reach lists" selected={list} onChange={onList}
            tabs={[{ key: 'not-read', label: `Not read yet (${formatNumber(notRead)})` }, { key: 'read', label: `Read (${formatNumber(figures.readers)})` }]}>
            <div id="reach-list">
              <div className="vt-reach-toolbar">
                <label className="vt-visually-hidden" htmlFor="reach-search">Search the reach list by name</label>
                <TextField id="reach-search" type="search" placeholder="Search by name" value={query} onChange={(event) => onQuery(event.target.value)} maxLength={100} />
                <Button spacing="compact" onClick={onExport} isLoading={exporting !== null}>Export CSV</Button>
              </div>
              {exporting ? <p className="vt-reach-note" role="status">{exporting}</p> : null}
              {exportError ? <SectionMessage appearance="error" title="The export failed" role="alert"><p>{exportError}</p></SectionMessage> : null}
              <ReachList data={data} search={search} />
              {data.list.total > PAGE_SIZE ? (
                <div className="vt-reach-pager">
                  <Button appearance="subtle" disabled={pageIndex === 0 || busy} onClick={() => onPage(false)}>Previous</Button>
                  <span>Page {pageIndex + 1} of {pages}</span>
                  <Button appearance="subtle" disabled={data.list.nextCursor === null || busy} onClick={() => onPage(true)}>Next</Button>
                </div>
              ) : null}
            </div>
          </TabsBar>
        </>
      )}
    </div>
  );
}

function ReachList({ data, search }: { data: ReachReady; search: string }) {
  const { kind, rows } = data.list;
  if (rows.length === 0) {
    const text = search
      ? `Nobody named “${search}” in this list.`
      : kind === 'read' ? 'Nobody in this audience has read the page in this period.' : 'Everyone in this audience has read the page in this period.';
    return <p className="vt-viewers__empty">{text}</p>;
  }
  const person: Column<ReachPerson> = { key: 'displayName', header: 'Person', cell: (row) => row.displayName };
  const columns: Array<Column<ReachPerson>> = kind === 'read' ? [
    person,
    { key: 'firstViewedAt', header: 'First view', cell: (row) => (row.firstViewedAt === null ? '' : formatDateTime(row.firstViewedAt)) },
    { key: 'lastViewedAt', header: 'Last view', cell: (row) => (row.lastViewedAt === null ? '' : formatDateTime(row.lastViewedAt)) },
    { key: 'views', header: 'Views', align: 'end', cell: (row) => formatNumber(row.views) },
  ] : [person];
  return (
    <Table className="vt-viewers" name={`reach-${kind}`} hideCaption rows={rows} rowKey={(row) => row.accountId} columns={columns}
      caption={kind === 'read' ? 'People of the audience who read this page' : 'People of the audience who have not read this page yet'} />
  );
}
