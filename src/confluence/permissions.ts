import { route } from '@forge/api';
import { z } from 'zod';
import { getJson, ConfluenceError } from './client';
import { parseOrThrow } from './directory';

const currentUser = z.object({
  accountId: z.string().optional(),
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() }).passthrough()).optional(),
}).passthrough();

/** Is the calling user a Confluence administrator? Asked of Confluence as that user: never trusted from the browser. */
export async function fetchIsConfluenceAdmin(): Promise<boolean> {
  const body = await getJson('user', route`/wiki/rest/api/user/current?expand=operations`);
  if (body === null) return false;
  const user = parseOrThrow(currentUser, body, '/wiki/rest/api/user/current');
  return (user.operations ?? []).some((op) => op.operation === 'administer' && op.targetType === 'application');
}

const content = z.object({
  id: z.string(),
  type: z.enum(['page', 'blogpost']),
  status: z.string(),
  title: z.string(),
  space: z.object({ key: z.string() }).passthrough(),
}).passthrough();

export type VisibleContent = z.infer<typeof content>;

/**
 * The content as the calling user sees it (null when it does not exist or is hidden from them).
 * Anonymous callers have no user to ask as: the app checks that the content exists.
 */
export async function fetchVisibleContent(contentId: string, as: 'user' | 'app'): Promise<VisibleContent | null> {
  const body = await getJson(as, route`/wiki/rest/api/content/${contentId}?expand=space`);
  if (body === null) return null;
  const parsed = content.safeParse(body);
  if (!parsed.success) throw new ConfluenceError(502, '/wiki/rest/api/content', 'unexpected content shape');
  return parsed.data;
}
