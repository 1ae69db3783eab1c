import { kvs } from '@forge/kvs';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { maintenance } from '../../src/privacy/maintenance-trigger';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts, storedViewerViews } from '../support/stored-counts';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const DAY = 86_400_000;
const accountOf = (who: AppPlatform['users']['reader']) => (who as { accountId: string }).accountId;

describe('retention (daily scheduled trigger)', () => {
  it('keeps everything while retention is "keep all"', async () => {
    const page = app.publicContent();
    await app.view(app.users.reader, page, Date.now() - 400 * DAY);
    expect(await maintenance()).toMatchObject({ retention: { cutoff: null, complete: true } });
    expect((await storedCounts(page.id)).recordCount).toBe(1);
  });

  it('deletes individual views and per-viewer rows older than the period, keeping totals and daily counts', async () => {
    const page = app.publicContent();
    const old = Date.now() - 40 * DAY;
    await app.view(app.users.reader, page, old);
    await app.view(app.users.otherReader, page, old);
    await app.view(app.users.otherReader, page, Date.now() - DAY);
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, retentionDays: 30 } }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);

    const before = await storedCounts(page.id);
    const result = await maintenance();
    expect(result.retention).toMatchObject({ complete: true, deleted: { views: 2, viewerHistories: 1, viewerDays: 2 } });
    const after = await storedCounts(page.id);
    expect(after.recordCount).toBe(1);
    expect({ views: after.views, viewers: after.viewers, byDay: after.byDay }).toEqual({ views: before.views, viewers: before.viewers, byDay: before.byDay });
    expect(after.viewerRows.map((row) => row.viewer)).toEqual([accountOf(app.users.otherReader)]);
    expect(await storedViewerViews(accountOf(app.users.reader))).toBe(0);
    expect(await kvs.entity('viewer-content').get(`vc:${page.id}:${accountOf(app.users.reader)}`)).toBeUndefined();
    // Running twice (Forge may) changes nothing more.
    expect((await maintenance()).retention).toMatchObject({ deleted: { views: 0, viewerHistories: 0, viewerDays: 0 } });
  });

  it('deletes readers\' monthly report rows of months wholly before the period, keeping recent ones', async () => {
    const page = app.publicContent();
    await app.view(app.users.reader, page, Date.now() - 200 * DAY);
    await app.view(app.users.otherReader, page, Date.now() - DAY);
    const monthsOf = async (viewer: string) => (await kvs.entity('viewer-month').query().index('by-viewer', { partition: [viewer] }).getMany()).results.length;
    expect(await monthsOf(accountOf(app.users.reader))).toBe(1);
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, retentionDays: 30 } }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);
    expect((await maintenance()).retention).toMatchObject({ complete: true, deleted: { viewerMonths: 1 } });
    expect(await monthsOf(accountOf(app.users.reader))).toBe(0);
    expect(await monthsOf(accountOf(app.users.otherReader))).toBe(1);
  });
});
