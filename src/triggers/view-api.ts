import { z } from 'zod';
import { MAX_BODY_BYTES, parseViewApiBody, type ReportedView } from '../domain/view-api-request';
import { ConfluenceError } from '../confluence/client';
import { fetchContentAsApp, type VisibleContent } from '../confluence/permissions';
import { isTransientStorageError } from '../storage/kvs-errors';
import { MemoryCache } from '../services/memory-cache';
import { isValidApiToken } from '../services/view-api-token';
import { ContentionError, trackView } from '../services/track-view';

/**
 * The view API: a Forge web trigger through which other tools (the JSM portal integration, Linchpin,
 * publishing tools) report views with their source. Authenticated by the admin-created bearer token;
 * views then go through exactly the same rules and write path as Confluence's own events.
 */
export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

const request = z.object({
  method: z.string(),
  headers: z.record(z.array(z.string())).optional(),
  body: z.string().optional(),
}).passthrough();

const contentCache = new MemoryCache<VisibleContent | null>(5 * 60_000);

export async function viewApi(rawRequest: unknown): Promise<WebTriggerResponse> {
  const parsedRequest = request.safeParse(rawRequest);
  if (!parsedRequest.success) return reply(400, { error: 'Malformed request' });
  const { method, headers = {}, body = '' } = parsedRequest.data;
  if (method.toUpperCase() !== 'POST') return reply(405, { error: 'Use POST' });
  if (!(await isValidApiToken(bearerToken(headers)))) return reply(401, { error: 'Missing or invalid token' });
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return reply(413, { error: `The body must be under ${MAX_BODY_BYTES} bytes` });

  const parsed = parseViewApiBody(body, Date.now());
  if (!parsed.ok) return reply(400, { error: parsed.message, fieldErrors: parsed.fieldErrors });
  try {
    const results = [];
    for (const [index, view] of parsed.value.entries()) results.push({ index, ...(await trackReported(view)) });
    return reply(200, { results });
  } catch (error) {
    if (error instanceof ContentionError || isTransientStorageError(error) || (error instanceof ConfluenceError && error.transient)) {
      return { ...reply(503, { error: 'Busy; retry the whole request later (views already recorded will not count twice)' }), headers: { 'Content-Type': ['application/json'], 'Retry-After': ['30'] } };
    }
    console.error('View API failed', error);
    return reply(500, { error: 'Internal error; it was logged' });
  }
}

async function trackReported(view: ReportedView): Promise<{ tracked: boolean; reason?: string }> {
  const content = await contentOf(view.contentId);
  if (!content) return { tracked: false, reason: 'content-not-found' };
  const outcome = await trackView({
    via: 'auto',
    view: {
      contentId: content.id, contentType: content.type, spaceKey: content.space.key, title: content.title,
      viewer: view.accountId ? { kind: 'user', accountId: view.accountId } : { kind: 'anonymous' },
      at: view.at, source: view.source,
    },
  });
  return outcome.tracked ? { tracked: true } : { tracked: false, reason: outcome.reason };
}

async function contentOf(contentId: string): Promise<VisibleContent | null> {
  const cached = contentCache.get(contentId);
  if (cached !== undefined) return cached;
  const content = await fetchContentAsApp(contentId);
  contentCache.set(contentId, content);
  return content;
}

function bearerToken(headers: Record<string, string[]>): string {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(entry?.[1][0] ?? '');
  return match?.[1] ?? '';
}

function reply(statusCode: number, body: unknown): WebTriggerResponse {
  return { statusCode, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(body) };
}
