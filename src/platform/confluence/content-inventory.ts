import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrThrottled, type Throttled } from './client';
import { nextCursorOf } from './cursor-pages';

/** One page or blog post as Confluence's v2 API lists it. */
export interface ListedContent {
  id: string;
  type: 'page' | 'blogpost';
  status: 'current' | 'trashed' | 'archived';
  title: string;
  spaceId: string;
  createdAt: number | null;
  modifiedAt: number | null;
}

export type ListedPage =
  | { kind: 'page'; items: ListedContent[]; nextCursor: string | null }
  /** Confluence asked us to slow down: Retry-After is authoritative when present. */
  | Throttled;

const time = z.string().datetime({ offset: true }).transform((value) => Date.parse(value));
const listing = z.object({
  results: z.array(z.object({
    id: z.string().regex(/^\d{1,20}$/),
    status: z.string(),
    title: z.string().max(1000).default(''),
    spaceId: z.union([z.string(), z.number()]).transform(String),
    createdAt: time.optional(),
    version: z.object({ createdAt: time.optional() }).passthrough().optional(),
  }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

const spaces = z.object({ results: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() }).passthrough()) }).passthrough();

/** Items per request: the v2 API's maximum, so a 100,000-page site is 400 requests. */
export const LISTING_LIMIT = 250;

/**
 * One page of `GET /wiki/api/v2/pages` or `/blogposts` (cursor paging), current, archived and
 * trashed content alike: the inventory must know what is hidden as well as what is shown.
 */
export async function listContent(type: 'page' | 'blogpost', cursor: string | null): Promise<ListedPage> {
  // `cursor` is left out of the first request (an empty cursor is not "no cursor").
  const query = new URLSearchParams({ limit: String(LISTING_LIMIT), status: 'current,archived,trashed', ...(cursor ? { cursor } : {}) });
  const response = type === 'page'
    ? await api.asApp().requestConfluence(route`/wiki/api/v2/pages?${query}`, { headers: ACCEPT_JSON })
    : await api.asApp().requestConfluence(route`/wiki/api/v2/blogposts?${query}`, { headers: ACCEPT_JSON });
  const answer = await jsonOrThrottled(response, `/wiki/api/v2/${type === 'page' ? 'pages' : 'blogposts'}`);
  if (answer.kind === 'throttled') return answer;
  const parsed = listing.parse(answer.body);
  const next = parsed._links?.next;
  return {
    kind: 'page',
    nextCursor: nextCursorOf(next),
    items: parsed.results.flatMap((item): ListedContent[] => {
      if (item.status !== 'current' && item.status !== 'archived' && item.status !== 'trashed') return [];
      return [{ id: item.id, type, status: item.status, title: item.title, spaceId: item.spaceId, createdAt: item.createdAt ?? null, modifiedAt: item.version?.createdAt ?? null }];
    }),
  };
}

/** Space keys for space ids (`GET /wiki/api/v2/spaces?ids=`), at most 250 ids per call. */
export async function spaceKeysOf(ids: readonly string[]): Promise<Map<string, string> | Throttled> {
  const keys = new Map<string, string>();
  for (let start = 0; start < ids.length; start += LISTING_LIMIT) {
    const response = await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?limit=${LISTING_LIMIT}&ids=${ids.slice(start, start + LISTING_LIMIT).join(',')}`, { headers: ACCEPT_JSON });
    const answer = await jsonOrThrottled(response, '/wiki/api/v2/spaces');
    if (answer.kind === 'throttled') return answer;
    for (const space of spaces.parse(answer.body).results) keys.set(space.id, space.key);
  }
  return keys;
}

/** A status Confluence answers for content (v2 `status`): `deleted` is content purged but still known. */
export type AnsweredStatus = 'current' | 'archived' | 'trashed' | 'deleted';

/**
 * The status Confluence answers, as the app's own user, for each of these ids (`GET /wiki/api/v2/pages?id=`
 * or `/blogposts?id=` with every status, 250 ids a request): the reconciliation pass. An id missing
 * from the answer is gone **or** not visible to the app (restricted, or in a space the app may not
 * view): the caller must not read it as deleted.
 */
export async function answeredStatuses(type: 'page' | 'blogpost', ids: readonly string[]): Promise<Map<string, AnsweredStatus> | Throttled> {
  const found = new Map<string, AnsweredStatus>();
  for (let start = 0; start < ids.length; start += LISTING_LIMIT) {
    const slice = ids.slice(start, start + LISTING_LIMIT).join(',');
    const response = type === 'page'
      ? await api.asApp().requestConfluence(route`/wiki/api/v2/pages?limit=${LISTING_LIMIT}&status=current,archived,trashed,deleted&id=${slice}`, { headers: ACCEPT_JSON })
      : await api.asApp().requestConfluence(route`/wiki/api/v2/blogposts?limit=${LISTING_LIMIT}&status=current,archived,trashed,deleted&id=${slice}`, { headers: ACCEPT_JSON });
    const answer = await jsonOrThrottled(response, `/wiki/api/v2/${type === 'page' ? 'pages' : 'blogposts'}`);
    if (answer.kind === 'throttled') return answer;
    for (const item of listing.parse(answer.body).results) {
      if (item.status === 'current' || item.status === 'archived' || item.status === 'trashed' || item.status === 'deleted') found.set(item.id, item.status);
    }
  }
  return found;
}
