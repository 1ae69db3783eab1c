/**
 * Forge's runtime limits (mirror/limits-invocation/index.md): 25 s for resolvers and product-event
 * triggers, 55 s for web triggers, `timeoutSeconds` (default 55 s) for scheduled triggers. The local
 * host stops each kind at its own limit (scaled here: 1 s of Forge = 50 ms, wide enough that a loaded machine's timer lag stops nothing early), and a stopped handler's
 * later platform calls fail, so its unfinished work stays undone.
 */
import { kvs } from '@forge/kvs';
import { installKvsEmulator } from '../../../local/kvs';
import { FunctionRegistry } from '../../../local/host/functions';
import type { AppManifest } from '../../../local/host/manifest';
import { FORGE_TIME_LIMITS_MS, ForgePlatform } from '../../../local/host/platform';
import { NO_LATENCY, platformCalls } from '../../../local/host/stopped-invocations';

const SCALE = 0.05;
const identity = { appId: 'ari:cloud:ecosystem::app/test', environmentId: 'env', installationId: 'inst', cloudId: 'cloud-1', siteUrl: 'http://127.0.0.1:1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A handler that works `seconds` (Forge time), writing one key per (Forge) second. */
const working = (seconds: number) => async () => {
  for (let s = 0; s < seconds; s += 1) {
    await sleep(1000 * SCALE);
    await kvs.set(`work:${s}`, s);
  }
  return undefined;
};

const manifest: AppManifest = {
  appId: identity.appId,
  entities: [],
  functions: new Map([['trigger-30', 'x.a'], ['web-30', 'x.b'], ['web-60', 'x.c'], ['scheduled-60', 'x.d'], ['scheduled-default-60', 'x.e']]),
  functionTimeouts: new Map([['scheduled-60', 120]]),
  scheduledTriggers: [{ key: 'hourly-long', functionKey: 'scheduled-60' }, { key: 'hourly-default', functionKey: 'scheduled-default-60' }],
  resources: new Map(),
  triggers: [{ key: 'viewed', functionKey: 'trigger-30', events: ['avi:confluence:viewed:page'] }],
  webTriggers: [{ key: 'api-30', functionKey: 'web-30' }, { key: 'api-60', functionKey: 'web-60' }],
  uiModules: [],
  contentPermissions: { styles: [], scripts: [] },
};

const functions = FunctionRegistry.fromHandlers({
  'trigger-30': working(30), 'web-30': async () => { await working(30)(); return { statusCode: 200, body: 'done' }; },
  'web-60': async () => { await working(60)(); return { statusCode: 200, body: 'done' }; },
  'scheduled-60': working(60), 'scheduled-default-60': working(60),
});

let stop: () => void;
beforeEach(() => {
  const { fetch, uninstall } = installKvsEmulator();
  const holder = globalThis as { __forge_fetch__?: unknown };
  holder.__forge_fetch__ = platformCalls(fetch, () => NO_LATENCY);
  stop = () => { holder.__forge_fetch__ = fetch; uninstall(); };
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
// The first KVS call loads the client (slow under ts-jest): not inside a timed invocation.
beforeEach(async () => { await kvs.set('warm', 1); await kvs.delete('warm'); });
afterEach(() => { stop(); jest.restoreAllMocks(); });

const platform = new ForgePlatform(manifest, functions, identity, { retryDelayScale: 0, limitScale: SCALE });
const written = async () => (await kvs.query().limit(100).getMany()).results.length;
const web = (key: string) => platform.runWebTrigger(key, { method: 'POST', path: '/', headers: {}, queryParameters: {}, body: '' });

describe('invocations are stopped at their Forge limit', () => {
  it('uses Forge\'s limits by kind', () => {
    expect(FORGE_TIME_LIMITS_MS).toMatchObject({ resolver: 25_000, trigger: 25_000, webtrigger: 55_000, scheduled: 55_000 });
    const unscaled = new ForgePlatform(manifest, functions, identity, { retryDelayScale: 0 });
    expect(unscaled.limitMs('scheduled', 'scheduled-60')).toBe(120_000);
    expect(unscaled.limitMs('scheduled', 'scheduled-default-60')).toBe(55_000);
  });

  it('a product trigger working 30 s is stopped at 25 s, and what it had left stays unwritten', async () => {
    await platform.deliverEvent({ eventType: 'avi:confluence:viewed:page' });
    // Stopped by the timer, or by the gate when its next call came first: either way an error.
    expect(platform.log.list({ kind: 'trigger' }).at(-1)).toMatchObject({ outcome: 'error', error: expect.stringMatching(/was stopped|after its time limit/) });
    await sleep(200); // long after: the stopped handler's next write was refused
    const count = await written();
    expect(count).toBeGreaterThan(5);
    expect(count).toBeLessThan(30);
  });

  it('a web trigger gets 55 s: 30 s of work finishes, 60 s does not', async () => {
    expect(await web('api-30')).toMatchObject({ statusCode: 200, body: 'done' });
    expect(await written()).toBe(30);
    await expect(web('api-60')).rejects.toThrow(/was stopped|after its time limit/);
  });

  it('a scheduled trigger gets its timeoutSeconds, or 55 s without one', async () => {
    await expect(platform.runScheduled('hourly-long')).resolves.toBeUndefined();
    expect(await written()).toBe(60);
    await expect(platform.runScheduled('hourly-default')).rejects.toThrow(/was stopped|after its time limit/);
  });
});
