import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

/** A person as Confluence shows them to the app: its privacy settings already applied (publicName, picture). */
export interface UserProfile {
  accountId: string;
  displayName: string;
  /** Relative to the site (e.g. `/wiki/aa-avatar/...`), or absolute; null for default pictures. */
  avatarPath: string | null;
}

const user = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  publicName: z.string().optional(),
  profilePicture: z.object({ path: z.string(), isDefault: z.boolean().optional() }).passthrough().optional(),
}).passthrough();

const bulk = z.object({ results: z.array(user) }).passthrough();
const search = z.object({ results: z.array(z.object({ user: user.optional() }).passthrough()) }).passthrough();

function profileOf(found: z.infer<typeof user>): UserProfile {
  const picture = found.profilePicture;
  return {
    accountId: found.accountId,
    displayName: found.displayName ?? found.publicName ?? '',
    avatarPath: picture && !picture.isDefault ? picture.path : null,
  };
}

/**
 * Up to 100 accounts in one call (`/wiki/rest/api/user/bulk`). Accounts Confluence no longer knows
 * are simply absent from the answer; the caller shows them as "Former user".
 */
export async function fetchUsersBulk(accountIds: readonly string[]): Promise<UserProfile[]> {
  if (accountIds.length === 0) return [];
  // `route` escapes each value as one parameter, but inserts URLSearchParams as they are: the repeated accountId.
  const query = new URLSearchParams([...accountIds.map((id) => ['accountId', id]), ['limit', String(accountIds.length)]]);
  const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/user/bulk?${query}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/user/bulk');
  if (body === null) return [];
  return parseOrThrow(bulk, body, '/wiki/rest/api/user/bulk').results.map(profileOf);
}

/** People whose full name matches, as Confluence's user search finds them (at most `limit`). */
export async function searchUsersByName(name: string, limit: number): Promise<UserProfile[]> {
  const cql = `user.fullname~"${name.replace(/["\\]/g, ' ')}"`;
  const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/search/user?cql=${cql}&limit=${limit}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/search/user');
  if (body === null) return [];
  return parseOrThrow(search, body, '/wiki/rest/api/search/user').results.flatMap((result) => (result.user ? [profileOf(result.user)] : []));
}

/** Whether Confluence knows this account (asked as the app; unknown and malformed ids answer 404). */
export async function fetchAccountExists(accountId: string): Promise<boolean> {
  return (await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/user?accountId=${accountId}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/user')) !== null;
}
