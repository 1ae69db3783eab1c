import { z } from 'zod';
import type { ViewApiRequestRecord } from '@contracts/resolvers';
import { MAX_BODY_BYTES, parseViewApiBody } from './view-api-request';
import { ConfluenceError } from '../../platform/confluence/client';
import { isTransientStorageError } from '../../core/storage/kvs-errors';
import { recordViewApiRequest } from './view-api-log-store';
import { checkReportedViews, trackReportedViews } from './view-api-views';
import { isValidApiToken } from '../../settings/index';
import { ContentionError, UnclassifiedTransactionError } from '../../core/storage/kvs-errors';

/**
 * The view API: a Forge web trigger through which other tools (the JSM portal integration, Linchpin,
 * publishing tools) report views with their source. Authenticated by the admin-created bearer token;
 * views then go through exactly the same rules and write path as Confluence's own events.
 *
 * The trigger is `static` (manifest.yml): it answers one of the configured outputs by key and can
 * send no data of its own, which keeps the app eligible for Runs on Atlassian. Per-view outcomes
 * and field errors are recorded for admins (settings page, "Recent requests") instead.
 */
export type ViewApiOutput = 'accepted' | 'invalid' | 'unauthorized' | 'wrong-method' | 'too-large' | 'busy' | 'error';
export interface StaticResponse {
  outputKey: ViewApiOutput;
}

const request = z.object({
  method: z.string(),
  headers: z.record(z.array(z.string())).optional(),
  body: z.string().optional(),
}).passthrough();

export async function viewApi(rawRequest: unknown): Promise<StaticResponse> {
  const parsedRequest = request.safeParse(rawRequest);
  if (!parsedRequest.success) return { outputKey: 'invalid' };
  const { method, headers = {}, body = '' } = parsedRequest.data;
  if (method.toUpperCase() !== 'POST') return { outputKey: 'wrong-method' };
  // Nothing is recorded for unauthenticated calls: a stranger must not be able to fill storage.
  if (!(await isValidApiToken(bearerToken(headers)))) return { outputKey: 'unauthorized' };
  const at = Date.now();
  const record = (outcome: ViewApiRequestRecord['outcome'], rest: Partial<ViewApiRequestRecord> = {}) =>
    recordViewApiRequest({ at, outcome, views: 0, results: [], fieldErrors: {}, message: null, ...rest });
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
    await record('too-large', { message: `The body must be under ${MAX_BODY_BYTES} bytes` });
    return { outputKey: 'too-large' };
  }

  const results: ViewApiRequestRecord['results'] = [];
  let views = 0;
  try {
    // The whole batch is checked before anything is stored: one invalid view refuses the request.
    const parsed = parseViewApiBody(body, at);
    if (!parsed.ok) {
      await record('invalid', { fieldErrors: parsed.fieldErrors, message: parsed.message });
      return { outputKey: 'invalid' };
    }
    views = parsed.value.length;
    const checked = await checkReportedViews(parsed.value);
    if (!checked.ok) {
      await record('invalid', { views, fieldErrors: checked.fieldErrors, message: 'Some accounts are unknown to Confluence; nothing was recorded.' });
      return { outputKey: 'invalid' };
    }
    await trackReportedViews(parsed.value, checked.contents, (result) => results.push(result));
    await record('accepted', { views, results });
    return { outputKey: 'accepted' };
  } catch (error) {
    const busy = error instanceof ContentionError || error instanceof UnclassifiedTransactionError || isTransientStorageError(error) || (error instanceof ConfluenceError && error.transient);
    if (!busy) console.error('View API failed', error);
    await record(busy ? 'busy' : 'error', { views, results, message: busy ? 'Storage or Confluence was busy; the tool should retry the whole request (nothing counts twice).' : 'Internal error; it was logged.' })
      .catch((recordError: unknown) => console.error('View API: could not record the request', recordError));
    return { outputKey: busy ? 'busy' : 'error' };
  }
}

function bearerToken(headers: Record<string, string[]>): string {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(entry?.[1][0] ?? '');
  return match?.[1] ?? '';
}
