import { z } from 'zod';
import type { Caller } from '../confluence/caller';
import type { ConfluenceFake } from '../confluence/rest';
import type { Directory } from '../demo/directory';
import { currentInvocation } from './invocation';

/** The first argument @forge/api passes to `__forge_fetch__` (see @forge/api/out/api/fetch.js). */
const fetchContext = z.object({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
}).passthrough();

export type ProductFetch = (context: unknown, path: string, init?: RequestInit) => Promise<Response>;

/**
 * Answers every `__forge_fetch__` call that is not KVS: Confluence REST (`{type:'fpp', remote:'confluence'}`)
 * from the demo directory, and the personal-data reporting API (`remote: 'stargate'`).
 * `asApp()` sends provider `app` (or `none` for bare `requestConfluence`); `asUser()` sends provider
 * `user` and, unless the app passed an account id, acts as the running invocation's principal.
 */
export interface WebTriggerUrls {
  /** Module keys of the manifest's web triggers. */
  keys: string[];
  /** The host's address, known once it listens. */
  siteUrl(): string;
}

export function createProductFetch(confluence: ConfluenceFake, directory: Directory, webTriggers: WebTriggerUrls): ProductFetch {
  return async (rawContext, path, init) => {
    const parsed = fetchContext.safeParse(rawContext);
    if (!parsed.success) return loud(400, `__forge_fetch__ called with an unexpected context: ${JSON.stringify(rawContext)}`);
    const context = parsed.data;
    const method = (init?.method ?? 'GET').toUpperCase();
    if (context.type === 'fpp' && context.remote === 'confluence') {
      const caller = callerFor(context.provider, context.accountId);
      if (caller === 'needs-authentication') return needsAuthentication();
      const answer = confluence.handle({ method, path, caller, ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
      return jsonResponse(answer.status, answer.body, answer.headers);
    }
    if (context.type === 'fpp' && context.remote === 'stargate' && (path === '/app/report-accounts' || path === '/app/report-accounts/') && method === 'POST') {
      return reportAccounts(directory, typeof init?.body === 'string' ? init.body : '');
    }
    if (context.type === 'fpp' && context.remote === 'stargate' && path === '/graphql' && method === 'POST') {
      return webTriggerGraphql(webTriggers, typeof init?.body === 'string' ? init.body : '');
    }
    return loud(404, `local host: no fake for __forge_fetch__ ${JSON.stringify(context)} ${method} ${path}`);
  };
}

function callerFor(provider: string | undefined, accountId: string | undefined): Caller | 'needs-authentication' {
  if (provider !== 'user') return { kind: 'app' };
  if (accountId) return { kind: 'user', accountId };
  const principal = currentInvocation()?.principal;
  // asUser() where no user is behind the invocation (a product-event trigger): Forge refuses it.
  if (!principal) return 'needs-authentication';
  return principal.kind === 'user' ? { kind: 'user', accountId: principal.accountId } : { kind: 'anonymous' };
}

const reportBody = z.object({ accounts: z.array(z.object({ accountId: z.string(), updatedAt: z.string() })).max(90) });

/** Personal data reporting: closed accounts come back as `closed`; nothing to do is a 204. */
function reportAccounts(directory: Directory, body: string): Response {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return jsonResponse(400, { message: 'Body is not JSON' });
  }
  const parsed = reportBody.safeParse(json);
  if (!parsed.success) return jsonResponse(400, { message: parsed.error.issues[0]?.message ?? 'Invalid body' });
  const closed = parsed.data.accounts
    .filter((account) => directory.user(account.accountId)?.status === 'closed')
    .map((account) => ({ accountId: account.accountId, status: 'closed' }));
  return closed.length === 0 ? new Response(null, { status: 204 }) : jsonResponse(200, { accounts: closed });
}

const graphqlBody = z.object({ query: z.string(), variables: z.record(z.unknown()).optional() });
const createInput = z.object({ input: z.object({ triggerKey: z.string() }).passthrough() }).passthrough();

/** The platform's GraphQL for web trigger URLs (@forge/api webTrigger.getUrl/queryUrls/deleteUrl). URLs are `<site>/x1/<key>`. */
function webTriggerGraphql(webTriggers: WebTriggerUrls, body: string): Response {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return jsonResponse(400, { errors: [{ message: 'Body is not JSON' }] });
  }
  const parsed = graphqlBody.safeParse(json);
  if (!parsed.success) return jsonResponse(400, { errors: [{ message: 'Not a GraphQL request' }] });
  const { query, variables } = parsed.data;
  const urlOf = (key: string): string => `${webTriggers.siteUrl()}/x1/${encodeURIComponent(key)}`;
  if (query.includes('createWebTriggerUrl')) {
    const input = createInput.safeParse(variables);
    const key = input.success ? input.data.input.triggerKey : '';
    if (!webTriggers.keys.includes(key)) return jsonResponse(200, { data: { createWebTriggerUrl: null }, errors: [{ message: `No web trigger ${key} in manifest.yml` }] });
    return jsonResponse(200, { data: { createWebTriggerUrl: { url: urlOf(key) } } });
  }
  if (query.includes('webTriggerUrlsByAppContext')) {
    return jsonResponse(200, { data: { webTriggerUrlsByAppContext: webTriggers.keys.map((key) => ({ triggerKey: key, url: urlOf(key) })) } });
  }
  if (query.includes('deleteWebTriggerUrl')) return jsonResponse(200, { data: { deleteWebTriggerUrl: { success: true, message: null } } });
  return loud(404, `local host: no fake for the platform GraphQL operation: ${query.slice(0, 200)}`);
}

function needsAuthentication(): Response {
  console.error('local host: asUser() called in an invocation without a user (e.g. a trigger); Forge refuses this');
  return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
}

function loud(status: number, message: string): Response {
  console.error(`\n!!! ${message}\n`);
  return jsonResponse(status, { message });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
