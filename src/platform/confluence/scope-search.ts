import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const searchPage = z.object({
  results: z.array(z.object({
    id: z.string(), type: z.string(), title: z.string(),
    space: z.object({ key: z.string() }).passthrough().optional(),
  }).passthrough()),
  size: z.number().optional(),
  totalSize: z.number().optional(),
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
  /** What Confluence says the whole result holds; when it does not say, what we saw (at least `ids`). */
  total: number;
  /** More results existed than `max`. */
  capped: boolean;
}

/**
 * Content ids matching a CQL query, page by page, up to `max`. As the user, Confluence leaves out what
 * they may not read; as the app (for guests, who cannot make asUser calls), everything comes back
 * and the caller must filter it by permission before showing anything.
 */
export async function searchContentIds(as: 'user' | 'app', cql: string, max: number): Promise<CqlIds> {
  const ids: string[] = [];
  const found: FoundContent[] = [];
  let total = 0;
  for (let start = 0; ids.length < max; start += CQL_PAGE_SIZE) {
    const limit = Math.min(CQL_PAGE_SIZE, max - ids.length);
    const response = as === 'user'
      ? await api.asUser().requestConfluence(route`/wiki/rest/api/content/search?cql=${cql}&expand=space&start=${start}&limit=${limit}`, { headers: ACCEPT_JSON })
      : await api.asApp().requestConfluence(route`/wiki/rest/api/content/search?cql=${cql}&expand=space&start=${start}&limit=${limit}`, { headers: ACCEPT_JSON });
    const body = await jsonOrNull(response, '/wiki/rest/api/content/search');
    if (body === null) return { ids, found, total: Math.max(total, ids.length), capped: false };
    const page = parseOrThrow(searchPage, body, '/wiki/rest/api/content/search');
    for (const result of page.results) {
      if (result.type !== 'page' && result.type !== 'blogpost') continue;
      ids.push(result.id);
      found.push({ id: result.id, type: result.type, title: result.title, spaceKey: result.space?.key ?? '' });
    }
    total = Math.max(total, page.totalSize ?? 0, ids.length);
    if (!page._links?.next || page.results.length < limit) return { ids, found, total, capped: false };
  }
  // Stopped at the cap with more to come: Confluence's totalSize says how many, else "more than max".
  return { ids, found, total: Math.max(total, ids.length + 1), capped: true };
}
