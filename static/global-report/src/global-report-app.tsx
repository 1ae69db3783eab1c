/**
 * The global report. Today: the site's most viewed content of all time, with a bar per row so the
 * ranking reads at a glance. Date ranges, filters and export arrive with the reports release.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { ContentRanking, GlobalReport } from '@contracts/resolvers';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Page, PageHeader, PageSection } from '../../shared/components/page';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/states';
import { Table, type Column } from '../../shared/components/table';
import { formatNumber, formatRelativeTime } from '../../shared/format/time';

export function GlobalReportApp() {
  const [report, setReport] = useState<Envelope<GlobalReport> | null>(null);
  const load = useCallback(async () => {
    setReport(null);
    setReport(await invokeResolver('getGlobalReport', {}));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Page width="wide">
      <PageHeader breadcrumb="Viewtracker" title="Viewtracker report" description="The most viewed pages and blog posts of the whole site, all time." />
      {report === null && <LoadingState label="Loading the report" />}
      {report !== null && !report.ok && <ErrorState error={report.error} {...(report.error.code === 'forbidden' ? {} : { onRetry: () => void load() })} />}
      {report?.ok && <TopContent rows={report.data.topContent} />}
    </Page>
  );
}

function TopContent({ rows }: { rows: ContentRanking[] }) {
  const now = Date.now();
  const most = Math.max(1, ...rows.map((row) => row.views));
  const columns: Array<Column<ContentRanking>> = [
    { key: 'rank', header: '#', width: '3em', cell: (row) => rows.indexOf(row) + 1 },
    { key: 'title', header: 'Content', cell: (row) => (
      <span className="vt-ranking__title">
        {row.titleHidden ? <em className="vt-ranking__hidden">Content you cannot see</em> : row.title || `Content ${row.contentId}`}
        <span className="vt-ranking__meta">{row.contentType === 'blogpost' ? 'Blog post' : 'Page'} in {row.spaceKey}</span>
      </span>
    ) },
    { key: 'views', header: 'Views', width: '34%', cell: (row) => (
      <span className="vt-ranking__bar-cell">
        <span className="vt-ranking__bar" style={{ width: `${(row.views / most) * 100}%` }} aria-hidden="true" />
        <span className="vt-ranking__value">{formatNumber(row.views)}</span>
      </span>
    ) },
    { key: 'viewers', header: 'Viewers', align: 'end', cell: (row) => formatNumber(row.viewers) },
    { key: 'last', header: 'Last viewed', align: 'end', cell: (row) => (row.lastViewedAt ? formatRelativeTime(row.lastViewedAt, now) : '—') },
  ];
  return (
    <PageSection id="top-content" title="Most viewed content">
      <Table
        caption="Most viewed content, all time"
        hideCaption
        columns={columns}
        rows={rows}
        rowKey={(row) => row.contentId}
        emptyView={<EmptyState header="No views yet" description="Views appear here as soon as people read pages and blog posts." />}
      />
    </PageSection>
  );
}
