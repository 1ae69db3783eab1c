import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, ConfluenceError, jsonOrNull, SEND_JSON } from './client';
import { parseOrThrow } from './directory';

const currentUser = z.object({
  accountId: z.string().optional(),
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() }).passthrough()).optional(),
}).passthrough();

/** Is the calling user a Confluence administrator? Asked of Confluence as that user: never trusted from the browser. */
export async function fetchIsConfluenceAdmin(): Promise<boolean> {
  const body = await jsonOrNull(await api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`, { headers: ACCEPT_JSON }), '/wiki/rest/api/user/current');
  if (body === null) return false;
  const user = parseOrThrow(currentUser, body, '/wiki/rest/api/user/current');
  return (user.operations ?? []).some((op) => op.operation === 'administer' && op.targetType === 'application');
}

const content = z.object({
  id: z.string(),
  type: z.enum(['page', 'blogpost', 'attachment']),
  status: z.string(),
  title: z.string(),
  space: z.object({ key: z.string() }).passthrough(),
}).passthrough();

export type VisibleContent = z.infer<typeof content>;

const permissionCheck = z.object({ hasPermission: z.boolean() }).passthrough();

/**
 * The content, if `accountId` may read it. Asked as the app with Confluence's permission check,
 * which works for every account type (guests cannot make asUser calls on Forge).
 */
export async function fetchContentReadableBy(contentId: string, accountId: string): Promise<VisibleContent | null> {
  const found = await fetchContentAsApp(contentId);
  if (!found) return null;
  return (await fetchMayRead(contentId, accountId)) ? found : null;
}

/** The content as the app sees it (it exists), for reports from tools that name no user. */
export async function fetchContentAsApp(contentId: string): Promise<VisibleContent | null> {
  const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/content/${contentId}?expand=space`, { headers: ACCEPT_JSON }), '/wiki/rest/api/content/{id}');
  if (body === null) return null;
  const parsed = content.safeParse(body);
  if (!parsed.success) throw new ConfluenceError(502, '/wiki/rest/api/content', 'unexpected content shape');
  return parsed.data;
}

/**
 * Only Confluence's permission check (one call): may this account read the content? A content that
 * does not exist answers 404, which is a "no" too.
 */
export async function fetchMayRead(contentId: string, accountId: string): Promise<boolean> {
  const check = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/content/${contentId}/permission/check`, {
    method: 'POST', headers: SEND_JSON, body: JSON.stringify({ subject: { type: 'user', identifier: accountId }, operation: 'read' }),
  }), '/wiki/rest/api/content/{id}/permission/check');
  return check !== null && parseOrThrow(permissionCheck, check, '/permission/check').hasPermission;
}

/**
 * Confluence's permission check for a group (site, space permissions and restrictions, one call):
 * may the members of this group, as members, read the content? 404 (no such content) is a "no".
 */
export async function fetchGroupMayRead(contentId: string, groupId: string): Promise<boolean> {
  const check = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/content/${contentId}/permission/check`, {
    method: 'POST', headers: SEND_JSON, body: JSON.stringify({ subject: { type: 'group', identifier: groupId }, operation: 'read' }),
  }), '/wiki/rest/api/content/{id}/permission/check');
  return check !== null && parseOrThrow(permissionCheck, check, '/permission/check').hasPermission;
}

/**
 * The content as the calling reader sees it (`asUser()`), or null when Confluence answers 404/403:
 * for content restricted away from the app's own user, which the app cannot look up itself. Forge
 * does not let guests and anonymous visitors make `asUser()` calls, so callers ask it for licensed users.
 */
export async function fetchContentAsReader(contentId: string): Promise<VisibleContent | null> {
  const response = await api.asUser().requestConfluence(route`/wiki/rest/api/content/${contentId}?expand=space`, { headers: { Accept: 'application/json' } });
  if (response.status === 404 || response.status === 403) return null;
  if (!response.ok) throw new ConfluenceError(response.status, '/wiki/rest/api/content', await response.text());
  const parsed = content.safeParse(await response.json());
  if (!parsed.success) throw new ConfluenceError(502, '/wiki/rest/api/content', 'unexpected content shape');
  return parsed.data;
}
