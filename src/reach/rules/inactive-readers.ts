/**
 * Inactive readers and a space's reach (pure): which active members of an audience have no counted
 * view in a range, and what share of them read anything in a space.
 */
import type { InactiveReader } from '@contracts/reach';
import { activeMembers, excludedCounts, type AudienceMember } from './audience-members';

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
