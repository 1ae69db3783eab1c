import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const PAGE_SIZE = 200;

const memberPage = z.object({
  results: z.array(z.object({ accountId: z.string().optional(), accountType: z.string().optional() }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

export type GroupMembers = { ok: true; accountIds: string[] } | { ok: false; reason: 'not-found' | 'too-many-members' };

/**
 * The account ids of a group's members, as the app (`/wiki/rest/api/group/{groupId}/membersByGroupId`,
 * 200 a page). Bounded: a group with more than `max` members is an answer of its own, not a long wait.
 */
export async function fetchGroupMembers(groupId: string, max: number): Promise<GroupMembers> {
  const accountIds: string[] = [];
  for (let start = 0; ; start += PAGE_SIZE) {
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/group/${groupId}/membersByGroupId?start=${start}&limit=${PAGE_SIZE}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/group/{groupId}/membersByGroupId');
    if (body === null) return start === 0 ? { ok: false, reason: 'not-found' } : { ok: true, accountIds };
    const page = parseOrThrow(memberPage, body, '/wiki/rest/api/group/membersByGroupId');
    accountIds.push(...page.results.flatMap((user) => (user.accountId ? [user.accountId] : [])));
    if (accountIds.length > max) return { ok: false, reason: 'too-many-members' };
    if (!page._links?.next || page.results.length < PAGE_SIZE) return { ok: true, accountIds };
  }
}
