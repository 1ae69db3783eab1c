import { z } from 'zod';
import { canViewContent } from '../../confluence/permissions';
import { isHostChannel } from '../channels';
import { HttpError, cookie, readBody, readJson, redirect, sendJson, sendText } from '../http-util';
import { isCrossSiteNavigation, sameSitePath } from '../request-guard';
import { callerOf } from '../pages/layout';
import { hostCss } from '../pages/styles';
import { route, type Route } from '../router';
import { COOKIES, readSession } from '../session';
import { forgeThemeCss } from '../tokens';
import { configProblem, macroSubmitBody } from '../macro-store';
import type { HostServices } from './services';

const extension = z.record(z.unknown()).refine((value) => JSON.stringify(value).length < 10_000, 'extension too large');

/** What the host page sends for a Custom UI's `invoke`: which frame, which resolver function, its payload. No identity. */
const invokeBody = z.object({
  frame: z.object({ moduleKey: z.string().max(200), localId: z.string().max(500), extension }),
  functionKey: z.string().min(1).max(200),
  payload: z.unknown(),
}).strict();

/** The bridge's `requestConfluence` as the host page forwards it: the product, its REST path, method and body. No identity. */
const fetchProductBody = z.object({
  product: z.literal('confluence'),
  restPath: z.string().startsWith('/wiki/').max(2000),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
  body: z.string().max(1_000_000).optional(),
}).strict();

const bylineBody = z.object({
  moduleKey: z.string().max(200),
  localId: z.string().max(500),
  extension,
  viewId: z.string().max(100).optional(),
}).strict();

/** The host page's back end: bridge calls that need the server, and the session switcher. */
export function hostApiRoutes(host: HostServices): Route[] {
  const css = hostCss();
  const tokens = forgeThemeCss();
  return [
    route('GET', /^\/favicon\.ico$/, ({ response }) => void response.writeHead(204).end()),
    route('GET', /^\/__host\/host\.css$/, ({ response }) => sendText(response, 200, 'text/css', css)),
    route('GET', /^\/__host\/host-page\.js$/, ({ response }) => sendText(response, 200, 'text/javascript', host.bundles.hostPage)),
    route('GET', /^\/__forge\/bridge\.js$/, ({ response }) => sendText(response, 200, 'text/javascript', host.bundles.bridge)),
    route('GET', /^\/__forge\/tokens\.css$/, ({ response }) => sendText(response, 200, 'text/css', tokens)),
    route('GET', /^\/__forge\/resources\/([^/]+)\/(.*)$/, ({ request, response, match }) => {
      const { channel } = readSession(request, host.directory, host.defaultUser);
      if (!host.resources.serve(response, match[1]!, match[2]!, channel)) throw new HttpError(404, `No file ${match[2]} in resource ${match[1]}`);
    }),
    route('ANY', /^\/__host\/session$/, ({ request, response, url }) => {
      const cookies: string[] = [];
      const user = url.searchParams.get('user');
      if (user !== null && (user === 'anonymous' || host.directory.user(user))) cookies.push(cookie(COOKIES.user, user));
      const channel = url.searchParams.get('channel') ?? undefined;
      if (isHostChannel(channel)) cookies.push(cookie(COOKIES.channel, channel));
      const theme = url.searchParams.get('theme');
      if (theme === 'light' || theme === 'dark') cookies.push(cookie(COOKIES.theme, theme));
      if (!isCrossSiteNavigation(request)) response.setHeader('set-cookie', cookies);
      if (request.method === 'GET') return redirect(response, sameSitePath(url.searchParams.get('back')));
      response.writeHead(204).end();
    }),
    route('POST', /^\/__host\/invoke$/, async ({ request, response }) => {
      const body = await readJson(request, invokeBody);
      // The principal is the host's session: nothing in the body can choose who the resolver runs as.
      const { principal } = readSession(request, host.directory, host.defaultUser);
      try {
        const value = await host.platform.invokeResolver(principal, body.frame, body.functionKey, body.payload);
        sendJson(response, 200, { ok: true, value });
      } catch (error) {
        sendJson(response, 200, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }),
    route('POST', /^\/__host\/fetch-product$/, async ({ request, response }) => {
      const body = await readJson(request, fetchProductBody);
      // As the session's user, never the app, and no function runs: it is no invocation (Forge's bridge
      // calls product REST as "the user that is interacting with the app", forge-docs-snapshot
      // mirror/call-a-confluence-api/index.md).
      const caller = callerOf(readSession(request, host.directory, host.defaultUser));
      const answer = host.confluence.handle({ method: body.method, path: body.restPath, caller, ...(body.body !== undefined ? { body: body.body } : {}) });
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(answer.headers ?? {}) };
      sendJson(response, 200, { ok: true, value: { status: answer.status, statusText: '', headers, body: answer.body === undefined ? '' : JSON.stringify(answer.body) } });
    }),
    route('POST', /^\/__host\/macro-config$/, async ({ request, response }) => {
      // The editor's side of view.submit({config}): who may edit is the host's session, never the body.
      const body = await readJson(request, macroSubmitBody);
      const s = readSession(request, host.directory, host.defaultUser);
      const content = host.directory.content(body.contentId);
      const module = host.platform.uiModule(body.moduleKey);
      if (!content || !module || module.type !== 'macro' || s.user?.accountType !== 'licensed' || !canViewContent(host.directory, callerOf(s), content)) {
        return sendJson(response, 404, { ok: false, error: 'MACRO_NOT_FOUND' });
      }
      const problem = configProblem(body.config);
      if (problem || typeof body.config !== 'object' || body.config === null) return sendJson(response, 400, { ok: false, error: problem ?? 'INVALID_CONFIG' });
      const instance = host.macros.submit(content, module.key, body.localId, { ...body.config });
      sendJson(response, 200, { ok: true, value: instance });
    }),
    route('POST', /^\/__host\/byline$/, async ({ request, response }) => {
      const body = await readJson(request, bylineBody);
      const { principal } = readSession(request, host.directory, host.defaultUser);
      const module = host.platform.uiModule(body.moduleKey);
      if (!module || module.type !== 'confluence:contentBylineItem') throw new HttpError(404, `No byline item ${body.moduleKey}`);
      if (body.viewId) await host.views.waitFor(body.viewId, host.bylineWaitMs);
      try {
        sendJson(response, 200, { ok: true, value: await host.platform.bylineProperties(principal, module, body.extension, body.localId) });
      } catch (error) {
        sendJson(response, 200, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }),
    route('ANY', /^\/x1\/([^/?#]+)$/, async ({ request, response, match, url }) => {
      const headers: Record<string, string[]> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value : [value];
      }
      const queryParameters: Record<string, string[]> = {};
      for (const key of new Set(url.searchParams.keys())) queryParameters[key] = url.searchParams.getAll(key);
      const answer = await host.platform.runWebTrigger(decodeURIComponent(match[1]!), {
        method: request.method ?? 'GET', path: url.pathname, headers, queryParameters, body: await readBody(request),
      });
      const outgoing: Record<string, string> = {};
      for (const [name, values] of Object.entries(answer.headers)) outgoing[name] = values.join(', ');
      response.writeHead(answer.statusCode, outgoing);
      response.end(answer.body);
    }),
    route('GET', /^\/__host\/navigation-target$/, ({ request, response, url }) => {
      const s = readSession(request, host.directory, host.defaultUser);
      const target = url.searchParams.get('target');
      const found = navigationTarget(host, target, url.searchParams);
      if (found === null) return sendJson(response, 400, { error: `local host: navigation target "${target}" is not supported` });
      if (target === 'contentView' || target === 'contentEdit') {
        const content = host.directory.content(url.searchParams.get('contentId') ?? '');
        if (!content || !canViewContent(host.directory, callerOf(s), content)) return sendJson(response, 404, { error: 'No such content' });
      }
      sendJson(response, 200, { url: found });
    }),
  ];
}

function navigationTarget(host: HostServices, target: string | null, params: URLSearchParams): string | null {
  switch (target) {
    case 'contentView':
    case 'contentEdit': {
      const content = host.directory.content(params.get('contentId') ?? '');
      return content ? host.urls.content(content) : null;
    }
    case 'spaceView':
      return host.urls.space(params.get('spaceKey') ?? '');
    case 'userProfile':
      return `/wiki/people/${encodeURIComponent(params.get('accountId') ?? '')}`;
    case 'module': {
      const module = host.platform.uiModule(params.get('moduleKey') ?? '');
      if (!module) return null;
      if (module.type === 'confluence:globalPage') return host.urls.globalPage(module.route ?? module.key);
      if (module.type === 'confluence:spacePage') return host.urls.spacePage(params.get('spaceKey') ?? '', module.route ?? module.key);
      if (module.type === 'confluence:globalSettings') return host.urls.settings(module.key);
      return null;
    }
    default:
      return null;
  }
}
