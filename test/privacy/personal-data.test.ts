import { kvs, WhereConditions } from '@forge/kvs';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { rotateApiToken } from '../../src/settings/view-api-token';
import { REPORT_CYCLE_MS, reportPersonalData } from '../../src/privacy/personal-data';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { maintenance } from '../../src/privacy/maintenance-trigger';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts, storedViewerViews } from '../support/stored-counts';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

/** Atlassian's documented test account that the reporting API always answers as closed. */
const CLOSED = '5be24ba3f91c106033269289';
const closedUser = { kind: 'user' as const, accountId: CLOSED, accountType: 'licensed' as const };

describe('personal data reporting (daily scheduled trigger)', () => {
  it('reports stored accounts, erases closed ones, keeps page totals, and waits a cycle before reporting again', async () => {
    const page = app.publicContent();
    const t = Date.now() - 60_000;
    await app.view(closedUser, page, t);
    await app.view(app.users.reader, page, t);
    const reader = (app.users.reader as { accountId: string }).accountId;
    const before = await storedCounts(page.id);
    expect(before.recordCount).toBe(2);

    const first = await maintenance();
    expect(first.personalData).toMatchObject({ reported: 2, erased: [CLOSED], complete: true });
    const after = await storedCounts(page.id);
    expect(after.views).toBe(2); // totals keep the view, without the account id
    expect(after.recordCount).toBe(1);
    expect(after.viewerRows.map((row) => row.viewer)).toEqual([reader]);
    expect(await storedViewerViews(CLOSED)).toBe(0);
    // The report rollups' monthly reading rows name the reader too: they go with the account.
    const monthsOf = (viewer: string) => kvs.entity('viewer-month').query().index('by-viewer', { partition: [viewer] }).getMany();
    expect((await monthsOf(CLOSED)).results).toHaveLength(0);
    expect((await monthsOf(reader)).results).toHaveLength(1);
    expect(await kvs.entity('account').get(`acct:${CLOSED}`)).toBeUndefined();
    expect(await kvs.entity<{ reportedAt: number }>('account').get(`acct:${reader}`)).toMatchObject({ reportedAt: expect.any(Number) });

    expect((await maintenance()).personalData).toMatchObject({ reported: 0, erased: [] });
  });

  it('extended privacy registers no viewer: only the admin whose id the settings audit keeps', async () => {
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);
    await app.view(app.users.reader, app.publicContent(), Date.now());
    expect(await registeredAccounts()).toEqual([accountOf(app.users.admin)]);
    expect((await maintenance()).personalData.reported).toBe(1);
  });

  it('registers the account ids of the settings audit, updatedBy and the token creator', async () => {
    expect(await registeredAccounts()).toEqual([]);
    await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, viewCounter: false }, expectedVersion: 0 });
    await app.invoke(app.users.admin, 'settings', 'rotateViewApiToken', {});
    expect(await registeredAccounts()).toEqual([accountOf(app.users.admin)]);
  });

  it('erasing a closed account redacts it in the settings audit, the settings document and the token', async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, viewCounter: false }, 0, { at: Date.now(), accountId: CLOSED, version: 1, changes: [{ field: 'viewCounter', before: true, after: false }] });
    await rotateApiToken(CLOSED, Date.now());
    expect(await registeredAccounts()).toEqual([CLOSED]);

    expect((await maintenance()).personalData).toMatchObject({ erased: [CLOSED] });
    expect(JSON.stringify(await kvs.query().where('key', WhereConditions.beginsWith('audit:')).getMany())).not.toContain(CLOSED);
    expect(await kvs.entity<{ updatedBy: string }>('settings').get('settings')).toMatchObject({ updatedBy: 'none' });
    expect(JSON.stringify(await kvs.getSecret('view-api-token'))).not.toContain(CLOSED);
    expect(await registeredAccounts()).toEqual([]);
    // The settings themselves and the audit entry stay, without saying who.
    const view = await app.invoke(app.users.admin, 'settings', 'getSettings', {});
    expect(view.ok && view.data.audit[0]).toMatchObject({ accountId: null, version: 1 });
  });

  it('drops the registration of an account whose views retention purged, once nothing is left', async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, retentionDays: 30 } }, 0, { at: Date.now(), accountId: null, version: 1, changes: [] });
    await app.view(app.users.reader, app.publicContent(), Date.now() - 40 * 86_400_000);
    expect(await registeredAccounts()).toEqual([accountOf(app.users.reader)]);
    await maintenance(); // reported (it still had views), then retention purged them
    const later = Date.now() + REPORT_CYCLE_MS + 1000;
    expect(await reportPersonalData(later, later + 60_000)).toMatchObject({ reported: 0, released: 1 });
    expect(await registeredAccounts()).toEqual([]);
  });
});

async function registeredAccounts(): Promise<string[]> {
  const page = await kvs.entity<{ accountId: string }>('account').query().index('by-reported').limit(100).getMany();
  return page.results.map((result) => result.value.accountId).sort();
}
function accountOf(who: unknown): string {
  return (who as { accountId: string }).accountId;
}
