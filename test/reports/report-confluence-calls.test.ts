/**
 * What opening the global report costs in Confluence calls (docs/reports.md, "Titles and Confluence
 * points"), as the UI opens it: the summary and the first 25 rows of top content, each open on a new
 * function instance (memory caches dropped).
 */
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import type { Principal } from '../../local/host/principal';
import { KEYS } from '../../src/core/storage/keys';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { deliveredAt } from '../../local/host/delivery-clock';
import { ACCESS_GROUPS_MS } from '../../src/access/index';

let app: AppPlatform;
let member: Principal;
beforeEach(async () => {
  app = await startAppPlatform({ appSeesAll: true });
  const user = app.directory.site.users.find((u) => u.role === 'report-reader' && u.status === 'active')!;
  member = { kind: 'user', accountId: user.accountId, accountType: user.accountType };
  const group = app.directory.site.groups.find((g) => user.groupIds.includes(g.id) && /report/.test(g.name))!;
  await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, reportAccessGroup: { id: group.id, name: group.name } }, expectedVersion: 0 });
  for (const [i, content] of app.directory.site.contents.filter((c) => c.restriction === null).slice(0, 30).entries()) await app.view(app.users.admin, content, Date.now() - 3_600_000 - i * 1000);
});
afterEach(() => app.stop());

const range = { kind: 'preset', preset: '30d' } as const;

/** The Confluence routes one cold open asks (method and path without query). */
async function open(who: Principal, at = Date.now()): Promise<string[]> {
  forgeAccessCachesForTests();
  const before = app.confluence.recentRequests().length;
  const summary = await deliveredAt(at, () => app.invoke(who, 'global-report', 'getReportSummary', { scope: 'global', range, filters: {} }));
  const table = await deliveredAt(at, () => app.invoke(who, 'global-report', 'getReportTable', { scope: 'global', range, filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25 }));
  expect(summary.ok && table.ok).toBe(true);
  return app.confluence.recentRequests().slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`);
}

/** The space keys the cold opens since `from` looked up by name. */
const spaceKeysAsked = (from: number) => app.confluence.recentRequests().slice(from)
  .filter((r) => r.path.startsWith('/wiki/api/v2/spaces?'))
  .flatMap((r) => (new URL(r.path, 'http://x').searchParams.get('keys') ?? '').split(',').filter(Boolean));

it('a member’s second open within minutes asks for no titles, no groups and no site space names: the admin check and personal spaces at most', async () => {
  const first = await open(member);
  // 25 rows, nothing recorded: the admin check, the groups, one title search (and a name lookup for spaces it did not name).
  expect(first.filter((c) => c.startsWith('GET /wiki/rest/api/content/search'))).toHaveLength(1);
  expect(first.length).toBeLessThanOrEqual(4);
  const from = app.confluence.recentRequests().length;
  const second = await open(member);
  expect(second.filter((c) => c.includes('/content/search'))).toEqual([]);
  expect(second.filter((c) => !['GET /wiki/rest/api/user/current', 'GET /wiki/api/v2/spaces'].includes(c))).toEqual([]);
  expect(second.length).toBeLessThanOrEqual(2);
  expect(spaceKeysAsked(from).filter((key) => !key.startsWith('~'))).toEqual([]);
});

it('an administrator’s open asks Confluence no group (the report group decides nothing for an administrator)', async () => {
  const calls = await open(app.users.admin);
  expect(calls).not.toContain('GET /wiki/rest/api/user/memberof');
  expect(calls).toContain('GET /wiki/rest/api/user/current');
});

it('stores no personal space’s name (it is its owner’s): those are asked of Confluence again', async () => {
  await open(app.users.admin);
  const { kvs } = await import('@forge/kvs');
  const personal = app.directory.site.spaces.filter((s) => s.key.startsWith('~'));
  for (const space of personal) expect(await kvs.get(KEYS.spaceName(space.key))).toBeUndefined();
  const site = app.directory.site.spaces.filter((s) => !s.key.startsWith('~'));
  const stored = await Promise.all(site.map((s) => kvs.get(KEYS.spaceName(s.key))));
  expect(stored.some((value) => value !== undefined)).toBe(true);
});

it('keeps a member’s groups for 10 minutes across function instances: leaving the report group closes the report after that, not before', async () => {
  await open(member);
  const user = app.directory.user(member.kind === 'user' ? member.accountId : '')!;
  const group = app.directory.site.groups.find((g) => user.groupIds.includes(g.id) && /report/.test(g.name))!;
  user.groupIds.splice(user.groupIds.indexOf(group.id), 1);
  expect(await open(member, Date.now() + ACCESS_GROUPS_MS - 60_000)).not.toContain('GET /wiki/rest/api/user/memberof');
  forgeAccessCachesForTests();
  const refused = await deliveredAt(Date.now() + ACCESS_GROUPS_MS + 60_000, () => app.invoke(member, 'global-report', 'getReportSummary', { scope: 'global', range, filters: {} }));
  expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  user.groupIds.push(group.id);
});
