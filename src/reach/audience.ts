/**
 * An audience's members from Confluence: a group's members, the people a space's permissions let
 * read it (its user grants and the members of its group grants), or every licensed user (the members
 * of Confluence's default product group, `confluence-users`; Confluence has no API that lists
 * licensed users as such). Members come 200 a call at 1 + 2 points per member (Confluence's points
 * quota), so a listing runs at most STEP_PAGES calls per invocation; a larger audience is kept in
 * KVS and continued by the next call, and until it is whole the answer is "preparing", never a figure.
 */
import type { ReachPreparing } from '@contracts/reach';
import { fetchGroupIdByName, fetchGroupMemberPage } from '../platform/confluence/group-members';
import { fetchSpaceReaders } from '../platform/confluence/space-readers';
import { fetchSpaceAsApp } from '../platform/confluence/space-permissions';
import { fetchUsersBulk } from '../platform/confluence/users';
import { MemoryCache } from '../platform/memory-cache';
import { distinctMembers, memberOf, type AudienceMember } from './rules/audience-members';
import { preparingAudiences, readAudience, writeAudience } from './storage/audience-store';

export type AudienceSpec = { kind: 'group'; groupId: string } | { kind: 'space-members'; spaceKey: string } | { kind: 'licensed' };

export type AudienceAnswer =
  | { state: 'ready'; members: AudienceMember[]; notes: string[] }
  | ReachPreparing
  | { state: 'failed'; message: string };

/** Default product access group of Confluence Cloud sites: "all licensed users". */
export const LICENSED_USERS_GROUP = 'confluence-users';
/** Member pages listed per invocation: 25 × 200 = 5,000 members, about 10,000 points. */
export const STEP_PAGES = 25;
/** And never longer than this, so the rest of the 25 s invocation remains for the figures. */
const STEP_MS = 12_000;
/** A group larger than this is refused: reach is for audiences of up to 10,000 people (issue 20). */
export const MAX_AUDIENCE = 10_000;

const ready = new MemoryCache<AudienceAnswer & { state: 'ready' }>(5 * 60_000, 100);

export function audienceKey(spec: AudienceSpec): string {
  return spec.kind === 'group' ? `group:${spec.groupId}` : spec.kind === 'space-members' ? `space:${spec.spaceKey}` : 'licensed';
}

/** The spec an audience key names (the inverse of `audienceKey`), or null for a key it never wrote. */
export function audienceSpecOfKey(key: string): AudienceSpec | null {
  if (key === 'licensed') return { kind: 'licensed' };
  if (key.startsWith('group:') && key.length > 'group:'.length) return { kind: 'group', groupId: key.slice('group:'.length) };
  if (key.startsWith('space:') && key.length > 'space:'.length) return { kind: 'space-members', spaceKey: key.slice('space:'.length) };
  return null;
}

/**
 * The scheduled run (every five minutes): continues each audience whose listing is under way, a step
 * at a time, until `budgetMs` is spent, so that a large audience is ready even if nobody keeps the
 * page open while it is listed. A step is what one call lists (STEP_PAGES, STEP_MS); each writes its
 * progress, so a run stopped midway loses at most the step it was in. Returns how many steps ran and
 * how many audiences became ready.
 */
export async function continuePreparingAudiences(budgetMs: number, clock: () => number = Date.now): Promise<{ steps: number; ready: number }> {
  const deadline = clock() + budgetMs;
  let steps = 0;
  let completed = 0;
  for (const key of await preparingAudiences(clock())) {
    const spec = audienceSpecOfKey(key);
    if (!spec) continue;
    // A step takes up to STEP_MS: start one only when it can end within the budget.
    while (clock() + STEP_MS <= deadline) {
      const answer = await loadAudience(spec, clock(), clock);
      steps += 1;
      if (answer.state !== 'preparing') {
        if (answer.state === 'ready') completed += 1;
        break;
      }
    }
  }
  return { steps, ready: completed };
}

/** The groups to list and the members known without listing (a space's user grants), or why none. */
async function sourcesOf(spec: AudienceSpec): Promise<{ groups: string[]; direct: AudienceMember[]; notes: string[] } | { failed: string }> {
  if (spec.kind === 'group') return { groups: [spec.groupId], direct: [], notes: [] };
  if (spec.kind === 'licensed') {
    const id = await fetchGroupIdByName(LICENSED_USERS_GROUP);
    return id ? { groups: [id], direct: [], notes: [`All licensed users: the members of Confluence's "${LICENSED_USERS_GROUP}" group.`] } : { failed: `Confluence has no "${LICENSED_USERS_GROUP}" group: choose a group instead.` };
  }
  const space = await fetchSpaceAsApp(spec.spaceKey);
  const readers = space ? await fetchSpaceReaders(space.id) : null;
  if (!readers) return { failed: 'Confluence does not list this space’s permissions to the app.' };
  const direct: AudienceMember[] = [];
  for (let start = 0; start < readers.userIds.length; start += 100) {
    const found = await fetchUsersBulk(readers.userIds.slice(start, start + 100));
    const byId = new Map(found.map((user) => [user.accountId, user]));
    for (const id of readers.userIds.slice(start, start + 100)) direct.push(memberOf({ accountId: id, displayName: byId.get(id)?.displayName ?? 'Former user' }));
  }
  const notes = ['Space members: the people the space’s permissions let read it, directly or through a group, as Confluence lists them.'];
  if (readers.roles > 0) notes.push('Some read permissions are granted through roles, which Confluence does not list as people: they are not counted.');
  return { groups: readers.groupIds, direct, notes };
}

export async function loadAudience(spec: AudienceSpec, now: number, clock: () => number = Date.now): Promise<AudienceAnswer> {
  const key = audienceKey(spec);
  const cached = ready.get(key);
  if (cached) return cached;
  const stored = await readAudience(key, now);
  if (stored?.head.complete) {
    const answer = { state: 'ready' as const, members: stored.members, notes: stored.head.notes };
    ready.set(key, answer);
    return answer;
  }
  let progress: { groups: string[]; start: number; total: number | null; members: AudienceMember[]; notes: string[]; listedBefore: number };
  if (stored) {
    progress = { groups: stored.head.groups, start: stored.head.start, total: stored.head.total, members: stored.members, notes: stored.head.notes, listedBefore: stored.head.listed };
  } else {
    const sources = await sourcesOf(spec);
    if ('failed' in sources) return { state: 'failed', message: sources.failed };
    progress = { groups: sources.groups, start: 0, total: null, members: sources.direct, notes: sources.notes, listedBefore: 0 };
  }
  const began = clock();
  let pages = 0;
  let listed = progress.listedBefore;
  while (progress.groups.length > 0 && pages < STEP_PAGES && clock() - began < STEP_MS) {
    const groupId = progress.groups[0]!;
    const page = await fetchGroupMemberPage(groupId, progress.start);
    pages += 1;
    if (!page.ok) {
      // A group of the space's grants deleted meanwhile lists nobody; a chosen group must exist.
      if (spec.kind === 'group') return { state: 'failed', message: 'Confluence knows no such group.' };
      progress = { ...progress, groups: progress.groups.slice(1), start: 0 };
      continue;
    }
    if (page.total !== null && progress.start === 0) progress.total = (progress.total ?? 0) + page.total;
    progress.members.push(...page.members.map(memberOf));
    listed += page.members.length;
    if (listed > MAX_AUDIENCE) return { state: 'failed', message: `Reach covers audiences of up to ${MAX_AUDIENCE.toLocaleString('en')} people: choose a smaller group.` };
    progress = page.next === null ? { ...progress, groups: progress.groups.slice(1), start: 0 } : { ...progress, start: page.next };
  }
  const complete = progress.groups.length === 0;
  const members = complete ? distinctMembers(progress.members) : progress.members;
  // A listing done in one call with one page is cheap to repeat; anything longer is kept for the next calls.
  if (!complete || pages + (stored ? 1 : 0) > 1) {
    await writeAudience(key, { head: { groups: progress.groups, start: progress.start, total: progress.total, listed, complete, notes: progress.notes }, members }, now);
  }
  if (!complete) {
    return {
      state: 'preparing', listed, total: progress.total,
      message: `Listing the audience from Confluence: ${listed.toLocaleString('en')}${progress.total ? ` of about ${progress.total.toLocaleString('en')}` : ''} members so far. The figures appear once everyone is listed.`,
    };
  }
  const answer = { state: 'ready' as const, members, notes: progress.notes };
  ready.set(key, answer);
  return answer;
}
