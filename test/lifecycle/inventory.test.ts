import { readInventoryJob } from '../../src/lifecycle/inventory/inventory-store';
import { inventoryByLastView, neverViewed } from '../../src/reports/storage/inventory-reader';
import { getContentStats } from '../../src/core/storage/content-stats';
import { inventoryMaintenance } from '../../src/lifecycle/jobs-trigger';
import { reconcileInventory } from '../../src/lifecycle/inventory/inventory-reconcile';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { forgetCachedSettings } from '../../src/settings/settings-source';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const installed = () => app.platform.deliverEvent({ eventType: 'avi:forge:installed:app', eventCreatedDate: new Date().toISOString() });

describe('content inventory', () => {
  it('the installed trigger backfills every page and blog post the app may see through the paged, rate-limited v2 API', async () => {
    app.confluence.throttle.add({ remaining: 1, retryAfterSeconds: 1, pathPrefix: '/wiki/api/v2/pages' });
    await installed();
    const job = await readInventoryJob();
    // Restricted content is left out of the app user's listing, as on Confluence Cloud (ECO-822).
    const visible = app.directory.site.contents.filter((c) => c.restriction === null);
    expect(visible.length).toBeLessThan(app.directory.site.contents.length);
    expect(job).toMatchObject({ state: 'idle', processed: visible.length });
    expect(job.completedAt).not.toBeNull();
    const sample = app.directory.site.contents[3]!;
    expect(await getContentStats(sample.id)).toMatchObject({ contentId: sample.id, spaceKey: sample.spaceKey, title: sample.title, status: 'current', views: 0, createdAt: sample.createdAt });
    expect((await getContentStats(sample.id))?.spaceId).toBe(String(app.directory.space(sample.spaceKey)!.id));
    // A 429 was answered and waited out: the listing was asked again.
    expect(app.confluence.recentRequests().filter((r) => r.status === 429).length).toBe(1);
  });

  it('lists never-viewed content of a space, and keeps trashed content out of the inventory lists', async () => {
    const viewed = app.publicContent(0);
    await app.view(app.users.reader, viewed);
    app.confluence.overlay.status.set(app.publicContent(1).id, 'trashed');
    await installed();
    const space = viewed.spaceKey;
    const never = await neverViewed({ spaceKey: space, limit: 500 });
    const ids = never.rows.map((row) => row.contentId);
    expect(ids).not.toContain(viewed.id);
    expect(ids).not.toContain(app.publicContent(1).id);
    expect(ids.length).toBe(app.directory.contentsOf(space).filter((c) => c.id !== viewed.id && c.id !== app.publicContent(1).id).length);
    const site = await inventoryByLastView({ limit: 1000, excludeIds: new Set([viewed.id]) });
    expect(site.rows.every((row) => row.contentId !== viewed.id && row.status === 'current')).toBe(true);
    expect((await getContentStats(viewed.id))?.views).toBe(1);
  });

  it('the reconciliation pass follows a cascade on evidence: children found in the trash are trashed, then purged once they leave it', async () => {
    const page = app.publicContent(0);
    await app.view(app.users.reader, page);
    await app.platform.deliverEvent({
      eventType: 'avi:confluence:viewed:attachment', eventCreatedDate: new Date().toISOString(),
      attachment: { id: '990100', type: 'attachment', title: 'plan.pdf', space: { id: 1, key: page.spaceKey }, container: { id: page.id } },
    });
    await installed();
    // Its parent was deleted: the child went to the trash with it, with no event of its own.
    app.confluence.overlay.status.set(page.id, 'trashed');
    const { reconcile } = await inventoryMaintenance();
    expect(reconcile).toMatchObject({ purged: [], statusChanged: 1 });
    expect((await getContentStats(page.id))?.status).toBe('trashed');
    // One pass a day: the next hourly run checks nothing.
    expect((await inventoryMaintenance()).reconcile.checked).toBe(0);
    // The trash was emptied: the content the app saw in the trash is answered no more.
    app.confluence.overlay.purged.add(page.id);
    const nextDay = await reconcileInventory(60_000, () => Date.now() + 25 * 3_600_000);
    expect(nextDay.purged.sort()).toEqual([page.id, '990100'].sort());
    expect((await getContentStats(page.id))?.status).toBe('purged');
    expect((await getContentStats('990100'))?.status).toBe('purged');
    expect((await storedCounts(page.id)).recordCount).toBe(0);
  });

  it('a reconcile pass keeps the history of a page restricted away from the app, and of a space the app may not view (issue 17)', async () => {
    const restricted = app.publicContent(0);
    const inClosedSpace = app.directory.site.contents.find((c) => c.spaceKey !== restricted.spaceKey && c.restriction === null && app.directory.space(c.spaceKey)?.type === 'global')!;
    await app.view(app.users.reader, restricted);
    await app.view(app.users.otherReader, restricted);
    await app.view(app.users.reader, inClosedSpace);
    await installed();
    // Restricted to one reader, without the app: Confluence sends no event (CONFCLOUD-82583) and the page drops out of the app's answers.
    const admin = app.directory.firstWithRole('admin').accountId;
    await app.platform.deliverEvent({ eventType: 'avi:confluence:permissions_updated:page', eventCreatedDate: new Date().toISOString(), content: { id: restricted.id, type: 'page' } });
    app.confluence.overlay.restriction.set(restricted.id, { userIds: [admin], groupIds: [] });
    // A space closed to a few people, not the app's user.
    app.directory.space(inClosedSpace.spaceKey)!.viewerIds = [admin];
    const { reconcile } = await inventoryMaintenance();
    expect(reconcile.complete).toBe(true);
    expect(reconcile.purged).toEqual([]);
    expect(reconcile.unseen).toBeGreaterThanOrEqual(1 + app.directory.contentsOf(inClosedSpace.spaceKey).length);
    expect(await getContentStats(restricted.id)).toMatchObject({ status: 'current', views: 2, viewers: 2 });
    expect((await storedCounts(restricted.id)).recordCount).toBe(2);
    expect(await getContentStats(inClosedSpace.id)).toMatchObject({ status: 'current', views: 1 });
  });

  it('a deleted space (its event, not its absence) purges the history of its content; a reconcile pass after it purges nothing more', async () => {
    const inDeleted = app.publicContent(0);
    const elsewhere = app.directory.site.contents.find((c) => c.spaceKey !== inDeleted.spaceKey && c.restriction === null && app.directory.space(c.spaceKey)?.type === 'global')!;
    await app.view(app.users.reader, inDeleted);
    await app.view(app.users.otherReader, inDeleted);
    await app.view(app.users.reader, elsewhere);
    await installed();
    const deleted = app.confluence.deleteSpace(inDeleted.spaceKey, app.directory.firstWithRole('admin').accountId)!;
    expect(deleted.purged).toContain(inDeleted.id);
    // The app user's event gate delivers space events (they name no content).
    expect(await app.platform.deliverEvent(deleted.event)).toBeGreaterThan(0);
    expect(await getContentStats(inDeleted.id)).toMatchObject({ status: 'purged', views: 0, viewers: 0 });
    expect((await storedCounts(inDeleted.id)).recordCount).toBe(0);
    for (const id of deleted.purged) expect((await getContentStats(id))?.status ?? 'purged').toBe('purged');
    expect(await getContentStats(elsewhere.id)).toMatchObject({ status: 'current', views: 1 });
    // Redelivered: nothing left to purge, the other space's history stays.
    await app.platform.deliverEvent(deleted.event);
    expect(await getContentStats(elsewhere.id)).toMatchObject({ status: 'current', views: 1 });
    const { reconcile } = await inventoryMaintenance();
    expect(reconcile.purged).toEqual([]);
  });

  it('attachment views count as a third content type under their page, behind the trackAttachments switch', async () => {
    const page = app.publicContent(0);
    const event = (id: string, at: number) => ({
      eventType: 'avi:confluence:viewed:attachment', atlassianId: app.users.reader.kind === 'user' ? app.users.reader.accountId : '', eventCreatedDate: new Date(at).toISOString(),
      attachment: { id, type: 'attachment', status: 'current', title: 'logo.png', space: { id: 1, key: page.spaceKey }, container: { id: page.id, type: 'page' } },
    });
    await app.platform.deliverEvent(event('990001', Date.now()));
    const answer = await app.invoke(app.users.reader, 'view-counter', 'getAttachmentViews', {}, page);
    expect(answer.ok && answer.data).toEqual([expect.objectContaining({ contentId: '990001', title: 'logo.png', views: 1 })]);
    expect((await getContentStats('990001'))?.contentType).toBe('attachment');

    await writeSettings({ ...DEFAULT_SETTINGS, trackAttachments: false }, 0, { at: Date.now(), accountId: 'test', version: 1, changes: [] });
    forgetCachedSettings();
    await app.platform.deliverEvent(event('990002', Date.now()));
    expect(await getContentStats('990002')).toBeUndefined();
  });
});

describe('hidden content in the byline and page statistics', () => {
  it('a trashed page shows no count; restored, its statistics come back intact', async () => {
    const page = app.publicContent(0);
    await app.view(app.users.reader, page);
    await app.view(app.users.otherReader, page);
    const event = (action: string, at: number) => ({
      eventType: `avi:confluence:${action}:page`, eventCreatedDate: new Date(at).toISOString(),
      content: { id: page.id, type: 'page', status: action === 'trashed' ? 'trashed' : 'current', title: page.title, space: { id: app.directory.space(page.spaceKey)!.id, key: page.spaceKey } },
    });
    await app.platform.deliverEvent(event('trashed', Date.now()));
    expect(await app.byline(app.users.reader, page)).toMatchObject({ title: 'Page statistics' });
    const range = { range: { kind: 'preset', preset: '7d' } } as const;
    expect(await app.invoke(app.users.reader, 'view-counter', 'getPageStatistics', range, page)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    expect(await app.invoke(app.users.reader, 'view-counter', 'getPageViewers', range, page)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    await app.platform.deliverEvent(event('restored', Date.now() + 1000));
    expect(await app.byline(app.users.reader, page)).toMatchObject({ title: '2 views' });
    const summary = await app.invoke(app.users.reader, 'view-counter', 'getPageStatistics', range, page);
    expect(summary.ok && summary.data.allTime).toMatchObject({ views: 2, viewers: 2 });
  });
});
