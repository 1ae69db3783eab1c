/**
 * Excluded groups are listed hourly (src/access/excluded-members.ts), so the view path no longer
 * learns each viewer's groups. The byline's function path (content without the counter property)
 * then looks a caller's groups up itself, once per 12 h, so the group answer an earlier reader
 * obtained serves every later member of the group with no permission check of their own.
 */
import type { Principal } from '../../local/host/principal';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { startAppPlatformExcludingBots, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;

const calls = (suffix: string) => app.confluence.recentRequests().filter((r) => r.path.split('?')[0]!.endsWith(suffix)).length;

async function costOf(run: () => Promise<unknown>): Promise<{ checks: number; groupLookups: number }> {
  const checks = calls('/permission/check');
  const groupLookups = calls('/user/memberof');
  await run();
  return { checks: calls('/permission/check') - checks, groupLookups: calls('/user/memberof') - groupLookups };
}

beforeAll(async () => {
  // Without `viewerLookups`: the excluded groups are listed, and no view tells the app a viewer's groups.
  app = await startAppPlatformExcludingBots({ appSeesAll: true });
});
afterAll(() => app.stop());

const readers = (count: number): Principal[] =>
  app.directory.site.users
    .filter((u) => u.role === 'reader' && u.status === 'active' && u.accountType === 'licensed' && u.groupIds.length === 1)
    .map((u): Principal => ({ kind: 'user', accountId: u.accountId, accountType: 'licensed' }))
    .slice(0, count);

it('looks an unknown caller\'s groups up once, so a second member of the group costs no permission check', async () => {
  const page = app.directory.site.contents.find((c) => c.restriction === null && c.type === 'page' && !app.directory.space(c.spaceKey)!.anonymousAccess)!;
  const [author, first, second] = readers(3);
  await app.view(author!, page, Date.now() - 120_000);
  forgeAccessCachesForTests();

  // The first reader: their groups (one lookup), then the group's answer (one check), kept for the page.
  expect(await costOf(async () => expect(await app.byline(first!, page)).toMatchObject({ title: '1 view' }))).toEqual({ checks: 1, groupLookups: 1 });
  // The second member: their own groups, and the group's "yes" serves them: no check.
  expect(await costOf(async () => expect(await app.byline(second!, page)).toMatchObject({ title: '1 view' }))).toEqual({ checks: 0, groupLookups: 1 });
  // The same caller again: groups kept (12 h), answer kept: no call at all.
  forgeAccessCachesForTests();
  expect(await costOf(async () => expect(await app.byline(second!, page)).toMatchObject({ title: '1 view' }))).toEqual({ checks: 0, groupLookups: 0 });
});
