import { kvs } from '@forge/kvs';
import { startAppStore, type AppStore } from '../support/app-store';
import { searchOnTime } from '../support/search-events';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { applyRetention } from '../../src/privacy/retention';
import { queryIdOf } from '../../src/search/search-ids';
import { ENTITY, KEYS } from '../../src/core/storage/keys';

let store: AppStore;
beforeEach(() => { store = startAppStore(); });
afterEach(() => store.stop());

describe('retention of search data', () => {
  it('deletes query text by whole months older than the period and keeps the site totals', async () => {
    await searchOnTime({ query: 'old question', at: Date.parse('2026-08-10T10:00:00Z'), accountId: 'user-1' });
    await searchOnTime({ query: 'newer question', at: Date.parse('2026-10-05T10:00:00Z'), accountId: 'user-1' });
    const settings = { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, retentionDays: 30 } };
    const result = await applyRetention(settings, Date.parse('2026-11-20T00:00:00Z'), 60_000);
    expect(result).toMatchObject({ complete: true, deleted: { searchQueries: 1 } });
    expect(await kvs.entity(ENTITY.searchQuery).get(KEYS.searchQuery(queryIdOf('old question'), '2026-08'))).toBeUndefined();
    expect(await kvs.entity(ENTITY.searchQuery).get(KEYS.searchQuery(queryIdOf('newer question'), '2026-10'))).toBeDefined();
    const totals = await Promise.all(Array.from({ length: 8 }, (_, shard) => kvs.entity(ENTITY.searchTotal).get(KEYS.searchTotal('2026-08', shard))));
    expect(totals.filter(Boolean)).toHaveLength(1);
    expect((await applyRetention(settings, Date.parse('2026-11-20T00:00:00Z'), 60_000)).deleted.searchQueries).toBe(0);
  });
});
