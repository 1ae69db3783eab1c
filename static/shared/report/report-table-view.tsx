/**
 * One report table (Atlassian's DynamicTable through `components/table`): every column's head sorts
 * on the server (a new column starts descending, the same column again flips the direction), links,
 * and the server's paging through its cursors with a Previous / Next pager of our own (ADS's
 * pagination needs the number of pages, which a cursor does not tell).
 */
import type { ReportPage, ReportSort, ReportTable } from '@contracts/report-query';
import { Button } from '../components/button';
import { EmptyState } from '../components/states';
import { Table, type Column } from '../components/table';
import { asRecord, screenColumns, TABLE_LABELS } from './report-columns';

export interface ReportTableViewProps {
  table: ReportTable;
  /** Null while the page is on its way: the head stays, with a spinner under it. */
  page: ReportPage | null;
  sort: ReportSort;
  onSort: (sort: ReportSort) => void;
  pageIndex: number;
  onPage: (next: boolean) => void;
}

/** The sort a click on `column`'s head asks for. */
export function nextSort(sort: ReportSort, column: string): ReportSort {
  return { column, direction: sort.column === column && sort.direction === 'desc' ? 'asc' : 'desc' };
}

export function ReportTableView({ table, page, sort, onSort, pageIndex, onPage }: ReportTableViewProps) {
  const columns: Array<Column<Record<string, unknown>>> = screenColumns(table).map((column) => ({
    key: column.key,
    header: column.header,
    align: column.numeric ? 'end' : 'start',
    sortable: true,
    cell: (row) => {
      const text = (column.display ?? column.text)(row);
      const href = column.href?.(row) ?? null;
      return href ? <a href={href} target="_top">{String(text ?? '')}</a> : typeof text === 'number' ? text.toLocaleString() : String(text ?? '');
    },
  }));
  const rows = (page?.result.rows ?? []).map(asRecord);
  return (
    <div>
      {(page?.notes ?? []).map((note) => <p key={note} className="vt-report-note">{note}</p>)}
      <Table name={table} caption={TABLE_LABELS[table]} hideCaption columns={columns} rows={rows} rowKey={(row) => `${pageIndex}-${rows.indexOf(row)}`}
        isLoading={page === null} loadingLabel="Loading the table" sort={sort} onSort={(column) => onSort(nextSort(sort, column))}
        emptyView={<EmptyState header="Nothing to show" description="No views match this range and these filters." headingLevel={3} />} />
      <div className="vt-report-pager">
        <Button appearance="subtle" disabled={pageIndex === 0 || page === null} onClick={() => onPage(false)}>Previous</Button>
        <span>Page {pageIndex + 1}</span>
        <Button appearance="subtle" disabled={page === null || page.nextCursor === null} onClick={() => onPage(true)}>Next</Button>
      </div>
    </div>
  );
}
