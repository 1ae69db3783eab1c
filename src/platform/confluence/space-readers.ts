import api, { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceError } from './client';
import { forEachCursorPage } from './cursor-pages';
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
  let visible = true;
  await forEachCursorPage('/wiki/api/v2/spaces/{id}/permissions', async (cursor) => {
    const response = cursor === null
      ? await api.asApp().requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250`, { headers: { Accept: 'application/json' } })
      : await api.asApp().requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250&cursor=${cursor}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404 || response.status === 403) {
      // Not visible to the app: no readers to say when it is the first page; what was read otherwise.
      if (cursor === null) visible = false;
      return null;
    }
    if (!response.ok) throw new ConfluenceError(response.status, '/wiki/api/v2/spaces/{id}/permissions', await response.text());
    return parseOrThrow(assignments, await response.json(), '/wiki/api/v2/spaces/{id}/permissions');
  }, (page) => {
    for (const { principal, operation } of page.results) {
      if (operation.key !== 'read' || operation.targetType !== 'space') continue;
      if (principal.type === 'user') readers.userIds.push(principal.id);
      else if (principal.type === 'group') readers.groupIds.push(principal.id);
      else readers.roles += 1;
    }
  }, MAX_PAGES);
  return visible ? readers : null;
}
