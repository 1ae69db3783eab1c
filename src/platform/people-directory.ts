/**
 * Names and pictures of viewers, from Confluence's bulk user lookup (100 accounts a call), cached in
 * memory for 10 minutes: paging through a viewer list, or a second reader opening the same page,
 * costs no REST call. An account Confluence does not return (closed, deleted) is a "Former user".
 */
import { fetchUsersBulk, searchUsersByName, type UserProfile } from './confluence/users';
import { MemoryCache } from './memory-cache';

export const FORMER_USER = 'Former user';
const profiles = new MemoryCache<UserProfile | null>(10 * 60_000, 20_000);

export interface Person {
  accountId: string;
  displayName: string;
  avatarPath: string | null;
  former: boolean;
}

function personOf(accountId: string, profile: UserProfile | null | undefined): Person {
  if (!profile || profile.displayName === '' || profile.displayName === FORMER_USER) return { accountId, displayName: FORMER_USER, avatarPath: null, former: true };
  return { accountId, displayName: profile.displayName, avatarPath: profile.avatarPath, former: false };
}

export async function peopleOf(accountIds: readonly string[]): Promise<Map<string, Person>> {
  const missing = [...new Set(accountIds)].filter((id) => profiles.get(id) === undefined);
  for (let start = 0; start < missing.length; start += 100) {
    const chunk = missing.slice(start, start + 100);
    const found = new Map((await fetchUsersBulk(chunk)).map((profile) => [profile.accountId, profile]));
    for (const id of chunk) profiles.set(id, found.get(id) ?? null);
  }
  return new Map(accountIds.map((id) => [id, personOf(id, profiles.get(id))]));
}

/** Account ids of people whose name matches (Confluence's search), remembered for the list that follows. */
export async function accountsNamed(name: string, limit: number): Promise<string[]> {
  const found = await searchUsersByName(name, limit);
  for (const profile of found) profiles.set(profile.accountId, profile);
  return found.map((profile) => profile.accountId);
}

