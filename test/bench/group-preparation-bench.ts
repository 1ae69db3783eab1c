/**
 * A group-filtered report over a group of MEMBERS members (issue 17 item 5), prepared over as many
 * resolver calls as it takes, on the KVS emulator with a latency per call (LATENCY, as on Cloud) and
 * the local Confluence for the members. Each member views about VIEWS_PER_DAY times a day over the
 * 30-day range and the period before it (together under the 50,000 views a group filter may read).
 * Prints how many calls the UI makes until the figures are ready (each call works GROUP_REPORT_BUDGET),
 * the read units of the whole preparation, and those of one answer once it is ready.
 */
import { kvs } from '@forge/kvs';
import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory, type DemoSite } from '../../local/demo/directory';
import { createProductFetch } from '../../local/host/product-fetch';
import { installKvsEmulator } from '../../local/kvs';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { addDays, dayMs } from '../../src/core/model/report-periods';
import { groupFilteredSummary, groupFilteredTable, GROUP_REPORT_BUDGET } from '../../src/reports/group-report';
import type { ReportAccess } from '../../src/access';
import { manifestEntities, resetAppCaches } from '../support/app-store';
import { seeded } from './synthetic-day';
import { measured, meterKvsPerTask } from './unit-meter';

const MEMBERS = Number(process.env.BENCH_GROUP_PREP_MEMBERS ?? 2_000);
const VIEWS_PER_DAY = Number(process.env.BENCH_GROUP_PREP_VIEWS_PER_DAY ?? 0.35);
/** Per KVS call, ms (min-max): a Forge KVS query answers in tens of milliseconds. */
const [LATENCY_MIN, LATENCY_MAX] = (process.env.BENCH_GROUP_PREP_LATENCY_MS ?? '40-80').split('-').map(Number) as [number, number];
const PAGES = 5_000;

async function batchWrite(items: Array<{ key: string; value: unknown; entityName: string }>): Promise<void> {
  for (let start = 0; start < items.length; start += 200) {
    await Promise.all(Array.from({ length: 8 }, (_, i) => items.slice(start + i * 25, start + (i + 1) * 25)).filter((b) => b.length).map((batch) => kvs.batchSet<unknown>(batch)));
  }
}

export async function benchGroupPreparation(print: (name: string, value: string | number) => void): Promise<void> {
  const random = seeded(17);
  const today = new Date().toISOString().slice(0, 10);
  const members = Array.from({ length: MEMBERS }, (_, i) => `557058:prep-member-${i}`);
  const site: DemoSite = {
    seed: 1, cloudId: 'bench', siteName: 'Bench', groups: [{ id: 'g-prep', name: 'big-group' }],
    users: members.map((accountId, i) => ({ accountId, displayName: `Member ${i}`, role: 'reader', accountType: 'licensed', isAdmin: false, status: 'active', groupIds: ['g-prep'] })),
    spaces: [], contents: [],
  };
  const directory = new Directory(site);
  const products = createProductFetch(new ConfluenceFake(directory), directory, { keys: [], siteUrl: () => 'http://127.0.0.1' });
  const { emulator, uninstall } = installKvsEmulator({ entities: manifestEntities(), seed: 1, fallback: (target, path, init) => products(target, path, init as RequestInit) });
  meterKvsPerTask();
  resetAppCaches();

  const first = dayMs(addDays(today, -59));
  const views: Array<{ key: string; value: unknown; entityName: string }> = [];
  const contents = new Set<number>();
  const now = Date.now();
  for (const viewer of members) {
    for (let day = 0; day < 60; day += 1) {
      if (random() >= VIEWS_PER_DAY) continue;
      const rank = Math.floor(random() ** 3 * PAGES);
      contents.add(rank);
      const at = Math.min(now - 120_000, first + day * 86_400_000 + Math.floor(random() * 86_400_000));
      const contentId = String(20_000_000 + rank);
      views.push({ key: KEYS.view(contentId, viewer, at), entityName: ENTITY.view, value: { contentId, spaceKey: `S${rank % 20}`, contentType: 'page', viewer, at, source: 'desktop', recordedAt: at + 60_000 } });
    }
  }
  await batchWrite(views);
  await batchWrite([...contents].map((rank) => ({
    key: KEYS.contentStats(String(20_000_000 + rank)), entityName: ENTITY.contentStats,
    value: { contentId: String(20_000_000 + rank), spaceKey: `S${rank % 20}`, contentType: 'page', title: `Page ${rank}`, views: 100, viewers: 10, anonymousViews: 0, lastViewedAt: now, version: 1 },
  })));

  emulator.setLatency({ minMs: LATENCY_MIN, maxMs: LATENCY_MAX });
  const range = { from: addDays(today, -29), to: today };
  let calls = 0;
  let read = 0;
  let requests = 0;
  let views30 = 0;
  const started = performance.now();
  for (;;) {
    calls += 1;
    resetAppCaches(); // each call may land on another function instance: only what is stored carries over
    const call = await measured(() => groupFilteredSummary(range, { groupId: 'g-prep' }, today));
    read += call.units.read;
    requests += call.units.requests;
    if (!call.result.ok) throw new Error(call.result.message);
    if (!('status' in call.result.value)) { views30 = call.result.value.current.views; break; }
    if (calls > 100) throw new Error('the preparation does not end');
  }
  const ms = Math.round(performance.now() - started);
  const access: ReportAccess = {
    ok: true, caller: { kind: 'user', accountId: 'admin', accountType: 'licensed' }, people: { names: true },
    standing: { signedIn: true, licensed: true, siteAdmin: true, inReportGroup: false, inViewerNamesGroup: false },
    readable: async (ids) => new Set(ids),
  };
  resetAppCaches();
  const table = await measured(() => groupFilteredTable({ range, filters: { groupId: 'g-prep' }, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25 }, access, today));
  print('group_report_calls_2000_members', `${calls} (members=${MEMBERS}, ${views.length} view records over 60 days, ${views30} in the 30-day range; KVS latency ${LATENCY_MIN}-${LATENCY_MAX} ms a call; ${GROUP_REPORT_BUDGET.ms / 1000} s of reading per call; ${ms} ms in all)`);
  print('read_units_group_report_30d_2000_members', `${read} (the whole preparation over ${calls} call(s), ${requests} KVS requests: members' views by index by-viewer, 100 a page, stored as parts of 4,000 and read back once ready; plus ${table.units.read} for one table page once ready)`);
  emulator.setLatency(undefined);
  emulator.close?.();
  uninstall();
}
