import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const spacePage = z.object({
  results: z.array(z.object({ key: z.string(), name: z.string() }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

const PAGE = 100;
/** Spaces looked through per search: 500, five requests at most, whatever the site's size. */
export const MAX_SPACES_SCANNED = 5 * PAGE;

/**
 * Spaces whose key or name contains the query, among the spaces the calling user may view: Confluence's
 * space list asked as the user returns only those. The first `MAX_SPACES_SCANNED` are looked through;
 * `complete` says whether that was all of them.
 */
export async function searchViewableSpaces(query: string, limit: number): Promise<{ spaces: Array<{ key: string; name: string }>; complete: boolean }> {
  const needle = query.trim().toLowerCase();
  const spaces: Array<{ key: string; name: string }> = [];
  for (let start = 0; start < MAX_SPACES_SCANNED; start += PAGE) {
    const body = await jsonOrNull(await api.asUser().requestConfluence(route`/wiki/rest/api/space?start=${start}&limit=${PAGE}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/space');
    if (body === null) return { spaces: spaces.slice(0, limit), complete: true };
    const parsed = parseOrThrow(spacePage, body, '/wiki/rest/api/space');
    for (const { key, name } of parsed.results) {
      if (!needle || key.toLowerCase().includes(needle) || name.toLowerCase().includes(needle)) spaces.push({ key, name });
    }
    if (spaces.length >= limit) return { spaces: spaces.slice(0, limit), complete: true };
    if (!parsed._links?.next || parsed.results.length < PAGE) return { spaces, complete: true };
  }
  return { spaces: spaces.slice(0, limit), complete: false };
}
