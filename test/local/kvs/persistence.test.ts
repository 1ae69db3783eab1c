import Database from 'better-sqlite3';
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { T0, useEmulator } from './helpers/harness';
import { TEST_ENTITIES } from './helpers/entities';

describe('SQLite persistence across re-open', () => {
  const h = useEmulator('sqlite');

  it('keeps plain values, secrets, entities, metadata and TTLs', async () => {
    await kvs.set('plain', { a: 1 });
    await kvs.set('ttl', 'soon gone', { ttl: { value: 1, unit: 'MINUTES' } });
    await kvs.setSecret('secret', 'hidden');
    await kvs.entity('page-view').set('v1', { space: 'S', day: 3 });
    h().clock.advance(1_000);
    await kvs.set('plain', { a: 2 });

    h().reopen();

    await expect(kvs.get('plain', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] }))
      .resolves.toEqual({ key: 'plain', value: { a: 2 }, createdAt: T0, updatedAt: T0 + 1_000 });
    await expect(kvs.getSecret('secret')).resolves.toBe('hidden');
    await expect(kvs.get('ttl')).resolves.toBe('soon gone');
    const byDay = await kvs.entity('page-view').query().index('by-space-day', { partition: ['S'] }).where(WhereConditions.equalTo(3)).getMany();
    expect(byDay.results).toEqual([{ key: 'v1', value: { space: 'S', day: 3 } }]);
    h().clock.advance(60_000);
    await expect(kvs.get('ttl')).resolves.toBeUndefined();
  });

  it('runs the database in WAL mode', () => {
    const db = new Database(h().dbPath, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('rebuilds index rows when the declared indexes change', async () => {
    await kvs.batchSet<unknown>([
      { key: 'a', value: { views: 30 }, entityName: 'page-view' },
      { key: 'b', value: { views: 10 }, entityName: 'page-view' },
      { key: 'c', value: { title: 'no views' }, entityName: 'page-view' },
    ]);
    const withViewsIndex = TEST_ENTITIES.map((e) => (e.name === 'page-view' ? { ...e, indexes: [...(e.indexes ?? []), 'views'] } : e));
    h().reopen({ entities: withViewsIndex });
    const { results } = await kvs.entity('page-view').query().index('views').getMany();
    expect(results.map((r) => r.key)).toEqual(['b', 'a']);
  });

  it('a memory emulator starts empty again (nothing persisted)', async () => {
    await kvs.set('k', 1);
    h().reopen({ backend: { kind: 'memory' } });
    await expect(kvs.get('k')).resolves.toBeUndefined();
  });
});
