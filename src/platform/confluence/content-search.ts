import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const searchPage = z.object({
  results: z.array(z.object({
    id: z.string(),
    space: z.object({ key: z.string(), name: z.string() }).passthrough().optional(),
  }).passthrough()),
}).passthrough();

/** CQL `id in (...)` takes this many ids per request; Confluence answers only what the caller may read. */
export const CQL_IDS_PER_REQUEST = 50;

/**
 * Which of these content ids the calling user may read: one CQL search as that user per 50 ids
 * (Confluence leaves out what the user may not see), with the space of each readable result
 * (`expand=space`: its name, at no extra call). Licensed users only: Forge gives guests no asUser calls.
 */
export async function fetchReadableIdsAsUser(contentIds: readonly string[]): Promise<{ ids: Set<string>; spaceNames: Map<string, string> }> {
  const readable = new Set<string>();
  const spaceNames = new Map<string, string>();
  for (let start = 0; start < contentIds.length; start += CQL_IDS_PER_REQUEST) {
    const chunk = contentIds.slice(start, start + CQL_IDS_PER_REQUEST).filter((id) => /^\d{1,20}$/.test(id));
    if (chunk.length === 0) continue;
    const cql = `id in (${chunk.join(',')})`;
    const body = await jsonOrNull(await api.asUser().requestConfluence(route`/wiki/rest/api/content/search?cql=${cql}&limit=${CQL_IDS_PER_REQUEST}&expand=space`, { headers: ACCEPT_JSON }), '/wiki/rest/api/content/search');
    if (body === null) continue;
    for (const result of parseOrThrow(searchPage, body, '/wiki/rest/api/content/search').results) {
      readable.add(result.id);
      if (result.space) spaceNames.set(result.space.key, result.space.name);
    }
  }
  return { ids: readable, spaceNames };
}
