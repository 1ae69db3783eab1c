/**
 * The app's own user as on Confluence Cloud (issue 17): `asApp()` sees a space only with its view
 * permission and content only when no restriction excludes it (a restriction may name the app's
 * user, ECO-822), and the app gets no product events about content restricted away from it
 * (ECO-961), not even the `permissions_updated` of the change that restricted it (CONFCLOUD-82583).
 */
import { APP_ACCOUNT_ID } from '../../../local/confluence/caller';
import { ConfluenceFake } from '../../../local/confluence/rest';
import { Directory } from '../../../local/demo/directory';
import { generateSite } from '../../../local/demo/generate-site';
import { DEMO_SIZES } from '../../../local/demo/sizes';
import { cloudEventGate } from '../../../local/host/event-gate';

const site = () => new Directory(generateSite(7, DEMO_SIZES.small, Date.UTC(2026, 10, 1)));

type Listing = { results: Array<{ id: string; key?: string }> };

function asApp(fake: ConfluenceFake, path: string): { status: number; body: Listing } {
  const answer = fake.handle({ method: 'GET', path, caller: { kind: 'app' } });
  return { status: answer.status, body: answer.body as Listing };
}

const listedIds = (fake: ConfluenceFake): string[] =>
  asApp(fake, '/wiki/api/v2/pages?limit=250&status=current,archived,trashed').body.results.map((page) => page.id);

describe('the app user of the local Confluence', () => {
  it('leaves restricted pages out of the v2 listing and answers 404 for them, unless the restriction names the app', () => {
    const directory = site();
    const fake = new ConfluenceFake(directory);
    const restricted = directory.site.contents.find((c) => c.type === 'page' && c.restriction !== null)!;
    expect(listedIds(fake)).not.toContain(restricted.id);
    expect(asApp(fake, `/wiki/rest/api/content/${restricted.id}`).status).toBe(404);
    expect(asApp(fake, `/wiki/api/v2/pages?id=${restricted.id}&status=current,archived,trashed`).body.results).toEqual([]);
    fake.overlay.restriction.set(restricted.id, { userIds: [...restricted.restriction!.userIds, APP_ACCOUNT_ID], groupIds: [] });
    expect(listedIds(fake)).toContain(restricted.id);
    expect(asApp(fake, `/wiki/rest/api/content/${restricted.id}`).status).toBe(200);
  });

  it('hides a page whose ancestor is restricted away from the app (restrictions are inherited)', () => {
    const directory = site();
    const fake = new ConfluenceFake(directory);
    const child = directory.site.contents.find((c) => c.type === 'page' && c.restriction === null && c.parentId)!;
    expect(listedIds(fake)).toContain(child.id);
    fake.overlay.restriction.set(child.parentId!, { userIds: [directory.firstWithRole('admin').accountId], groupIds: [] });
    expect(listedIds(fake)).not.toContain(child.id);
    expect(asApp(fake, `/wiki/rest/api/content/${child.id}`).status).toBe(404);
  });

  it('hides a space the app user may not view, with its content, from every listing', () => {
    const directory = site();
    const space = directory.site.spaces.find((s) => s.type === 'global')!;
    space.viewerIds = [directory.firstWithRole('admin').accountId];
    const fake = new ConfluenceFake(directory);
    expect(asApp(fake, '/wiki/api/v2/spaces').body.results.map((s) => s.key)).not.toContain(space.key);
    const inside = directory.contentsOf(space.key).map((c) => c.id);
    expect(listedIds(fake).filter((id) => inside.includes(id))).toEqual([]);
    space.viewerIds.push(APP_ACCOUNT_ID);
    expect(asApp(fake, '/wiki/api/v2/spaces').body.results.map((s) => s.key)).toContain(space.key);
  });

  it('answers the permission check for content the app may not see with 404, revealing nothing', () => {
    const directory = site();
    const fake = new ConfluenceFake(directory);
    const restricted = directory.site.contents.find((c) => c.restriction !== null && c.restriction.userIds.length > 0)!;
    const answer = fake.handle({
      method: 'POST', path: `/wiki/rest/api/content/${restricted.id}/permission/check`, caller: { kind: 'app' },
      body: JSON.stringify({ subject: { type: 'user', identifier: restricted.restriction!.userIds[0] }, operation: 'read' }),
    });
    expect(answer.status).toBe(404);
  });

  it('delivers no event about content restricted away from the app: no view, no update, no permissions_updated when it becomes restricted', () => {
    const directory = site();
    const fake = new ConfluenceFake(directory);
    const gate = cloudEventGate(fake);
    const open = directory.site.contents.find((c) => c.type === 'page' && c.restriction === null && !c.parentId)!;
    const event = (action: string) => ({ eventType: `avi:confluence:${action}:page`, content: { id: open.id, type: 'page' } });
    expect(gate(event('viewed'))).toBe(true);
    // Restricted to one person: the change itself sends the app nothing (CONFCLOUD-82583), nor do later views (ECO-961).
    fake.overlay.restriction.set(open.id, { userIds: [directory.firstWithRole('admin').accountId], groupIds: [] });
    for (const action of ['permissions_updated', 'viewed', 'updated', 'trashed']) expect(gate(event(action))).toBe(false);
    expect(gate({ eventType: 'avi:confluence:viewed:attachment', attachment: { id: '1', container: { id: open.id } } })).toBe(false);
    // Lifting the restriction (or naming the app in it) makes the app see it again, and that change is delivered.
    fake.overlay.restriction.set(open.id, { userIds: [directory.firstWithRole('admin').accountId, APP_ACCOUNT_ID], groupIds: [] });
    expect(gate(event('permissions_updated'))).toBe(true);
    expect(gate({ eventType: 'avi:forge:installed:app' })).toBe(true);
  });

  it('keeps the all-seeing app of older tests behind a switch', () => {
    const directory = site();
    const fake = new ConfluenceFake(directory);
    fake.appUser.restricted = false;
    const restricted = directory.site.contents.find((c) => c.type === 'page' && c.restriction !== null)!;
    expect(listedIds(fake)).toContain(restricted.id);
    expect(cloudEventGate(fake)({ eventType: 'avi:confluence:viewed:page', content: { id: restricted.id } })).toBe(true);
  });
});
