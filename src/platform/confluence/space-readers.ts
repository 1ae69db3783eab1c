import api, { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceError } from './client';
import { parseOrThrow } from './directory';

const assignments = z.object({
  results: z.array(z.object({
    principal: z.object({ type: z.string(), id: z.string() }).passthrough(),
    operation: z.object({ key: z.string(), targetType: z.string() }).passthrough(),
  }).passthrough()),
  _links: z.object({ next: z.string().optional() }).passthrough().optional(),
}).passthrough();

/** Who a space's permissions let read it: user and group principals (roles cannot be listed as people). */
export interface SpaceReaders {
  userIds: string[];
  groupIds: string[];
  /** Read granted through roles, which the app cannot expand into people. */
  roles: number;
}

const MAX_PAGES = 20;

/**
 * The space's read permission assignments as the app (v2 `GET /spaces/{id}/permissions`, scope
 * `read:space:confluence`, 250 a page, cursor paging), reduced to the principals that read the space.
 * Null when the space is not visible to the app.
 */
export async function fetchSpaceReaders(spaceId: string): Promise<SpaceReaders | null> {
  const readers: SpaceReaders = { userIds: [], groupIds: [], roles: 0 };
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response: Awaited<ReturnType<ReturnType<typeof api.asApp>['requestConfluence']>> = cursor === null
      ? await api.asApp().requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250`, { headers: { Accept: 'application/json' } })
      : await api.asApp().requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250&cursor=${cursor}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404 || response.status === 403) return page === 0 ? null : readers;
    if (!response.ok) throw new ConfluenceError(response.status, '/wiki/api/v2/spaces/{id}/permissions', await response.text());
    const body: z.infer<typeof assignments> = parseOrThrow(assignments, await response.json(), '/wiki/api/v2/spaces/{id}/permissions');
    for (const { principal, operation } of body.results) {
      if (operation.key !== 'read' || operation.targetType !== 'space') continue;
      if (principal.type === 'user') readers.userIds.push(principal.id);
      else if (principal.type === 'group') readers.groupIds.push(principal.id);
      else readers.roles += 1;
    }
    const next: string | null = body._links?.next ? new URL(body._links.next, 'https://site.invalid').searchParams.get('cursor') : null;
    if (!next) return readers;
    cursor = next;
  }
  return readers;
}
