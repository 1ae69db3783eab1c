/**
 * The local host's HTTP server in-process, on 127.0.0.1 and a free port, with a small demo site, a
 * manifest with one resource folder (a temp dir holding index.html) and the KVS emulator in memory.
 * No app function is loaded: for tests of the host's own routes and guards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfluenceFake } from '../../../../local/confluence/rest';
import { Directory } from '../../../../local/demo/directory';
import { generateSite } from '../../../../local/demo/generate-site';
import { DEMO_SIZES } from '../../../../local/demo/sizes';
import { buildClientBundles } from '../../../../local/host/bundles';
import { FunctionRegistry } from '../../../../local/host/functions';
import { installStore } from '../../../../local/host/kvs';
import { MacroStore } from '../../../../local/host/macro-store';
import type { AppManifest } from '../../../../local/host/manifest';
import { ForgePlatform } from '../../../../local/host/platform';
import { createProductFetch } from '../../../../local/host/product-fetch';
import { ResourceServer } from '../../../../local/host/resources';
import type { HostServices } from '../../../../local/host/routes/services';
import { createHostServer } from '../../../../local/host/server';
import { SiteUrls } from '../../../../local/host/urls';
import { ViewDispatcher } from '../../../../local/host/views';

export interface TestHost {
  port: number;
  services: HostServices;
  close(): Promise<void>;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export const RESOURCE_KEY = 'ui';

export async function startTestHost(): Promise<TestHost> {
  const root = mkdtempSync(path.join(tmpdir(), 'local-host-'));
  writeFileSync(path.join(root, 'index.html'), '<html><head></head><body>ui</body></html>');
  const directory = new Directory(generateSite(7, DEMO_SIZES.small, Date.UTC(2026, 10, 1)));
  const identity = { appId: 'ari:cloud:ecosystem::app/test', environmentId: 'env', installationId: 'inst', cloudId: 'cloud-1', siteUrl: 'http://127.0.0.1:1' };
  const manifest: AppManifest = {
    appId: identity.appId,
    entities: [],
    functions: new Map(),
    resources: new Map([[RESOURCE_KEY, '.']]),
    triggers: [],
    webTriggers: [],
    uiModules: [],
    contentPermissions: { styles: [], scripts: [] },
  };
  const confluence = new ConfluenceFake(directory);
  const store = installStore({ dataDir: null, entities: [], products: createProductFetch(confluence, directory, { keys: [], siteUrl: () => identity.siteUrl }) });
  const platform = new ForgePlatform(manifest, FunctionRegistry.fromHandlers({}), identity, { retryDelayScale: 0 });
  const services: HostServices = {
    directory,
    platform,
    urls: SiteUrls.forApp(manifest.appId),
    siteUrl: identity.siteUrl,
    macros: new MacroStore(() => manifest.uiModules),
    views: new ViewDispatcher(platform, directory),
    confluence,
    store,
    resources: new ResourceServer(root, manifest),
    bundles: buildClientBundles(),
    defaultUser: directory.firstWithRole('admin').accountId,
    bylineWaitMs: 0,
  };
  const server: Server = createHostServer(services);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    services,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * One raw HTTP/1.1 request to 127.0.0.1:port. `path` is sent as written (fetch would normalise
 * `/./` and `%2e`), and `headers.host` may name any host, as a DNS-rebound browser would send it.
 */
export function rawRequest(port: number, method: string, requestPath: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path: requestPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });
}
