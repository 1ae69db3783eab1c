/**
 * Who is in the excluded groups, decided from one listing of their members instead of one group
 * lookup per viewer (docs/tracking.md, "Excluded groups"). Pure: the listing and its storage are in
 * src/access/excluded-members.ts.
 *
 * Points (Confluence Cloud's quota, docs/platform-limits.md): listing a group costs 1 point plus 2 per
 * member returned (user objects), so a refresh of M members costs about 1 + 2M; a viewer's own lookup
 * (`/user/memberof`) costs 1 + 2 per group they are in (at least 3), once per viewer and 12 h. Listing
 * hourly wins as soon as 24 (1 + 2M) points a day are below the day's per-viewer lookups: with
 * M ≤ MAX_LISTED_MEMBERS = 150, a refresh costs at most 301 points (7,224 a day, under 0.5 % of the
 * default 65,000 points an hour), which equals about 1,450 lookups a day of viewers in two groups;
 * larger groups (where the per-viewer lookups are cheaper for all but the largest sites) keep the
 * per-viewer path.
 */

/** A listing stands this long: a member added to (or removed from) a group counts as such within it. */
export const LIST_REFRESH_MS = 3_600_000;
/** A listing that failed is tried again after this long; meanwhile viewers' own groups are looked up. */
export const FAILED_RETRY_MS = 10 * 60_000;
/** A group found too large is measured again after this long (as long as a viewer's own groups are cached). */
export const TOO_LARGE_RETRY_MS = 12 * 3_600_000;
/** Members of all excluded groups together, at most, for a listing (see the points above). */
export const MAX_LISTED_MEMBERS = 150;

export type ListState = 'listed' | 'too-large' | 'failed';

export interface ExcludedMembersList {
  /** The excluded groups this listing is for (sorted ids): a settings change makes it stale. */
  groupsKey: string;
  fetchedAt: number;
  state: ListState;
  /** The UTC day whose pseudonyms `members` holds (the app's daily pseudonyms: no account id is stored). */
  day?: string;
  /** Per excluded group id, its members' pseudonyms of `day` ('listed' only). */
  members?: Record<string, string[]>;
}

export function groupsKeyOf(groupIds: readonly string[]): string {
  return [...new Set(groupIds)].sort().join(',');
}

/** Whether a listing still decides exclusion for these groups at `now`, or must be refreshed. */
export function listStands(list: ExcludedMembersList | undefined, groupIds: readonly string[], now: number): list is ExcludedMembersList {
  if (!list || list.groupsKey !== groupsKeyOf(groupIds)) return false;
  // A listing made a moment "after" this event's clock (events are handled late and out of order) is
  // fresher, not stale: only its distance from now counts.
  const age = Math.abs(now - list.fetchedAt);
  const limit = list.state === 'listed' ? LIST_REFRESH_MS : list.state === 'too-large' ? TOO_LARGE_RETRY_MS : FAILED_RETRY_MS;
  return age < limit;
}

/** The excluded groups a viewer (by their pseudonym of the list's day) is in, from a complete listing. */
export function excludedGroupsOf(list: ExcludedMembersList, pseudonym: string): string[] {
  return Object.entries(list.members ?? {}).filter(([, members]) => members.includes(pseudonym)).map(([groupId]) => groupId);
}

export function parseExcludedMembersList(value: unknown): ExcludedMembersList | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { groupsKey, fetchedAt, state, day, members } = value as Record<string, unknown>;
  if (typeof groupsKey !== 'string' || typeof fetchedAt !== 'number' || (state !== 'listed' && state !== 'too-large' && state !== 'failed')) return undefined;
  if (state !== 'listed') return { groupsKey, fetchedAt, state };
  if (typeof day !== 'string' || typeof members !== 'object' || members === null) return undefined;
  const entries = Object.entries(members as Record<string, unknown>);
  if (!entries.every(([, ids]) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) return undefined;
  return { groupsKey, fetchedAt, state, day, members: Object.fromEntries(entries) as Record<string, string[]> };
}
