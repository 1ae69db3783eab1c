import api, { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceError } from './client';
import { forEachCursorPage, nextCursorOf } from './cursor-pages';

/**
 * What the app's own user sees next to what the calling admin sees, for the settings page's access
 * check. On Cloud the app's user is a user (ECO-822): it sees a space only with its view permission
 * and content only when no restriction excludes it. The admin's side is asked as the admin
 * (`asUser()`), the app's as the app; both through the v2 listings (cursor paging, 250 a page).
 * Every call is written at its call site so that `forge lint` sees its route and scope.
 */
const idOf = z.union([z.string(), z.number()]).transform(String);
const spaceListing = z.object({
  results: z.array(z.object({ id: idOf, key: z.string(), name: z.string().max(1000).default('') }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();
const contentListing = z.object({
  results: z.array(z.object({ id: idOf }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

export interface ListedSpace {
  id: string;
  key: string;
  name: string;
}

const LIMIT = 250;
const ACCEPT_JSON = { Accept: 'application/json' };

async function bodyOf(response: Awaited<ReturnType<ReturnType<typeof api.asApp>['requestConfluence']>>, path: string): Promise<unknown> {
  if (!response.ok) throw new ConfluenceError(response.status, path, await response.text());
  return response.json();
}

/** One page of the spaces the calling admin may view (`GET /wiki/api/v2/spaces`, as the user). */
export async function spacesSeenByCaller(cursor: string | null, limit: number): Promise<{ spaces: ListedSpace[]; nextCursor: string | null }> {
  const response = cursor
    ? await api.asUser().requestConfluence(route`/wiki/api/v2/spaces?limit=${limit}&cursor=${cursor}`, { headers: ACCEPT_JSON })
    : await api.asUser().requestConfluence(route`/wiki/api/v2/spaces?limit=${limit}`, { headers: ACCEPT_JSON });
  const parsed = spaceListing.parse(await bodyOf(response, '/wiki/api/v2/spaces'));
  return { spaces: parsed.results.map(({ id, key, name }) => ({ id, key, name })), nextCursor: nextCursorOf(parsed._links?.next) };
}

/** Which of these space ids the app's own user may view (`GET /wiki/api/v2/spaces?ids=`, as the app). */
export async function spaceIdsSeenByApp(ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const response = await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?limit=${LIMIT}&ids=${ids.join(',')}`, { headers: ACCEPT_JSON });
  return new Set(spaceListing.parse(await bodyOf(response, '/wiki/api/v2/spaces')).results.map((space) => space.id));
}

type Listing = (cursor: string | null) => Promise<unknown>;

/** The four listings of one space: pages and blog posts, as the app and as the calling user. */
function listings(spaceId: string): Record<'app' | 'user', Listing[]> {
  const path = '/wiki/api/v2/pages|blogposts';
  return {
    app: [
      async (cursor) => bodyOf(cursor
        ? await api.asApp().requestConfluence(route`/wiki/api/v2/pages?space-id=${spaceId}&limit=${LIMIT}&cursor=${cursor}`, { headers: ACCEPT_JSON })
        : await api.asApp().requestConfluence(route`/wiki/api/v2/pages?space-id=${spaceId}&limit=${LIMIT}`, { headers: ACCEPT_JSON }), path),
      async (cursor) => bodyOf(cursor
        ? await api.asApp().requestConfluence(route`/wiki/api/v2/blogposts?space-id=${spaceId}&limit=${LIMIT}&cursor=${cursor}`, { headers: ACCEPT_JSON })
        : await api.asApp().requestConfluence(route`/wiki/api/v2/blogposts?space-id=${spaceId}&limit=${LIMIT}`, { headers: ACCEPT_JSON }), path),
    ],
    user: [
      async (cursor) => bodyOf(cursor
        ? await api.asUser().requestConfluence(route`/wiki/api/v2/pages?space-id=${spaceId}&limit=${LIMIT}&cursor=${cursor}`, { headers: ACCEPT_JSON })
        : await api.asUser().requestConfluence(route`/wiki/api/v2/pages?space-id=${spaceId}&limit=${LIMIT}`, { headers: ACCEPT_JSON }), path),
      async (cursor) => bodyOf(cursor
        ? await api.asUser().requestConfluence(route`/wiki/api/v2/blogposts?space-id=${spaceId}&limit=${LIMIT}&cursor=${cursor}`, { headers: ACCEPT_JSON })
        : await api.asUser().requestConfluence(route`/wiki/api/v2/blogposts?space-id=${spaceId}&limit=${LIMIT}`, { headers: ACCEPT_JSON }), path),
    ],
  };
}

/**
 * Ids of the current pages and blog posts of a space that one side sees, at most about `max` of each
 * type (whole pages of 250); `capped` when there were more.
 */
export async function contentIdsOfSpace(as: 'app' | 'user', spaceId: string, max: number): Promise<{ ids: Set<string>; capped: boolean }> {
  const ids = new Set<string>();
  let capped = false;
  for (const list of listings(spaceId)[as]) {
    let seen = 0;
    const { next } = await forEachCursorPage('/wiki/api/v2/pages|blogposts', async (cursor) => contentListing.parse(await list(cursor)), (page) => {
      for (const item of page.results) ids.add(item.id);
      seen += page.results.length;
      return seen >= max ? 'stop' : undefined;
    });
    if (next !== null) capped = true;
  }
  return { ids, capped };
}
