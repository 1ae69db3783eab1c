/** The viewer list's CSV columns: readable names and account ids (as the reports' CSV), times in UTC. */
import type { PageViewer } from '@contracts/page-statistics';
import type { CsvColumn } from '../../shared/csv/write-csv';

export const VIEWER_COLUMNS: ReadonlyArray<CsvColumn<PageViewer>> = [
  { header: 'Name', value: (row) => row.displayName },
  { header: 'Account ID', value: (row) => row.accountId },
  { header: 'Views', value: (row) => row.views },
  { header: 'First view (UTC)', value: (row) => new Date(row.firstViewedAt).toISOString() },
  { header: 'Last view (UTC)', value: (row) => new Date(row.lastViewedAt).toISOString() },
];

