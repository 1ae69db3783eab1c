/**
 * The settings page's access check (issue 17): admins only; the spaces and the number of pages and
 * blog posts the app's own user cannot read, found by comparing the admin's view with the app's.
 */
import { APP_ACCOUNT_ID } from '../../local/confluence/caller';
import { inventoryMaintenance } from '../../src/lifecycle/jobs-trigger';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const check = (who = app.users.admin, payload: unknown = {}) => app.invoke(who, 'settings', 'getAccessCheck', payload);

describe('access check', () => {
  it('lists, per space, the content restricted away from the app, and a space the app may not view with all its content', async () => {
    const restrictedBySpace = new Map<string, number>();
    for (const content of app.directory.site.contents.filter((c) => c.restriction !== null)) {
      restrictedBySpace.set(content.spaceKey, (restrictedBySpace.get(content.spaceKey) ?? 0) + 1);
    }
    expect(restrictedBySpace.size).toBeGreaterThan(0);
    const closed = app.directory.site.spaces.find((s) => s.type === 'global' && !restrictedBySpace.has(s.key)) ?? app.directory.site.spaces.find((s) => s.type === 'personal')!;
    closed.viewerIds = [app.directory.firstWithRole('admin').accountId];

    const answer = await check();
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.nextCursor).toBeNull();
    expect(answer.data.checked).toBe(app.directory.site.spaces.length);
    const bySpace = new Map(answer.data.spaces.map((space) => [space.key, space]));
    for (const [key, count] of restrictedBySpace) {
      if (key === closed.key) continue;
      expect(bySpace.get(key)).toMatchObject({ spaceHidden: false, hiddenContent: count, capped: false });
    }
    expect(bySpace.get(closed.key)).toMatchObject({ spaceHidden: true, hiddenContent: app.directory.contentsOf(closed.key).length });
    // Spaces the app fully sees are not listed.
    expect(answer.data.spaces).toHaveLength(new Set([...restrictedBySpace.keys(), closed.key]).size);
  });

  it('reports nothing once the app is named in the restrictions and the space permissions', async () => {
    for (const content of app.directory.site.contents.filter((c) => c.restriction !== null)) {
      app.confluence.overlay.restriction.set(content.id, { userIds: [...content.restriction!.userIds, APP_ACCOUNT_ID], groupIds: content.restriction!.groupIds });
    }
    const answer = await check();
    expect(answer.ok && answer.data.spaces).toEqual([]);
  });

  it('shows what the last reconciliation pass kept although the app could no longer see it', async () => {
    const page = app.publicContent(0);
    await app.view(app.users.reader, page);
    await app.platform.deliverEvent({ eventType: 'avi:forge:installed:app', eventCreatedDate: new Date().toISOString() });
    expect(await check()).toMatchObject({ ok: true, data: { inventoryUnseen: null } });
    app.confluence.overlay.restriction.set(page.id, { userIds: [app.directory.firstWithRole('admin').accountId], groupIds: [] });
    const { reconcile } = await inventoryMaintenance();
    // The page and the pages under it (they inherit its restriction): kept, and counted here.
    expect(reconcile.unseen).toBeGreaterThanOrEqual(1);
    expect(await check()).toMatchObject({ ok: true, data: { inventoryUnseen: reconcile.unseen, inventoryCheckedAt: expect.any(Number) } });
  });

  it('is refused to everyone but Confluence administrators, and refuses a malformed cursor', async () => {
    for (const who of [app.users.reader, app.users.guest, app.users.anonymous]) {
      expect(await check(who)).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    }
    expect(await check(app.users.admin, { cursor: 42 })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    expect(await check(app.users.admin, { cursor: 'x'.repeat(3000) })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    expect(await check(app.users.admin, { cursor: null, extra: 1 })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });
});
