/**
 * Who may see what in page statistics, through the real resolvers: every permission case in every
 * privacy mode, asserting on the answers' content (no name, avatar or account id where the mode
 * forbids it), plus the restricted page, anonymous visitors and the byline.
 */
import type { Settings } from '@contracts/settings';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
let version = 0;
const RANGE = { range: { kind: 'preset', preset: '30d' } } as const;

async function configure(change: Partial<Settings>): Promise<void> {
  const reports = app.directory.groupByName('viewtracker-report-readers')!;
  const settings = { ...DEFAULT_SETTINGS, reportAccessGroup: { id: reports.id, name: reports.name }, ...change };
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings, expectedVersion: version });
  if (!answer.ok) throw new Error(`${answer.error.message} ${JSON.stringify(answer.error.fieldErrors)}`);
  version = answer.data.version;
  forgeAccessCachesForTests();
}

type Case = 'admin' | 'space admin' | 'report group' | 'names group' | 'reader' | 'guest' | 'anonymous';
type Mode = 'standard (readers)' | 'standard (managers)' | 'hide-viewers' | 'extended';
const SEES_NAMES: Record<Mode, Case[]> = {
  'standard (readers)': ['admin', 'space admin', 'report group', 'names group', 'reader', 'guest'],
  'standard (managers)': ['admin', 'space admin', 'report group'],
  'hide-viewers': ['names group'],
  extended: [],
};

let who: Record<Case, Principal>;
let secrets: string[];
let page: ReturnType<AppPlatform['publicContent']>;

beforeAll(async () => {
  // The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
  app = await startAppPlatform({ appSeesAll: true });
  page = app.publicContent();
  const user = (role: string, filter: (u: { groupIds: string[]; accountId: string }) => boolean = () => true) =>
    app.directory.site.users.find((u) => u.role === role && u.status === 'active' && filter(u))!;
  const hr = app.directory.groupByName('hr-team')!.id;
  const principal = (u: { accountId: string; accountType: 'licensed' | 'unlicensed' }): Principal => ({ kind: 'user', accountId: u.accountId, accountType: u.accountType });
  const plain = app.directory.site.users.filter((u) => u.role === 'reader' && u.status === 'active' && !u.groupIds.includes(hr));
  const spaceAdmin = plain[1]!;
  app.directory.space(page.spaceKey)!.adminIds = [spaceAdmin.accountId];
  who = {
    admin: app.users.admin, 'space admin': principal(spaceAdmin), 'report group': principal(user('report-reader')),
    'names group': principal(user('reader', (u) => u.groupIds.includes(hr))), reader: principal(plain[0]!), guest: app.users.guest, anonymous: app.users.anonymous,
  };
  const now = Date.now();
  const viewers = [who.reader, who['names group'], who.admin];
  for (const [index, viewer] of viewers.entries()) await app.view(viewer, page, now - (index + 1) * 60_000);
  await app.view(app.users.anonymous, page, now - 30_000);
  secrets = viewers.flatMap((viewer) => {
    const found = app.directory.user(viewer.kind === 'user' ? viewer.accountId : '')!;
    return [found.accountId, found.displayName, `aa-avatar/${found.accountId}`];
  });
});
afterAll(() => app.stop());

const MODES: Array<[Mode, Partial<Settings>]> = [
  ['standard (readers)', {}],
  ['standard (managers)', { privacy: { ...DEFAULT_SETTINGS.privacy, viewerListAudience: 'managers' } }],
  ['hide-viewers', { privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'hide-viewers', viewerNamesGroup: { id: '', name: 'hr-team' } } }],
  ['extended', { privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } }],
];

describe.each(MODES)('page statistics in %s mode', (mode, change) => {
  beforeAll(async () => {
    const settings = { ...change };
    if (settings.privacy?.viewerNamesGroup) settings.privacy = { ...settings.privacy, viewerNamesGroup: { id: app.directory.groupByName('hr-team')!.id, name: 'hr-team' } };
    await configure(settings);
  });

  it.each(['admin', 'space admin', 'report group', 'names group', 'reader', 'guest', 'anonymous'] as Case[])('%s', async (name) => {
    const stats = await app.invoke(who[name], 'view-counter', 'getPageStatistics', RANGE, page);
    const list = await app.invoke(who[name], 'view-counter', 'getPageViewers', RANGE, page);
    // Everybody who may read the page sees its counts (anonymous visitors: it was viewed anonymously).
    expect(stats.ok && stats.data.totals).toMatchObject({ views: 4, anonymousViews: 1, viewers: 3, viewersExact: true });
    if (SEES_NAMES[mode].includes(name)) {
      expect(stats.ok && stats.data.people).toEqual({ visible: true });
      expect(list.ok && list.data.rows.map((row) => row.accountId)).toEqual([who.reader, who['names group'], who.admin].map((p) => (p.kind === 'user' ? p.accountId : '')));
      expect(list.ok && list.data.rows[0]?.displayName).toBe(secrets[1]);
    } else {
      expect(stats.ok && stats.data.people.visible).toBe(false);
      expect(list).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const text = JSON.stringify([stats, list]);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
});

describe('content the caller may not read', () => {
  beforeAll(async () => { await configure({}); });

  it('answers not-found without any figure, and the byline shows no count', async () => {
    const { content, allowed, denied } = app.restrictedContent();
    await app.view(allowed, content, Date.now() - 60_000);
    const refused = await app.invoke(denied, 'view-counter', 'getPageStatistics', RANGE, content);
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(JSON.stringify(refused)).not.toMatch(/views"|viewers"/);
    expect(await app.invoke(denied, 'view-counter', 'getPageViewers', RANGE, content)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await app.byline(denied, content)).toMatchObject({ title: 'Views' });
    expect(await app.byline(app.users.anonymous, content)).toMatchObject({ title: 'Views' });
    expect(await app.byline(allowed, content)).toMatchObject({ title: '1 view' });
    const allowedStats = await app.invoke(allowed, 'view-counter', 'getPageStatistics', RANGE, content);
    expect(allowedStats.ok && allowedStats.data.totals.views).toBe(1);
  });

  it('tells anonymous visitors nothing about content no anonymous visitor viewed', async () => {
    const { content } = app.restrictedContent();
    expect(await app.invoke(app.users.anonymous, 'view-counter', 'getPageStatistics', RANGE, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('shows the byline count of a public page to anonymous visitors, and a nonexistent id like a hidden one', async () => {
    expect(await app.byline(app.users.anonymous, page)).toMatchObject({ title: '4 views' });
    const ghost = { ...page, id: '999999999' };
    expect(await app.byline(who.reader, ghost)).toMatchObject({ title: 'Views' });
  });

  it('refuses malformed ranges with invalid-input', async () => {
    const answer = await app.invoke(who.reader, 'view-counter', 'getPageStatistics', { range: { kind: 'custom', from: '2026-01-02', to: '2026-01-01' } }, page);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await app.invoke(who.reader, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '7d' }, extra: 1 }, page)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
