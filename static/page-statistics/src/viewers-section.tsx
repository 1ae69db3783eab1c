/**
 * Who viewed the page and when: latest first, 25 at a time ("Show more"), searchable by name, and
 * exported as CSV (every page of the list, fetched in bounded calls). Rendered only when the backend
 * said this caller may see people; the backend refuses the list to everyone else anyway.
 */
import { useEffect, useState } from 'react';
import type { PageStatistics, PageViewer } from '@contracts/page-statistics';
import type { DateRange } from '@contracts/report-range';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { ErrorState, Skeleton } from '../../shared/components/states';
import { TextField } from '../../shared/components/text-field';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../shared/format/time';
import { Table } from '../../shared/components/table';
import { exportViewers } from './viewers-export';
import { ViewerRow } from './viewer-row';
import { useSiteUrl } from './use-site-url';

/** The modal shows the latest few first; "Show more" then pages in larger steps. */
const FIRST_PAGE = 5;
const NEXT_PAGE = 25;

type ListState = { status: 'loading' } | { status: 'error'; message: string; code: 'unavailable' | 'forbidden' | 'internal' | 'invalid-input' | 'conflict' | 'not-found' } | { status: 'ready'; rows: PageViewer[]; nextCursor: string | null; more: boolean };

export function ViewersSection({ range, stats }: { range: DateRange; stats: PageStatistics }) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [exporting, setExporting] = useState<string | null>(null);
  const siteUrl = useSiteUrl();
  const now = Date.now();

  useEffect(() => {
    const timer = setTimeout(() => setSearch(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    let current = true;
    setList({ status: 'loading' });
    void invokeResolver('getPageViewers', { range, limit: FIRST_PAGE, ...(search ? { query: search } : {}) }).then((answer) => {
      if (!current) return;
      setList(answer.ok ? { status: 'ready', rows: answer.data.rows, nextCursor: answer.data.nextCursor, more: false } : { status: 'error', message: answer.error.message, code: answer.error.code });
    });
    return () => {
      current = false;
    };
  }, [range, search]);

  const showMore = async () => {
    if (list.status !== 'ready' || !list.nextCursor) return;
    setList({ ...list, more: true });
    const answer = await invokeResolver('getPageViewers', { range, limit: NEXT_PAGE, cursor: list.nextCursor });
    setList(answer.ok
      ? { status: 'ready', rows: [...list.rows, ...answer.data.rows], nextCursor: answer.data.nextCursor, more: false }
      : { status: 'error', message: answer.error.message, code: answer.error.code });
  };

  const exportCsv = async () => {
    setExporting('Preparing…');
    const outcome = await exportViewers(range, stats, (rows) => setExporting(`${formatNumber(rows)} people…`));
    setExporting(null);
    if (!outcome.ok) setList({ status: 'error', message: outcome.message, code: 'unavailable' });
  };

  return (
    <section className="vt-stats-section" aria-labelledby="viewers-heading">
      <div className="vt-viewers__header">
        <h2 id="viewers-heading" className="vt-stats-section__title">Who viewed</h2>
        <Button spacing="compact" onClick={() => void exportCsv()} isLoading={exporting !== null} aria-describedby="viewers-export-hint">Export CSV</Button>
      </div>
      <p id="viewers-export-hint" className="vt-subtlest">{exporting ?? 'People whose latest view is in this period, latest first. Views count all their visits.'}</p>
      <label className="vt-visually-hidden" htmlFor="viewer-search">Search viewers by name</label>
      <TextField id="viewer-search" type="search" placeholder="Search by name" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={100} />
      {list.status === 'loading' ? <div aria-busy="true"><Skeleton height={36} /><Skeleton height={36} /></div> : null}
      {list.status === 'error' ? <ErrorState error={{ code: list.code, message: list.message }} title="The list of viewers could not be loaded" /> : null}
      {list.status === 'ready' && list.rows.length === 0 ? (
        <p className="vt-viewers__empty">{search ? `Nobody named “${search}” viewed this page in this period.` : 'No signed-in viewers in this period.'}</p>
      ) : null}
      {list.status === 'ready' && list.rows.length > 0 ? (
        <>
          <Table className="vt-viewers" name="viewers" caption="People who viewed this page" hideCaption rows={list.rows} rowKey={(row) => row.accountId}
            columns={[
              { key: 'person', header: 'Person', cell: (row) => <ViewerRow viewer={row} siteUrl={siteUrl} /> },
              { key: 'views', header: 'Views', align: 'end', cell: (row) => formatNumber(row.views) },
              { key: 'lastViewedAt', header: 'Last view', cell: (row) => <span title={formatDateTime(row.lastViewedAt)}>{formatRelativeTime(row.lastViewedAt, now)}</span> },
            ]} />
          {list.nextCursor ? <Button onClick={() => void showMore()} isLoading={list.more}>Show more</Button> : null}
        </>
      ) : null}
    </section>
  );
}
