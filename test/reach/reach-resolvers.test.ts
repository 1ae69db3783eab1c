/**
 * Reach through the real resolvers (issue 20): every kind of caller in every privacy mode, on the
 * answers' content — K of N and both lists where names may be shown, a refusal that carries no name
 * or account id elsewhere — plus inactive readers, a space's reach and a group too large for one call.
 */
import type { Settings } from '@contracts/settings';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { forgetModuleCaches } from '../../src/platform/memory-cache';

let app: AppPlatform;
let version = 0;
const RANGE = { kind: 'preset', preset: '30d' } as const;

async function configure(change: Partial<Settings>): Promise<void> {
  const reports = app.directory.groupByName('viewtracker-report-readers')!;
  const settings = { ...DEFAULT_SETTINGS, reportAccessGroup: { id: reports.id, name: reports.name }, ...change };
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings, expectedVersion: version });
  if (!answer.ok) throw new Error(`${answer.error.message} ${JSON.stringify(answer.error.fieldErrors)}`);
  version = answer.data.version;
  forgeAccessCachesForTests();
}

type Case = 'admin' | 'report group' | 'names group' | 'reader' | 'guest' | 'anonymous';
type Mode = 'standard (readers)' | 'standard (managers)' | 'hide-viewers' | 'extended';
const PAGE_NAMES: Record<Mode, Case[]> = {
  'standard (readers)': ['admin', 'report group', 'names group', 'reader', 'guest'],
  'standard (managers)': ['admin', 'report group'],
  'hide-viewers': ['names group'],
  extended: [],
};
/** The global report opens to admins and the report group; names there follow the mode. */
const REPORT_NAMES: Record<Mode, Case[]> = {
  'standard (readers)': ['admin', 'report group'],
  'standard (managers)': ['admin', 'report group'],
  'hide-viewers': [],
  extended: [],
};

let who: Record<Case, Principal>;
let page: ReturnType<AppPlatform['publicContent']>;
let hr: { id: string; members: string[]; names: string[] };
let readersInHr: string[];

const idOf = (p: Principal) => (p.kind === 'user' ? p.accountId : '');

beforeAll(async () => {
  app = await startAppPlatform();
  page = app.publicContent();
  const hrGroup = app.directory.groupByName('hr-team')!;
  const users = app.directory.site.users;
  const principal = (u: { accountId: string; accountType: 'licensed' | 'unlicensed' }): Principal => ({ kind: 'user', accountId: u.accountId, accountType: u.accountType });
  const hrUsers = users.filter((u) => u.groupIds.includes(hrGroup.id) && u.status === 'active');
  const plain = users.filter((u) => u.role === 'reader' && u.status === 'active' && !u.groupIds.includes(hrGroup.id));
  who = {
    admin: app.users.admin, 'report group': principal(users.find((u) => u.role === 'report-reader')!),
    'names group': principal(hrUsers[0]!), reader: principal(plain[0]!), guest: app.users.guest, anonymous: app.users.anonymous,
  };
  hr = { id: hrGroup.id, members: hrUsers.map((u) => u.accountId), names: hrUsers.map((u) => u.displayName) };
  expect(hr.members.length).toBeGreaterThanOrEqual(1);
  // One hr member and two people outside hr read the page.
  const now = Date.now();
  readersInHr = [hr.members[0]!];
  for (const [index, viewer] of [who['names group'], who.reader, who.admin].entries()) await app.view(viewer, page, now - (index + 1) * 60_000);
});
afterAll(() => app.stop());

const MODES: Array<[Mode, Partial<Settings>]> = [
  ['standard (readers)', {}],
  ['standard (managers)', { privacy: { ...DEFAULT_SETTINGS.privacy, viewerListAudience: 'managers' } }],
  ['hide-viewers', { privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'hide-viewers', viewerNamesGroup: { id: '', name: 'hr-team' } } }],
  ['extended', { privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } }],
];

describe.each(MODES)('reach in %s mode', (mode, change) => {
  beforeAll(async () => {
    const settings = { ...change };
    if (settings.privacy?.viewerNamesGroup) settings.privacy = { ...settings.privacy, viewerNamesGroup: { id: hr.id, name: 'hr-team' } };
    await configure(settings);
  });

  it.each(['admin', 'report group', 'names group', 'reader', 'guest', 'anonymous'] as Case[])('page reach for %s', async (name) => {
    const audience = { kind: 'group', groupId: hr.id };
    const read = await app.invoke(who[name], 'view-counter', 'getPageReach', { audience, range: RANGE, list: 'read' }, page);
    const notRead = await app.invoke(who[name], 'view-counter', 'getPageReach', { audience, range: RANGE, list: 'not-read' }, page);
    // The Reach section's group picker opens exactly where the reach does.
    const groups = await app.invoke(who[name], 'view-counter', 'searchReachGroups', { query: 'hr' }, page);
    if (PAGE_NAMES[mode].includes(name)) {
      expect(groups.ok && groups.data.groups.map((group) => group.id)).toContain(hr.id);
      if (!read.ok || read.data.state !== 'ready' || !notRead.ok || notRead.data.state !== 'ready') throw new Error(JSON.stringify([read, notRead]));
      expect(read.data.figures).toMatchObject({ audience: hr.members.length, readers: readersInHr.length });
      expect(read.data.list.rows.map((row) => row.accountId)).toEqual(readersInHr);
      expect(read.data.list.rows[0]).toMatchObject({ views: 1 });
      expect(notRead.data.list.rows.map((row) => row.accountId).sort()).toEqual(hr.members.filter((id) => !readersInHr.includes(id)).sort());
      expect(read.data.overTime[read.data.overTime.length - 1]?.readers).toBe(readersInHr.length);
    } else {
      expect(read.ok).toBe(false);
      expect(groups.ok).toBe(false);
      if (!read.ok && mode === 'extended' && name !== 'anonymous') expect(read.error.message).toMatch(/Extended privacy/);
      const text = JSON.stringify([read, notRead]);
      for (const secret of [...hr.members, ...hr.names, idOf(who.reader)]) expect(text).not.toContain(secret);
    }
  });

  it.each(['admin', 'report group', 'names group', 'reader'] as Case[])('inactive readers and space reach for %s', async (name) => {
    const inactive = await app.invoke(who[name], 'global-report', 'getInactiveReaders', { scope: 'global', audience: { kind: 'group', groupId: hr.id }, range: RANGE });
    const space = await app.invoke(who[name], 'global-report', 'getSpaceReach', { scope: 'global', spaceKey: page.spaceKey, audience: { kind: 'group', groupId: hr.id }, range: RANGE });
    if (REPORT_NAMES[mode].includes(name)) {
      if (!inactive.ok || inactive.data.state !== 'ready' || !space.ok || space.data.state !== 'ready') throw new Error(JSON.stringify([inactive, space]));
      const idle = hr.members.filter((id) => !readersInHr.includes(id));
      expect(inactive.data.rows.map((row) => row.accountId).sort()).toEqual(idle.sort());
      expect([inactive.data.audience, inactive.data.inactive]).toEqual([hr.members.length, idle.length]);
      expect([space.data.audience, space.data.readers]).toEqual([hr.members.length, readersInHr.length]);
    } else {
      expect(inactive).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(space).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const text = JSON.stringify([inactive, space]);
      for (const secret of [...hr.members, ...hr.names]) expect(text).not.toContain(secret);
    }
  });
});

describe('audiences', () => {
  beforeAll(async () => { await configure({}); });

  it('space members and all licensed users leave out the closed account and count the guest out of licensed users', async () => {
    const members = await app.invoke(who.admin, 'view-counter', 'getPageReach', { audience: { kind: 'space-members' }, range: RANGE, list: 'not-read', limit: 500 }, page);
    const licensed = await app.invoke(who.admin, 'view-counter', 'getPageReach', { audience: { kind: 'licensed' }, range: RANGE, list: 'read', limit: 500 }, page);
    if (!members.ok || members.data.state !== 'ready' || !licensed.ok || licensed.data.state !== 'ready') throw new Error(JSON.stringify([members, licensed]));
    const usersGroup = app.directory.groupByName('confluence-users')!.id;
    const inGroup = app.directory.site.users.filter((u) => u.groupIds.includes(usersGroup) && u.status === 'active');
    expect(licensed.data.figures.audience).toBe(inGroup.length);
    expect(licensed.data.list.rows.map((r) => r.accountId).sort()).toEqual([who['names group'], who.reader, who.admin].map(idOf).sort());
    expect(members.data.figures.audience).toBe(inGroup.length);
    expect(licensed.data.list.rows.map((r) => r.accountId)).not.toContain(idOf(app.users.guest));
  });

  it('a group larger than one call can list is prepared over several calls, with progress and never a partial figure', async () => {
    const big = { id: 'big-group-0001', name: 'everyone-big' };
    app.directory.site.groups.push(big);
    (app.directory.groupsById as Map<string, { id: string; name: string }>).set(big.id, big);
    for (let i = 0; i < 6_000; i += 1) {
      app.directory.site.users.push({ accountId: `big-${i}`, displayName: `Big ${i}`, role: 'reader', accountType: 'licensed', isAdmin: false, groupIds: [big.id], status: 'active' });
    }
    const ask = () => app.invoke(who.admin, 'view-counter', 'getPageReach', { audience: { kind: 'group', groupId: big.id }, range: RANGE, list: 'not-read' }, page);
    const first = await ask();
    expect(first).toMatchObject({ ok: true, data: { state: 'preparing', listed: 5_000, total: 6_000 } });
    expect(first.ok && Object.keys(first.data).sort()).toEqual(["listed", "message", "state", "total"]);
    const second = await ask();
    expect(second.ok && second.data.state === 'ready' && [second.data.figures.audience, second.data.list.total]).toEqual([6_000, 6_000]);
  }, 60_000);

  it('a large audience keeps being listed in the background by the scheduled run, so the next call answers at once', async () => {
    const big = { id: 'big-group-0002', name: 'everyone-big-2' };
    app.directory.site.groups.push(big);
    (app.directory.groupsById as Map<string, { id: string; name: string }>).set(big.id, big);
    for (let i = 0; i < 6_000; i += 1) {
      app.directory.site.users.push({ accountId: `bg-${i}`, displayName: `Bg ${i}`, role: 'reader', accountType: 'licensed', isAdmin: false, groupIds: [big.id], status: 'active' });
    }
    const ask = () => app.invoke(who.admin, 'view-counter', 'getPageReach', { audience: { kind: 'group', groupId: big.id }, range: RANGE, list: 'not-read' }, page);
    expect(await ask()).toMatchObject({ ok: true, data: { state: 'preparing', listed: 5_000, total: 6_000 } });
    // Nobody asks again: the scheduled run lists the rest.
    expect(await app.platform.runScheduled('reach-preparation-schedule')).toEqual({ steps: 1, ready: 1 });
    const listed = app.confluence.recentRequests().filter((r) => r.path.includes(big.id) && r.path.includes('membersByGroupId')).length;
    forgetModuleCaches(); // another function instance: nothing in memory, the stored audience answers
    const next = await ask();
    expect(next.ok && next.data.state === 'ready' && next.data.figures.audience).toBe(6_000);
    expect(app.confluence.recentRequests().filter((r) => r.path.includes(big.id) && r.path.includes('membersByGroupId')).length).toBe(listed);
    // Nothing left to prepare: the next run does nothing.
    expect(await app.platform.runScheduled('reach-preparation-schedule')).toEqual({ steps: 0, ready: 0 });
  }, 60_000);

  it('refuses malformed payloads and an unknown group with invalid-input', async () => {
    expect(await app.invoke(who.admin, 'view-counter', 'getPageReach', { audience: { kind: 'group', groupId: 'x y' }, range: RANGE, list: 'read' }, page)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await app.invoke(who.admin, 'view-counter', 'getPageReach', { audience: { kind: 'licensed' }, range: RANGE, list: 'read', extra: 1 }, page)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await app.invoke(who.admin, 'view-counter', 'getPageReach', { audience: { kind: 'group', groupId: 'no-such-group' }, range: RANGE, list: 'read' }, page)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
