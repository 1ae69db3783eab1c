/** The columns a custom report can show, for the table and the CSV alike (one definition of each). */
import type { ReportColumn, ReportRow } from '@contracts/custom-reports';
import type { CsvCell } from '../csv/write-csv';
import { formatDay, formatNumber } from '../format/time';

export const COLUMN_LABELS: Record<ReportColumn, string> = {
  title: 'Title', space: 'Space', type: 'Type', views: 'Views', viewers: 'Viewers (all time)', 'last-viewed': 'Last viewed',
};

export function cellText(column: ReportColumn, row: ReportRow): string {
  switch (column) {
    case 'title': return row.title;
    case 'space': return row.spaceName ?? row.spaceKey;
    case 'type': return row.contentType === 'page' ? 'Page' : 'Blog post';
    case 'views': return formatNumber(row.views);
    case 'viewers': return formatNumber(row.viewers);
    case 'last-viewed': return row.lastViewedAt === null ? 'Never' : formatDay(row.lastViewedAt);
  }
}

/** CSV cells are raw values (numbers stay numbers, times are ISO 8601 so files stay machine-readable), not the table's formatted text. */
export function csvValue(column: ReportColumn, row: ReportRow): CsvCell {
  switch (column) {
    case 'views': return row.views;
    case 'viewers': return row.viewers;
    case 'last-viewed': return row.lastViewedAt === null ? '' : new Date(row.lastViewedAt).toISOString();
    default: return cellText(column, row);
  }
}

export const WHAT_LABELS = {
  'most-viewed': 'Most viewed',
  'least-viewed': 'Not viewed in the range',
  'views-over-time': 'Views over time',
  'top-readers': 'Top readers',
} as const;
