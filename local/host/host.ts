import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Directory } from '../demo/directory';
import { DEFAULT_SEED, planDemo } from '../demo/plan';
import type { DemoSizeName } from '../demo/sizes';
import { propertyReader } from '../confluence/content-properties';
import { ConfluenceFake } from '../confluence/rest';
import { buildClientBundles } from './bundles';
import { seedDemo } from './demo-setup';
import { installForgeRuntime } from './forge-runtime';
import { FunctionRegistry } from './functions';
import type { FaultOptions, KvsStrictness } from '../kvs';
import { installStore, KVS_FILE } from './kvs';
import type { CallLatency } from './stopped-invocations';
import { loadManifest, ManifestError, missingResourceBuilds } from './manifest';
import { ForgePlatform, type PlatformIdentity } from './platform';
import { createProductFetch } from './product-fetch';
import { ResourceServer } from './resources';
import type { HostServices } from './routes/services';
import { createHostServer } from './server';
import { SiteUrls } from './urls';
import { MacroStore } from './macro-store';
import { ViewDispatcher } from './views';
import { cloudEventGate } from './event-gate';

export interface HostOptions {
  /** The project root (holds manifest.yml, src/, static/). */
  root: string;
  /** Where the KVS database and demo state live. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Delete the data dir first. */
  reset?: boolean;
  demo?: { seed?: number; size?: DemoSizeName; events?: number };
  bylineWaitMs?: number;
  /** Scales the wait before a trigger retry (InvocationError.retryAfter); 1 = as Forge. */
  retryDelayScale?: number;
  log?: (line: string) => void;
  /** KVS fault injection, switched on once the demo is in place (`npm start -- --kvs-faults`). */
  kvsFaults?: FaultOptions;
  /** Latency of each KVS and Confluence call once the demo is in place; none by default (tests). */
  latency?: CallLatency;
  /** KVS emulator strictness (`npm start -- --kvs-strict` = CLOUD_STRICTNESS); default: the emulator's. */
  kvsStrictness?: KvsStrictness;
}

export interface RunningHost {
  url: string;
  services: HostServices;
  close(): Promise<void>;
}

export class StartupError extends Error {}

/** Starts the local Confluence; resolves once it listens and its demo history is in place. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.reset && existsSync(options.dataDir)) rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });

  const manifest = await loadManifest(options.root).catch((error: unknown) => {
    throw error instanceof ManifestError ? new StartupError(error.message) : error;
  });
  const missing = missingResourceBuilds(options.root, manifest);
  if (missing.length > 0) {
    throw new StartupError(`These Custom UI resources are not built:\n  ${missing.join('\n  ')}\nRun \`npm run build:ui\` first (npm start normally does it for you).`);
  }

  const plan = planDemo(options.dataDir, { seed: options.demo?.seed ?? DEFAULT_SEED, size: options.demo?.size ?? 'default', ...(options.demo?.events ? { events: options.demo.events } : {}) }, Date.now());
  if (plan.needsSeeding) removeStore(options.dataDir);
  const directory: Directory = plan.directory;
  const identity: PlatformIdentity = {
    appId: manifest.appId,
    environmentId: 'local-development',
    installationId: `local-${directory.site.cloudId}`,
    cloudId: directory.site.cloudId,
    siteUrl: 'http://127.0.0.1',
  };
  const restoreRuntime = installForgeRuntime(identity);
  const confluence = new ConfluenceFake(directory);
  const store = installStore({ dataDir: options.dataDir, entities: manifest.entities, ...(options.kvsStrictness ? { strictness: options.kvsStrictness } : {}), products: createProductFetch(confluence, directory, { keys: manifest.webTriggers.map((t) => t.key), siteUrl: () => identity.siteUrl }) });
  try {
    const functions = FunctionRegistry.load(options.root, manifest);
    const platform = new ForgePlatform(manifest, functions, identity, { retryDelayScale: options.retryDelayScale ?? 1, contentProperty: propertyReader(confluence.properties, manifest) });
    platform.eventGate = cloudEventGate(confluence);
    if (plan.needsSeeding) {
      log(`First start: generating the demo site (${plan.state.size}, seed ${plan.state.seed}) through the app's trigger...`);
      await seedDemo(platform, plan, log);
      // As Forge does on installation: the inventory backfill reads the demo site through the REST fake.
      const triggers = await platform.deliverEvent({ eventType: 'avi:forge:installed:app', eventCreatedDate: new Date().toISOString() });
      log(`  inventory backfill started by avi:forge:installed:app (${triggers} trigger)`);
    }
    const services: HostServices = {
      directory,
      platform,
      urls: SiteUrls.forApp(manifest.appId),
      siteUrl: identity.siteUrl,
      macros: new MacroStore(() => manifest.uiModules),
      views: new ViewDispatcher(platform, directory),
      confluence,
      store,
      resources: new ResourceServer(options.root, manifest),
      bundles: buildClientBundles(),
      defaultUser: directory.firstWithRole('admin').accountId,
      bylineWaitMs: options.bylineWaitMs ?? 3000,
    };
    // Latency of KVS and Confluence calls as on Cloud, once the demo is in place (`npm start` asks for it).
    if (options.latency) {
      store.setLatency(options.latency);
      log(`  Platform latency: KVS ${options.latency.kvsMs} ms, Confluence ${options.latency.confluenceMs} ms a call (LOCAL_KVS_LATENCY_MS, LOCAL_CONFLUENCE_LATENCY_MS)`);
    }
    // Faults only after the demo history is written: seeding is set-up, not what one watches.
    if (options.kvsFaults) {
      store.setFaults(options.kvsFaults);
      log(`  KVS fault injection on: ${JSON.stringify(options.kvsFaults)} (change it with POST /__local/kvs/faults)`);
    }
    const server = createHostServer(services);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;
    identity.siteUrl = url;
    services.siteUrl = url;
    return {
      url,
      services,
      close: async () => {
        await services.views.idle();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        store.close();
        restoreRuntime();
      },
    };
  } catch (error) {
    store.close();
    restoreRuntime();
    throw error;
  }
}

function removeStore(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path.join(dataDir, KVS_FILE + suffix), { force: true });
}
