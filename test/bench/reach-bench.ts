/**
 * Reach (issue 20) on the KVS emulator and the local Confluence: a group of MEMBERS members, a page
 * with READERS readers (`viewer-content` rows, as the view path stores them) of whom 60 % of the
 * members, and each member's month rows for the inactive-readers report (70 % viewed in the last 30
 * days). Confluence points are counted as Atlassian's points quota charges reads: 1 per call, plus
 * 2 per user or group object returned.
 */
import { kvs } from '@forge/kvs';
import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory, type DemoSite } from '../../local/demo/directory';
import { createProductFetch } from '../../local/host/product-fetch';
import { installKvsEmulator } from '../../local/kvs';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { pageReachAnswer } from '../../src/reach/page-reach-service';
import { inactiveReadersAnswer } from '../../src/reach/report-reach-service';
import type { PageAccess } from '../../src/access';
import { manifestEntities, resetAppCaches } from '../support/app-store';
import { seeded } from './synthetic-day';
import { measured, meterKvsPerTask } from './unit-meter';

const MEMBERS = Number(process.env.BENCH_REACH_MEMBERS ?? 2_000);
const READERS = Number(process.env.BENCH_REACH_READERS ?? 10_000);
const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const CONTENT = '100000';

async function batchWrite(items: Array<{ key: string; value: unknown; entityName: string }>): Promise<void> {
  for (let start = 0; start < items.length; start += 200) {
    await Promise.all(Array.from({ length: 8 }, (_, i) => items.slice(start + i * 25, start + (i + 1) * 25)).filter((b) => b.length).map((batch) => kvs.batchSet<unknown>(batch)));
  }
}

export async function benchReach(print: (name: string, value: string | number) => void): Promise<void> {
  const random = seeded(20);
  const members = Array.from({ length: MEMBERS }, (_, i) => `member-${i}`);
  const site: DemoSite = {
    seed: 1, cloudId: 'bench', siteName: 'Bench', groups: [{ id: 'g-reach', name: 'reach-audience' }],
    users: members.map((accountId, i) => ({ accountId, displayName: `Member ${i}`, role: 'reader', accountType: 'licensed', isAdmin: false, status: 'active', groupIds: ['g-reach'] })),
    spaces: [{ id: 900_000, key: 'S0', name: 'Space 0', type: 'global', anonymousAccess: false, description: '' }],
    contents: [{ id: CONTENT, type: 'page', title: 'Policy', spaceKey: 'S0', authorId: 'member-0', createdAt: NOW - 90 * DAY, updatedAt: NOW - 10 * DAY, version: 2, hasMacro: false, paragraphs: [], restriction: null }],
  };
  const directory = new Directory(site);
  const products = createProductFetch(new ConfluenceFake(directory), directory, { keys: [], siteUrl: () => 'http://127.0.0.1' });
  let points = 0;
  const { emulator, uninstall } = installKvsEmulator({
    entities: manifestEntities(), seed: 1,
    fallback: async (target, path, init) => {
      const response = await products(target, path, init as RequestInit);
      const body: unknown = await response.clone().json().catch(() => null);
      const results = body && typeof body === 'object' && 'results' in body && Array.isArray(body.results) ? body.results.length : 0;
      points += 1 + 2 * results;
      return response;
    },
  });
  meterKvsPerTask();
  resetAppCaches();

  // The page's readers: 60 % of the members and other people up to READERS.
  const readingMembers = members.filter(() => random() < 0.6);
  const readers = [...readingMembers, ...Array.from({ length: Math.max(0, READERS - readingMembers.length) }, (_, i) => `other-${i}`)];
  await batchWrite(readers.map((viewer) => {
    const lastAt = NOW - Math.floor(random() * 60 * DAY);
    const firstAt = lastAt - Math.floor(random() * 20 * DAY);
    return { key: KEYS.viewerContent(CONTENT, viewer), entityName: ENTITY.viewerContent, value: { contentId: CONTENT, spaceKey: 'S0', viewer, firstAt, lastAt, views: 1 + Math.floor(random() * 5), recent: { anchor: null, times: [lastAt] }, days: { [new Date(lastAt).toISOString().slice(0, 10)]: 1 }, version: 1 } };
  }));
  await kvs.entity(ENTITY.contentStats).set(KEYS.contentStats(CONTENT), {
    contentId: CONTENT, spaceKey: 'S0', contentType: 'page', title: 'Policy', views: readers.length * 3, viewers: readers.length, anonymousViews: 0, lastViewedAt: NOW,
    status: 'current', spaceId: '900000', lifecycleAt: NOW - 10 * DAY, createdAt: NOW - 90 * DAY, lastModifiedAt: NOW - 10 * DAY, version: 1,
  });
  // Month rows of the members: 70 % viewed within the last 30 days, the others earlier.
  const months = ['2026-09', '2026-10', '2026-11'];
  const monthRows = members.flatMap((viewer) => {
    const active = random() < 0.7;
    const month = active ? months[1 + Math.floor(random() * 2)]! : months[0]!;
    const dd = active && month === '2026-10' ? String(22 + Math.floor(random() * 9)).padStart(2, '0') : String(1 + Math.floor(random() * 19)).padStart(2, '0');
    return [{ key: KEYS.viewerMonth(viewer, month), entityName: ENTITY.viewerMonth, value: { viewer, month, views: 2, days: { [dd]: 2 }, version: 1 } }];
  });
  await batchWrite(monthRows);
  // The site month rollups count each month's new viewer-month rows (as the view path keeps them).
  await batchWrite(months.map((month) => ({
    key: KEYS.rollup('site', 'sm', month, 0), entityName: ENTITY.rollup,
    value: { scope: 'site', level: 'sm', period: month, shard: 0, views: 0, viewers: monthRows.filter((row) => row.value.month === month).length, contents: 0, cells: {}, version: 1 },
  })));

  const access: PageAccess = {
    ok: true, caller: { kind: 'user', accountId: 'member-0', accountType: 'licensed' },
    content: { id: CONTENT, title: 'Policy', type: 'page', status: 'current', space: { key: 'S0' } },
    standing: { signedIn: true, licensed: true, siteAdmin: true, inReportGroup: false, inViewerNamesGroup: false }, people: { names: true },
  };
  const request = { audience: { kind: 'group' as const, groupId: 'g-reach' }, range: { kind: 'preset' as const, preset: '30d' as const }, list: 'not-read' as const, limit: 25 };
  points = 0;
  let started = performance.now();
  const reach = await measured(() => pageReachAnswer(access, DEFAULT_SETTINGS, request, NOW));
  const reachMs = Math.round(performance.now() - started);
  const figures = reach.result.ok && reach.result.data.state === 'ready' ? reach.result.data.figures : null;
  print('read_units_reach_page_2000_members', `${reach.units.read} (members=${MEMBERS}, page readers=${readers.length}, K=${figures?.readers ?? '?'} of N=${figures?.audience ?? '?'}; ${reach.units.requests} KVS requests)`);
  print('confluence_points_reach_page_2000_members', `${points} (${Math.ceil(MEMBERS / 200)} member pages of 200 at 1 + 2 per member; cached 5 min in memory, 15 min in KVS)`);
  print('reach_ms_page_2000_members', reachMs);

  resetAppCaches();
  points = 0;
  const range = { from: '2026-10-22', to: '2026-11-20', days: 30 };
  started = performance.now();
  const inactive = await measured(() => inactiveReadersAnswer({ spec: { kind: 'group', groupId: 'g-reach' }, label: 'Group', range, sort: { column: 'displayName', direction: 'asc' }, limit: 25 }, DEFAULT_SETTINGS, NOW));
  const inactiveMs = Math.round(performance.now() - started);
  const found = inactive.result.ok && inactive.result.data.state === 'ready' ? inactive.result.data : null;
  print('read_units_inactive_readers_30d_2000_members', `${inactive.units.read} (audience from the KVS copy; the site's month rows of the 2 months by index by-month, 100 a page (fewer reads than members × 2 months by key, 25 a read); last view of the 25 shown; ${found?.inactive ?? '?'} inactive of ${found?.audience ?? '?'})`);
  print('confluence_points_inactive_readers_30d_2000_members', `${points} (the audience listed by the page reach above is read back from KVS; listing it afresh costs the page figure's points)`);
  print('inactive_readers_ms_30d_2000_members', inactiveMs);

  // The same on a busy site: the rollups count 50,000 other viewers a month, so each member's rows are read by key instead.
  await batchWrite(months.map((month) => ({
    key: KEYS.rollup('site', 'sm', month, 1), entityName: ENTITY.rollup,
    value: { scope: 'site', level: 'sm', period: month, shard: 1, views: 0, viewers: 50_000, contents: 0, cells: {}, version: 1 },
  })));
  resetAppCaches();
  const busy = await measured(() => inactiveReadersAnswer({ spec: { kind: 'group', groupId: 'g-reach' }, label: 'Group', range, sort: { column: 'displayName', direction: 'asc' }, limit: 25 }, DEFAULT_SETTINGS, NOW));
  const busyFound = busy.result.ok && busy.result.data.state === 'ready' ? busy.result.data : null;
  print('read_units_inactive_readers_30d_2000_members_busy_site', `${busy.units.read} (50,000 other viewers a month: members' rows by key, newest month first, the earlier month only for members not found; ${busyFound?.inactive ?? '?'} inactive of ${busyFound?.audience ?? '?'})`);
  emulator.close?.();
  uninstall();
}
