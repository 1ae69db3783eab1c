import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const spacePage = z.object({
  results: z.array(z.object({ key: z.string(), name: z.string() }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

const PAGE = 100;
/** Enough for the picker's first screen on any site; the query narrows it further. */
const MAX_PAGES = 20;

/** Spaces whose key or name contains the query, first `limit` of them, for the settings picker. */
export async function listSpaces(query: string, limit: number): Promise<Array<{ key: string; name: string }>> {
  const needle = query.trim().toLowerCase();
  const found: Array<{ key: string; name: string }> = [];
  for (let page = 0; page < MAX_PAGES && found.length < limit; page += 1) {
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/space?start=${page * PAGE}&limit=${PAGE}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/space');
    if (body === null) break;
    const parsed = parseOrThrow(spacePage, body, '/wiki/rest/api/space');
    for (const { key, name } of parsed.results) {
      if (!needle || key.toLowerCase().includes(needle) || name.toLowerCase().includes(needle)) found.push({ key, name });
    }
    if (!parsed._links?.next || parsed.results.length < PAGE) break;
  }
  return found.slice(0, limit);
}

export async function spaceExists(key: string): Promise<boolean> {
  return (await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/space/${key}`, { headers: ACCEPT_JSON }), '/wiki/rest/api/space/{spaceKey}')) !== null;
}

/** Names of spaces by key, as the app (25 keys a call); a personal space is named after its owner. */
export async function fetchSpaceNames(keys: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let start = 0; start < keys.length; start += 25) {
    const chunk = keys.slice(start, start + 25);
    const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/space?spaceKey=${chunk.join(',')}&limit=25`, { headers: ACCEPT_JSON }), '/wiki/rest/api/space');
    if (body === null) continue;
    for (const { key, name } of parseOrThrow(spacePage, body, '/wiki/rest/api/space').results) names.set(key, name);
  }
  return names;
}
