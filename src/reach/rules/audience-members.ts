/**
 * An audience as Confluence lists it (pure): who counts in N, and who is left out and why. Confluence
 * answers a closed account with the name "Former user" (and, on the answers that carry it, an
 * `accountStatus` other than `active`); app accounts (bots) have `accountType: "app"`.
 */
import type { ExcludedReason, ReachExcluded } from '@contracts/reach';

export type MemberStatus = 'active' | ExcludedReason;

export interface AudienceMember {
  accountId: string;
  displayName: string;
  status: MemberStatus;
}

/** What Confluence says of one user in a member list (fields it may leave out are optional). */
export interface ListedUser {
  accountId: string;
  displayName?: string | null;
  publicName?: string;
  accountType?: string;
  accountStatus?: string;
}

const FORMER_USER = 'Former user';

export function memberOf(user: ListedUser): AudienceMember {
  const displayName = user.displayName ?? user.publicName ?? '';
  const status: MemberStatus = user.accountType === 'app'
    ? 'app'
    : user.accountStatus === 'closed' || displayName === FORMER_USER
      ? 'closed'
      : user.accountStatus !== undefined && user.accountStatus !== 'active'
        ? 'inactive'
        : 'active';
  return { accountId: user.accountId, displayName: status === 'closed' ? FORMER_USER : displayName, status };
}

/** One entry per account (a user listed twice, e.g. through two groups of a space, counts once). */
export function distinctMembers(members: Iterable<AudienceMember>): AudienceMember[] {
  const byId = new Map<string, AudienceMember>();
  for (const member of members) if (!byId.has(member.accountId)) byId.set(member.accountId, member);
  return [...byId.values()];
}

export function activeMembers(members: readonly AudienceMember[]): AudienceMember[] {
  return members.filter((member) => member.status === 'active');
}

export function excludedCounts(members: readonly AudienceMember[]): ReachExcluded {
  const counts: ReachExcluded = { inactive: 0, closed: 0, app: 0 };
  for (const member of members) if (member.status !== 'active') counts[member.status] += 1;
  return counts;
}
