/** A ranking of content with a bar per row, so the order reads at a glance; used by both reports. */
import type { ContentRanking } from '@contracts/resolvers';
import { EmptyState } from './states';
import { Table, type Column } from './table';
import { formatNumber, formatRelativeTime } from '../format/time';

export function ContentRankingTable({ rows, caption, showSpace = true }: { rows: ContentRanking[]; caption: string; showSpace?: boolean }) {
  const now = Date.now();
  const most = Math.max(1, ...rows.map((row) => row.views));
  const columns: Array<Column<ContentRanking>> = [
    { key: 'rank', header: '#', width: '3em', cell: (row) => rows.indexOf(row) + 1 },
    { key: 'title', header: 'Content', cell: (row) => (
      <span className="vt-ranking__title">
        {row.titleHidden ? <em className="vt-ranking__hidden">Content you cannot see</em> : row.title || `Content ${row.contentId}`}
        <span className="vt-ranking__meta">{row.contentType === 'blogpost' ? 'Blog post' : row.contentType === 'attachment' ? 'Attachment' : 'Page'}{showSpace ? ` in ${row.spaceKey}` : ''}</span>
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
    <Table
      caption={caption}
      hideCaption
      columns={columns}
      rows={rows}
      rowKey={(row) => row.contentId}
      emptyView={<EmptyState header="No views yet" description="Views appear here as soon as people read pages and blog posts." />}
    />
  );
}
