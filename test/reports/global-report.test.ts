import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import type { ContentFigure } from '@contracts/report-query';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
// The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
beforeEach(async () => { app = await startAppPlatform({ appSeesAll: true }); });
afterEach(() => app.stop());

const november = { kind: 'custom', from: '2026-11-01', to: '2026-11-30' } as const;
const topContent = { scope: 'global', range: november, filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25 } as const;

function rowsOf(answer: { ok: boolean; data?: unknown }): ContentFigure[] {
  expect(answer.ok).toBe(true);
  return (answer.data as { result: { rows: ContentFigure[] } }).result.rows;
}

describe('global report', () => {
  it('ranks content by views in the range', async () => {
    const [first, second] = [app.publicContent(0), app.publicContent(1)];
    const t = Date.parse('2026-11-20T10:00:00Z');
    await app.view(app.users.reader, first, t);
    await app.view(app.users.otherReader, first, t);
    await app.view(app.users.reader, second, t);
    const rows = rowsOf(await app.invoke(app.users.admin, 'global-report', 'getReportTable', topContent));
    expect(rows.map((row) => [row.contentId, row.views])).toEqual([[first.id, 2], [second.id, 1]]);
  });

  it('is refused to non-admins until the admin names a report group, then open to its members only', async () => {
    const member = app.directory.site.users.find((u) => u.role === 'report-reader' && u.status === 'active')!;
    const memberPrincipal = { kind: 'user' as const, accountId: member.accountId, accountType: member.accountType };
    const forbidden = { ok: false, error: expect.objectContaining({ code: 'forbidden' }) };
    expect(await app.invoke(memberPrincipal, 'global-report', 'getReportTable', topContent)).toEqual(forbidden);
    expect(await app.invoke(app.users.anonymous, 'global-report', 'getReportTable', topContent)).toEqual(forbidden);

    const group = app.directory.site.groups.find((g) => member.groupIds.includes(g.id) && /report/.test(g.name))!;
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, reportAccessGroup: { id: group.id, name: group.name } }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);
    expect((await app.invoke(memberPrincipal, 'global-report', 'getReportTable', topContent)).ok).toBe(true);
    expect(await app.invoke(app.users.reader, 'global-report', 'getReportTable', topContent)).toEqual(forbidden);
  });

  it('hides from report-group members the titles of content they may not read; admins see all', async () => {
    const member = app.directory.site.users.find((u) => u.role === 'report-reader' && u.status === 'active')!;
    const group = app.directory.site.groups.find((g) => member.groupIds.includes(g.id) && /report/.test(g.name))!;
    await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, reportAccessGroup: { id: group.id, name: group.name } }, expectedVersion: 0 });
    const { content, allowed } = app.restrictedContent();
    const hidden = content.restriction!.userIds.includes(member.accountId) || member.groupIds.some((g) => content.restriction!.groupIds.includes(g));
    expect(hidden).toBe(false);
    await app.view(allowed, content, Date.parse('2026-11-20T10:00:00Z'));
    const asMember = rowsOf(await app.invoke({ kind: 'user', accountId: member.accountId, accountType: member.accountType }, 'global-report', 'getReportTable', topContent));
    expect(asMember).toEqual([expect.objectContaining({ contentId: content.id, title: '', titleHidden: true, views: 1 })]);
    const asAdmin = rowsOf(await app.invoke(app.users.admin, 'global-report', 'getReportTable', topContent));
    expect(asAdmin).toEqual([expect.objectContaining({ contentId: content.id, title: content.title, titleHidden: false })]);
  });

  it('the space report ranks the space\'s content, and sorts it by last view oldest first', async () => {
    const [a, b] = [app.publicContent(0), app.publicContent(1)];
    expect(a.spaceKey).toBe(b.spaceKey);
    await app.view(app.users.reader, a, Date.parse('2026-11-01T10:00:00Z'));
    await app.view(app.users.reader, b, Date.parse('2026-11-20T10:00:00Z'));
    await app.view(app.users.otherReader, b, Date.parse('2026-11-20T10:00:00Z'));
    const space = app.directory.space(a.spaceKey)!;
    const extension = { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: String(space.id), key: space.key } } };
    const ranked = rowsOf(await app.platform.invokeResolver(app.users.admin, extension, 'getReportTable', { ...topContent, scope: 'space' }) as { ok: boolean; data?: unknown });
    expect(ranked.map((row) => row.contentId)).toEqual([b.id, a.id]);
    const stalest = rowsOf(await app.platform.invokeResolver(app.users.admin, extension, 'getReportTable', { ...topContent, scope: 'space', sort: { column: 'lastViewedAt', direction: 'asc' } }) as { ok: boolean; data?: unknown });
    expect(stalest.map((row) => row.contentId)).toEqual([a.id, b.id]);
    expect(await app.platform.invokeResolver(app.users.reader, extension, 'getReportTable', { ...topContent, scope: 'space' }))
      .toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });
});
