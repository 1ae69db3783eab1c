import type { ReportSort } from '@contracts/report-query';

/** Sorts table rows by any of their columns (numbers numerically, text by locale), stable. */
export function sortRows<R>(rows: R[], sort: ReportSort): R[] {
  const direction = sort.direction === 'asc' ? 1 : -1;
  return rows.map((row, index) => ({ row, index })).sort((a, b) => {
    const x = field(a.row, sort.column);
    const y = field(b.row, sort.column);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
    return order * direction || a.index - b.index;
  }).map(({ row }) => row);
}

function field(row: unknown, column: string): unknown {
  if (typeof row !== 'object' || row === null) return undefined;
  return Object.entries(row).find(([key]) => key === column)?.[1];
}
