/**
 * Inactive readers and a space's reach (pure): which active members of an audience have no counted
 * view in a range, and what share of them read anything in a space.
 */
import type { InactiveReader } from '@contracts/reach';
import { activeMembers, excludedCounts, type AudienceMember } from './audience-members';
import { MAX_BATCH_KEYS } from '../../core/model/kvs-limits';

export function inactiveReaders(members: readonly AudienceMember[], viewedInRange: ReadonlySet<string>): { inactive: AudienceMember[]; audience: number } {
  const active = activeMembers(members);
  return { inactive: active.filter((member) => !viewedInRange.has(member.accountId)), audience: active.length };
}

export type InactiveSort = { column: 'displayName' | 'lastViewedDay'; direction: 'asc' | 'desc' };

/** Sorted as asked; people with no stored view sort as the oldest (first ascending, last descending). */
export function sortInactive(rows: InactiveReader[], sort: InactiveSort): InactiveReader[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: InactiveReader, b: InactiveReader) => a.displayName.localeCompare(b.displayName, 'en') || a.accountId.localeCompare(b.accountId);
  return [...rows].sort((a, b) => {
    if (sort.column === 'displayName') return sign * byName(a, b);
    const left = a.lastViewedDay ?? '';
    const right = b.lastViewedDay ?? '';
    return sign * (left < right ? -1 : left > right ? 1 : 0) || byName(a, b);
  });
}

/** The latest day of a viewer-month row's `days` (`{ '07': 3 }`) with a view, as `YYYY-MM-DD`. */
export function lastDayOfMonthRow(month: string, days: Record<string, number>): string | null {
  const viewed = Object.entries(days).filter(([, views]) => views > 0).map(([dd]) => dd).sort();
  const last = viewed[viewed.length - 1];
  return last ? `${month}-${last}` : null;
}

export function spaceReach(members: readonly AudienceMember[], readersInSpace: ReadonlySet<string>) {
  const active = activeMembers(members);
  return { audience: active.length, readers: active.filter((member) => readersInSpace.has(member.accountId)).length, excluded: excludedCounts(members) };
}

/** A viewer-month row's views on the days of `from..to` (inclusive `YYYY-MM-DD`). */
export function monthRowViewsInRange(month: string, days: Record<string, number>, range: { from: string; to: string }): number {
  let total = 0;
  for (const [dd, views] of Object.entries(days)) {
    const day = `${month}-${dd}`;
    if (day >= range.from && day <= range.to) total += views;
  }
  return total;
}

/** Read units of a query page of 100 viewer-month rows (≈ 150–250 bytes a row, 10 KB a unit). */
export const UNITS_PER_ROW_PAGE = 3;

/**
 * How to read the members' month rows of a range, whichever costs fewer read units (both exact):
 * `batch` gets each member's row of each month (25 keys a read, absent rows included), `query` reads
 * every viewer-month row of the range's months (index by-month, 100 a page) and keeps the members'.
 * `siteRows` estimates each month's rows (the site month rollups' new-viewer counts); `budget` is the
 * batch plan's cost, which the query plan gives up at (the estimate can be short: rows from before
 * the rollups, imports).
 */
export function viewerMonthPlan(members: number, siteRows: readonly number[]): { plan: 'batch' | 'query'; budget: number } {
  const budget = Math.ceil((members * siteRows.length) / MAX_BATCH_KEYS);
  const query = siteRows.reduce((sum, rows) => sum + Math.max(1, Math.ceil(rows / 100)) * UNITS_PER_ROW_PAGE, 0);
  return { plan: members > 0 && query < budget ? 'query' : 'batch', budget };
}
