/** Hide viewers with no group chosen: the answer says nobody sees names (the UI must not say a group was chosen). */
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

it('marks Hide viewers without a names group as hidden from everyone, and with one as hidden from the caller only', async () => {
  const hide = (viewerNamesGroup: { id: string; name: string } | null, expectedVersion: number) => app.invoke(app.users.admin, 'settings', 'saveSettings', {
    settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'hide-viewers', viewerNamesGroup } }, expectedVersion,
  });
  expect((await hide(null, 0)).ok).toBe(true);
  const page = app.publicContent();
  const none = await app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '7d' } }, page);
  expect(none.ok && none.data.people).toEqual({ visible: false, reason: 'hide-viewers', noGroup: true });
  const group = app.directory.site.groups.find((g) => !app.directory.user((app.users.reader as { accountId: string }).accountId)!.groupIds.includes(g.id))!;
  expect((await hide({ id: group.id, name: group.name }, 1)).ok).toBe(true);
  const some = await app.invoke(app.users.reader, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '7d' } }, page);
  expect(some.ok && some.data.people).toEqual({ visible: false, reason: 'hide-viewers' });
});
