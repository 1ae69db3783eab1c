/**
 * Whether a viewer is in an excluded group, without a Confluence call per viewer: while the excluded
 * groups are small, their members are listed at most once an hour (src/access/rules/excluded-members.ts
 * says why, in points) and kept in memory and in KVS, and exclusion is decided by set membership.
 * A group over the threshold, or a listing that fails, falls back to the viewer's own groups
 * (`/user/memberof`, cached 12 h: viewer-groups.ts), so a viewer is never counted because a listing
 * was missing. The KVS copy holds the members' daily pseudonyms (src/privacy/pseudonyms.ts), never an
 * account id: nothing in it needs reporting or erasing, and it is unlinkable once the day's salt expires.
 * The pseudonym function is given by the caller (privacy's `pseudonymFor`): access does not import privacy.
 */
import type { GroupRef } from '@contracts/settings';
import { fetchSmallGroupMembers, type SmallGroupMembers } from '../platform/confluence/group-members';
import { MemoryCache } from '../platform/memory-cache';
import { readExcludedMembers, writeExcludedMembers } from '../core/storage/excluded-members-cache';
import type { CachedGroups } from '../core/storage/user-groups-cache';
import { utcDay } from '../core/model/view';
import {
  excludedGroupsOf, groupsKeyOf, listStands, parseExcludedMembersList, MAX_LISTED_MEMBERS, TOO_LARGE_RETRY_MS,
  type ExcludedMembersList,
} from './rules/excluded-members';
import { resolveViewerGroups } from './viewer-groups';

const memory = new MemoryCache<ExcludedMembersList>(TOO_LARGE_RETRY_MS, 4);
/** Refreshes under way in this instance: concurrent views share one listing. */
const refreshing = new Map<string, Promise<ExcludedMembersList>>();

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** privacy's `pseudonymFor(accountId, at, now)`: the app's daily pseudonym of an account. */
export type Pseudonym = (accountId: string, at: number, now?: number) => Promise<string>;

async function fromList(list: ExcludedMembersList, accountId: string, now: number, pseudonymFor: Pseudonym): Promise<string[]> {
  return excludedGroupsOf(list, await pseudonymFor(accountId, dayStart(list.day!), now));
}

/**
 * The excluded groups this viewer is in, from a listing this instance holds in memory; undefined
 * when none stands or it is not a complete listing (then `viewerExcludedGroups` decides).
 */
export async function excludedGroupsFromMemory(accountId: string, excluded: readonly GroupRef[], now: number, pseudonymFor: Pseudonym): Promise<string[] | undefined> {
  const ids = excluded.map((group) => group.id);
  const list = memory.get(groupsKeyOf(ids));
  if (!listStands(list, ids, now) || list.state !== 'listed') return undefined;
  return fromList(list, accountId, now, pseudonymFor);
}

export interface ExclusionFacts {
  accountId: string;
  /** The viewer as stored (account id or pseudonym): the key of their own groups' cache. */
  storedViewer: string;
  excluded: readonly GroupRef[];
  /** The viewer's cached groups, when the caller read them in its own batch (for the fallback). */
  storedGroups: CachedGroups | undefined;
  /** The stored listing, when the caller read it in its own batch; omitted: read here if needed. */
  storedList?: { value: unknown };
  now: number;
  pseudonymFor: Pseudonym;
}

/**
 * Group ids to decide exclusion with (decideTracking's `viewerGroupIds`): the excluded groups the
 * viewer is in, from a standing listing (refreshed here when none stands), else all of the viewer's
 * own groups (per-viewer lookup, cached).
 */
export async function viewerExcludedGroups(facts: ExclusionFacts): Promise<string[]> {
  const ids = facts.excluded.map((group) => group.id);
  const key = groupsKeyOf(ids);
  let list = memory.get(key);
  if (!listStands(list, ids, facts.now)) {
    const stored = parseExcludedMembersList(facts.storedList ? facts.storedList.value : await readExcludedMembers());
    list = listStands(stored, ids, facts.now) ? stored : await refreshOnce(key, ids, facts.now, facts.pseudonymFor);
    memory.set(key, list);
  }
  if (list.state === 'listed') return fromList(list, facts.accountId, facts.now, facts.pseudonymFor);
  return resolveViewerGroups(facts.accountId, facts.storedViewer, facts.storedGroups, facts.now);
}

function refreshOnce(key: string, ids: readonly string[], now: number, pseudonymFor: Pseudonym): Promise<ExcludedMembersList> {
  const running = refreshing.get(key);
  if (running) return running;
  const started = listMembers(key, ids, now, pseudonymFor).finally(() => refreshing.delete(key));
  refreshing.set(key, started);
  return started;
}

/** Lists every excluded group (within MAX_LISTED_MEMBERS in all) and stores the answer, whatever it is. */
async function listMembers(groupsKey: string, ids: readonly string[], now: number, pseudonymFor: Pseudonym): Promise<ExcludedMembersList> {
  const day = utcDay(now);
  const members: Record<string, string[]> = {};
  let list: ExcludedMembersList = { groupsKey, fetchedAt: now, state: 'listed', day, members };
  let total = 0;
  for (const id of ids) {
    let answer: SmallGroupMembers;
    try {
      answer = await fetchSmallGroupMembers(id, MAX_LISTED_MEMBERS - total);
    } catch {
      // Throttled, failing or unreachable: viewers' own groups decide until the retry.
      answer = { ok: false, reason: 'not-found' };
    }
    // A group Confluence does not show the app is not taken as empty: the viewers' own groups decide.
    if (!answer.ok) {
      list = { groupsKey, fetchedAt: now, state: answer.reason === 'too-many-members' ? 'too-large' : 'failed' };
      break;
    }
    total += answer.accountIds.length;
    members[id] = await Promise.all(answer.accountIds.map((accountId) => pseudonymFor(accountId, dayStart(day), now)));
  }
  try {
    await writeExcludedMembers(list, 12);
  } catch {
    // Only a cache: the next instance lists again.
  }
  return list;
}
