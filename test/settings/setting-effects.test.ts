import type { Settings } from '@contracts/settings';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';
import { kvs } from '@forge/kvs';
import { deliveredAt } from '../../local/host/delivery-clock';

/** Every setting, shown by its effect on tracking or display, through the real trigger, resolvers and byline. */
let app: AppPlatform;
let version: number;
beforeEach(async () => { app = await startAppPlatform(); version = 0; });
afterEach(() => app.stop());

async function configure(change: Partial<Settings>): Promise<void> {
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, ...change }, expectedVersion: version });
  if (!answer.ok) throw new Error(`${answer.error.message} ${JSON.stringify(answer.error.fieldErrors)}`);
  version = answer.data.version;
}
const T = Date.parse('2026-11-20T10:00:00Z');
const viewsOf = async (contentId: string) => (await storedCounts(contentId)).views;
const group = (name: string) => { const g = app.directory.groupByName(name)!; return { id: g.id, name: g.name }; };

describe('effects of each setting', () => {
  it('exclude anonymous: off counts anonymous visitors, on does not', async () => {
    const page = app.publicContent();
    await app.view(app.users.anonymous, page, T);
    expect(await viewsOf(page.id)).toBe(1);
    await configure({ excludeAnonymous: true });
    await app.view(app.users.anonymous, page, T + 60_000);
    expect(await viewsOf(page.id)).toBe(1);
  });

  it('excluded groups: members of the group are not counted, others are', async () => {
    await configure({ excludedGroups: [group('bots')] });
    const page = app.publicContent();
    await app.view(app.users.bot, page, T);
    await app.view(app.users.reader, page, T);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1 });
  });

  it('excluded spaces: content in them is not counted', async () => {
    const page = app.publicContent();
    await configure({ excludedSpaces: [page.spaceKey] });
    await app.view(app.users.reader, page, T);
    expect(await viewsOf(page.id)).toBe(0);
  });

  it('blocking time: a repeat inside the window is not counted, one after it is', async () => {
    await configure({ blockingTimeMs: 10_000 });
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    await app.view(app.users.reader, page, T + 9_999);
    expect(await viewsOf(page.id)).toBe(1);
    await app.view(app.users.reader, page, T + 10_000);
    expect(await viewsOf(page.id)).toBe(2);
  });

  it('view counter: the byline shows the count, or no number when switched off', async () => {
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    expect(await app.byline(app.users.reader, page)).toEqual(expect.objectContaining({ title: '1 view' }));
    await configure({ viewCounter: false });
    const title = (await app.byline(app.users.reader, page)).title ?? '';
    expect(title).not.toMatch(/\d/);
  });

  it('auto tracking desktop off: Confluence view events are not counted, the macro counts instead', async () => {
    await configure({ autoTracking: { ...DEFAULT_SETTINGS.autoTracking, desktop: false } });
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    expect(await viewsOf(page.id)).toBe(0);
    const answer = await app.invoke(app.users.reader, 'viewtracker-macro', 'trackView', { channel: 'desktop' }, page);
    expect(answer).toEqual({ ok: true, data: { tracked: true, views: 1 } });
  });

  it('auto tracking on: the macro does not count a second time', async () => {
    const page = app.publicContent();
    const answer = await app.invoke(app.users.reader, 'viewtracker-macro', 'trackView', { channel: 'desktop' }, page);
    expect(answer).toEqual({ ok: true, data: { tracked: false, reason: 'auto-tracked', views: 0 } });
  });

  it('mobile web off: a mobile web hint cannot hide the view; it counts under Desktop, as every view event does', async () => {
    await configure({ autoTracking: { ...DEFAULT_SETTINGS.autoTracking, 'mobile-web': false } });
    const page = app.publicContent();
    expect(await app.invoke(app.users.reader, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, page)).toEqual({ ok: true, data: { stored: false } });
    await app.view(app.users.reader, page, T);
    await app.view(app.users.otherReader, page, T);
    expect(await storedCounts(page.id)).toMatchObject({ views: 2, viewers: 2 });
    const record = await kvs.entity<{ source: string }>('view').get(`v:${page.id}:${(app.users.reader as { accountId: string }).accountId}:${T}`);
    expect(record?.source).toBe('desktop');
  });

  it('a hint naming the Confluence app (a switch that cannot be on) cannot make the reader\'s next view disappear', async () => {
    const page = app.publicContent();
    await app.invoke(app.users.reader, 'channel-beacon', 'reportChannel', { channel: 'confluence-app' }, page);
    await app.view(app.users.reader, page, T);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1 });
  });

  it('desktop off, mobile web on: a mobile web view is counted from the view event under mobile web', async () => {
    await configure({ autoTracking: { ...DEFAULT_SETTINGS.autoTracking, desktop: false } });
    const page = app.publicContent();
    // The beacon reports when the page opens, as the view happens (a hint stands ten minutes).
    expect(await deliveredAt(T, () => app.invoke(app.users.reader, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, page))).toEqual({ ok: true, data: { stored: true } });
    await app.view(app.users.reader, page, T);
    await app.view(app.users.otherReader, page, T);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1 });
  });

  it('the channel hint files a view under mobile web', async () => {
    const page = app.publicContent();
    await deliveredAt(T, () => app.invoke(app.users.reader, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, page));
    await app.view(app.users.reader, page, T);
    const record = await kvs.entity<{ source: string }>('view').get(`v:${page.id}:${(app.users.reader as { accountId: string }).accountId}:${T}`);
    expect(record?.source).toBe('mobile-web');
  });

  it('extended privacy: no account id is stored anywhere, but views and the blocking time still work', async () => {
    // With a group excluded, so that group memberships are looked up and cached too.
    await configure({ excludedGroups: [group('bots')], privacy: { mode: 'extended', viewerNamesGroup: null, viewerListAudience: 'readers', retentionDays: null } });
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    await app.view(app.users.reader, page, T + 1000);
    await app.view(app.users.otherReader, page, T);
    expect(await storedCounts(page.id)).toMatchObject({ views: 2, viewers: 2 });
    const dump = JSON.stringify(await dumpAll());
    for (const who of [app.users.reader, app.users.otherReader]) expect(dump).not.toContain((who as { accountId: string }).accountId);
  });
});

async function dumpAll(): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (const [entity, index] of [['view', 'by-time'], ['viewer-content', 'by-content'], ['content-stats', 'by-views']] as const) {
    let cursor: string | undefined;
    do {
      let query = kvs.entity<unknown>(entity).query().index(index, index === 'by-content' ? { partition: [app.publicContent().id] } : undefined).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      rows.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
      cursor = page.nextCursor;
    } while (cursor);
  }
  for (const entity of ['space-day', 'viewer-day', 'content-day']) {
    const page = await kvs.entity<unknown>(entity).query().index('by-day', { partition: ['2026-11-20'] }).limit(100).getMany();
    rows.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
  }
  const plain = await kvs.query().limit(100).getMany<unknown>();
  rows.push(...plain.results.map((r) => ({ key: r.key, value: r.value })));
  return rows;
}
