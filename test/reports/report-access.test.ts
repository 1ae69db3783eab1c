import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import type { Settings } from '@contracts/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import type { Principal } from '../../local/host/principal';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const range = { kind: 'preset', preset: '30d' } as const;
const summary = { scope: 'global', range, filters: {} } as const;
const readersTable = { ...summary, table: 'top-readers', sort: { column: 'views', direction: 'desc' }, pageSize: 25 } as const;

function spaceExtension(app: AppPlatform, key: string) {
  const space = app.directory.space(key)!;
  return { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: String(space.id), key } } };
}

async function withSettings(settings: Partial<Settings>): Promise<void> {
  const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, ...settings }, expectedVersion: 0 });
  expect(saved.ok).toBe(true);
}

describe('report access: who may open which report, and what they see', () => {
  it('permission matrix for the global and the space report', async () => {
    const member = app.directory.site.users.find((u) => u.role === 'report-reader' && u.status === 'active')!;
    const group = app.directory.site.groups.find((g) => member.groupIds.includes(g.id) && /report/.test(g.name))!;
    await withSettings({ reportAccessGroup: { id: group.id, name: group.name } });
    const space = app.directory.site.spaces.find((s) => (s.adminIds ?? []).length > 0)!;
    const spaceAdmin = app.directory.site.users.find((u) => u.accountId === space.adminIds![0])!;
    const who: Record<string, Principal> = {
      admin: app.users.admin, reportGroup: { kind: 'user', accountId: member.accountId, accountType: member.accountType },
      spaceAdmin: { kind: 'user', accountId: spaceAdmin.accountId, accountType: spaceAdmin.accountType },
      reader: app.users.reader, guest: app.users.guest, anonymous: app.users.anonymous,
    };
    const outcome: Record<string, [boolean, boolean]> = {};
    for (const [name, principal] of Object.entries(who)) {
      const global = await app.invoke(principal, 'global-report', 'getReportSummary', summary);
      const spaced = await app.platform.invokeResolver(principal, spaceExtension(app, space.key), 'getReportSummary', { ...summary, scope: 'space' });
      outcome[name] = [global.ok, (spaced as { ok: boolean }).ok];
    }
    expect(outcome).toEqual({
      admin: [true, true], reportGroup: [true, true], spaceAdmin: [false, true], reader: [false, false], guest: [false, false], anonymous: [false, false],
    });
  });

  it('the space named by the browser is verified: a space admin cannot read another space through the claim', async () => {
    const space = app.directory.site.spaces.find((s) => (s.adminIds ?? []).length > 0)!;
    const other = app.directory.site.spaces.find((s) => s.key !== space.key && !(s.adminIds ?? []).includes(space.adminIds![0]!) && s.type === 'global')!;
    const user = app.directory.site.users.find((u) => u.accountId === space.adminIds![0])!;
    const principal: Principal = { kind: 'user', accountId: user.accountId, accountType: user.accountType };
    const answer = await app.platform.invokeResolver(principal, spaceExtension(app, other.key), 'getReportTable', { ...readersTable, scope: 'space', table: 'top-content' });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('privacy modes: top readers with names in standard mode, none when viewers are hidden or in extended privacy', async () => {
    const content = app.publicContent(0);
    await app.view(app.users.reader, content, Date.now() - 60_000);
    const standard = await app.invoke(app.users.admin, 'global-report', 'getReportTable', readersTable);
    expect(standard.ok && 'result' in standard.data && standard.data.result.rows).toEqual([expect.objectContaining({ viewer: app.users.reader.kind === 'user' ? app.users.reader.accountId : '', views: 1 })]);
    await withSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'hide-viewers' } });
    const hidden = await app.invoke(app.users.admin, 'global-report', 'getReportTable', readersTable);
    expect(hidden.ok && 'result' in hidden.data && hidden.data.result.rows).toEqual([]);
    const tiles = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summary);
    expect(tiles.ok && 'people' in tiles.data && tiles.data.people.names).toBe(false);
  });

  it('bad input is refused with invalid-input and nothing read', async () => {
    const answer = await app.invoke(app.users.admin, 'global-report', 'getReportTable', { ...readersTable, pageSize: 5000 });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    const extra = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { ...summary, filters: { spaceKeys: ['ENG'], evil: 1 } });
    expect(extra).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });
});
