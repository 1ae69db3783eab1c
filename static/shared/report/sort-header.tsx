/**
 * One sortable column header of the report tables: a button in the `<th>` (keyboard and screen reader
 * reach it), `aria-sort` for the active column, an arrow for its direction. The caller decides what the
 * next sort is (numbers start descending, names ascending).
 */
import { alignStyle } from '../components/table';

export interface SortState<K extends string> { column: K; direction: 'asc' | 'desc' }

export function SortHeader<K extends string>({ columnKey, header, sort, next, onSort, numeric = false }: {
  columnKey: K; header: string; sort: SortState<K>; next: SortState<K>; onSort: (next: SortState<K>) => void; numeric?: boolean;
}) {
  const active = sort.column === columnKey;
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} style={alignStyle(numeric)}>
      <button type="button" className="vt-report-sort" onClick={() => onSort(next)} data-column={columnKey}>
        {header}{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}
