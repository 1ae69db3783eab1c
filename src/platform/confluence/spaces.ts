import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

export const spacePage = z.object({
  results: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string(), name: z.string() }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

/** v2 answers up to 250 spaces a request. */
export const SPACES_PER_REQUEST = 250;
/** Enough for the picker's first screen on any site (5,000 spaces); the query narrows it further. */
const MAX_PAGES = 20;

/** The `cursor` of a v2 `_links.next`. */
export function nextCursor(next: string | undefined): string | null {
  return next ? new URL(next, 'https://confluence.invalid').searchParams.get('cursor') : null;
}

/** Spaces whose key or name contains the query, first `limit` of them, for the settings picker (v2 space list, as the app). */
export async function listSpaces(query: string, limit: number): Promise<Array<{ key: string; name: string }>> {
  const needle = query.trim().toLowerCase();
  const found: Array<{ key: string; name: string }> = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES && found.length < limit; page += 1) {
    const params = new URLSearchParams({ limit: String(SPACES_PER_REQUEST), ...(cursor ? { cursor } : {}) });
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?${params}`, { headers: ACCEPT_JSON }), '/wiki/api/v2/spaces');
    if (body === null) break;
    const parsed = parseOrThrow(spacePage, body, '/wiki/api/v2/spaces');
    for (const { key, name } of parsed.results) {
      if (!needle || key.toLowerCase().includes(needle) || name.toLowerCase().includes(needle)) found.push({ key, name });
    }
    cursor = nextCursor(parsed._links?.next);
    if (!cursor) break;
  }
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
