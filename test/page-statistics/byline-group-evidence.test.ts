/**
 * The byline's group evidence through the real handlers: once Confluence said a group may read a
 * page, another member of that group sees its count without any Confluence call; a restricted page
 * the group may not read still refuses every reader it does not admit, and never shows them a count.
 */
import type { Principal } from '../../local/host/principal';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { startAppPlatformExcludingBots, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;

const permissionChecks = () => app.confluence.recentRequests().filter((r) => r.path.endsWith('/permission/check')).length;

async function callsFor(run: () => Promise<unknown>): Promise<number> {
  const before = permissionChecks();
  await run();
  return permissionChecks() - before;
}

beforeAll(async () => {
  // The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
  app = await startAppPlatformExcludingBots({ appSeesAll: true, viewerLookups: true });
});
afterAll(() => app.stop());

/** Readers in the default users group only (a member of more groups may cost a check per group). */
const readers = (count: number, skip: (p: Principal) => boolean = () => false): Principal[] =>
  app.directory.site.users
    .filter((u) => u.role === 'reader' && u.status === 'active' && u.accountType === 'licensed' && u.groupIds.length === 1)
    .map((u): Principal => ({ kind: 'user', accountId: u.accountId, accountType: 'licensed' }))
    .filter((p) => !skip(p)).slice(0, count);

it('costs a second member of the same group no Confluence call', async () => {
  const page = app.directory.site.contents.find((c) => c.restriction === null && c.type === 'page' && !app.directory.space(c.spaceKey)!.anonymousAccess)!;
  const other = app.publicContent(3);
  const [author, first, second] = readers(3);
  const now = Date.now();
  await app.view(author!, page, now - 120_000);
  // The readers' groups become known to the app by their views elsewhere; memory is then dropped, so
  // the byline finds them in the KVS row its batch read includes.
  for (const reader of [first!, second!]) await app.view(reader, other, now - 60_000);
  forgeAccessCachesForTests();

  expect(await callsFor(async () => expect(await app.byline(first!, page)).toMatchObject({ title: '1 view' }))).toBe(1);
  expect(await callsFor(async () => expect(await app.byline(second!, page)).toMatchObject({ title: '1 view' }))).toBe(0);
});

it('refuses a restricted page to readers its restriction does not admit, whatever their groups', async () => {
  const { content, allowed } = app.restrictedContent();
  const admitted = (p: Principal) => p.kind === 'user' && (content.restriction!.userIds.includes(p.accountId)
    || app.directory.user(p.accountId)!.groupIds.some((g) => content.restriction!.groupIds.includes(g)));
  const [denied, alsoDenied] = readers(2, admitted);
  const now = Date.now();
  await app.view(allowed, content, now - 120_000);
  for (const reader of [denied!, alsoDenied!]) await app.view(reader, app.publicContent(4), now - 60_000);
  forgeAccessCachesForTests();

  // The group's "no" is asked once and kept; each reader is then asked alone (and refused).
  expect(await callsFor(async () => expect(await app.byline(denied!, content)).toEqual({ title: 'Views', tooltip: 'Open page statistics' }))).toBe(2);
  expect(await callsFor(async () => expect(await app.byline(alsoDenied!, content)).toEqual({ title: 'Views', tooltip: 'Open page statistics' }))).toBe(1);
  expect(await callsFor(async () => expect(await app.byline(denied!, content)).toMatchObject({ title: 'Views' }))).toBe(0);
  expect(await app.byline(allowed, content)).toMatchObject({ title: '1 view' });
});
