import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, ConfluenceError, jsonOrNull } from './client';
import { forEachCursorPage } from './cursor-pages';
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
  const path = '/wiki/rest/api/content/search';
  const { next } = await forEachCursorPage(path, async (cursor) => {
    const limit = Math.min(CQL_PAGE_SIZE, max - ids.length);
    const query = new URLSearchParams({ cql, expand: 'space', limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = as === 'user'
      ? await api.asUser().requestConfluence(route`/wiki/rest/api/content/search?${query}`, { headers: ACCEPT_JSON })
      : await api.asApp().requestConfluence(route`/wiki/rest/api/content/search?${query}`, { headers: ACCEPT_JSON });
    const body = await jsonOrNull(response, path);
    return body === null ? null : parseOrThrow(searchPage, body, path);
  }, (page) => {
    let added = 0;
    for (const result of page.results) {
      if ((result.type !== 'page' && result.type !== 'blogpost') || seen.has(result.id)) continue;
      seen.add(result.id);
      added += 1;
      ids.push(result.id);
      found.push({ id: result.id, type: result.type, title: result.title, spaceKey: result.space?.key ?? '' });
    }
    // A next page that only repeats what we have would loop for ever (a repeated cursor is caught by the loop).
    if (added === 0 && page.results.length > 0 && page._links?.next) throw new ConfluenceError(502, path, 'the search cursor did not advance');
    return ids.length >= max ? 'stop' : undefined;
  });
  // Stopped at the cap with more to come: the search does not say how many, so the total is what we
  // have and `capped` says there is more (the report shows "Included the first N items").
  return { ids, found, total: ids.length, capped: next !== null };
}
