/** A simple data table in the Atlassian DynamicTable style: caption, header row, zebra-free rows. */
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  align?: 'start' | 'end';
  width?: string;
}

export interface TableProps<Row> {
  caption: string;
  /** Hide the caption visually; it still names the table for screen readers. */
  hideCaption?: boolean;
  columns: ReadonlyArray<Column<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  emptyView?: ReactNode;
}

export function Table<Row>({ caption, hideCaption = false, columns, rows, rowKey, emptyView }: TableProps<Row>) {
  if (rows.length === 0 && emptyView) return <>{emptyView}</>;
  return (
    <div className="vt-table-wrapper">
      <table className="vt-table">
        <caption className={hideCaption ? 'vt-visually-hidden' : 'vt-table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" style={{ width: column.width, textAlign: column.align === 'end' ? 'right' : 'left' }}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} style={{ textAlign: column.align === 'end' ? 'right' : 'left' }}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
