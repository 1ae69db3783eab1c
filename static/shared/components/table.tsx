/** A simple data table in the Atlassian DynamicTable style: caption, header row, zebra-free rows. */
import type { CSSProperties, ReactNode } from 'react';

/**
 * The one alignment rule of every table, header and cells alike: numbers right (their digits line up),
 * text and dates left. A `<th>` without it would be centred by the browser, away from its cells.
 */
export function alignStyle(numeric: boolean | undefined): CSSProperties {
  return { textAlign: numeric ? 'right' : 'left' };
}

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
              <th key={column.key} scope="col" style={{ width: column.width, ...alignStyle(column.align === 'end') }}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} style={alignStyle(column.align === 'end')}>
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
