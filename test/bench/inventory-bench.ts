import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installKvsEmulator } from '../../local/kvs';
import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory, type DemoSite } from '../../local/demo/directory';
import { createProductFetch } from '../../local/host/product-fetch';
import { runBackfill, startBackfill } from '../../src/lifecycle/inventory/inventory-backfill';
import { manifestEntities } from '../support/app-store';

/**
 * `inventory_backfill_s_100k_pages`: the backfill over a 100,000-page site served by the REST fake
 * (v2 listing, 250 per page, rate limited at 50 requests/s with 429 Retry-After) into the KVS
 * emulator, run in 780 s slices as the hourly trigger would. Prints time, REST calls and KVS units.
 */
export async function benchInventory(pages = Number(process.env.BENCH_INVENTORY_PAGES ?? 100_000)): Promise<Array<[string, string | number]>> {
  const spaces = Array.from({ length: 100 }, (_, i) => ({ id: 900_000 + i, key: `S${i}`, name: `Space ${i}`, type: 'global' as const, anonymousAccess: false, description: '' }));
  const site: DemoSite = {
    seed: 1, cloudId: 'bench-inventory', siteName: 'Bench', users: [], groups: [], spaces,
    contents: Array.from({ length: pages }, (_, i) => ({
      id: String(10_000_000 + i), type: i % 10 === 9 ? 'blogpost' as const : 'page' as const, title: `Page ${i}`, spaceKey: `S${i % 100}`,
      authorId: 'a', createdAt: Date.UTC(2025, 0, 1) + i * 1000, updatedAt: Date.UTC(2026, 0, 1) + i * 1000, version: 1,
      restriction: null, hasMacro: false, paragraphs: [],
    })),
  };
  const directory = new Directory(site);
  const confluence = new ConfluenceFake(directory);
  const products = createProductFetch(confluence, directory, { keys: [], siteUrl: () => 'http://127.0.0.1' });
  const dir = mkdtempSync(join(tmpdir(), 'vt-bench-inventory-'));
  const { emulator, uninstall } = installKvsEmulator({ entities: manifestEntities(), backend: { kind: 'sqlite', path: join(dir, 'kvs.sqlite') }, fallback: (target, path, init) => products(target, path, init as RequestInit), seed: 2 });
  let restCalls = 0;
  let throttled = 0;
  const started = performance.now();
  await startBackfill(Date.now());
  for (let run = 0; run < 100; run += 1) {
    const job = await runBackfill(780_000);
    if (job.state === 'idle') break;
  }
  const seconds = (performance.now() - started) / 1000;
  for (const request of confluence.recentRequests()) if (request.status === 429) throttled += 1;
  restCalls = confluence.requestCount;
  const stats = emulator.stats();
  uninstall();
  emulator.close?.();
  rmSync(dir, { recursive: true, force: true });
  return [
    ['inventory_backfill_s_100k_pages', Math.round(seconds * 10) / 10],
    ['inventory_backfill_pages', pages],
    ['inventory_backfill_rest_calls', `${restCalls} (429 answers in the last 500: ${throttled})`],
    ['inventory_backfill_kvs_units', `read=${stats.readUnits} write=${stats.writeUnits}`],
  ];
}
