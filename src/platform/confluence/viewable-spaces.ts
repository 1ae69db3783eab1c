import api, { route } from '@forge/api';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { forEachCursorPage } from './cursor-pages';
import { parseOrThrow } from './directory';
import { spacePage, SPACES_PER_REQUEST } from './spaces';

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
  const { next } = await forEachCursorPage('/wiki/api/v2/spaces', async (cursor) => {
    const params = new URLSearchParams({ limit: String(SPACES_PER_REQUEST), ...(cursor ? { cursor } : {}) });
    const body = await jsonOrNull(await api.asUser().requestConfluence(route`/wiki/api/v2/spaces?${params}`, { headers: ACCEPT_JSON }), '/wiki/api/v2/spaces');
    return body === null ? null : parseOrThrow(spacePage, body, '/wiki/api/v2/spaces');
  }, (page) => {
    for (const { key, name } of page.results) {
      if (!needle || key.toLowerCase().includes(needle) || name.toLowerCase().includes(needle)) spaces.push({ key, name });
    }
    return spaces.length >= limit ? 'stop' : undefined;
  }, MAX_SPACES_SCANNED / SPACES_PER_REQUEST);
  // Enough found, or every space looked through: complete; otherwise spaces past the first 500 were not.
  return { spaces: spaces.slice(0, limit), complete: spaces.length >= limit || next === null };
}
