/** The columns of every report table, as shown and as exported (CSV uses the same values). */
import type { ContentFigure, ReaderFigure, ReportTable, SourceFigure, SpaceFigure, TypeFigure } from '@contracts/report-query';
import type { CsvCell } from '../csv/write-csv';
import { sourceLabel } from '../format/source-labels';
import { formatDay } from '../format/time';

export interface ReportColumn {
  key: string;
  header: string;
  numeric?: boolean;
  text: (row: Record<string, unknown>) => CsvCell;
  href?: (row: Record<string, unknown>) => string | null;
  /** On screen when it differs from the CSV value (dates in the reader's format; the CSV keeps ISO). */
  display?: (row: Record<string, unknown>) => CsvCell;
  /** In the CSV only, not on screen (account ids). */
  exportOnly?: boolean;
}

/** The columns shown on screen. */
export function screenColumns(table: ReportTable): ReportColumn[] {
  return COLUMNS[table].filter((column) => !column.exportOnly);
}

// CSV: the ISO UTC day (machine-readable, any locale); screen: the same UTC day in the reader's format.
const day = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString().slice(0, 10) : 'never');
const shownDay = (ms: unknown) => (typeof ms === 'number' ? formatDay(ms) : 'never');
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? value : 0);
const TYPE_LABEL: Record<string, string> = { page: 'Page', blogpost: 'Blog post' };

const title: ReportColumn = {
  key: 'title', header: 'Title',
  text: (row) => (row.titleHidden ? 'Restricted content' : str(row.title) || `Content ${str(row.contentId)}`),
  href: (row) => (row.titleHidden ? null : `/wiki/spaces/${str(row.spaceKey)}/pages/${str(row.contentId)}`),
};
const space: ReportColumn = { key: 'spaceName', header: 'Space', text: (row) => str(row.spaceName) || str(row.spaceKey), href: (row) => `/wiki/spaces/${str(row.spaceKey)}` };
const views: ReportColumn = { key: 'views', header: 'Views', numeric: true, text: (row) => num(row.views) };

export const COLUMNS: Record<ReportTable, ReportColumn[]> = {
  'top-content': [title, space, { key: 'contentType', header: 'Type', text: (row) => TYPE_LABEL[str(row.contentType)] ?? '' }, views, { key: 'lastViewedAt', header: 'Last viewed', text: (row) => day(row.lastViewedAt), display: (row) => shownDay(row.lastViewedAt) }],
  'not-viewed': [title, space, { key: 'contentType', header: 'Type', text: (row) => TYPE_LABEL[str(row.contentType)] ?? '' }, { key: 'lastViewedAt', header: 'Last viewed (by anyone)', text: (row) => day(row.lastViewedAt), display: (row) => shownDay(row.lastViewedAt) }, { ...views, header: 'Views (all time)' }],
  'top-spaces': [space, views, { key: 'pageViews', header: 'Page views', numeric: true, text: (row) => num(row.pageViews) }, { key: 'blogpostViews', header: 'Blog post views', numeric: true, text: (row) => num(row.blogpostViews) }, { key: 'anonymousViews', header: 'Anonymous views', numeric: true, text: (row) => num(row.anonymousViews) }],
  // The account id is for exports (where privacy allows names at all), not a raw column next to names.
  'top-readers': [{ key: 'name', header: 'Reader', text: (row) => str(row.name) }, views, { key: 'viewer', header: 'Account ID', text: (row) => str(row.viewer), exportOnly: true }],
  'by-source': [{ key: 'source', header: 'Source', text: (row) => sourceLabel(str(row.source)) }, views],
  'by-type': [{ key: 'contentType', header: 'Content type', text: (row) => TYPE_LABEL[str(row.contentType)] ?? '' }, views],
};

export const TABLE_LABELS: Record<ReportTable, string> = {
  'top-content': 'Top content', 'top-spaces': 'Top spaces', 'top-readers': 'Top readers',
  'by-source': 'By source', 'by-type': 'By content type', 'not-viewed': 'Not viewed',
};

export type AnyFigure = ContentFigure | SpaceFigure | ReaderFigure | SourceFigure | TypeFigure;

export function asRecord(row: AnyFigure): Record<string, unknown> {
  return { ...row };
}
