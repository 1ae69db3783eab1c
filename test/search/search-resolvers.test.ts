import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import type { Settings } from '@contracts/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { searchEvent } from '../support/search-events';
import { processSearchEvent } from '../../src/search/on-search-performed';
import type { Principal } from '../../local/host/principal';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const range = { kind: 'preset', preset: '30d' } as const;
const summary = { range, filters: { audience: 'all' } } as const;
const top = { ...summary, table: 'top', limit: 25 } as const;

async function withSettings(settings: Partial<Settings>): Promise<void> {
  const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, ...settings }, expectedVersion: 0 });
  expect(saved.ok).toBe(true);
}

function accountOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new Error('a user');
  return principal.accountId;
}

describe('the Search tab resolvers', () => {
  it('open to site admins and the report group only; everyone else learns nothing, not even counts', async () => {
    const member = app.directory.site.users.find((u) => u.role === 'report-reader' && u.status === 'active')!;
    const group = app.directory.site.groups.find((g) => member.groupIds.includes(g.id) && /report/.test(g.name))!;
    await withSettings({ reportAccessGroup: { id: group.id, name: group.name } });
    await processSearchEvent(searchEvent({ query: 'Secret Project', at: Date.now() - 10_000, accountId: accountOf(app.users.reader) }));
    const space = app.directory.site.spaces.find((s) => (s.adminIds ?? []).length > 0)!;
    const spaceAdmin = app.directory.site.users.find((u) => u.accountId === space.adminIds![0])!;
    const who: Record<string, Principal> = {
      admin: app.users.admin, reportGroup: { kind: 'user', accountId: member.accountId, accountType: member.accountType },
      spaceAdmin: { kind: 'user', accountId: spaceAdmin.accountId, accountType: spaceAdmin.accountType },
      reader: app.users.reader, guest: app.users.guest, anonymous: app.users.anonymous,
    };
    const outcome: Record<string, [boolean, boolean, string]> = {};
    for (const [name, principal] of Object.entries(who)) {
      const tiles = await app.invoke(principal, 'global-report', 'getSearchSummary', summary);
      const table = await app.invoke(principal, 'global-report', 'getSearchTable', top);
      outcome[name] = [tiles.ok, table.ok, table.ok ? table.data.rows.map((row) => row.query).join() : JSON.stringify(table).includes('secret') ? 'leaked' : ''];
    }
    expect(outcome).toEqual({
      admin: [true, true, 'secret project'], reportGroup: [true, true, 'secret project'],
      spaceAdmin: [false, false, ''], reader: [false, false, ''], guest: [false, false, ''], anonymous: [false, false, ''],
    });
  });

  it.each([['standard', 1], ['hide-viewers', 1], ['extended', null]] as const)('%s mode: no account id in any answer; distinct searchers %s', async (mode, searchers) => {
    await withSettings({ privacy: { ...DEFAULT_SETTINGS.privacy, mode } });
    const accountId = accountOf(app.users.reader);
    await processSearchEvent(searchEvent({ query: 'Payroll', at: Date.now() - 10_000, accountId, results: 0 }));
    const tiles = await app.invoke(app.users.admin, 'global-report', 'getSearchSummary', summary);
    const table = await app.invoke(app.users.admin, 'global-report', 'getSearchTable', { ...top, table: 'no-results' });
    if (!tiles.ok || !table.ok) throw new Error('refused');
    expect(tiles.data).toMatchObject({ searches: 1, noResults: 1, searchers });
    expect(table.data.rows).toEqual([expect.objectContaining({ query: 'payroll', searches: 1, noResults: 1 })]);
    expect(JSON.stringify([tiles, table])).not.toContain(accountId);
  });

  it('refuses unknown filters, tables and oversized limits with field errors, changing nothing', async () => {
    for (const payload of [{ ...top, table: 'top-readers' }, { ...top, limit: 5000 }, { ...summary, filters: { audience: 'all', spaceKeys: ['ENG'] } }, { ...top, filters: { audience: 'bots' } }]) {
      const answer = await app.invoke(app.users.admin, 'global-report', 'getSearchTable', payload);
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    }
  });

  it('never puts query text into the page statistics or the byline', async () => {
    const content = app.publicContent(0);
    const accountId = accountOf(app.users.reader);
    await processSearchEvent(searchEvent({ query: 'Jane Doe salary', at: Date.now() - 20_000, accountId }));
    await app.view(app.users.reader, content, Date.now() - 10_000);
    const table = await app.invoke(app.users.admin, 'global-report', 'getSearchTable', top);
    expect(table.ok && table.data.rows[0]).toMatchObject({ query: 'jane doe salary', clickThroughs: 1, pages: [{ contentId: content.id, clickThroughs: 1 }] });
    const stats = await app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range }, content);
    const byline = await app.byline(app.users.admin, content);
    expect(JSON.stringify([stats, byline]).toLowerCase()).not.toContain('salary');
  });
});
