/**
 * The byline keeps Confluence's answers for hours because the app hears of permission changes:
 * `avi:confluence:permissions_updated:page` ends the answers of the page and of every descendant
 * (they inherit its restrictions), a move ends the moved tree's, and nothing stands longer than 12 h
 * (space permissions send no event the app receives). Through the real handlers and the local
 * Confluence, whose restrictions change as Confluence's do (descendants inherit them).
 */
import { deliveredAt } from '../../local/host/delivery-clock';
import type { DemoContent } from '../../local/demo/directory';
import type { Principal } from '../../local/host/principal';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { startAppPlatformExcludingBots, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
const HOUR = 3_600_000;
const NEUTRAL = { title: 'Views', tooltip: 'Open page statistics' };

const permissionChecks = () => app.confluence.recentRequests().filter((r) => r.path.endsWith('/permission/check')).length;

/** The byline as `who` sees it `hoursLater` hours from now, and how many permission checks it cost. */
async function byline(who: Principal, content: DemoContent, hoursLater = 0): Promise<{ title?: string; calls: number }> {
  const before = permissionChecks();
  const answer = await deliveredAt(Date.now() + hoursLater * HOUR, () => app.byline(who, content));
  return { ...answer, calls: permissionChecks() - before };
}

/** Confluence's event for a changed restriction (or a move), as Forge delivers it. */
async function deliver(action: 'permissions_updated' | 'moved', content: DemoContent): Promise<void> {
  const space = app.directory.space(content.spaceKey)!;
  const at = new Date().toISOString();
  const triggers = await app.platform.deliverEvent({
    eventType: `avi:confluence:${action}:${content.type}`, eventCreatedDate: at, atlassianId: 'someone', suppressNotifications: false,
    content: { id: content.id, type: content.type, status: 'current', title: content.title, space: { id: space.id, key: space.key, name: space.name, type: space.type, status: 'current' }, history: { latest: true, createdDate: at }, version: { when: at, number: content.version + 1 } },
  });
  expect(triggers).toBe(1);
}

beforeAll(async () => {
  // The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
  app = await startAppPlatformExcludingBots({ appSeesAll: true, viewerLookups: true });
});
afterAll(() => app.stop());

/**
 * Readers in the default users group only (one check per group). They never view the pages under
 * test (their own view would be evidence of its own), so each case can use them on its own page.
 */
const freshReaders = (count: number) => app.directory.site.users
  .filter((u) => u.role === 'reader' && u.status === 'active' && u.accountType === 'licensed' && u.groupIds.length === 1 && !u.isAdmin)
  .map((u): Principal => ({ kind: 'user', accountId: u.accountId, accountType: 'licensed' })).slice(0, count);

/** Pages nobody restricted (nor any ancestor), outside anonymous spaces, viewed once by someone else. */
const openPages = () => app.directory.site.contents.filter((c) => c.type === 'page' && c.restriction === null && !app.directory.space(c.spaceKey)!.anonymousAccess
  && (!c.parentId || app.directory.content(c.parentId)?.restriction === null));
const used = new Set<string>();
/** A page no other case used (nor its parent): each case starts with no recorded answer. */
function take(fits: (c: DemoContent) => boolean = () => true): DemoContent {
  const page = openPages().find((c) => !used.has(c.id) && (!c.parentId || !used.has(c.parentId)) && fits(c))!;
  for (const id of [page.id, page.parentId]) if (id) used.add(id);
  return page;
}

/** Counts one view of `page` (by the admin), makes the readers' groups known (a view elsewhere), then drops memory. */
async function prepare(page: DemoContent, readers: Principal[]): Promise<void> {
  const now = Date.now();
  await app.view(app.users.admin, page, now - 120_000);
  for (const reader of readers) await app.view(reader, app.publicContent(5), now - 60_000);
  forgeAccessCachesForTests();
}

it('keeps a group’s answer for hours while no change is heard of, and 12 hours at most', async () => {
  const page = take();
  const [first, second, third] = freshReaders(3);
  await prepare(page, [first!, second!, third!]);
  expect(await byline(first!, page)).toEqual({ title: '1 view', tooltip: 'Open page statistics', calls: 1 });
  expect(await byline(second!, page, 3)).toMatchObject({ title: '1 view', calls: 0 });
  expect((await byline(third!, page, 13)).calls).toBeGreaterThan(0);
});

it('refuses a page to its readers once the event of a restriction added later is processed', async () => {
  const page = take();
  const [first, second, third] = freshReaders(3);
  await prepare(page, [first!, second!, third!]);
  expect(await byline(first!, page)).toMatchObject({ title: '1 view', calls: 1 });
  expect(await byline(second!, page)).toMatchObject({ title: '1 view', calls: 0 });

  app.confluence.overlay.restriction.set(page.id, { userIds: ['nobody-here'], groupIds: [] });
  // Until Confluence's event is processed, the recorded answer still stands (the window docs/page-statistics.md states).
  expect(await byline(second!, page)).toMatchObject({ title: '1 view', calls: 0 });
  await deliver('permissions_updated', page);
  // The group's answer is asked again ("no"), then the reader alone ("no"); the next reader needs only the second.
  expect(await byline(third!, page)).toEqual({ ...NEUTRAL, calls: 2 });
  expect(await byline(second!, page)).toEqual({ ...NEUTRAL, calls: 1 });
  expect(await byline(second!, page, 1)).toEqual({ ...NEUTRAL, calls: 0 });
  app.confluence.overlay.restriction.delete(page.id);
});

it('refuses a page once its parent is restricted: the event names only the parent', async () => {
  const child = take((c) => !!c.parentId && app.directory.content(c.parentId)!.spaceKey === c.spaceKey);
  const parent = app.directory.content(child.parentId!)!;
  const [first, second] = freshReaders(2);
  await prepare(child, [first!, second!]);
  expect(await byline(first!, child)).toMatchObject({ title: '1 view', calls: 1 });
  expect(await byline(second!, child)).toMatchObject({ title: '1 view', calls: 0 });

  app.confluence.overlay.restriction.set(parent.id, { userIds: ['nobody-here'], groupIds: [] });
  await deliver('permissions_updated', parent);
  expect(await byline(second!, child)).toEqual({ ...NEUTRAL, calls: 2 });
  app.confluence.overlay.restriction.delete(parent.id);
  await deliver('permissions_updated', parent);
  // Lifted again: the readers are admitted again, after asking once more.
  expect(await byline(first!, child)).toMatchObject({ title: '1 view', calls: 1 });
});

it('asks again after a move (inherited restrictions may change) and after a restriction on a blog post', async () => {
  const page = take();
  const post = app.directory.site.contents.find((c) => c.type === 'blogpost' && c.restriction === null && !app.directory.space(c.spaceKey)!.anonymousAccess)!;
  const [first, second, third] = freshReaders(3);
  await prepare(page, [first!, second!, third!]);
  await app.view(app.users.admin, post, Date.now() - 100_000);
  forgeAccessCachesForTests();
  expect((await byline(first!, page)).calls).toBe(1);
  expect(await byline(first!, post)).toMatchObject({ title: '1 view', calls: 1 });
  await deliver('moved', page);
  expect(await byline(second!, page)).toMatchObject({ title: '1 view', calls: 1 });
  expect(await byline(third!, page)).toMatchObject({ title: '1 view', calls: 0 });

  app.confluence.overlay.restriction.set(post.id, { userIds: ['nobody-here'], groupIds: [] });
  expect(await byline(second!, post)).toMatchObject({ title: '1 view', calls: 0 });
  await deliver('permissions_updated', post);
  expect(await byline(second!, post)).toEqual({ ...NEUTRAL, calls: 2 });
  app.confluence.overlay.restriction.delete(post.id);
});

it('tells anonymous callers and callers of a nonexistent id nothing, however long answers are kept', async () => {
  const page = take();
  const [reader] = freshReaders(1);
  await prepare(page, [reader!]);
  expect(await byline(reader!, page)).toMatchObject({ title: '1 view', calls: 1 });
  // A signed-in reader's answer is no evidence for anonymous visitors (none viewed it): no count, no call.
  expect(await byline(app.users.anonymous, page)).toEqual({ ...NEUTRAL, calls: 0 });
  const missing: DemoContent = { ...page, id: '987654321012' };
  expect(await byline(reader!, missing)).toEqual({ ...NEUTRAL, calls: 2 });
  expect(await byline(reader!, missing, 2)).toEqual({ ...NEUTRAL, calls: 0 });
  expect(await byline(app.users.anonymous, missing)).toEqual({ ...NEUTRAL, calls: 0 });
});
