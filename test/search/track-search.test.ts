import { kvs } from '@forge/kvs';
import { startAppStore, type AppStore } from '../support/app-store';
import { searchEvent, searchOnTime, storedText } from '../support/search-events';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { forgetCachedSettings } from '../../src/settings/settings-source';
import { normaliseQuery } from '../../src/search/rules/normalise-query';
import { parseSearchEvent } from '../../src/search/rules/search-event';
import { processSearchEvent } from '../../src/search/on-search-performed';
import { queryIdOf } from '../../src/search/search-ids';
import { decodeSearch } from '../../src/core/storage/search-codecs';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import type { Settings } from '@contracts/settings';

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
const SEARCH_ENTITIES = [ENTITY.searchMark, ENTITY.searchQuery, ENTITY.searchTotal, ENTITY.searchLast, ENTITY.sketch];

async function useSettings(change: (settings: Settings) => Settings): Promise<void> {
  await writeSettings(change(DEFAULT_SETTINGS), 0, { at: T0, accountId: null, version: 1, changes: [] });
  forgetCachedSettings();
}

/** The site's totals of November 2026 over every shard, and one query's month row. */
async function totals(): Promise<{ s: number; a: number; n: number; c: number }> {
  const sum = { s: 0, a: 0, n: 0, c: 0 };
  for (let shard = 0; shard < 8; shard += 1) {
    const value = await kvs.entity<unknown>(ENTITY.searchTotal).get(KEYS.searchTotal('2026-11', shard));
    if (value === undefined) continue;
    const row = decodeSearch.total(value);
    for (const name of ['s', 'a', 'n', 'c'] as const) sum[name] += row[name].reduce((a, b) => a + b, 0);
  }
  return sum;
}
async function queryMonth(query: string) {
  const value = await kvs.entity<unknown>(ENTITY.searchQuery).get(KEYS.searchQuery(queryIdOf(query), '2026-11'));
  return value === undefined ? undefined : decodeSearch.query(value);
}

describe('query normalisation', () => {
  it.each([
    ['  Release   Notes ', 'release notes'],
    ['ＲＥＬＥＡＳＥ\u00a0notes', 'release notes'],
    ['re\u200blease\tnotes\n', 'release notes'],
    ['ﬁnance', 'finance'],
    ['Straße', 'straße'],
    ['   ', null],
    ['\u200b', null],
  ])('%j is counted as %j', (raw, expected) => {
    expect(normaliseQuery(raw)).toBe(expected);
  });

  it('cuts a long query at 200 code points, never inside a surrogate pair', () => {
    const cut = normaliseQuery('😀'.repeat(300))!;
    expect(Array.from(cut)).toHaveLength(200);
    expect(cut.endsWith('😀')).toBe(true);
  });
});

describe('the search event', () => {
  it('parses the payload of the Forge events reference; anonymous when atlassianId is absent', () => {
    const parsed = parseSearchEvent({ eventType: 'avi:confluence:performed:search', eventCreatedDate: '2021-01-20T06:29:21.907Z', atlassianId: '4ad9aa0c52dc1b420a791d12', query: 'test search', accountType: 'atlassian', results: 2 });
    expect(parsed).toEqual({ ok: true, value: { searcher: { kind: 'user', accountId: '4ad9aa0c52dc1b420a791d12' }, at: Date.parse('2021-01-20T06:29:21.907Z'), query: 'test search', results: 2, accountType: 'atlassian' } });
    const anonymous = parseSearchEvent({ ...searchEvent({ query: 'x', at: T0 }), atlassianId: undefined });
    expect(anonymous.ok && anonymous.value.searcher).toEqual({ kind: 'anonymous' });
  });

  it.each([
    ['no results count', { results: undefined }],
    ['a negative results count', { results: -1 }],
    ['another event type', { eventType: 'avi:confluence:viewed:page' }],
    ['a query of 5,000 characters', { query: 'x'.repeat(5000) }],
  ])('drops an event with %s, storing nothing', async (_name, change) => {
    expect(await processSearchEvent({ ...searchEvent({ query: 'x', at: Date.now(), accountId: 'u1' }), ...change })).toBe('malformed');
    expect(store.emulator.stats().writeRequests).toBe(0);
  });
});

describe('recording searches', () => {
  it('counts a search once however often Forge delivers it', async () => {
    const search = { query: 'Onboarding', at: T0, accountId: 'user-1', results: 4 };
    expect(await searchOnTime(search)).toEqual({ recorded: true, counted: true });
    expect(await searchOnTime(search)).toEqual({ recorded: false, reason: 'duplicate' });
    expect(await totals()).toEqual({ s: 1, a: 0, n: 0, c: 0 });
    expect(await queryMonth('onboarding')).toMatchObject({ query: 'onboarding', monthSearches: 1, monthNoResults: 0, monthUnclicked: 1, lastResults: 4 });
  });

  it('counts the same person repeating the same query within the blocking time once, whatever order the events arrive in', async () => {
    const base = { query: 'vpn', accountId: 'user-1', results: 0 };
    expect(await searchOnTime({ ...base, at: T0 + 3000 })).toEqual({ recorded: true, counted: true });
    // A late event from before: it now opens the window and the later one falls inside it.
    expect(await searchOnTime({ ...base, at: T0 })).toEqual({ recorded: true, counted: true });
    expect(await searchOnTime({ ...base, at: T0 + 4000 })).toEqual({ recorded: true, counted: false });
    expect(await totals()).toEqual({ s: 1, a: 0, n: 1, c: 0 });
    expect(await searchOnTime({ ...base, at: T0 + 6000 })).toEqual({ recorded: true, counted: true });
    expect(await searchOnTime({ ...base, query: ' VPN ', at: T0 + 6500 })).toEqual({ recorded: true, counted: false });
    expect(await searchOnTime({ ...base, accountId: 'user-2', at: T0 + 6500 })).toEqual({ recorded: true, counted: true });
    expect(await totals()).toEqual({ s: 3, a: 0, n: 3, c: 0 });
    expect(await queryMonth('vpn')).toMatchObject({ monthSearches: 3, monthNoResults: 3, monthUnclicked: 0 });
  });

  it('counts every anonymous search (they cannot be told apart) but a redelivered one once; excludes them when anonymous views are excluded', async () => {
    await searchOnTime({ query: 'holidays', at: T0 });
    await searchOnTime({ query: 'holidays', at: T0 + 1 });
    expect(await searchOnTime({ query: 'holidays', at: T0 + 1 })).toEqual({ recorded: false, reason: 'duplicate' });
    expect(await totals()).toEqual({ s: 2, a: 2, n: 0, c: 0 });
    await useSettings((s) => ({ ...s, excludeAnonymous: true }));
    expect(await searchOnTime({ query: 'holidays', at: T0 + 10 })).toEqual({ recorded: false, reason: 'anonymous-excluded' });
  });

  it('leaves out searches of excluded groups, apps and with Search Auto Tracking off', async () => {
    await useSettings((s) => ({ ...s, excludedGroups: [{ id: 'g-bots', name: 'bots' }] }));
    await kvs.set(KEYS.userGroups('bot-1'), { groupIds: ['g-bots'], fetchedAt: Date.now() });
    expect(await searchOnTime({ query: 'x', at: Date.now() - 5000, accountId: 'bot-1' })).toEqual({ recorded: false, reason: 'group-excluded' });
    expect(await searchOnTime({ query: 'x', at: Date.now() - 5000, accountId: 'app-1', accountType: 'app' })).toEqual({ recorded: false, reason: 'app-search' });
    await kvs.entity(ENTITY.settings).delete(KEYS.settings);
    await useSettings((s) => ({ ...s, search: { autoTracking: false, recordQueryText: true } }));
    expect(await searchOnTime({ query: 'x', at: T0, accountId: 'user-1' })).toEqual({ recorded: false, reason: 'search-not-tracked' });
  });

  it('keeps only counts while query text is not recorded', async () => {
    await useSettings((s) => ({ ...s, search: { autoTracking: true, recordQueryText: false } }));
    await searchOnTime({ query: 'salary bands', at: T0, accountId: 'user-1', results: 0 });
    expect(await totals()).toEqual({ s: 1, a: 0, n: 1, c: 0 });
    expect(await queryMonth('salary bands')).toBeUndefined();
    expect(storedText(store.emulator, SEARCH_ENTITIES).join('\n')).not.toMatch(/salary/i);
  });

  it.each([['standard'], ['hide-viewers'], ['extended']] as const)('stores no account id with a search in %s mode', async (mode) => {
    await useSettings((s) => ({ ...s, privacy: { ...s.privacy, mode } }));
    await searchOnTime({ query: 'jane doe', at: T0, accountId: 'acct-5b10ac8d' });
    const stored = storedText(store.emulator, SEARCH_ENTITIES);
    expect(stored.join('\n')).not.toContain('acct-5b10ac8d');
    // Distinct searchers are a sketch, kept except under Extended privacy.
    expect(stored.some((line) => line.includes('hl:searchers'))).toBe(mode !== 'extended');
  });
});

describe('month boundaries', () => {
  it('a late search just before midnight at a month end, after a later one, is counted without losing a row', async () => {
    const end = Date.parse('2026-11-30T23:59:58Z');
    expect(await searchOnTime({ query: 'close the books', at: end + 3000, accountId: 'user-1' })).toEqual({ recorded: true, counted: true });
    expect(await searchOnTime({ query: 'close the books', at: end, accountId: 'user-1' })).toEqual({ recorded: true, counted: true });
    expect(await searchOnTime({ query: 'close the books', at: end + 1000, accountId: 'user-1' })).toEqual({ recorded: true, counted: false });
    expect(await totals()).toMatchObject({ s: 1 });
  });
});
