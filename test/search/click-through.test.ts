import { kvs } from '@forge/kvs';
import { startAppStore, type AppStore } from '../support/app-store';
import { searchOnTime } from '../support/search-events';
import { viewedEvent } from '../support/events';
import { deliveredAt } from '../../local/host/delivery-clock';
import { processViewedEvent } from '../../src/tracking/on-content-viewed';
import { decodeSearch } from '../../src/core/storage/search-codecs';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { queryIdOf } from '../../src/search/search-ids';

let store: AppStore;
beforeEach(() => {
  store = startAppStore();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  store.stop();
  jest.restoreAllMocks();
});

const T0 = Date.parse('2026-11-20T10:00:00Z');

function view(accountId: string | undefined, contentId: string, at: number) {
  const event = viewedEvent({ contentId, spaceKey: 'ENG', at, ...(accountId ? { accountId } : {}) });
  return deliveredAt(at + 1000, () => processViewedEvent(event));
}

async function clicks(query: string): Promise<{ c: number; pages: Record<string, number>; unclicked: number } | undefined> {
  const value = await kvs.entity<unknown>(ENTITY.searchQuery).get(KEYS.searchQuery(queryIdOf(query), '2026-11'));
  if (value === undefined) return undefined;
  const row = decodeSearch.query(value);
  return { c: row.c.reduce((a, b) => a + b, 0), pages: row.pages, unclicked: row.monthUnclicked };
}

describe('search click-through', () => {
  it('counts the first page view within two minutes of a search as its click-through, once, even when the view is redelivered', async () => {
    await searchOnTime({ query: 'Expenses', at: T0, accountId: 'user-1', results: 5 });
    expect(await clicks('expenses')).toEqual({ c: 0, pages: {}, unclicked: 1 });
    await view('user-1', '101', T0 + 20_000);
    await view('user-1', '101', T0 + 20_000); // redelivered
    await view('user-1', '102', T0 + 40_000); // not the first view after the search
    expect(await clicks('expenses')).toEqual({ c: 1, pages: { 101: 1 }, unclicked: 0 });
  });

  it('does not count a view of someone else, an anonymous view, a view after the window, before the search, or after a search without results', async () => {
    await searchOnTime({ query: 'wifi', at: T0, accountId: 'user-1', results: 2 });
    await view('user-2', '101', T0 + 5_000);
    await view(undefined, '101', T0 + 6_000);
    await view('user-1', '103', T0 - 1_000);
    await view('user-1', '101', T0 + 121_000);
    expect(await clicks('wifi')).toEqual({ c: 0, pages: {}, unclicked: 1 });
    await searchOnTime({ query: 'printer', at: T0 + 200_000, accountId: 'user-1', results: 0 });
    await view('user-1', '101', T0 + 210_000);
    expect(await clicks('printer')).toEqual({ c: 0, pages: {}, unclicked: 0 });
  });

  it('attributes the view to the newest counted search, and a new search opens a new window', async () => {
    await searchOnTime({ query: 'holiday', at: T0, accountId: 'user-1', results: 9 });
    await searchOnTime({ query: 'holiday policy', at: T0 + 10_000, accountId: 'user-1', results: 3 });
    await view('user-1', '201', T0 + 15_000);
    await searchOnTime({ query: 'holiday', at: T0 + 60_000, accountId: 'user-1', results: 9 });
    await view('user-1', '202', T0 + 70_000);
    expect(await clicks('holiday policy')).toEqual({ c: 1, pages: { 201: 1 }, unclicked: 0 });
    expect(await clicks('holiday')).toEqual({ c: 1, pages: { 202: 1 }, unclicked: 1 });
  });

  it('keeps click-through counts while query text is off, in the site totals only', async () => {
    const { writeSettings } = await import('../../src/settings/storage/settings-store');
    const { DEFAULT_SETTINGS } = await import('../../src/settings/rules/settings');
    await writeSettings({ ...DEFAULT_SETTINGS, search: { autoTracking: true, recordQueryText: false } }, 0, { at: T0, accountId: null, version: 1, changes: [] });
    await searchOnTime({ query: 'badge', at: T0, accountId: 'user-1', results: 1 });
    await view('user-1', '301', T0 + 3_000);
    let c = 0;
    for (let shard = 0; shard < 8; shard += 1) {
      const value = await kvs.entity<unknown>(ENTITY.searchTotal).get(KEYS.searchTotal('2026-11', shard));
      if (value !== undefined) c += decodeSearch.total(value).c.reduce((a, b) => a + b, 0);
    }
    expect(c).toBe(1);
    expect(await clicks('badge')).toBeUndefined();
  });
});
