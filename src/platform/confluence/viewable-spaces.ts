import api, { route } from '@forge/api';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';
import { nextCursor, spacePage, SPACES_PER_REQUEST } from './spaces';

/** Spaces looked through per search: 500, two requests at most, whatever the site's size. */
export const MAX_SPACES_SCANNED = 2 * SPACES_PER_REQUEST;

/**
 * Spaces whose key or name contains the query, among the spaces the calling user may view: Confluence's
 * v2 space list asked as the user returns only those. The first `MAX_SPACES_SCANNED` are looked through;
 * `complete` says whether that was all of them.
 */
export async function searchViewableSpaces(query: string, limit: number): Promise<{ spaces: Array<{ key: string; name: string }>; complete: boolean }> {
  const needle = query.trim().toLowerCase();
  const spaces: Array<{ key: string; name: string }> = [];
  let cursor: string | null = null;
  for (let scanned = 0; scanned < MAX_SPACES_SCANNED; scanned += SPACES_PER_REQUEST) {
    const params = new URLSearchParams({ limit: String(SPACES_PER_REQUEST), ...(cursor ? { cursor } : {}) });
    const body = await jsonOrNull(await api.asUser().requestConfluence(route`/wiki/api/v2/spaces?${params}`, { headers: ACCEPT_JSON }), '/wiki/api/v2/spaces');
    if (body === null) return { spaces: spaces.slice(0, limit), complete: true };
    const parsed = parseOrThrow(spacePage, body, '/wiki/api/v2/spaces');
    for (const { key, name } of parsed.results) {
      if (!needle || key.toLowerCase().includes(needle) || name.toLowerCase().includes(needle)) spaces.push({ key, name });
    }
    if (spaces.length >= limit) return { spaces: spaces.slice(0, limit), complete: true };
    cursor = nextCursor(parsed._links?.next);
    if (!cursor) return { spaces, complete: true };
  }
  return { spaces: spaces.slice(0, limit), complete: false };
}
