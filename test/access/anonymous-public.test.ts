/**
 * "Public" is Confluence's answer, never the app's inference: an anonymous view is counted only for
 * content anonymous visitors may read (the space grants them read access and no restriction applies),
 * and a stored anonymous view proves nothing afterwards (the page may have been restricted since, or
 * the view may have come through the view API). Three pages anonymous visitors may not read: one
 * restricted to a group, one restricted to the admin, one in a space closed to anonymous visitors.
 */
import type { DemoContent } from '../../local/demo/directory';
import type { Principal } from '../../local/host/principal';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { storedCounts } from '../support/stored-counts';

let app: AppPlatform;
// The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
beforeEach(async () => { app = await startAppPlatform({ appSeesAll: true }); });
afterEach(() => app.stop());

const RANGE = { range: { kind: 'preset', preset: '30d' } } as const;
const accountOf = (who: Principal) => (who.kind === 'user' ? who.accountId : '');

type Case = 'restricted to a group' | 'restricted to the admin' | 'in a space closed to anonymous visitors';
const CASES: Case[] = ['restricted to a group', 'restricted to the admin', 'in a space closed to anonymous visitors'];

/** The page of each case, and a signed-in reader who may not read it (null: every licensed reader may). */
function closedPage(which: Case): { page: DemoContent; deniedReader: Principal | null } {
  const admin = accountOf(app.users.admin);
  const hr = app.directory.groupByName('hr-team')!;
  const plainReader = app.directory.site.users.find((u) => u.role === 'reader' && u.status === 'active' && !u.groupIds.includes(hr.id))!;
  const denied: Principal = { kind: 'user', accountId: plainReader.accountId, accountType: plainReader.accountType };
  if (which === 'restricted to a group') {
    const page = app.publicContent(2);
    app.confluence.overlay.restriction.set(page.id, { userIds: [], groupIds: [hr.id] });
    return { page, deniedReader: denied };
  }
  if (which === 'restricted to the admin') {
    const page = app.publicContent(3);
    app.confluence.overlay.restriction.set(page.id, { userIds: [admin], groupIds: [] });
    return { page, deniedReader: denied };
  }
  const page = app.directory.site.contents.find((c) => !c.restriction && app.directory.space(c.spaceKey)?.anonymousAccess === false && app.directory.space(c.spaceKey)?.type === 'global')!;
  return { page, deniedReader: null };
}

async function token(): Promise<string> {
  const answer = await app.invoke(app.users.admin, 'settings', 'rotateViewApiToken', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.token;
}

async function lastOutcomes(): Promise<string[]> {
  const answer = await app.invoke(app.users.admin, 'settings', 'getViewApiRequests', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.requests[0]!.results.map((result) => result.outcome);
}

describe.each(CASES)('a page %s', (which) => {
  it('is not counted for an anonymous view sent through the view API', async () => {
    const { page } = closedPage(which);
    const bearer = await token();
    const response = await app.webTrigger({
      headers: { Authorization: [`Bearer ${bearer}`] },
      body: { views: [{ contentId: page.id, source: 'other', at: new Date(Date.now() - 1000).toISOString() }] },
    });
    expect(response.statusCode).toBe(200);
    expect(await lastOutcomes()).toEqual(['not-permitted']);
    expect(await storedCounts(page.id)).toMatchObject({ views: 0, anonymousViews: 0, recordCount: 0 });
  });

  it('is not taken as public because an anonymous view of it is stored', async () => {
    const { page, deniedReader } = closedPage(which);
    // A stored anonymous view (from before the restriction, or from any source): it proves nothing now.
    await app.view(app.users.anonymous, page, Date.now() - 60_000);
    await app.view(app.users.admin, page, Date.now() - 30_000);
    forgeAccessCachesForTests();
    expect((await storedCounts(page.id)).anonymousViews).toBe(1);
    const stats = await app.invoke(app.users.anonymous, 'view-counter', 'getPageStatistics', RANGE, page);
    expect(stats).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(stats)).not.toContain(page.title);
    expect(await app.byline(app.users.anonymous, page)).toMatchObject({ title: 'Views' });
    expect(await app.byline(app.users.guest, page)).toMatchObject({ title: 'Views' });
    if (deniedReader) expect(await app.byline(deniedReader, page)).toMatchObject({ title: 'Views' });
    expect(await app.byline(app.users.admin, page)).toMatchObject({ title: '2 views' });
  });
});

describe('a page anonymous visitors may read', () => {
  it('is public by Confluence\'s answer, though no anonymous visitor viewed it', async () => {
    const page = app.publicContent(4);
    await app.view(app.users.reader, page, Date.now() - 60_000);
    forgeAccessCachesForTests();
    expect((await storedCounts(page.id)).anonymousViews).toBe(0);
    const stats = await app.invoke(app.users.anonymous, 'view-counter', 'getPageStatistics', RANGE, page);
    expect(stats.ok && stats.data.totals).toMatchObject({ views: 1, anonymousViews: 0 });
    expect(await app.byline(app.users.anonymous, page)).toMatchObject({ title: '1 view' });
  });

  it('stops being public when it is restricted, although anonymous visitors viewed it a minute ago', async () => {
    const page = app.publicContent(5);
    await app.view(app.users.anonymous, page, Date.now() - 60_000);
    forgeAccessCachesForTests();
    expect(await app.byline(app.users.anonymous, page)).toMatchObject({ title: '1 view' });
    app.confluence.overlay.restriction.set(page.id, { userIds: [accountOf(app.users.admin)], groupIds: [] });
    forgeAccessCachesForTests();
    expect(await app.byline(app.users.anonymous, page)).toMatchObject({ title: 'Views' });
    expect(await app.invoke(app.users.anonymous, 'view-counter', 'getPageStatistics', RANGE, page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('counts an anonymous view sent through the view API', async () => {
    const page = app.publicContent(6);
    const bearer = await token();
    await app.webTrigger({ headers: { Authorization: [`Bearer ${bearer}`] }, body: { views: [{ contentId: page.id, source: 'other', at: new Date(Date.now() - 1000).toISOString() }] } });
    expect(await lastOutcomes()).toEqual(['counted']);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, anonymousViews: 1 });
  });
});
