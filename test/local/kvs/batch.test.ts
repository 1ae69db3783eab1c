import { kvs, MetadataField } from '@forge/kvs';
import { BACKENDS, T0, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

const keys = (n: number, prefix = 'k'): Array<{ key: string }> => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}` }));

describe.each(BACKENDS)('batch operations (%s)', (kind) => {
  useEmulator(kind);

  it('batchSet writes 25 items mixing plain keys and entities', async () => {
    const plain = keys(20).map(({ key }) => ({ key, value: { n: key } }));
    const entities = keys(5, 'e').map(({ key }, i) => ({ key, value: { count: i }, entityName: 'counter' }));
    const result = await kvs.batchSet<unknown>([...plain, ...entities]);
    expect(result.failedKeys).toEqual([]);
    expect(result.successfulKeys).toEqual([...plain.map(({ key }) => ({ key })), ...entities.map(({ key }) => ({ key, entityName: 'counter' }))]);
    await expect(kvs.get('k19')).resolves.toEqual({ n: 'k19' });
    await expect(kvs.entity('counter').get('e4')).resolves.toEqual({ count: 4 });
  });

  it.each(['batchSet', 'batchGet', 'batchDelete'] as const)('%s refuses 26 items with BATCH_TOO_MANY_ITEMS and applies none', async (op) => {
    const items = keys(26).map(({ key }) => ({ key, value: 1 }));
    await expectKvsError(kvs[op](items), 'BATCH_TOO_MANY_ITEMS', 400);
    await expect(kvs.get('k0')).resolves.toBeUndefined();
  });

  it('refuses an empty batch and duplicate keys, but allows one key in two namespaces', async () => {
    await expectKvsError(kvs.batchSet<unknown>([]), 'BATCH_EMPTY', 400);
    await expectKvsError(kvs.batchGet([{ key: 'a' }, { key: 'a' }]), 'BATCH_DUPLICATE_KEYS', 400);
    await expectKvsError(kvs.batchDelete([{ key: 'a', entityName: 'counter' }, { key: 'a', entityName: 'counter' }]), 'BATCH_DUPLICATE_KEYS', 400);
    const result = await kvs.batchSet<unknown>([{ key: 'a', value: 1 }, { key: 'a', value: { count: 1 }, entityName: 'counter' }]);
    expect(result.failedKeys).toEqual([]);
  });

  it('reports invalid items in failedKeys and still writes the valid ones', async () => {
    const result = await kvs.batchSet<unknown>([
      { key: 'ok', value: 1 },
      { key: 'bad/key', value: 1 },
      { key: 'typed', value: { count: 'not a number' }, entityName: 'counter' },
      { key: 'ghost', value: {}, entityName: 'no-such-entity' },
      { key: 'ok2', value: 2, options: { ttl: { value: 1, unit: 'SECONDS' } } },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'ok' }, { key: 'ok2' }]);
    expect(result.failedKeys.map((f) => [f.key, f.entityName, f.error.code])).toEqual([
      ['bad/key', undefined, 'INVALID_KEY'],
      ['typed', 'counter', 'INVALID_ENTITY_VALUE'],
      ['ghost', 'no-such-entity', 'INVALID_ENTITY_TYPE'],
    ]);
    await expect(kvs.get('ok')).resolves.toBe(1);
    await expect(kvs.entity('counter').get('typed')).resolves.toBeUndefined();
  });

  it('batchGet returns values, entityName and requested metadata; misses go to failedKeys', async () => {
    await kvs.set('p', 'plain');
    await kvs.entity('counter').set('c', { count: 3 });
    const result = await kvs.batchGet([
      { key: 'p', options: { metadataFields: [MetadataField.CREATED_AT] } },
      { key: 'c', entityName: 'counter' },
      { key: 'missing' },
    ]);
    expect(result.successfulKeys).toEqual([
      { key: 'p', value: 'plain', createdAt: T0 },
      { key: 'c', value: { count: 3 }, entityName: 'counter' },
    ]);
    expect(result.failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]);
  });

  it('batchDelete removes plain and entity items; missing keys succeed', async () => {
    await kvs.batchSet<unknown>([{ key: 'x', value: 1 }, { key: 'y', value: { count: 1 }, entityName: 'counter' }]);
    const result = await kvs.batchDelete([{ key: 'x' }, { key: 'y', entityName: 'counter' }, { key: 'never' }]);
    expect(result).toEqual({ successfulKeys: [{ key: 'x' }, { key: 'y', entityName: 'counter' }, { key: 'never' }], failedKeys: [] });
    await expect(kvs.get('x')).resolves.toBeUndefined();
    await expect(kvs.entity('counter').get('y')).resolves.toBeUndefined();
    expect((await kvs.entity('counter').query().index('count').getMany()).results).toEqual([]);
  });

  it('refuses a batchSet payload above 4 MB with BATCH_PAYLOAD_TOO_LARGE', async () => {
    const big = 'x'.repeat(230 * 1024);
    const items = keys(19).map(({ key }) => ({ key, value: big }));
    await expectKvsError(kvs.batchSet(items), 'BATCH_PAYLOAD_TOO_LARGE', 400);
    await expect(kvs.get('k0')).resolves.toBeUndefined();
  });
});
