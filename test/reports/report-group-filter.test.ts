import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import type { Settings } from '@contracts/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import type { Principal } from '../../local/host/principal';
import type { DemoUser } from '../../local/demo/directory';

/**
 * The group filter through the real resolvers, the local Confluence (group members) and the KVS
 * emulator: exact figures of the members' views, and open only where the caller sees readers' names.
 */
let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const range = { kind: 'preset', preset: '30d' } as const;
const accountOf = (who: Principal) => (who.kind === 'user' ? who.accountId : '');

async function withSettings(settings: Partial<Settings>): Promise<void> {
  const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, ...settings }, expectedVersion: 0 });
  expect(saved.ok).toBe(true);
}

/** A demo group with the reader in it and the other reader not (the demo site has one: hr-team or the report readers). */
function readerOnlyGroup() {
  const user = (who: Principal) => app.directory.site.users.find((u) => u.accountId === accountOf(who))!;
  const group = app.directory.site.groups.find((g) => user(app.users.reader).groupIds.includes(g.id) && !user(app.users.otherReader).groupIds.includes(g.id));
  if (group) return { group, member: app.users.reader, outsider: app.users.otherReader };
  const other = app.directory.site.groups.find((g) => user(app.users.otherReader).groupIds.includes(g.id) && !user(app.users.reader).groupIds.includes(g.id))!;
  return { group: other, member: app.users.otherReader, outsider: app.users.reader };
}

describe('report filtered by readers in a group', () => {
  it('counts only the members’ views, exactly, in tiles and tables, with their names', async () => {
    const { group, member, outsider } = readerOnlyGroup();
    const [a, b] = [app.publicContent(0), app.publicContent(1)];
    const now = Date.now();
    await app.view(member, a, now - 120_000);
    await app.view(member, b, now - 60_000);
    await app.view(outsider, a, now - 30_000);
    await app.view(app.users.anonymous, a, now - 20_000);
    const filters = { groupId: group.id };
    const summary = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range, filters });
    expect(summary.ok && 'current' in summary.data && summary.data.current).toEqual({ views: 2, anonymousViews: 0, viewers: { value: 1, exact: true }, contentViewed: { value: 2, exact: true } });
    const table = { scope: 'global', range, filters, sort: { column: 'views', direction: 'desc' }, pageSize: 25 } as const;
    const readers = await app.invoke(app.users.admin, 'global-report', 'getReportTable', { ...table, table: 'top-readers' });
    const name = app.directory.site.users.find((u) => u.accountId === accountOf(member))!.displayName;
    expect(readers.ok && 'result' in readers.data && readers.data.result.rows).toEqual([{ viewer: accountOf(member), name, views: 2 }]);
    const content = await app.invoke(app.users.admin, 'global-report', 'getReportTable', { ...table, table: 'top-content' });
    expect(content.ok && 'result' in content.data && content.data.result.rows.map((row) => ('contentId' in row ? [row.contentId, row.views, row.title] : []))).toEqual([[a.id, 1, a.title], [b.id, 1, b.title]].sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
  });

  it('an unknown group or a malformed id is refused with invalid-input', async () => {
    const unknown = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range, filters: { groupId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input', message: 'Confluence knows no such group.' }) });
    const malformed = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range, filters: { groupId: 'a/../b' } });
    expect(malformed).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });

  it('privacy modes: open where names are shown; refused in Hide viewers outside the names group and in Extended privacy', async () => {
    const { group } = readerOnlyGroup();
    const payload = { scope: 'global', range, filters: { groupId: group.id } } as const;
    expect((await app.invoke(app.users.admin, 'global-report', 'getReportSummary', payload)).ok).toBe(true);
    await withSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'hide-viewers' } });
    expect(await app.invoke(app.users.admin, 'global-report', 'getReportSummary', payload)).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await app.invoke(app.users.admin, 'global-report', 'getReportTable', { ...payload, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25 }))
      .toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    // The same report without the group filter stays open (counts only).
    expect((await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { ...payload, filters: {} })).ok).toBe(true);
  });

  it('hide viewers: the group that still sees names may filter by group', async () => {
    const { group } = readerOnlyGroup();
    const admins = app.directory.site.groups.find((g) => g.name === 'confluence-admins')!;
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', {
      settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'hide-viewers', viewerNamesGroup: { id: admins.id, name: admins.name } } }, expectedVersion: 0,
    });
    expect(saved.ok).toBe(true);
    expect((await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range, filters: { groupId: group.id } })).ok).toBe(true);
  });

  it('extended privacy: no account id is stored, so no group filter for anybody', async () => {
    const { group } = readerOnlyGroup();
    await withSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } });
    const answer = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range, filters: { groupId: group.id } });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden', message: expect.stringContaining('Extended privacy') }) });
  });

  it('a space report opened to its viewers does not let a plain viewer filter by group', async () => {
    const { group } = readerOnlyGroup();
    await withSettings({ spaceReportAudience: 'space-viewers' });
    const space = app.directory.space(app.publicContent(0).spaceKey)!;
    const context = { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: String(space.id), key: space.key } } };
    const open = await app.platform.invokeResolver(app.users.reader, context, 'getReportSummary', { scope: 'space', range, filters: {} });
    expect((open as { ok: boolean }).ok).toBe(true);
    const grouped = await app.platform.invokeResolver(app.users.reader, context, 'getReportSummary', { scope: 'space', range, filters: { groupId: group.id } });
    expect(grouped).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('the group picker searches groups for callers who may filter by group only', async () => {
    const found = await app.invoke(app.users.admin, 'global-report', 'searchReportGroups', { scope: 'global', query: 'hr' });
    expect(found.ok && found.data.groups.map((group) => group.name)).toContain('hr-team');
    expect(await app.invoke(app.users.reader, 'global-report', 'searchReportGroups', { scope: 'global', query: 'hr' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    await withSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } });
    expect(await app.invoke(app.users.admin, 'global-report', 'searchReportGroups', { scope: 'global', query: 'hr' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await app.invoke(app.users.admin, 'global-report', 'searchReportGroups', { scope: 'global', query: 'x'.repeat(101) })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });

  it('says when the range reaches before what retention keeps', async () => {
    const { group } = readerOnlyGroup();
    await withSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, retentionDays: 30 } });
    const long = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range: { kind: 'preset', preset: '90d' }, filters: { groupId: group.id } });
    expect(long.ok && 'notes' in long.data && long.data.notes).toEqual([expect.stringContaining('kept 30 days')]);
    const short = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range: { kind: 'preset', preset: '7d' }, filters: { groupId: group.id } });
    expect(short.ok && 'notes' in short.data && short.data.notes).toEqual([]);
  });

  it('members come from Confluence, paged, all of them: a member on the third page of 200 counts', async () => {
    const group = { id: '00000000-0000-4000-8000-0000000abcde', name: 'many-readers' };
    app.directory.site.groups.push(group);
    (app.directory.groupsById as Map<string, { id: string; name: string }>).set(group.id, group);
    const ids: string[] = [];
    for (let i = 0; i < 450; i += 1) {
      const user = { accountId: `557058:many-${String(i).padStart(3, '0')}`, displayName: `Many ${i}`, role: 'reader', accountType: 'licensed', isAdmin: false, groupIds: [group.id], status: 'active' } as DemoUser;
      app.directory.site.users.push(user);
      (app.directory.usersById as Map<string, DemoUser>).set(user.accountId, user);
      ids.push(user.accountId);
    }
    const last: Principal = { kind: 'user', accountId: ids[449]!, accountType: 'licensed' };
    await app.view(last, app.publicContent(0), Date.now() - 60_000);
    await app.view(app.users.reader, app.publicContent(0), Date.now() - 30_000);
    const summary = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range, filters: { groupId: group.id } });
    expect(summary.ok && 'current' in summary.data && summary.data.current).toEqual({ views: 1, anonymousViews: 0, viewers: { value: 1, exact: true }, contentViewed: { value: 1, exact: true } });
    const pages = app.confluence.recentRequests().filter((r) => r.path.includes(group.id) && r.path.includes('membersByGroupId')).length;
    expect(pages).toBe(3);
  });
});
