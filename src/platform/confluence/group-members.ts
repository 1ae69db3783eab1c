import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, ConfluenceError, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const PAGE_SIZE = 200;

const memberPage = z.object({
  results: z.array(z.object({ accountId: z.string().optional(), accountType: z.string().optional() }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

const listedMember = z.object({
  accountId: z.string(),
  displayName: z.string().nullable().optional(),
  publicName: z.string().optional(),
  accountType: z.string().optional(),
  // Not in Atlassian's published User schema, but in Confluence's answers: read when present.
  accountStatus: z.string().optional(),
}).passthrough();
const listedPage = z.object({
  results: z.array(z.object({ accountId: z.string().optional() }).passthrough()),
  totalSize: z.number().optional(),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

export type ListedMember = z.infer<typeof listedMember>;
export type MemberPage = { ok: true; members: ListedMember[]; next: number | null; total: number | null } | { ok: false; reason: 'not-found' };

/**
 * One page (200) of a group's members as the app, with their names and account state, and the
 * group's size when Confluence tells it (`shouldReturnTotalSize`): reach lists large groups a page
 * per step and shows how far it got. Each call costs 1 + 2 points per member returned.
 */
export async function fetchGroupMemberPage(groupId: string, start: number): Promise<MemberPage> {
  const response = await api.asApp().requestConfluence(route`/wiki/rest/api/group/${groupId}/membersByGroupId?start=${start}&limit=${PAGE_SIZE}&shouldReturnTotalSize=${String(start === 0)}`, { headers: ACCEPT_JSON });
  if (response.status === 404 || response.status === 403) return { ok: false, reason: 'not-found' };
  if (!response.ok) throw new ConfluenceError(response.status, '/wiki/rest/api/group/membersByGroupId', await response.text());
  const page = parseOrThrow(listedPage, await response.json(), '/wiki/rest/api/group/membersByGroupId');
  const members = page.results.flatMap((user) => {
    const parsed = listedMember.safeParse(user);
    return parsed.success ? [parsed.data] : [];
  });
  const next = page._links?.next && page.results.length === PAGE_SIZE ? start + PAGE_SIZE : null;
  return { ok: true, members, next, total: page.totalSize ?? null };
}

/**
 * A group's id from its exact name, or null when Confluence knows none. Through the group picker
 * (`/wiki/rest/api/group/picker`, names containing the query): `/group/by-name` is deprecated
 * (vendor/confluence-openapi/confluence-v1.json) and v2 has no groups API.
 */
export async function fetchGroupIdByName(name: string): Promise<string | null> {
  const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/group/picker?query=${name}&limit=${PAGE_SIZE}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/group/picker');
  if (body === null) return null;
  const parsed = z.object({ results: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()) }).passthrough().safeParse(body);
  return parsed.success ? parsed.data.results.find((group) => group.name === name)?.id ?? null : null;
}

export type SmallGroupMembers = { ok: true; accountIds: string[] } | { ok: false; reason: 'not-found' | 'too-many-members' };

/**
 * A small group's members as the app, asking for one more than `max` so that a larger group costs
 * one request, not a full listing (`/wiki/rest/api/group/{groupId}/membersByGroupId`, scope
 * `read:confluence-groups`, `start`/`limit` paging, at most 200 a page; confluence-v1.json). Each call
 * costs 1 point plus 2 per member returned. Throws on any other failure (429, 5xx): the caller falls back.
 */
export async function fetchSmallGroupMembers(groupId: string, max: number): Promise<SmallGroupMembers> {
  const accountIds: string[] = [];
  for (let start = 0; ; ) {
    const limit = Math.min(PAGE_SIZE, max + 1 - accountIds.length);
    const response = await api.asApp().requestConfluence(route`/wiki/rest/api/group/${groupId}/membersByGroupId?start=${start}&limit=${limit}`, { headers: ACCEPT_JSON });
    if (response.status === 404 || response.status === 403) return { ok: false, reason: 'not-found' };
    if (!response.ok) throw new ConfluenceError(response.status, '/wiki/rest/api/group/{groupId}/membersByGroupId', await response.text());
    const page = parseOrThrow(memberPage, await response.json(), '/wiki/rest/api/group/membersByGroupId');
    accountIds.push(...page.results.flatMap((user) => (user.accountId ? [user.accountId] : [])));
    if (accountIds.length > max) return { ok: false, reason: 'too-many-members' };
    if (!page._links?.next || page.results.length < limit) return { ok: true, accountIds };
    start += page.results.length;
  }
}
