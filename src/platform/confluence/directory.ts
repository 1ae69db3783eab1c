import api, { route } from '@forge/api';
import { z } from 'zod';
import type { GroupRef } from '@contracts/settings';
import { ACCEPT_JSON, ConfluenceError, jsonOrNull } from './client';

const PAGE_SIZE = 200;
/** A user in more groups than this is unusual; the cap bounds the cost of one lookup. */
const MAX_GROUP_PAGES = 10;

const groupPage = z.object({
  results: z.array(z.object({ id: z.string(), name: z.string() }).passthrough()),
  size: z.number().optional(),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

/** All group ids of a user, as the app (works for every user, no matter who is calling). */
export async function fetchUserGroupIds(accountId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; page < MAX_GROUP_PAGES; page += 1) {
    const start = page * PAGE_SIZE;
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/user/memberof?accountId=${accountId}&start=${start}&limit=${PAGE_SIZE}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/user/memberof');
    if (body === null) return ids; // unknown or deleted account: member of nothing
    const parsed = parseOrThrow(groupPage, body, '/wiki/rest/api/user/memberof');
    ids.push(...parsed.results.map((group) => group.id));
    if (!parsed._links?.next || parsed.results.length < PAGE_SIZE) return ids;
  }
  return ids;
}

/** One page of groups matching a query (all groups when the query is empty), for the settings picker. */
export async function searchGroups(query: string, start: number, limit: number): Promise<{ groups: GroupRef[]; next: number | null }> {
  const body = query.trim() === ''
    ? await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/group?start=${start}&limit=${limit}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/group')
    : await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/group/picker?query=${query.trim()}&start=${start}&limit=${limit}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/group/picker');
  if (body === null) return { groups: [], next: null };
  const parsed = parseOrThrow(groupPage, body, '/wiki/rest/api/group');
  const groups = parsed.results.map(({ id, name }) => ({ id, name }));
  return { groups, next: parsed._links?.next && groups.length === limit ? start + limit : null };
}

/** Resolves group ids to current names, so an admin cannot save a group that does not exist. */
export async function findGroupsByIds(ids: readonly string[]): Promise<Map<string, GroupRef>> {
  const found = new Map<string, GroupRef>();
  for (const id of ids) {
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/group/by-id?id=${id}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/group/by-id');
    if (body === null) continue;
    const parsed = z.object({ id: z.string(), name: z.string() }).passthrough().safeParse(body);
    if (parsed.success) found.set(parsed.data.id, { id: parsed.data.id, name: parsed.data.name });
  }
  return found;
}

export function parseOrThrow<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, body: unknown, path: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ConfluenceError(502, path, `unexpected response shape: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
