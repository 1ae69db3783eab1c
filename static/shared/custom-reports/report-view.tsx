/**
 * One custom report as the reader may see it: the macro and the saved space reports both draw it.
 * Columns and rows as configured; what was included of a large content selection; CSV of exactly what is shown.
 */
import type { ReportAnswer, ReportRow } from '@contracts/custom-reports';
import { csvFileName, csvFileText } from '../csv/write-csv';
import { downloadText } from '../csv/download';
import { Button } from '../components/button';
import { SectionMessage } from '../components/section-message';
import { Table, type Column } from '../components/table';
import { formatDayRange, formatNumber, UTC_DAYS_NOTE } from '../format/time';
import { TimeSeriesChart } from '../components/time-series-chart';
import { chartData } from '../format/chart-data';
import { bucketFor } from '../format/buckets';
import { cellText, COLUMN_LABELS, csvValue, WHAT_LABELS } from './report-columns';

type Reader = { name: string; views: number; rank: number };

export function coverageText(coverage: { included: number; total: number; capped: boolean; checked?: number }): string {
  if (coverage.checked !== undefined) {
    return `Included the ${formatNumber(coverage.included)} you may read of the scope's first ${formatNumber(coverage.checked)} items; later items were not checked`;
  }
  if (!coverage.capped) return `${formatNumber(coverage.included)} ${coverage.included === 1 ? 'item' : 'items'} in scope`;
  return coverage.total > coverage.included
    ? `Included ${formatNumber(coverage.included)} of ${formatNumber(coverage.total)} items in scope`
    : `Included the first ${formatNumber(coverage.included)} items in scope`;
}

/** A partial list says so: " · Showing 10 of 51" (nothing when every match is shown). */
export function shownOf(shown: number, matched: number | undefined): string {
  return matched !== undefined && matched > shown ? ` · Showing ${formatNumber(shown)} of ${formatNumber(matched)}` : '';
}

export function ReportView({ answer, title, onOpen }: { answer: ReportAnswer; title: string; onOpen?: (row: ReportRow) => void }) {
  if (answer.state === 'notice') return <p className="vt-report__notice" role="status">{answer.message}</p>;
  if (answer.state === 'unavailable') {
    return <SectionMessage appearance="information" title="Not available yet">{answer.message} <span className="vt-report__meta">({coverageText(answer.coverage)})</span></SectionMessage>;
  }
  const columns: Array<Column<ReportRow>> = answer.config.columns.map((column) => ({
    key: column,
    header: COLUMN_LABELS[column],
    align: column === 'views' || column === 'viewers' ? 'end' : 'start',
    cell: (row: ReportRow) => (column === 'title' && onOpen
      ? <button type="button" className="vt-link-button" onClick={() => onOpen(row)}>{row.title}</button>
      : cellText(column, row)),
  }));
  const readers: Reader[] = (answer.readers ?? []).map((reader, index) => ({ ...reader, rank: index + 1 }));
  const readerColumns: Array<Column<Reader>> = [
    { key: 'name', header: 'Reader', align: 'start', cell: (row: Reader) => row.name },
    { key: 'views', header: 'Views', align: 'end', cell: (row: Reader) => formatNumber(row.views) },
  ];
  const exportCsv = () => {
    if (answer.config.what === 'top-readers') {
      downloadText(csvFileName('viewtracker', title, answer.range.from, answer.range.to), csvFileText([{ header: 'Reader', value: (row: Reader) => row.name }, { header: 'Views', value: (row: Reader) => row.views }], readers));
      return;
    }
    if (answer.series) {
      downloadText(csvFileName('viewtracker', title, answer.range.from, answer.range.to), csvFileText([{ header: 'Day (UTC)', value: (point: { day: string; views: number }) => point.day }, { header: 'Views', value: (point: { day: string; views: number }) => point.views }], answer.series));
      return;
    }
    const csvColumns = answer.config.columns.map((column) => ({ header: COLUMN_LABELS[column], value: (row: ReportRow) => csvValue(column, row) }));
    downloadText(csvFileName('viewtracker', title, answer.range.from, answer.range.to), csvFileText(csvColumns, answer.rows));
  };
  return (
    <div className="vt-report">
      <div className="vt-report__bar">
        <span className="vt-report__meta">
          {WHAT_LABELS[answer.config.what]} · {formatDayRange(answer.range.from, answer.range.to)} ({UTC_DAYS_NOTE}) · {coverageText(answer.coverage)}
          {shownOf(answer.rows.length, answer.matched)}
        </span>
        {answer.rows.length > 0 || answer.series || readers.length > 0 ? <Button appearance="subtle" spacing="compact" onClick={exportCsv}>Export CSV</Button> : null}
      </div>
      {answer.peopleHidden ? <p className="vt-report__notice" role="status">{answer.peopleHidden}</p> : null}
      {(answer.notes ?? []).map((note) => <p key={note} className="vt-report__notice" role="note">{note}</p>)}
      {answer.config.what === 'top-readers' && !answer.peopleHidden ? (
        <div className="vt-report__scroll">
          <Table caption={`${title}: readers`} hideCaption columns={readerColumns} rows={readers} rowKey={(row) => String(row.rank)}
            emptyView={<p className="vt-report__notice">No reader viewed this scope in the range.</p>} />
        </div>
      ) : null}
      {answer.series ? (
        <TimeSeriesChart title={`${title}: views`} data={chartData(answer.series.map((point) => ({ day: point.day, values: { views: point.views } })), bucketFor(answer.series.length), [{ key: 'views', label: 'Views', kind: 'bar' }])} />
      ) : null}
      {answer.config.what === 'top-readers' || answer.series ? null : (
        <div className="vt-report__scroll">
          <Table caption={title} hideCaption columns={columns} rows={answer.rows} rowKey={(row) => row.contentId}
            emptyView={<p className="vt-report__notice">Nothing to show for this scope and range.</p>} />
        </div>
      )}
    </div>
  );
}
