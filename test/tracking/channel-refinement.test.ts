/**
 * The channel beacon's hint and Confluence's view event race on every page load: locally the hint comes
 * about 300 ms after the view is recorded; on Cloud either may come first. Whichever comes first, a
 * view from mobile web ends under Mobile web, exactly once, in every row that keeps a source.
 */
import { kvs } from '@forge/kvs';
import { deliveredAt } from '../../local/host/delivery-clock';
import { seededRandom } from '../../local/kvs/rng';
import type { Principal } from '../../local/host/principal';
import type { DemoContent } from '../../local/demo/directory';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { viewedEvent } from '../support/events';
import { queryAll, storedCounts } from '../support/stored-counts';
import { rollupTotalsAgree } from '../support/rollup-invariant';
import { decode } from '../../src/core/storage/codecs';
import * as viewStore from '../../src/tracking/storage/view-store';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const T = Date.parse('2026-11-20T10:00:00Z');
const accountOf = (who: Principal) => (who as { accountId: string }).accountId;

/** The beacon's call, made `at` (the hint's own clock). */
async function hint(who: Principal, page: DemoContent, at: number) {
  return deliveredAt(at, () => app.invoke(who, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, page));
}

async function recordSource(page: DemoContent, who: Principal, at: number): Promise<string | undefined> {
  return (await kvs.entity<{ source: string }>('view').get(`v:${page.id}:${accountOf(who)}:${at}`))?.source;
}

type Row = { bySource?: Record<string, number> };

/** Views by source in the content's day rows, month rows and its space's day rows. */
async function bySource(page: DemoContent) {
  const sum = <R>(rows: R[], pick: (row: R) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const row of rows) for (const [source, views] of Object.entries(pick(row))) if (views !== 0) out[source] = (out[source] ?? 0) + views;
    return out;
  };
  const days = await queryAll<Row>('content-day', 'by-content', page.id);
  const months = (await queryAll<unknown>('content-month', 'by-content', [page.id])).map((row) => decode.contentMonth(row));
  const spaceDays = await queryAll<Row>('space-day', 'by-space', page.spaceKey);
  return {
    contentDays: sum(days, (row) => row.bySource ?? {}),
    contentMonths: sum(months, (row) => Object.fromEntries(Object.entries(row.sources).map(([s, counts]) => [s, (counts ?? []).reduce((a, b) => a + b, 0)]))),
    spaceDays: sum(spaceDays, (row) => row.bySource ?? {}),
  };
}

async function expectConsistent(page: DemoContent, expected: Record<string, number>) {
  const sources = await bySource(page);
  expect(sources).toEqual({ contentDays: expected, contentMonths: expected, spaceDays: expected });
  const { fromRollups, fromContentRows } = await rollupTotalsAgree([page.spaceKey], [page.id]);
  expect(fromRollups).toEqual(fromContentRows);
  const mobileCells = Object.entries(fromRollups).filter(([key]) => key.startsWith('site|sd|') && key.includes('.mobile-web.'));
  expect(mobileCells.reduce((sum, [, views]) => sum + views, 0)).toBe(expected['mobile-web'] ?? 0);
}

describe('a hint that arrives after its view was recorded', () => {
  it('refines the view recorded under Desktop to Mobile web, in every row that keeps a source', async () => {
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    expect(await recordSource(page, app.users.reader, T)).toBe('desktop');
    expect(await hint(app.users.reader, page, T + 300)).toEqual({ ok: true, data: { stored: true } });
    expect(await recordSource(page, app.users.reader, T)).toBe('mobile-web');
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1, recordCount: 1 });
    await expectConsistent(page, { 'mobile-web': 1 });
  });

  it('refines it once: a retried hint and the redelivered event change nothing more', async () => {
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    await hint(app.users.reader, page, T + 300);
    await hint(app.users.reader, page, T + 900);
    await app.view(app.users.reader, page, T);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1, recordCount: 1 });
    await expectConsistent(page, { 'mobile-web': 1 });
  });

  it('reads the hint a second time only for an event handled while the page was loading (a later one saw any hint in its one read)', async () => {
    const page = app.publicContent();
    const reads = jest.spyOn(viewStore, 'readChannelHint');
    try {
      await app.view(app.users.reader, page, T); // handled 1 s after the view: the hint may still be on its way
      expect(reads).toHaveBeenCalledTimes(1);
      reads.mockClear();
      const other = app.publicContent(1);
      await deliveredAt(T + 60_000, () => app.platform.deliverEvent(viewedEvent({ contentId: other.id, spaceKey: other.spaceKey, type: other.type, title: other.title, at: T, accountId: (app.users.reader as { accountId: string }).accountId }) as { eventType: string }));
      expect(await storedCounts(other.id)).toMatchObject({ views: 1 });
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });

  it('refines the view when the hint is stored while the event is writing it (neither sees the other at first)', async () => {
    const page = app.publicContent();
    const read = viewStore.readSnapshot;
    let raced = false;
    const spy = jest.spyOn(viewStore, 'readSnapshot').mockImplementation(async (request) => {
      const snapshot = await read(request);
      // The event has read its rows (no hint yet); the whole hint call runs before the event commits.
      if (!raced && request.withChannelHint) {
        raced = true;
        expect(await hint(app.users.reader, page, T + 300)).toEqual({ ok: true, data: { stored: true } });
      }
      return snapshot;
    });
    try {
      await app.view(app.users.reader, page, T);
    } finally {
      spy.mockRestore();
    }
    expect(raced).toBe(true);
    expect(await recordSource(page, app.users.reader, T)).toBe('mobile-web');
    await expectConsistent(page, { 'mobile-web': 1 });
  });

  it('leaves a view outside the hint\'s window, and other viewers\' views, under Desktop', async () => {
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    await app.view(app.users.otherReader, page, T + 10 * 60_000);
    await hint(app.users.reader, page, T + 10 * 60_000);
    expect(await recordSource(page, app.users.reader, T)).toBe('desktop');
    expect(await recordSource(page, app.users.otherReader, T + 10 * 60_000)).toBe('desktop');
    await expectConsistent(page, { desktop: 2 });
  });

  it('does nothing when Mobile web is not auto-tracked (the hint is not even stored)', async () => {
    const settings = await app.invoke(app.users.admin, 'settings', 'getSettings', {});
    if (!settings.ok) throw new Error('getSettings');
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', {
      settings: { ...settings.data.settings, autoTracking: { ...settings.data.settings.autoTracking, 'mobile-web': false } }, expectedVersion: settings.data.version,
    });
    expect(saved.ok).toBe(true);
    const page = app.publicContent();
    await app.view(app.users.reader, page, T);
    expect(await hint(app.users.reader, page, T + 300)).toEqual({ ok: true, data: { stored: false } });
    await expectConsistent(page, { desktop: 1 });
  });
});

/**
 * Property: page loads by several readers of two pages, each from Desktop (no hint) or Mobile web (a
 * hint, sent once or twice), with the event delivered once or twice, all in a random order, in two
 * concurrent lanes. Afterwards every counted view is under the channel of its load, and every row agrees.
 */
describe('whichever comes first (property)', () => {
  const RUNS = Number(process.env.REFINE_PROPERTY_RUNS ?? 6);
  it.each(Array.from({ length: RUNS }, (_, run) => run + 1))('seed %i', async (seed) => {
    const random = seededRandom(seed);
    const pages = [app.publicContent(0), app.publicContent(1)];
    const readers = [app.users.reader, app.users.otherReader, app.users.admin];
    const steps: Array<() => Promise<unknown>> = [];
    const loads: Array<{ who: Principal; page: DemoContent; at: number; mobile: boolean }> = [];
    pages.forEach((page, p) => readers.forEach((who, r) => {
      const at = T + (p * readers.length + r) * 700;
      const mobile = random() < 0.5;
      loads.push({ who, page, at, mobile });
      for (let i = random() < 0.3 ? 2 : 1; i > 0; i -= 1) steps.push(() => app.view(who, page, at));
      if (mobile) for (let i = random() < 0.3 ? 2 : 1; i > 0; i -= 1) steps.push(() => hint(who, page, at + Math.floor(random() * 2000)));
    }));
    const lanes: Array<Array<() => Promise<unknown>>> = [[], []];
    for (const step of steps.map((run) => ({ run, key: random() })).sort((a, b) => a.key - b.key)) lanes[random() < 0.5 ? 0 : 1]!.push(step.run);
    await Promise.all(lanes.map(async (lane) => { for (const step of lane) await step(); }));

    for (const page of pages) {
      const mine = loads.filter((load) => load.page === page);
      expect(await storedCounts(page.id)).toMatchObject({ views: mine.length, recordCount: mine.length });
      for (const load of mine) expect([load.at, await recordSource(page, load.who, load.at)]).toEqual([load.at, load.mobile ? 'mobile-web' : 'desktop']);
      const expected: Record<string, number> = {};
      for (const load of mine) expected[load.mobile ? 'mobile-web' : 'desktop'] = (expected[load.mobile ? 'mobile-web' : 'desktop'] ?? 0) + 1;
      const sources = await bySource(page);
      expect([sources.contentDays, sources.contentMonths]).toEqual([expected, expected]);
    }
    const { fromRollups, fromContentRows } = await rollupTotalsAgree([...new Set(pages.map((page) => page.spaceKey))], pages.map((page) => page.id));
    expect(fromRollups).toEqual(fromContentRows);
  });
});
