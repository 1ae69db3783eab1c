/**
 * The byline from a content property, through the real handlers, the KVS emulator and the local
 * Confluence (which stores properties per content with Cloud's scopes, versions and visibility, and
 * renders the byline from the property with no invocation, as Confluence does).
 */
import type { DemoContent } from '../../local/demo/directory';
import { canViewContent } from '../../local/confluence/permissions';
import type { Principal } from '../../local/host/principal';
import { getContentStats } from '../../src/core/storage/content-stats';
import { runBylineWriter, type WriterReport } from '../../src/page-statistics/byline-property/byline-writer';
import { BYLINE_PROPERTY_KEY } from '../../src/platform/confluence/content-properties';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { readWriterJob, writeWriterJob } from '../../src/page-statistics/byline-property/byline-property-store';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
const MINUTE = 60_000;

beforeAll(async () => {
  // The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
  app = await startAppPlatform({ appSeesAll: true });
});
afterAll(() => app.stop());

/** One writer run at `now` (default: the real clock), with Retry-After waits skipped. */
function runWriter(now = Date.now()): Promise<WriterReport> {
  return runBylineWriter({ now: () => now, budgetMs: 170_000, wait: async () => undefined });
}

/** The sweep (backfill) is not under test here unless a test starts it: mark it done. */
async function sweepDone(viewCounter = true): Promise<void> {
  const job = await readWriterJob();
  await writeWriterJob({ throttledUntil: 0, leaseUntil: 0, windowDay: new Date().toISOString().slice(0, 10), ...(job ?? {}), sweep: { state: 'done', cursor: null, viewCounter, processed: 0, written: 0 } });
}

const property = (who: Principal, content: DemoContent) => app.confluence.properties.read(who.kind === 'user' ? { kind: 'user', accountId: who.accountId } : { kind: 'anonymous' }, content.id, BYLINE_PROPERTY_KEY);
const dynamicCalls = () => app.platform.log.list({ kind: 'dynamicProperties' }).length;
const writes = () => (app.confluence.properties.calls.PUT ?? 0) + (app.confluence.properties.calls.POST ?? 0);

describe('the byline property', () => {
  beforeAll(async () => {
    await sweepDone();
  });

  it('a counted view is in the property after the next writer run, and the byline then renders from it with no invocation', async () => {
    const content = app.publicContent(0);
    await app.view(app.users.reader, content);
    expect(property(app.users.reader, content)).toBeUndefined();
    const report = await runWriter();
    expect(report.written).toBeGreaterThanOrEqual(1);
    const stats = await getContentStats(content.id);
    expect(property(app.users.reader, content)?.value).toMatchObject({ title: stats!.views === 1 ? '1 view' : `${stats!.views} views`, views: stats!.views, views30d: stats!.views });
    const before = dynamicCalls();
    const shown = await app.byline(app.users.otherReader, content);
    expect(shown.title).toBe(stats!.views === 1 ? '1 view' : `${stats!.views} views`);
    expect(dynamicCalls()).toBe(before);
    expect(app.platform.propertyRenders.get('view-counter')).toBeGreaterThanOrEqual(1);
  });

  it('writes a page at most once a run however many views it had, and never shows more than the stored figures', async () => {
    const content = app.publicContent(1);
    const readers = [app.users.reader, app.users.otherReader, app.users.admin, app.users.guest, app.users.anonymous];
    for (let round = 0; round < 3; round += 1) {
      const start = Date.now();
      for (const [index, who] of readers.entries()) await app.view(who, content, start + index * 1000);
      const shownBefore = property(app.users.reader, content)?.value as { views?: number } | undefined;
      const stored = await getContentStats(content.id);
      // Between runs the property lags: never ahead of the row.
      expect(shownBefore?.views ?? 0).toBeLessThanOrEqual(stored!.views);
      const before = writes();
      await runWriter();
      expect(writes() - before).toBe(1);
      const after = await getContentStats(content.id);
      expect((property(app.users.reader, content)?.value as { views: number }).views).toBe(after!.views);
      expect(after!.bylineDue).toBeUndefined();
    }
    // Nothing new: the next run writes nothing and spends no point.
    const points = app.confluence.properties.points;
    const idle = await runWriter();
    expect(idle.written).toBe(0);
    expect(app.confluence.properties.points).toBe(points);
  });

  it('is readable exactly by the readers of the content: a restricted page shows nothing to others', async () => {
    const { content, allowed, denied } = app.restrictedContent();
    // A site whose admins gave the app user access to restricted pages (otherwise: the fallback below).
    app.confluence.appUser.restricted = false;
    try {
      await app.view(allowed, content);
      await runWriter();
    } finally {
      app.confluence.appUser.restricted = true;
    }
    expect(property(allowed, content)).toBeDefined();
    expect(property(denied, content)).toBeUndefined();
    expect(property(app.users.anonymous, content)).toBeUndefined();
  });

  it('a page restricted away from the app user (ECO-822) gets no property; its readers get the function', async () => {
    const used = app.restrictedContent().content.id;
    const page = app.directory.site.contents.find((c) => c.restriction && c.id !== used && !canViewContent(app.directory, { kind: 'app', restricted: true }, c))!;
    await app.view(app.users.admin, page);
    await runWriter();
    expect(property(app.users.admin, page)).toBeUndefined();
    const before = dynamicCalls();
    await app.byline(app.users.admin, page);
    expect(dynamicCalls()).toBe(before + 1);
  });

  it('content the app may not write falls back to the dynamicProperties function, whose cost is counted', async () => {
    const content = app.publicContent(2);
    app.confluence.properties.appDenied.add(content.id);
    await app.view(app.users.reader, content);
    const report = await runWriter();
    expect(report.fallback).toBeGreaterThanOrEqual(1);
    expect(property(app.users.reader, content)).toBeUndefined();
    expect((await getContentStats(content.id))!.byline?.shown).toBe('fallback');
    const before = dynamicCalls();
    const shown = await app.byline(app.users.otherReader, content);
    expect(dynamicCalls()).toBe(before + 1);
    expect(shown.title).toMatch(/views?$/);
    // Further views do not ask Confluence again (no point spent) until the retry period has passed.
    await app.view(app.users.otherReader, content);
    const points = app.confluence.properties.points;
    await runWriter();
    expect(app.confluence.properties.points).toBe(points);
    app.confluence.properties.appDenied.delete(content.id);
  });

  it('honours a 429 and its Retry-After: the run stops, no write before the time, then the row is written', async () => {
    const content = app.publicContent(3);
    await app.view(app.users.reader, content);
    app.confluence.throttle.add({ remaining: 1, retryAfterSeconds: 120, pathPrefix: `/wiki/api/v2/${content.type}s/${content.id}/properties` });
    const now = Date.now();
    const throttled = await runWriter(now);
    expect(throttled.throttled).toBe(true);
    expect(property(app.users.reader, content)).toBeUndefined();
    expect((await runWriter(now + 60_000)).skipped).toBe('throttled');
    const later = await runWriter(now + 121_000);
    expect(later.written).toBeGreaterThanOrEqual(1);
    expect(property(app.users.reader, content)).toBeDefined();
    // The tests' clock goes back to the real one: forget the wait that has passed for the writer.
    await writeWriterJob({ ...(await readWriterJob())!, throttledUntil: 0 });
  });

  it('a property changed by someone else (409 on the version) is read again and written once more', async () => {
    const content = app.publicContent(0);
    const stored = property(app.users.reader, content)!;
    const url = new URL(`http://x/wiki/api/v2/${content.type}s/${content.id}/properties/${stored.id}`);
    const other = app.confluence.properties.handle('PUT', url, JSON.stringify({ key: BYLINE_PROPERTY_KEY, value: { title: 'edited' }, version: { number: stored.version + 1 } }), { kind: 'app' });
    expect(other?.status).toBe(200);
    await app.view(app.users.admin, content);
    await runWriter();
    const stats = await getContentStats(content.id);
    expect(property(app.users.reader, content)?.value).toMatchObject({ views: stats!.views });
    expect(property(app.users.reader, content)!.version).toBe(stored.version + 2);
  });
});

describe('the View Counter switch', () => {
  it('off: every property is rewritten with a neutral title and no figures; on again: the counts come back', async () => {
    const content = app.publicContent(1);
    const counted = property(app.users.reader, content)!.value as { views: number };
    expect(counted.views).toBeGreaterThan(0);
    const off = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, viewCounter: false }, expectedVersion: 0 });
    expect(off.ok).toBe(true);
    await runWriter();
    expect(property(app.users.reader, content)?.value).toEqual({ title: 'Page statistics', tooltip: 'Open page statistics' });
    expect((await app.byline(app.users.reader, content)).title).toBe('Page statistics');
    const on = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, viewCounter: true }, expectedVersion: 1 });
    expect(on.ok).toBe(true);
    await runWriter();
    expect(property(app.users.reader, content)?.value).toMatchObject({ views: counted.views });
  });
});
