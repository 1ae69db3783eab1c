import { join } from 'node:path';
import type { Envelope } from '@contracts/envelope';
import type { PayloadOf, ResolverKey, ResultOf } from '@contracts/resolvers';
import { installKvsEmulator, type KvsEmulator } from '../../local/kvs';
import type { KvsEmulatorOptions } from '../../local/kvs';
import { ConfluenceFake } from '../../local/confluence/rest';
import { propertyReader } from '../../local/confluence/content-properties';
import { Directory, type DemoContent, type DemoUser } from '../../local/demo/directory';
import { generateSite } from '../../local/demo/generate-site';
import { DEMO_SIZES } from '../../local/demo/sizes';
import { installForgeRuntime } from '../../local/host/forge-runtime';
import { FunctionRegistry } from '../../local/host/functions';
import { loadManifest } from '../../local/host/manifest';
import { ForgePlatform, type WebTriggerResponse } from '../../local/host/platform';
import { createProductFetch } from '../../local/host/product-fetch';
import { ANONYMOUS, type Principal } from '../../local/host/principal';
import { resetAppCaches } from './app-store';
import { viewedEvent } from './events';
import { deliveredAt } from '../../local/host/delivery-clock';
import { NO_LATENCY, platformCalls, type CallLatency } from '../../local/host/stopped-invocations';
import { cloudEventGate } from '../../local/host/event-gate';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';

/**
 * The app as Forge runs it, in-process: the real manifest, the real handlers from src/index, the
 * KVS emulator behind @forge/kvs, and the local Confluence REST fake behind @forge/api. Resolvers
 * get their trusted context from the platform, exactly as in the local host.
 */
export interface AppPlatform {
  platform: ForgePlatform;
  directory: Directory;
  emulator: KvsEmulator;
  /** The Confluence REST fake (its overlay trashes, moves and purges demo content). */
  confluence: ConfluenceFake;
  users: { admin: Principal; reader: Principal; otherReader: Principal; bot: Principal; guest: Principal; anonymous: Principal };
  invoke<K extends ResolverKey>(who: Principal, moduleKey: string, call: K, payload: PayloadOf<K> | unknown, content?: DemoContent): Promise<Envelope<ResultOf<K>>>;
  /** Confluence's view event for this content, delivered to the manifest's trigger (with its retries). */
  view(who: Principal, content: DemoContent, at?: number): Promise<void>;
  byline(who: Principal, content: DemoContent): Promise<{ title?: string }>;
  webTrigger(request: { method?: string; headers?: Record<string, string[]>; body?: unknown }): Promise<WebTriggerResponse>;
  /** Content every demo user may see, in a space open to anonymous visitors. */
  publicContent(index?: number): DemoContent;
  restrictedContent(): { content: DemoContent; allowed: Principal; denied: Principal };
  /** Latency of every KVS and Confluence call from now on (none by default). */
  setCallLatency(latency: CallLatency): void;
  stop(): void;
}

const ROOT = join(__dirname, '..', '..');

/** `clock`, `strictness`: KVS emulator options for tests of Cloud's stricter rules. */
export interface AppPlatformOptions extends Pick<KvsEmulatorOptions, 'clock' | 'strictness'> {
  /**
   * The app's own user sees everything and gets every event (the local Confluence before issue 17).
   * Default: as on Confluence Cloud, restricted content is hidden from `asApp()` and sends the app no events.
   */
  appSeesAll?: boolean;
  /** Shrinks Forge's time limits (see ForgePlatform): tests of handlers stopped at their limit. */
  limitScale?: number;
}

export async function startAppPlatform(options: AppPlatformOptions = {}): Promise<AppPlatform> {
  const manifest = await loadManifest(ROOT);
  const directory = new Directory(generateSite(7, DEMO_SIZES.small, Date.UTC(2026, 10, 1)));
  const identity = { appId: manifest.appId, environmentId: 'test', installationId: 'test-install', cloudId: directory.site.cloudId, siteUrl: 'http://127.0.0.1:9' };
  const restoreRuntime = installForgeRuntime(identity);
  const confluence = new ConfluenceFake(directory);
  if (options.appSeesAll) confluence.appUser.restricted = false;
  const products = createProductFetch(confluence, directory, { keys: manifest.webTriggers.map((t) => t.key), siteUrl: () => identity.siteUrl });
  const { emulator, uninstall: uninstallEmulator, fetch: emulatorFetch } = installKvsEmulator({ entities: manifest.entities, fallback: (target, path, init) => products(target, path, init as RequestInit), seed: 3, ...(options.clock ? { clock: options.clock } : {}), ...(options.strictness ? { strictness: options.strictness } : {}) });
  // Calls of an invocation past its time limit fail, as in the local host (stopped-invocations.ts).
  const forgeGlobals = globalThis as unknown as { __forge_fetch__?: typeof emulatorFetch };
  let callLatency: CallLatency = NO_LATENCY;
  forgeGlobals.__forge_fetch__ = platformCalls(emulatorFetch, () => callLatency);
  const uninstall = () => { forgeGlobals.__forge_fetch__ = emulatorFetch; uninstallEmulator(); };
  resetAppCaches();
  const platform = new ForgePlatform(manifest, FunctionRegistry.load(ROOT, manifest), identity, { retryDelayScale: 0, contentProperty: propertyReader(confluence.properties, manifest), ...(options.limitScale ? { limitScale: options.limitScale } : {}) });
  platform.eventGate = cloudEventGate(confluence);

  const principal = (user: DemoUser): Principal => ({ kind: 'user', accountId: user.accountId, accountType: user.accountType });
  const active = directory.site.users.filter((u) => u.status === 'active');
  const readers = active.filter((u) => u.role === 'reader');
  const guest = active.find((u) => u.accountType === 'unlicensed') ?? readers[readers.length - 1]!;
  const extensionOf = (content: DemoContent | undefined) => content
    ? { type: 'macro', content: { id: content.id, type: content.type }, space: { id: String(directory.space(content.spaceKey)!.id), key: content.spaceKey } }
    : { type: 'confluence:globalSettings' };
  const isPublic = (c: DemoContent) => !c.restriction && directory.space(c.spaceKey)?.anonymousAccess === true && directory.space(c.spaceKey)?.type === 'global';

  return {
    platform, directory, emulator, confluence,
    users: {
      admin: principal(directory.firstWithRole('admin')), reader: principal(readers[0]!), otherReader: principal(readers[1]!),
      bot: principal(directory.firstWithRole('bot')), guest: principal(guest), anonymous: ANONYMOUS,
    },
    invoke: async (who, moduleKey, call, payload, content) =>
      (await platform.invokeResolver(who, { moduleKey, localId: 'local-1', extension: extensionOf(content) }, call, payload)) as Envelope<never>,
    view: async (who, content, at = Date.now()) => {
      // Delivered a second after the view happened, as Forge would have (tests use fixed dates).
      await deliveredAt(at + 1000, () => platform.deliverEvent(viewedEvent({ contentId: content.id, spaceKey: content.spaceKey, type: content.type, title: content.title, at, ...(who.kind === 'user' ? { accountId: who.accountId } : {}) }) as { eventType: string }));
    },
    byline: async (who, content) => (await platform.bylineProperties(who, platform.uiModule('view-counter')!, extensionOf(content), 'byline-1')) as { title?: string },
    webTrigger: (request) => platform.runWebTrigger('view-api', {
      method: request.method ?? 'POST', path: '/x1/view-api', queryParameters: {},
      headers: request.headers ?? {}, body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? {}),
    }),
    publicContent: (index = 0) => directory.site.contents.filter(isPublic)[index]!,
    restrictedContent: () => {
      const content = directory.site.contents.find((c) => c.restriction && c.restriction.userIds.length > 0)!;
      const allowedUser = directory.user(content.restriction!.userIds[0]!)!;
      const deniedUser = readers.find((u) => !content.restriction!.userIds.includes(u.accountId) && !u.groupIds.some((g) => content.restriction!.groupIds.includes(g)))!;
      return { content, allowed: principal(allowedUser), denied: principal(deniedUser) };
    },
    setCallLatency: (latency) => { callLatency = latency; },
    stop: () => {
      uninstall();
      emulator.close();
      restoreRuntime();
    },
  };
}

/**
 * The platform with the demo's `bots` group excluded from tracking. A small excluded group is listed
 * once an hour and decides exclusion by membership (src/access/excluded-members.ts); with
 * `viewerLookups`, its listing is refused (as when it fails, or for a group too large to list), so the
 * view path looks up (and caches) each viewer's own groups, which the byline's evidence uses.
 */
export async function startAppPlatformExcludingBots(options: AppPlatformOptions & { viewerLookups?: boolean } = {}): Promise<AppPlatform> {
  const app = await startAppPlatform(options);
  const bots = app.directory.groupByName('bots')!;
  if (options.viewerLookups) app.confluence.throttle.add({ remaining: Number.MAX_SAFE_INTEGER, retryAfterSeconds: 60, pathPrefix: `/wiki/rest/api/group/${bots.id}/membersByGroupId` });
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, excludedGroups: [{ id: bots.id, name: bots.name }] }, expectedVersion: 0 });
  if (!answer.ok) throw new Error(answer.error.message);
  return app;
}
