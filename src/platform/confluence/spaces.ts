import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { forEachCursorPage } from './cursor-pages';
import { parseOrThrow } from './directory';

export const spacePage = z.object({
  results: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string(), name: z.string() }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

/** v2 answers up to 250 spaces a request. */
export const SPACES_PER_REQUEST = 250;
/** Enough for the picker's first screen on any site (5,000 spaces); the query narrows it further. */
const MAX_PAGES = 20;

/** Spaces whose key or name contains the query, first `limit` of them, for the settings picker (v2 space list, as the app). */
export async function listSpaces(query: string, limit: number): Promise<Array<{ key: string; name: string }>> {
  const needle = query.trim().toLowerCase();
  const found: Array<{ key: string; name: string }> = [];
  await forEachCursorPage('/wiki/api/v2/spaces', async (cursor) => {
    const params = new URLSearchParams({ limit: String(SPACES_PER_REQUEST), ...(cursor ? { cursor } : {}) });
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?${params}`, { headers: ACCEPT_JSON }), '/wiki/api/v2/spaces');
    return body === null ? null : parseOrThrow(spacePage, body, '/wiki/api/v2/spaces');
  }, (page) => {
    for (const { key, name } of page.results) {
      if (!needle || key.toLowerCase().includes(needle) || name.toLowerCase().includes(needle)) found.push({ key, name });
    }
    return found.length >= limit ? 'stop' : undefined;
  }, MAX_PAGES);
  return found.slice(0, limit);
}

/** Spaces by key as the app sees them (`GET /wiki/api/v2/spaces?keys=`, at most 250 keys a call). */
export async function fetchSpacesByKey(keys: readonly string[]): Promise<Array<z.infer<typeof spacePage>['results'][number]>> {
  const spaces: Array<z.infer<typeof spacePage>['results'][number]> = [];
  for (let start = 0; start < keys.length; start += SPACES_PER_REQUEST) {
    const chunk = keys.slice(start, start + SPACES_PER_REQUEST);
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?keys=${chunk.join(',')}&limit=${SPACES_PER_REQUEST}`, { headers: ACCEPT_JSON }), '/wiki/api/v2/spaces');
    if (body === null) continue;
    spaces.push(...parseOrThrow(spacePage, body, '/wiki/api/v2/spaces').results);
  }
  return spaces;
}

export async function spaceExists(key: string): Promise<boolean> {
  return (await fetchSpacesByKey([key])).some((space) => space.key === key);
}

/** Names of spaces by key, as the app; a personal space is named after its owner. */
export async function fetchSpaceNames(keys: readonly string[]): Promise<Map<string, string>> {
  return new Map((await fetchSpacesByKey(keys)).map((space) => [space.key, space.name]));
}
