/** One report table: sortable column headers (buttons, aria-sort), links, paging. */
import type { ReportPage, ReportSort, ReportTable } from '@contracts/report-query';
import { Button } from '../components/button';
import { EmptyState } from '../components/states';
import { asRecord, screenColumns, TABLE_LABELS } from './report-columns';
import { SortHeader } from './sort-header';
import { alignStyle } from '../components/table';

export interface ReportTableViewProps {
  table: ReportTable;
  page: ReportPage;
  sort: ReportSort;
  onSort: (sort: ReportSort) => void;
  pageIndex: number;
  onPage: (next: boolean) => void;
}

export function ReportTableView({ table, page, sort, onSort, pageIndex, onPage }: ReportTableViewProps) {
  const columns = screenColumns(table);
  const rows = page.result.rows.map(asRecord);
  return (
    <div>
      {page.notes.map((note) => <p key={note} className="vt-report-note">{note}</p>)}
      {rows.length === 0 ? <EmptyState header="Nothing to show" description="No views match this range and these filters." headingLevel={3} /> : (
        <div className="vt-table-wrapper">
          <table className="vt-table">
            <caption className="vt-visually-hidden">{TABLE_LABELS[table]}</caption>
            <thead>
              <tr>
                {columns.map((column) => {
                  const active = sort.column === column.key;
                  const next: ReportSort = { column: column.key, direction: active && sort.direction === 'desc' ? 'asc' : 'desc' };
                  return <SortHeader key={column.key} columnKey={column.key} header={column.header} sort={sort} next={next} onSort={onSort} numeric={column.numeric} />;
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${pageIndex}-${index}`}>
                  {columns.map((column) => {
                    const text = (column.display ?? column.text)(row);
                    const href = column.href?.(row) ?? null;
                    return (
                      <td key={column.key} style={alignStyle(column.numeric)}>
                        {href ? <a href={href} target="_top">{String(text ?? '')}</a> : typeof text === 'number' ? text.toLocaleString() : String(text ?? '')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="vt-report-pager">
        <Button appearance="subtle" disabled={pageIndex === 0} onClick={() => onPage(false)}>Previous</Button>
        <span>Page {pageIndex + 1}</span>
        <Button appearance="subtle" disabled={page.nextCursor === null} onClick={() => onPage(true)}>Next</Button>
      </div>
    </div>
  );
}
