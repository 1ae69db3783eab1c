/**
 * The report macro's "reach" kind (issue 20): its config parses without ever failing (and old configs
 * are untouched), K of N for this page or a named one, the not-read names only where privacy allows,
 * and a notice (never a figure) where reach would name people the reader may not see.
 */
import type { ReachMacroAnswer } from '@contracts/custom-reports';
import type { Envelope } from '@contracts/envelope';
import type { Settings } from '@contracts/settings';
import type { DemoContent } from '../../local/demo/directory';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_REPORT, parseStoredMacroConfig } from '../../src/custom-reports/rules/report-macro-config';
import { isReachConfig, parseStoredReachConfig } from '../../src/custom-reports/rules/reach-macro-config';
import { forgetModuleCaches } from '../../src/platform/memory-cache';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

describe('reach macro config', () => {
  it('fills defaults, resets only what does not validate, and leaves the other kinds alone', () => {
    expect(parseStoredReachConfig({ what: 'reach' })).toEqual({
      config: { version: 2, what: 'reach', page: { kind: 'this-page' }, audience: { kind: 'space-members' }, range: { kind: 'preset', preset: '30d' }, notRead: true, rows: 10 },
      reset: [],
    });
    const parsed = parseStoredReachConfig({ version: 2, what: 'reach', audience: { kind: 'group', groupId: 'x y' }, page: { kind: 'page', pageId: '42' }, rows: 1000 });
    expect(parsed.config.page).toEqual({ kind: 'page', pageId: '42' });
    expect(parsed.reset.sort()).toEqual(['audience', 'rows']);
    expect(isReachConfig({ what: 'reach' })).toBe(true);
    expect(isReachConfig({ ...DEFAULT_REPORT })).toBe(false);
    expect(isReachConfig({ report: 'top', days: '7' })).toBe(false);
    // Configs written before the reach kind still parse as they did.
    expect(parseStoredMacroConfig({ report: 'top', days: '7' }).config).toMatchObject({ what: 'most-viewed', range: { kind: 'last-days', days: 7 } });
    expect(parseStoredMacroConfig({ ...DEFAULT_REPORT, rows: 5 })).toEqual({ config: { ...DEFAULT_REPORT, rows: 5 }, reset: [] });
  });
});

describe('reach macro resolver', () => {
  let app: AppPlatform;
  let version = 0;
  beforeAll(async () => { app = await startAppPlatform({ appSeesAll: true }); });
  afterAll(() => app.stop());

  async function configure(change: Partial<Settings>): Promise<void> {
    const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, customReports: true, ...change }, expectedVersion: version });
    if (!answer.ok) throw new Error(answer.error.message);
    version = answer.data.version;
    forgetModuleCaches();
  }
  async function macro(who: Principal, page: DemoContent, config: unknown): Promise<Envelope<ReachMacroAnswer>> {
    const space = app.directory.space(page.spaceKey)!;
    const extension = { type: 'macro', content: { id: page.id, type: page.type }, space: { id: String(space.id), key: space.key }, config, isEditing: false };
    return (await app.platform.invokeResolver(who, { moduleKey: 'viewtracker-report', localId: 'r-1', extension }, 'getReachMacro', {})) as Envelope<ReachMacroAnswer>;
  }

  it('answers K of N for this page and a named page, the not-read names only when asked, and a notice in Extended privacy', async () => {
    const host = app.publicContent(0);
    const other = app.publicContent(1);
    const hr = app.directory.groupByName('hr-team')!;
    const members = app.directory.site.users.filter((u) => u.groupIds.includes(hr.id) && u.status === 'active');
    await app.view({ kind: 'user', accountId: members[0]!.accountId, accountType: 'licensed' }, other, Date.now() - 60_000);
    const audience = { kind: 'group', groupId: hr.id };
    const off = await macro(app.users.admin, host, { version: 2, what: 'reach', audience });
    expect(off).toMatchObject({ ok: true, data: { state: 'notice' } });

    await configure({});
    const here = await macro(app.users.admin, host, { version: 2, what: 'reach', audience });
    if (!here.ok || here.data.state !== 'reach' || here.data.reach.state !== 'ready') throw new Error(JSON.stringify(here));
    expect(here.data.reach.figures.audience).toBe(members.length);

    const there = await macro(app.users.admin, host, { version: 2, what: 'reach', audience, page: { kind: 'page', pageId: other.id }, rows: 5 });
    if (!there.ok || there.data.state !== 'reach' || there.data.reach.state !== 'ready') throw new Error(JSON.stringify(there));
    expect(there.data.reach.figures.readers).toBe(1);
    expect(there.data.reach.list.rows.map((r) => r.accountId)).not.toContain(members[0]!.accountId);
    expect(there.data.reach.list.rows.length).toBe(Math.min(5, members.length - 1));

    const counts = await macro(app.users.admin, host, { version: 2, what: 'reach', audience, page: { kind: 'page', pageId: other.id }, notRead: false });
    expect(counts.ok && counts.data.state === 'reach' && counts.data.reach.state === 'ready' && counts.data.reach.list.rows).toEqual([]);

    await configure({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } });
    const hidden = await macro(app.users.admin, host, { version: 2, what: 'reach', audience });
    expect(hidden).toMatchObject({ ok: true, data: { state: 'notice', message: expect.stringMatching(/Extended privacy/) } });
    expect(JSON.stringify(hidden)).not.toContain(members[0]!.displayName);
  });
});
