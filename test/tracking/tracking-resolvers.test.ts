import { canViewContent } from '../../local/confluence/permissions';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';

let app: AppPlatform;
const RANGE = { range: { kind: 'preset', preset: '30d' } } as const;
// The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
beforeEach(async () => { app = await startAppPlatform({ appSeesAll: true }); });
afterEach(() => app.stop());

const macroOnly = async () => {
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', {
    settings: { ...DEFAULT_SETTINGS, autoTracking: { ...DEFAULT_SETTINGS.autoTracking, desktop: false } }, expectedVersion: 0,
  });
  expect(answer.ok).toBe(true);
};

describe('macro trackView', () => {
  it('records the trusted caller, applies the blocking time, and cannot be replayed to inflate counts', async () => {
    await macroOnly();
    const page = app.publicContent();
    const results = await Promise.all(Array.from({ length: 20 }, () => app.invoke(app.users.reader, 'viewtracker-macro', 'trackView', { channel: 'desktop' }, page)));
    expect(results.filter((r) => r.ok && r.data.tracked)).toHaveLength(1);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1 });
  });

  it('takes nothing from anonymous callers; shows them statistics only of content Confluence says they may read', async () => {
    await macroOnly();
    const { content } = app.restrictedContent();
    for (const page of [app.publicContent(), content]) {
      expect(await app.invoke(app.users.anonymous, 'viewtracker-macro', 'trackView', { channel: 'desktop' }, page)).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
      expect((await storedCounts(page.id)).views).toBe(0);
    }
    expect(await app.invoke(app.users.anonymous, 'view-counter', 'getPageStatistics', RANGE, app.publicContent())).toMatchObject({ ok: true, data: { totals: { views: 0 } } });
    expect(await app.invoke(app.users.anonymous, 'view-counter', 'getPageStatistics', RANGE, content)).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('ignores channel hints from anonymous visitors (they share one identity)', async () => {
    const page = app.publicContent();
    expect(await app.invoke(app.users.anonymous, 'channel-beacon', 'reportChannel', { channel: 'confluence-app' }, page)).toEqual({ ok: true, data: { stored: false } });
    await app.view(app.users.anonymous, page, Date.parse('2026-11-20T10:00:00Z'));
    expect((await storedCounts(page.id)).views).toBe(1);
  });

  it('bounds how many channel hints one user can write', async () => {
    const results = [];
    const reader = { kind: 'user' as const, accountId: (app.users.reader as { accountId: string }).accountId };
    const readable = app.directory.site.contents.filter((content) => canViewContent(app.directory, reader, content)).slice(0, 40);
    expect(readable.length).toBeGreaterThan(30);
    for (const page of readable) results.push(await app.invoke(app.users.reader, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, page));
    expect(results.filter((r) => r.ok && r.data.stored).length).toBe(30);
  });

  it('refuses a channel hint for content the caller may not read', async () => {
    const { content, allowed, denied } = app.restrictedContent();
    expect(await app.invoke(denied, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, content)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    expect(await app.invoke(allowed, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, content)).toEqual({ ok: true, data: { stored: true } });
  });

  it('refuses content the caller may not see, and content that does not exist', async () => {
    await macroOnly();
    const { content, allowed, denied } = app.restrictedContent();
    expect(await app.invoke(denied, 'viewtracker-macro', 'trackView', { channel: 'desktop' }, content)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    expect(await app.invoke(allowed, 'viewtracker-macro', 'trackView', { channel: 'desktop' }, content)).toEqual({ ok: true, data: { tracked: true, views: 1 } });
    const ghost = { ...content, id: '999999999' };
    expect(await app.invoke(allowed, 'viewtracker-macro', 'trackView', { channel: 'desktop' }, ghost)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    expect(await storedCounts(content.id)).toMatchObject({ views: 1 });
  });

  it.each([
    ['no channel', {}],
    ['an unknown channel', { channel: 'fax' }],
    ['extra fields', { channel: 'desktop', viewer: 'someone-else' }],
    ['a wrong type', 'desktop'],
  ])('rejects a payload with %s', async (_name, payload) => {
    const answer = await app.invoke(app.users.reader, 'viewtracker-macro', 'trackView', payload, app.publicContent());
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });
});

describe('content summary and byline', () => {
  it('summarises views, viewers and anonymous views for a visible page', async () => {
    const page = app.publicContent();
    const t = Date.parse('2026-11-20T10:00:00Z');
    await app.view(app.users.reader, page, t);
    await app.view(app.users.otherReader, page, t);
    await app.view(app.users.anonymous, page, t + 1);
    const answer = await app.invoke(app.users.reader, 'view-counter', 'getPageStatistics', RANGE, page);
    expect(answer.ok && { contentId: answer.data.contentId, allTime: answer.data.allTime, viewCounterEnabled: answer.data.viewCounterEnabled })
      .toEqual({ contentId: page.id, allTime: { views: 3, viewers: 2, anonymousViews: 1, lastViewedAt: t + 1 }, viewCounterEnabled: true });
    expect(await app.byline(app.users.reader, page)).toMatchObject({ title: '3 views' });
  });

  it('gives views per day for the chart, zero-filled, oldest first', async () => {
    const page = app.publicContent();
    const now = Date.now();
    // Delivered in time order: a view's event arrives within the hour after it, never days later.
    await app.view(app.users.reader, page, now - 2 * 86_400_000);
    await app.view(app.users.reader, page, now);
    await app.view(app.users.otherReader, page, now);
    const answer = await app.invoke(app.users.reader, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '7d' } }, page);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const series = answer.data.daily;
    expect(series).toHaveLength(7);
    expect(series[6]).toMatchObject({ day: new Date(now).toISOString().slice(0, 10), views: 2 });
    expect(series[4]!.views).toBe(1);
    expect(series.reduce((sum, point) => sum + point.views, 0)).toBe(3);
    expect(await app.invoke(app.users.reader, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '12d' } }, page)).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });

  it('does not summarise a page the caller may not see', async () => {
    const { content, denied } = app.restrictedContent();
    expect(await app.invoke(denied, 'view-counter', 'getPageStatistics', RANGE, content)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
  });
});
