import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { BACKENDS, T0, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

describe.each(BACKENDS)('TTL and expiry (%s)', (kind) => {
  const h = useEmulator(kind);

  it('hides an item once its TTL has elapsed', async () => {
    await kvs.set('short', 'lived', { ttl: { value: 5, unit: 'SECONDS' } });
    h().clock.advance(4_999);
    await expect(kvs.get('short')).resolves.toBe('lived');
    h().clock.advance(1);
    await expect(kvs.get('short')).resolves.toBeUndefined();
  });

  it.each([
    ['SECONDS', 1_000],
    ['MINUTES', 60_000],
    ['HOURS', 3_600_000],
    ['DAYS', 86_400_000],
  ] as const)('reports expireTime as ISO-8601 for unit %s', async (unit, ms) => {
    await kvs.set('t', 1, { ttl: { value: 2, unit } });
    const got = await kvs.get('t', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(got).toEqual({ key: 't', value: 1, expireTime: new Date(T0 + 2 * ms).toISOString() });
  });

  it('rejects a TTL above one year or not positive with INVALID_TTL', async () => {
    await expectKvsError(kvs.set('t', 1, { ttl: { value: 366, unit: 'DAYS' } }), 'INVALID_TTL', 400);
    await expectKvsError(kvs.set('t', 1, { ttl: { value: 0, unit: 'SECONDS' } }), 'INVALID_TTL', 400);
    await kvs.set('t', 1, { ttl: { value: 365, unit: 'DAYS' } });
    await expect(kvs.get('t')).resolves.toBe(1);
  });

  it('an overwrite without TTL removes the expiry', async () => {
    await kvs.set('k', 'a', { ttl: { value: 1, unit: 'MINUTES' } });
    await kvs.set('k', 'b');
    h().clock.advance(120_000);
    await expect(kvs.get('k', { metadataFields: [MetadataField.EXPIRE_TIME] })).resolves.toEqual({ key: 'k', value: 'b', expireTime: undefined });
  });

  it('treats an expired key as absent for FAIL_IF_EXISTS, and resets createdAt', async () => {
    await kvs.set('k', 'old', { ttl: { value: 1, unit: 'SECONDS' } });
    h().clock.advance(2_000);
    await kvs.set('k', 'new', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.get('k', { metadataFields: [MetadataField.CREATED_AT] })).resolves.toEqual({ key: 'k', value: 'new', createdAt: T0 + 2_000 });
  });

  it('excludes expired items from queries, batch gets and entity queries', async () => {
    await kvs.set('q:live', 1);
    await kvs.set('q:dead', 2, { ttl: { value: 1, unit: 'SECONDS' } });
    await kvs.entity('page-view').set('live', { day: 1 });
    await kvs.entity('page-view').set('dead', { day: 2 }, { ttl: { value: 1, unit: 'SECONDS' } });
    await kvs.setSecret('secret', 'x', { ttl: { value: 1, unit: 'SECONDS' } });
    h().clock.advance(1_000);
    const { results } = await kvs.query().where('key', WhereConditions.beginsWith('q:')).getMany();
    expect(results.map((r) => r.key)).toEqual(['q:live']);
    const batch = await kvs.batchGet([{ key: 'q:dead' }, { key: 'dead', entityName: 'page-view' }, { key: 'q:live' }]);
    expect(batch.successfulKeys.map((r) => r.key)).toEqual(['q:live']);
    expect(batch.failedKeys.map((f) => [f.key, f.error.code])).toEqual([['q:dead', 'KEY_NOT_FOUND'], ['dead', 'KEY_NOT_FOUND']]);
    const byDay = await kvs.entity('page-view').query().index('day').getMany();
    expect(byDay.results.map((r) => r.key)).toEqual(['live']);
    await expect(kvs.getSecret('secret')).resolves.toBeUndefined();
  });

  it('applies TTL set through a transaction', async () => {
    await kvs.transact().set('tx', 'v', undefined, { ttl: { value: 10, unit: 'SECONDS' } }).execute();
    h().clock.advance(9_999);
    await expect(kvs.get('tx')).resolves.toBe('v');
    h().clock.advance(1);
    await expect(kvs.get('tx')).resolves.toBeUndefined();
  });

  it('client quirk: a TTL inside the entity argument (as the docs example writes it) is silently dropped', async () => {
    const docsStyle = { entityName: 'counter', ttl: { value: 1, unit: 'SECONDS' } } as { entityName: string };
    await kvs.transact().set('docs-style', { count: 1 }, docsStyle).execute();
    await kvs.transact().set('fourth-arg', { count: 1 }, { entityName: 'counter' }, { ttl: { value: 1, unit: 'SECONDS' } }).execute();
    h().clock.advance(10_000);
    await expect(kvs.entity('counter').get('docs-style')).resolves.toEqual({ count: 1 });
    await expect(kvs.entity('counter').get('fourth-arg')).resolves.toBeUndefined();
  });
});
