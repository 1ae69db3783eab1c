/**
 * The app's data tables: Atlassian's DynamicTable (@atlaskit/dynamic-table, the stateless one), one
 * rule for alignment (numbers right, so their digits line up; text and dates left), an empty view, a
 * loading state over the table's head, and sortable heads whose click goes to the caller.
 *
 * The table never sorts or pages rows itself: the reports sort and page on the server. DynamicTable
 * re-sorts the rows it is given by their cells' keys unless it is told the rows are one page of a
 * longer list (`rowsPerPage` and `totalRows`); it is told exactly that, with one page of this length,
 * so it shows the rows in the server's order and no pagination of its own (callers page with their
 * own pager, from the server's cursors).
 */
import type { CSSProperties, ReactNode } from 'react';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadCellType, RowCellType, RowType } from '@atlaskit/dynamic-table/types';

/** The one alignment rule of every table, header and cells alike. */
export function alignStyle(numeric: boolean | undefined): CSSProperties {
  return { textAlign: numeric ? 'right' : 'left' };
}

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  align?: 'start' | 'end';
  /** Width as a percentage of the table. */
  width?: number;
  /** A head the reader can click (or press Enter on) to sort by this column; see `sort` and `onSort`. */
  sortable?: boolean;
}

export interface TableSort {
  column: string;
  direction: 'asc' | 'desc';
}

export interface TableProps<Row> {
  caption: string;
  /** Hide the caption visually; it still names the table for screen readers. */
  hideCaption?: boolean;
  columns: ReadonlyArray<Column<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  emptyView?: ReactNode;
  /** Rows are on their way: the head stays, a spinner stands where the rows will be. */
  isLoading?: boolean;
  loadingLabel?: string;
  /** The server's sort, shown on its column's head. */
  sort?: TableSort;
  /** A sortable head was chosen: the caller asks the server; the table does not reorder anything. */
  onSort?: (column: string) => void;
  /** Marks the wrapper for tests and styles, e.g. the report's table kind. */
  name?: string;
  /** An extra class on the wrapper (a page's own spacing). */
  className?: string;
}

type AlignedCell = RowCellType & { style: CSSProperties; 'data-column': string };
type AlignedHead = HeadCellType & { style: CSSProperties; 'data-column': string; 'data-align': string; scope: 'col' };

export function Table<Row>({ caption, hideCaption = false, columns, rows, rowKey, emptyView, isLoading = false, loadingLabel, sort, onSort, name, className }: TableProps<Row>) {
  if (rows.length === 0 && emptyView && !isLoading) return <>{emptyView}</>;
  const head: { cells: AlignedHead[] } = {
    cells: columns.map((column) => ({
      key: column.key,
      content: column.header,
      isSortable: column.sortable === true && onSort !== undefined,
      ...(column.width !== undefined ? { width: column.width } : {}),
      style: alignStyle(column.align === 'end'),
      'data-column': column.key,
      'data-align': column.align ?? 'start',
      scope: 'col',
    })),
  };
  const tableRows: RowType[] = rows.map((row) => ({
    key: rowKey(row),
    cells: columns.map((column): AlignedCell => ({ key: column.key, content: column.cell(row), style: alignStyle(column.align === 'end'), 'data-column': column.key })),
  }));
  return (
    <div className={['vt-table', className].filter(Boolean).join(' ')} data-table={name}>
      <DynamicTableStateless
        caption={<span className={hideCaption ? 'vt-visually-hidden' : 'vt-table__caption'}>{caption}</span>}
        head={head}
        rows={tableRows}
        // One page, exactly these rows: no client-side sorting or paging (see the comment above).
        rowsPerPage={Math.max(1, tableRows.length)}
        totalRows={Math.max(1, tableRows.length)}
        isLoading={isLoading}
        {...(loadingLabel ? { loadingLabel } : {})}
        {...(sort && columns.some((column) => column.key === sort.column) ? { sortKey: sort.column, sortOrder: sort.direction === 'asc' ? 'ASC' as const : 'DESC' as const } : {})}
        onSort={(data: { key?: unknown }) => { if (typeof data.key === 'string') onSort?.(data.key); }}
      />
    </div>
  );
}
