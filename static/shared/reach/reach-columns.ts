/** CSV columns of the reach lists (names and account ids as every people export; times and days stay ISO 8601 in UTC so files are machine-readable, unlike the screen's locale dates). */
import type { InactiveReader, ReachPerson } from '@contracts/reach';
import type { CsvColumn } from '../csv/write-csv';

const utc = (at: number | null) => (at === null ? '' : new Date(at).toISOString());

export const READ_COLUMNS: ReadonlyArray<CsvColumn<ReachPerson>> = [
  { header: 'Name', value: (row) => row.displayName },
  { header: 'Account ID', value: (row) => row.accountId },
  { header: 'Views', value: (row) => row.views },
  { header: 'First view (UTC)', value: (row) => utc(row.firstViewedAt) },
  { header: 'Last view (UTC)', value: (row) => utc(row.lastViewedAt) },
];

export const NOT_READ_COLUMNS: ReadonlyArray<CsvColumn<ReachPerson>> = [
  { header: 'Name', value: (row) => row.displayName },
  { header: 'Account ID', value: (row) => row.accountId },
];

export const INACTIVE_COLUMNS: ReadonlyArray<CsvColumn<InactiveReader>> = [
  { header: 'Name', value: (row) => row.displayName },
  { header: 'Account ID', value: (row) => row.accountId },
  { header: 'Last view (UTC day)', value: (row) => row.lastViewedDay ?? '' },
];

/** "12 of 40 (30%)"; N = 0 has no percentage. */
export function shareText(readers: number, audience: number): string {
  if (audience === 0) return `${readers.toLocaleString()} of 0`;
  const percent = Math.round((readers / audience) * 1000) / 10;
  return `${readers.toLocaleString()} of ${audience.toLocaleString()} (${percent}%)`;
}
