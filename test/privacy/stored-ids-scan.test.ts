/**
 * The whole store, scanned: every plain key, secret and entity item of the KVS emulator (expired
 * items included: on Forge they can be read for up to 48 h). After the erasure of a closed account,
 * no key or value holds its id. After the switch to Extended privacy, nothing written afterwards
 * holds any account id — the settings document (`updatedBy`) and its audit entry excepted, which name
 * the admin who saved them (docs/security.md).
 */
import { kvs } from '@forge/kvs';
import type { Envelope } from '@contracts/envelope';
import type { Settings } from '@contracts/settings';
import type { DemoContent } from '../../local/demo/directory';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_REPORT } from '../../src/custom-reports/rules/report-macro-config';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { maintenance } from '../../src/privacy/maintenance-trigger';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { everyStoredItem, itemsHolding } from '../support/kvs-scan';
import { searchOnTime } from '../support/search-events';

let app: AppPlatform;
let version = 0;
beforeEach(async () => {
  app = await startAppPlatform();
  version = 0;
  // The reader administers the space of the saved reports, so they save one too.
  app.directory.space(app.publicContent(0).spaceKey)!.adminIds = [accountOf(app.users.reader)];
});
afterEach(() => app.stop());

const accountOf = (who: Principal) => (who.kind === 'user' ? who.accountId : '');

async function saveSettings(change: Partial<Settings>): Promise<void> {
  const bots = app.directory.groupByName('bots')!;
  const settings: Settings = {
    ...DEFAULT_SETTINGS, customReports: true, excludedGroups: [{ id: bots.id, name: bots.name }], ...change,
  };
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings, expectedVersion: version });
  if (!answer.ok) throw new Error(`${answer.error.message} ${JSON.stringify(answer.error.fieldErrors)}`);
  version = answer.data.version;
  forgeAccessCachesForTests();
}

function inSpace(who: Principal, key: string, payload: unknown, spaceKey: string): Promise<Envelope<unknown>> {
  const space = app.directory.space(spaceKey)!;
  return app.platform.invokeResolver(who, { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: String(space.id), key: space.key } } }, key, payload) as Promise<Envelope<unknown>>;
}

/** Everything a person can make the app store: views of every kind, byline and beacon caches, admin records. */
async function everything(who: Principal, pages: { viewed: DemoContent; restrictedToThem: DemoContent; beacon: DemoContent }): Promise<void> {
  const id = accountOf(who);
  const now = Date.now();
  await app.view(who, pages.viewed, now - 120_000);
  await app.invoke(who, 'viewtracker-macro', 'trackView', { channel: 'confluence-app' }, pages.viewed);
  expect(await app.invoke(who, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, pages.beacon)).toEqual({ ok: true, data: { stored: true } });
  await app.view(who, pages.beacon, now - 1000);
  // A page only they may read, not viewed: the byline asks Confluence and caches the answer for them.
  expect((await app.byline(who, pages.restrictedToThem)).title).not.toBe('');
  await app.invoke(who, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '30d' } }, pages.viewed);
  // A search (search analytics key the searcher by a daily pseudonym).
  expect(await searchOnTime({ query: `roadmap ${id.slice(0, 4)}`, at: now - 5000, accountId: id })).toMatchObject({ recorded: true });
  const token = await app.invoke(app.users.admin, 'settings', 'rotateViewApiToken', {});
  if (!token.ok) throw new Error(token.error.message);
  const api = await app.webTrigger({
    headers: { Authorization: [`Bearer ${token.data.token}`] },
    body: { views: [{ contentId: app.publicContent(3).id, accountId: id, source: 'other', at: new Date(now - 2000).toISOString() }] },
  });
  expect(api.statusCode).toBe(200);
  const saved = await inSpace(who, 'saveSpaceReport', { name: `Report ${Date.now()}`, definition: DEFAULT_REPORT }, app.publicContent(0).spaceKey);
  expect(saved).toMatchObject({ ok: true });
}

function pagesFor(who: Principal, offset: number) {
  const restrictedToThem = app.publicContent(offset + 2);
  app.confluence.overlay.restriction.set(restrictedToThem.id, { userIds: [accountOf(who)], groupIds: [] });
  return { viewed: app.publicContent(offset), beacon: app.publicContent(offset + 1), restrictedToThem };
}

describe('a saved report\'s author', () => {
  it('is registered for personal-data reporting while a list names them, and only then', async () => {
    await saveSettings({});
    const reader = accountOf(app.users.reader);
    const registered = async () => (await kvs.entity<{ accountId: string }>('account').query().index('by-reported').limit(100).getMany()).results.map((r) => r.value.accountId);
    expect(await registered()).not.toContain(reader);
    expect(await inSpace(app.users.reader, 'saveSpaceReport', { name: 'Mine', definition: DEFAULT_REPORT }, app.publicContent(0).spaceKey)).toMatchObject({ ok: true });
    expect(await registered()).toContain(reader);
    // Reported on the next run (it is kept registered because the list names them).
    expect((await maintenance()).personalData.reported).toBeGreaterThanOrEqual(2);
    expect(await registered()).toContain(reader);
  });
});

describe('the store, scanned for account ids', () => {
  it('holds no key or value with the id of a closed account once it is erased', async () => {
    const closing = app.users.admin;
    const id = accountOf(closing);
    // The excluded group's listing refused (as for a group too large to list): each viewer's own
    // groups are then cached under their id, and erased with them. The listing itself stores pseudonyms only.
    app.confluence.throttle.add({ remaining: 10_000, retryAfterSeconds: 60, pathPrefix: `/wiki/rest/api/group/${app.directory.groupByName('bots')!.id}/membersByGroupId` });
    await saveSettings({});
    await everything(closing, pagesFor(closing, 0));
    await everything(app.users.reader, pagesFor(app.users.reader, 4));
    // Sanity: before the erasure, the store does name them (else the scan proves nothing), and the
    // byline's permission answers, the beacon's hints and the saved reports were written.
    expect(itemsHolding(everyStoredItem(app.emulator), [id]).length).toBeGreaterThan(5);
    const keys = everyStoredItem(app.emulator).map((item) => `${item.where} ${item.key}`);
    for (const prefix of ['kvs perm:', 'kvs hint:', 'kvs groups:', 'space-reports sr:', 'secret view-api-token']) {
      expect({ prefix, written: keys.filter((key) => key.startsWith(prefix)).length >= 1 }).toEqual({ prefix, written: true });
    }

    app.directory.user(id)!.status = 'closed';
    expect((await maintenance()).personalData.erased).toContain(id);
    expect(itemsHolding(everyStoredItem(app.emulator), [id])).toEqual([]);
    // The other reader's data is all there.
    expect(itemsHolding(everyStoredItem(app.emulator), [accountOf(app.users.reader)]).length).toBeGreaterThan(5);
  });

  it('holds no account id in anything written after the switch to Extended privacy (the settings document and its audit entry excepted)', async () => {
    await saveSettings({});
    await saveSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } });
    const switchedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await everything(app.users.admin, pagesFor(app.users.admin, 0));
    await everything(app.users.reader, pagesFor(app.users.reader, 4));
    await saveSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended', retentionDays: 90 } });

    const everyone = app.directory.site.users.map((user) => user.accountId);
    const written = everyStoredItem(app.emulator).filter((item) => item.updatedAt >= switchedAt);
    expect(written.length).toBeGreaterThan(20);
    const settingsRecords = (item: { where: string; key: string }) =>
      (item.where === 'settings' && item.key === 'settings') || (item.where === 'kvs' && item.key.startsWith('audit:settings:'));
    expect(itemsHolding(written.filter((item) => !settingsRecords(item)), everyone)).toEqual([]);
  });
});
