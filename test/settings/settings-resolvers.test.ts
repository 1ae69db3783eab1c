import type { Settings } from '@contracts/settings';
import type { SettingsView } from '@contracts/resolvers';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const settingsOf = async (): Promise<SettingsView> => {
  const answer = await app.invoke(app.users.admin, 'settings', 'getSettings', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
};
const save = (settings: unknown, expectedVersion: number, who = app.users.admin) =>
  app.invoke(who, 'settings', 'saveSettings', { settings, expectedVersion });
const group = (name: string) => {
  const found = app.directory.groupByName(name);
  if (!found) throw new Error(`no group ${name}`);
  return { id: found.id, name: found.name };
};

describe('settings resolvers: who may', () => {
  it('an admin reads the defaults at version 0', async () => {
    const view = await settingsOf();
    expect(view.settings).toEqual(DEFAULT_SETTINGS);
    expect(view.version).toBe(0);
    expect(view.audit).toEqual([]);
  });

  it.each(['reader', 'guest', 'anonymous'] as const)('a %s is refused by the server, for every settings resolver, and nothing changes', async (who) => {
    const principal = app.users[who];
    for (const [call, payload] of [['getSettings', {}], ['saveSettings', { settings: { ...DEFAULT_SETTINGS, blockingTimeMs: 1 }, expectedVersion: 0 }], ['searchGroups', { query: '' }], ['searchSpaces', { query: '' }], ['getViewApi', {}], ['rotateViewApiToken', {}], ['revokeViewApiToken', {}]] as const) {
      const answer = await app.invoke(principal, 'settings', call, payload);
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    }
    expect((await settingsOf()).version).toBe(0);
  });
});

describe('settings resolvers: saving', () => {
  it('saves, bumps the version and keeps an audit entry of what changed', async () => {
    const next: Settings = { ...DEFAULT_SETTINGS, blockingTimeMs: 8000, excludedGroups: [group('bots')] };
    const answer = await save(next, 0);
    expect(answer.ok).toBe(true);
    const view = await settingsOf();
    expect(view.settings).toEqual(next);
    expect(view.version).toBe(1);
    expect(view.audit).toHaveLength(1);
    expect(view.audit[0]).toMatchObject({ version: 1, accountId: (app.users.admin as { accountId: string }).accountId });
    expect(view.audit[0]!.changes).toEqual(expect.arrayContaining([
      { field: 'blockingTimeMs', before: 5000, after: 8000 },
      { field: 'excludedGroups', before: [], after: [group('bots')] },
    ]));
  });

  it('two admins saving from the same version: the second gets a conflict, not a silent overwrite', async () => {
    expect((await save({ ...DEFAULT_SETTINGS, blockingTimeMs: 7000 }, 0)).ok).toBe(true);
    const second = await save({ ...DEFAULT_SETTINGS, viewCounter: false }, 0);
    expect(second).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict' }) });
    const view = await settingsOf();
    expect(view.settings.blockingTimeMs).toBe(7000);
    expect(view.settings.viewCounter).toBe(true);
  });

  it('concurrent saves from the same version: exactly one wins', async () => {
    const answers = await Promise.all([1000, 2000, 3000, 4000].map((ms) => save({ ...DEFAULT_SETTINGS, blockingTimeMs: ms }, 0)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok && a.error.code === 'conflict')).toHaveLength(3);
    expect((await settingsOf()).audit).toHaveLength(1);
  });

  it.each<[string, (s: Settings) => unknown, string]>([
    ['a negative blocking time', (s) => ({ ...s, blockingTimeMs: -5 }), 'blockingTimeMs'],
    ['an absurd blocking time', (s) => ({ ...s, blockingTimeMs: 9e15 }), 'blockingTimeMs'],
    ['a wrong type', (s) => ({ ...s, excludeAnonymous: 'yes' }), 'excludeAnonymous'],
    ['an unknown group', (s) => ({ ...s, excludedGroups: [{ id: 'no-such-group', name: 'ghosts' }] }), 'excludedGroups.0'],
    ['an unknown space', (s) => ({ ...s, excludedSpaces: ['NOSUCHSPACE'] }), 'excludedSpaces.0'],
    ['an unobservable channel switched on', (s) => ({ ...s, autoTracking: { ...s.autoTracking, 'confluence-app': true } }), 'autoTracking.confluence-app'],
    ['a portal channel without a view API token', (s) => ({ ...s, autoTracking: { ...s.autoTracking, 'jsm-portal': true } }), 'autoTracking.jsm-portal'],
  ])('rejects %s with a field error and changes nothing', async (_name, change, field) => {
    const answer = await save(change(DEFAULT_SETTINGS), 0);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid-input');
      expect(Object.keys(answer.error.fieldErrors ?? {})).toContain(field);
    }
    expect((await settingsOf()).version).toBe(0);
  });

  it('rejects an oversized payload', async () => {
    const answer = await save({ ...DEFAULT_SETTINGS, excludedSpaces: Array.from({ length: 20_000 }, (_, i) => `SPACE${i}`) }, 0);
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });

  it('a portal channel can be switched on once a view API token exists', async () => {
    expect((await app.invoke(app.users.admin, 'settings', 'rotateViewApiToken', {})).ok).toBe(true);
    const answer = await save({ ...DEFAULT_SETTINGS, autoTracking: { ...DEFAULT_SETTINGS.autoTracking, 'jsm-portal': true } }, 0);
    expect(answer.ok).toBe(true);
  });
});

describe('settings resolvers: pickers', () => {
  it('searches groups by name and pages through all of them', async () => {
    const found = await app.invoke(app.users.admin, 'settings', 'searchGroups', { query: 'bot' });
    expect(found.ok && found.data.groups.map((g) => g.name)).toContain('bots');
    const all = await app.invoke(app.users.admin, 'settings', 'searchGroups', { query: '' });
    expect(all.ok && all.data.groups.length).toBeGreaterThan(1);
  });

  it('searches spaces by key or name', async () => {
    const space = app.directory.site.spaces[0]!;
    const found = await app.invoke(app.users.admin, 'settings', 'searchSpaces', { query: space.name.slice(0, 4) });
    expect(found.ok && found.data.spaces.map((s) => s.key)).toContain(space.key);
  });

  it('rejects an unbounded query', async () => {
    const answer = await app.invoke(app.users.admin, 'settings', 'searchGroups', { query: 'x'.repeat(500) });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });
});
