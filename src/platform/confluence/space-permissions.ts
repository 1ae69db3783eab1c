import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const space = z.object({ id: z.union([z.number(), z.string()]).transform(String), key: z.string(), name: z.string(), type: z.string() }).passthrough();
export type SpaceSummary = z.infer<typeof space>;

const spaceList = z.object({ results: z.array(space) }).passthrough();

/** The space as the app sees it (it exists), or null (`GET /wiki/api/v2/spaces?keys=`). */
export async function fetchSpaceAsApp(spaceKey: string): Promise<SpaceSummary | null> {
  const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?keys=${spaceKey}&limit=1`, { headers: ACCEPT_JSON }), '/wiki/api/v2/spaces');
  if (body === null) return null;
  return parseOrThrow(spaceList, body, '/wiki/api/v2/spaces').results.find((found) => found.key === spaceKey) ?? null;
}

const operations = z.object({
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() }).passthrough()),
}).passthrough();

/**
 * What the calling user may do in a space, asked of Confluence as that user (v2 permitted
 * operations). Null when the user may not view the space at all.
 */
export async function fetchCallerSpaceOperations(spaceId: string): Promise<{ view: boolean; administer: boolean } | null> {
  const body = await jsonOrNull(await api.asUser().requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/operations`, { headers: ACCEPT_JSON }), '/wiki/api/v2/spaces/{id}/operations');
  if (body === null) return null;
  const parsed = parseOrThrow(operations, body, '/wiki/api/v2/spaces/{id}/operations');
  const has = (operation: string) => parsed.operations.some((op) => op.operation === operation && op.targetType === 'space');
  return { view: has('read'), administer: has('administer') };
}
