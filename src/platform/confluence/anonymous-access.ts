import api, { route } from '@forge/api';
import { z } from 'zod';
import { ACCEPT_JSON, jsonOrNull } from './client';
import { parseOrThrow } from './directory';

const spacePermissions = z.object({
  permissions: z.array(z.object({
    operation: z.object({ operation: z.string(), targetType: z.string() }).passthrough(),
    anonymousAccess: z.boolean().optional(),
  }).passthrough()).optional(),
}).passthrough();

/** Does the space grant anonymous visitors read access? (v1 space permissions, as the app.) */
export async function fetchSpaceOpenToAnonymous(spaceKey: string): Promise<boolean> {
  const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/space/${spaceKey}?expand=permissions`, { headers: ACCEPT_JSON }), '/wiki/rest/api/space/{spaceKey}');
  if (body === null) return false;
  const space = parseOrThrow(spacePermissions, body, '/wiki/rest/api/space');
  return (space.permissions ?? []).some((p) => p.anonymousAccess === true && p.operation.operation === 'read' && p.operation.targetType === 'space');
}

const restrictionList = z.object({ results: z.array(z.unknown()).default([]), size: z.number().optional() }).passthrough().optional();
const contentRestrictions = z.object({
  id: z.string(),
  space: z.object({ key: z.string() }).passthrough(),
  restrictions: z.object({
    read: z.object({ restrictions: z.object({ user: restrictionList, group: restrictionList }).passthrough().optional() }).passthrough().optional(),
  }).passthrough().optional(),
  ancestors: z.array(z.object({ id: z.string() }).passthrough()).optional(),
}).passthrough();

export interface ContentReadRestrictions {
  spaceKey: string;
  /** The content itself carries a read restriction (to some users or groups). */
  restricted: boolean;
  /** Pages above it: their read restrictions apply to it as well. */
  ancestorIds: string[];
}

/** A content's own read restrictions and its ancestors, as the app (null: it does not exist). */
export async function fetchReadRestrictions(contentId: string): Promise<ContentReadRestrictions | null> {
  const body = await jsonOrNull(await api.asApp().requestConfluence(route`/wiki/rest/api/content/${contentId}?expand=space,ancestors,restrictions.read.restrictions.user,restrictions.read.restrictions.group`, { headers: ACCEPT_JSON }), '/wiki/rest/api/content/{id}');
  if (body === null) return null;
  const content = parseOrThrow(contentRestrictions, body, '/wiki/rest/api/content');
  const read = content.restrictions?.read?.restrictions;
  const count = (list: z.infer<typeof restrictionList>) => (list ? Math.max(list.results.length, list.size ?? 0) : 0);
  return { spaceKey: content.space.key, restricted: count(read?.user) + count(read?.group) > 0, ancestorIds: (content.ancestors ?? []).map((a) => a.id) };
}
