import { kvs } from '@forge/kvs';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { maintenance } from '../../src/triggers/maintenance';
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
    expect(await kvs.entity('account').get(`acct:${CLOSED}`)).toBeUndefined();
    expect(await kvs.entity<{ reportedAt: number }>('account').get(`acct:${reader}`)).toMatchObject({ reportedAt: expect.any(Number) });

    expect((await maintenance()).personalData).toMatchObject({ reported: 0, erased: [] });
  });

  it('extended privacy registers no account at all', async () => {
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);
    await app.view(app.users.reader, app.publicContent(), Date.now());
    expect((await maintenance()).personalData.reported).toBe(0);
  });
});
