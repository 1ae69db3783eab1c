import { z } from 'zod';
import type { Directory } from '../../demo/directory';
import { HttpError, readJson, sendJson } from '../http-util';
import { ANONYMOUS, principalFromSession, type Principal } from '../principal';
import { route, type Route } from '../router';
import { deliverySchema } from '../views';
import { describeFaults, faultOptionsOf, kvsFaultsBody } from '../kvs-faults';
import type { HostServices } from './services';

const productEvent = z.object({ eventType: z.string().min(1).max(200) }).passthrough();

const functionCall = z.object({ payload: z.unknown(), context: z.unknown() }).strict();

const asField = z.string().min(1).max(128).describe('an account id of the demo site, or "anonymous"');

const resolverCall = z.object({
  as: asField,
  functionKey: z.string().min(1).max(200),
  payload: z.unknown().optional(),
  moduleKey: z.string().max(200).optional(),
  localId: z.string().max(500).optional(),
  extension: z.record(z.unknown()).optional(),
}).strict();

const viewCall = z.object({ as: asField, contentId: z.string().regex(/^\d{1,20}$/), delivery: deliverySchema.partial().optional() }).strict();

const groupMembersBody = z.object({
  groupName: z.string().min(1).max(200),
  count: z.number().int().min(1).max(10_000),
  namePrefix: z.string().min(1).max(50).default('Member'),
}).strict();

const throttleBody = z.object({
  count: z.number().int().min(1).max(10_000),
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  pathPrefix: z.string().max(500).optional(),
}).strict();

/**
 * Developer endpoints under /__local (see local/README.md). They stand in for the Forge CLI and the
 * product: a caller here chooses the principal explicitly, which the browser-facing routes never allow.
 */
export function devRoutes(host: HostServices): Route[] {
  const principalOf = (as: string): Principal => {
    if (as === 'anonymous') return ANONYMOUS;
    const principal = principalFromSession(host.directory, as);
    if (principal.kind === 'anonymous') throw new HttpError(400, `No active demo user ${as}`);
    return principal;
  };
  return [
    route('GET', /^\/__local\/health$/, ({ response }) => sendJson(response, 200, { ok: true })),
    // A group larger than the small demo's (reach's paged lists, a group listed over several calls).
    route('POST', /^\/__local\/directory\/group-members$/, async ({ request, response }) => {
      const body = await readJson(request, groupMembersBody);
      const group = host.directory.site.groups.find((candidate) => candidate.name === body.groupName);
      if (!group) throw new HttpError(404, `No demo group ${body.groupName}`);
      const users = host.directory.usersById as Map<string, Directory['site']['users'][number]>;
      const added: string[] = [];
      for (let i = 0; i < body.count; i += 1) {
        const accountId = `local-${group.id.slice(0, 8)}-${users.size}`;
        const user = { accountId, displayName: `${body.namePrefix} ${String(i + 1).padStart(4, '0')}`, role: 'reader' as const, accountType: 'licensed' as const, isAdmin: false, groupIds: [group.id], status: 'active' as const };
        host.directory.site.users.push(user);
        users.set(accountId, user);
        added.push(accountId);
      }
      sendJson(response, 200, { group: group.id, added });
    }),
    route('GET', /^\/__local\/demo$/, ({ response }) => sendJson(response, 200, { appShortId: host.urls.appShort, ...demoSummary(host.directory, host.urls.content.bind(host.urls), (c) => host.confluence.visibleTo({ kind: 'app', restricted: host.confluence.appUser.restricted }, c)) })),
    route('POST', /^\/__local\/events$/, async ({ request, response, url }) => {
      const event = await readJson(request, productEvent);
      const copies = Math.min(10, Math.max(1, Number(url.searchParams.get('copies') ?? 1) || 1));
      const delayMs = Math.min(600_000, Math.max(0, Number(url.searchParams.get('delayMs') ?? 0) || 0));
      const delivery = (async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const counts = await Promise.all(Array.from({ length: copies }, () => host.platform.deliverEvent(event)));
        return counts[0] ?? 0;
      })();
      if (url.searchParams.get('async') === '1') return sendJson(response, 202, { accepted: true });
      const triggers = await delivery;
      if (triggers === 0) console.error(`local host: no trigger in manifest.yml subscribes to ${event.eventType}`);
      sendJson(response, 200, { triggers, copies });
    }),
    route('POST', /^\/__local\/functions\/([^/]+)$/, async ({ request, response, match }) => {
      const body = await readJson(request, functionCall);
      const key = decodeURIComponent(match[1]!);
      if (!host.platform.manifest.functions.has(key)) throw new HttpError(404, `No function ${key} in manifest.yml`);
      try {
        sendJson(response, 200, { ok: true, result: await host.platform.runDirect(key, [body.payload, body.context], principalFromContext(host.directory, body.context)) });
      } catch (error) {
        sendJson(response, 200, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }),
    route('POST', /^\/__local\/invoke$/, async ({ request, response }) => {
      const body = await readJson(request, resolverCall);
      const module = body.moduleKey ? host.platform.uiModule(body.moduleKey) : host.platform.manifest.uiModules.find((m) => m.resolverFunction);
      if (!module) throw new HttpError(404, `No module ${body.moduleKey ?? 'with a resolver'} in manifest.yml`);
      const frame = { moduleKey: module.key, localId: body.localId ?? `${module.key}-dev`, extension: body.extension ?? { type: module.type } };
      try {
        sendJson(response, 200, { ok: true, result: await host.platform.invokeResolver(principalOf(body.as), frame, body.functionKey, body.payload ?? {}) });
      } catch (error) {
        sendJson(response, 200, { ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    }),
    route('POST', /^\/__local\/views$/, async ({ request, response, url }) => {
      const body = await readJson(request, viewCall);
      const content = host.directory.content(body.contentId);
      if (!content) throw new HttpError(404, `No content ${body.contentId}`);
      const viewId = host.views.recordView(principalOf(body.as), content, body.delivery ?? {});
      const outcome = url.searchParams.get('wait') === '1' ? await host.views.waitFor(viewId, 30_000) : 'queued';
      sendJson(response, 200, { viewId, outcome });
    }),
    route('GET', /^\/__local\/byline$/, async ({ response, url }) => {
      const content = host.directory.content(url.searchParams.get('contentId') ?? '');
      if (!content) throw new HttpError(404, 'No such content');
      const space = host.directory.space(content.spaceKey)!;
      const module = host.platform.manifest.uiModules.find((m) => m.type === 'confluence:contentBylineItem');
      if (!module) throw new HttpError(404, 'The manifest has no contentBylineItem');
      const extension = { type: module.type, content: { id: content.id, type: content.type }, space: { id: String(space.id), key: space.key } };
      const viewId = url.searchParams.get('viewId');
      if (viewId) await host.views.waitFor(viewId, host.bylineWaitMs);
      const value = await host.platform.bylineProperties(principalOf(url.searchParams.get('as') ?? 'anonymous'), module, extension, `${module.key}-${content.id}`);
      sendJson(response, 200, { ok: true, result: value });
    }),
    route('GET', /^\/__local\/kvs\/stats$/, ({ response }) => sendJson(response, 200, host.store.stats())),
    route('POST', /^\/__local\/kvs\/stats\/reset$/, ({ response }) => {
      host.store.resetStats();
      sendJson(response, 200, host.store.stats());
    }),
    // KVS fault injection at run time, to watch the app under storage faults (issue 18).
    route('GET', /^\/__local\/kvs\/faults$/, ({ response }) => sendJson(response, 200, kvsFaultsAnswer(host))),
    route('POST', /^\/__local\/kvs\/faults$/, async ({ request, response }) => {
      host.store.setFaults(faultOptionsOf(await readJson(request, kvsFaultsBody)));
      sendJson(response, 200, kvsFaultsAnswer(host));
    }),
    route('DELETE', /^\/__local\/kvs\/faults$/, ({ response }) => {
      host.store.setFaults(undefined);
      sendJson(response, 200, kvsFaultsAnswer(host));
    }),
    route('GET', /^\/__local\/invocations$/, ({ response, url }) => {
      const since = url.searchParams.get('since');
      sendJson(response, 200, host.platform.log.list({
        ...(url.searchParams.get('call') ? { call: url.searchParams.get('call')! } : {}),
        ...(url.searchParams.get('kind') ? { kind: url.searchParams.get('kind')! } : {}),
        ...(since ? { since: Number(since) } : {}),
      }));
    }),
    route('GET', /^\/__local\/confluence\/requests$/, ({ response }) => sendJson(response, 200, host.confluence.recentRequests())),
    route('POST', /^\/__local\/confluence\/throttle$/, async ({ request, response }) => {
      const body = await readJson(request, throttleBody);
      host.confluence.throttle.add({ remaining: body.count, retryAfterSeconds: body.retryAfterSeconds, ...(body.pathPrefix ? { pathPrefix: body.pathPrefix } : {}) });
      sendJson(response, 200, host.confluence.throttle.pending());
    }),
    route('DELETE', /^\/__local\/confluence\/throttle$/, ({ response }) => {
      host.confluence.throttle.clear();
      sendJson(response, 200, []);
    }),
    route('GET', /^\/__local\/delivery$/, ({ response }) => sendJson(response, 200, host.views.delivery)),
    route('PUT', /^\/__local\/delivery$/, async ({ request, response }) => {
      host.views.delivery = { ...host.views.delivery, ...(await readJson(request, deliverySchema.partial())) };
      sendJson(response, 200, host.views.delivery);
    }),
  ];
}

/** For raw function calls, the invocation's principal is the one the caller put in the Forge context. */
function principalFromContext(directory: Directory, context: unknown): Principal | null {
  const parsed = z.object({ principal: z.object({ accountId: z.string() }).optional() }).passthrough().safeParse(context);
  const accountId = parsed.success ? parsed.data.principal?.accountId : undefined;
  return accountId ? principalFromSession(directory, accountId) : null;
}

function demoSummary(directory: Directory, contentUrl: (content: import('../../demo/directory').DemoContent) => string, appSees: (content: import('../../demo/directory').DemoContent) => boolean) {
  return {
    site: { cloudId: directory.site.cloudId, name: directory.site.siteName },
    users: directory.site.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName, role: u.role, accountType: u.accountType, isAdmin: u.isAdmin, status: u.status, groups: u.groupIds.map((id) => directory.groupsById.get(id)?.name) })),
    groups: directory.site.groups,
    // Each space's own admins (site admins administer every space besides): who to act as for a space report.
    spaces: directory.site.spaces.map((s) => ({
      key: s.key, name: s.name, type: s.type, anonymousAccess: s.anonymousAccess,
      admins: (s.adminIds ?? []).map((id) => ({ accountId: id, displayName: directory.user(id)?.displayName ?? id })),
    })),
    contents: directory.site.contents.map((c) => ({ id: c.id, type: c.type, title: c.title, spaceKey: c.spaceKey, restricted: c.restriction !== null, appSees: appSees(c), hasMacro: c.hasMacro, url: contentUrl(c) })),
  };
}

/** The faults in force and what they did so far (the emulator's counters since its last stats reset). */
function kvsFaultsAnswer(host: HostServices): { faults: ReturnType<typeof describeFaults>; rejectedRequests: number; failedAfterApply: number } {
  const { rejectedRequests, failedAfterApply } = host.store.stats();
  return { faults: describeFaults(host.store.faults()), rejectedRequests, failedAfterApply };
}
