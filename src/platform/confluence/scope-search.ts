import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, ConfluenceError, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const searchPage = z.object({
  results: z.array(z.object({
    id: z.string(), type: z.string(), title: z.string(),
    space: z.object({ key: z.string() }).passthrough().optional(),
  }).passthrough()),
  size: z.number().optional(),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

/** Content search answers up to this many results per request without expansions. */
export const CQL_PAGE_SIZE = 200;

/** One search result: what a report needs to name content nobody viewed (it has no stored row). */
export interface FoundContent {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
}

export interface CqlIds {
  ids: string[];
  found: FoundContent[];
  /** How many results were seen (the search gives no total: when `capped`, there are more). */
  total: number;
  /** More results existed than `max`. */
  capped: boolean;
}

/** The `cursor` of a `_links.next` (relative to the site, e.g. `/rest/api/content/search?cql=...&cursor=...`). */
export function cursorOf(next: string | undefined): string | null {
  if (!next) return null;
  return new URL(next, 'https://confluence.invalid').searchParams.get('cursor');
}

/**
 * Content ids matching a CQL query, page by page, up to `max`. As the user, Confluence leaves out what
 * they may not read; as the app (for guests, who cannot make asUser calls), everything comes back
 * and the caller must filter it by permission before showing anything.
 *
 * `GET /wiki/rest/api/content/search` pages with `cursor` only (vendor/confluence-openapi/confluence-v1.json:
 * no `start` parameter, and its answer has no `totalSize`): the next page's cursor is read from
 * `_links.next`. A `start` would be ignored, and every page would be the first one again.
 */
export async function searchContentIds(as: 'user' | 'app', cql: string, max: number): Promise<CqlIds> {
  const ids: string[] = [];
  const found: FoundContent[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  while (ids.length < max) {
    const limit = Math.min(CQL_PAGE_SIZE, max - ids.length);
    const query = new URLSearchParams({ cql, expand: 'space', limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = as === 'user'
      ? await api.asUser().requestConfluence(route`/wiki/rest/api/content/search?${query}`, { headers: ACCEPT_JSON })
      : await api.asApp().requestConfluence(route`/wiki/rest/api/content/search?${query}`, { headers: ACCEPT_JSON });
    const body = await jsonOrNull(response, '/wiki/rest/api/content/search');
    if (body === null) return { ids, found, total: ids.length, capped: false };
    const page = parseOrThrow(searchPage, body, '/wiki/rest/api/content/search');
    let added = 0;
    for (const result of page.results) {
      if ((result.type !== 'page' && result.type !== 'blogpost') || seen.has(result.id)) continue;
      seen.add(result.id);
      added += 1;
      ids.push(result.id);
      found.push({ id: result.id, type: result.type, title: result.title, spaceKey: result.space?.key ?? '' });
    }
    const next = cursorOf(page._links?.next);
    if (!next) return { ids, found, total: ids.length, capped: false };
    // A next page that repeats what we have, or a cursor that does not move, would loop for ever.
    if (next === cursor || (added === 0 && page.results.length > 0)) throw new ConfluenceError(502, '/wiki/rest/api/content/search', 'the search cursor did not advance');
    cursor = next;
  }
  // Stopped at the cap with more to come: the search does not say how many, so the total is what we
  // have and `capped` says there is more (the report shows "Included the first N items").
  return { ids, found, total: ids.length, capped: true };
}
