import { kvs } from '@forge/kvs';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { forgetCachedSettings } from '../../src/settings/settings-source';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

/** Another version, a bug or a hand edit left a settings document this version cannot read. */
async function corruptStoredSettings(version: number): Promise<void> {
  await kvs.entity('settings').set('settings', { version, value: { privacy: { mode: 'public' }, excludedGroups: 'bots' }, updatedAt: Date.now(), updatedBy: 'none' });
  forgetCachedSettings();
}
const settingsView = async () => {
  const answer = await app.invoke(app.users.admin, 'settings', 'getSettings', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
};

describe('stored settings that cannot be read fail closed', () => {
  it('keep applying the last settings saved (extended privacy stays extended), and tell the admin', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);
    await corruptStoredSettings(1);

    const page = app.publicContent();
    await app.view(app.users.reader, page, Date.now());
    expect((await storedCounts(page.id)).views).toBe(1);
    const reader = (app.users.reader as { accountId: string }).accountId;
    expect(JSON.stringify(await kvs.entity('view').query().index('by-time').getMany())).not.toContain(reader);

    const view = await settingsView();
    expect(view.problem).toMatchObject({ applied: 'last-good', message: expect.stringContaining('cannot be read') });
    expect(view.settings.privacy.mode).toBe('extended');
    // Saving what is shown, unchanged, repairs the stored document.
    const repaired = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: view.settings, expectedVersion: view.version });
    expect(repaired).toEqual({ ok: true, data: expect.objectContaining({ version: 2, problem: null }) });
  });

  it('stop tracking when no last good copy exists, until the admin saves again', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await corruptStoredSettings(4);
    const page = app.publicContent();
    await app.view(app.users.reader, page, Date.now());
    expect((await storedCounts(page.id)).views).toBe(0);
    expect((await settingsView()).problem).toMatchObject({ applied: 'tracking-stopped' });

    const repaired = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: DEFAULT_SETTINGS, expectedVersion: 4 });
    expect(repaired).toEqual({ ok: true, data: expect.objectContaining({ version: 5, problem: null }) });
    await app.view(app.users.reader, page, Date.now());
    expect((await storedCounts(page.id)).views).toBe(1);
  });
});
