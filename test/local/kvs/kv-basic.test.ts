import { kvs, MetadataField } from '@forge/kvs';
import { BACKENDS, T0, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

describe.each(BACKENDS)('KVS get/set/delete through @forge/kvs (%s)', (kind) => {
  const h = useEmulator(kind);

  it.each([
    ['string', 'hello'],
    ['number', 42.5],
    ['boolean', false],
    ['object', { a: 1, nested: { b: [1, 'two', null] } }],
    ['array', [1, 2, 3]],
  ])('round-trips a %s value', async (_type, value) => {
    await kvs.set('item', value);
    await expect(kvs.get('item')).resolves.toEqual(value);
  });

  it('returns undefined for a missing key (404 KEY_NOT_FOUND under the hood)', async () => {
    await expect(kvs.get('missing')).resolves.toBeUndefined();
    expect(h().emulator.stats().requestsByPath['/api/v1/get']).toBe(1);
  });

  it('deletes a key, and deleting a missing key succeeds', async () => {
    await kvs.set('gone', 1);
    await kvs.delete('gone');
    await expect(kvs.get('gone')).resolves.toBeUndefined();
    await expect(kvs.delete('never-there')).resolves.toBeUndefined();
  });

  it('returns requested metadata; createdAt survives an overwrite, updatedAt moves', async () => {
    await kvs.set('meta', 'v1');
    h().clock.advance(5_000);
    await kvs.set('meta', 'v2');
    const all = [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME];
    await expect(kvs.get('meta', { metadataFields: all })).resolves.toEqual({
      key: 'meta', value: 'v2', createdAt: T0, updatedAt: T0 + 5_000, expireTime: undefined,
    });
    const onlyCreated = await kvs.get('meta', { metadataFields: [MetadataField.CREATED_AT] });
    expect(onlyCreated).toEqual({ key: 'meta', value: 'v2', createdAt: T0 });
  });

  it('FAIL_IF_EXISTS refuses an existing key with 409 KEY_ALREADY_EXISTS and keeps the old value', async () => {
    await kvs.set('once', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(kvs.set('once', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
    await expect(kvs.get('once')).resolves.toBe('first');
  });

  it('OVERRIDE + returnValue LATEST returns the written item with metadata', async () => {
    h().clock.advance(1_000);
    const result = await kvs.set('latest', { n: 1 }, {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      returnMetadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
      ttl: { value: 1, unit: 'HOURS' },
    });
    expect(result).toEqual({
      key: 'latest', value: { n: 1 }, createdAt: T0 + 1_000, updatedAt: T0 + 1_000,
      expireTime: new Date(T0 + 1_000 + 3_600_000).toISOString(),
    });
  });

  it('returnValue PREVIOUS returns the overwritten value, or undefined when there was none', async () => {
    await expect(kvs.set('prev', 'a', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).resolves.toBeUndefined();
    await expect(kvs.set('prev', 'b', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).resolves.toEqual({ key: 'prev', value: 'a' });
    await expect(kvs.get('prev')).resolves.toBe('b');
  });

  it('rejects returnValue combined with FAIL_IF_EXISTS, and a null value', async () => {
    const badOptions = { keyPolicy: 'FAIL_IF_EXISTS', returnValue: 'LATEST' } as unknown as { keyPolicy: 'OVERRIDE'; returnValue: 'LATEST' };
    await expectKvsError(kvs.set('x', 1, badOptions), 'BAD_REQUEST', 400);
    await expectKvsError(kvs.set('x', null), 'BAD_REQUEST', 400);
    await expect(kvs.get('x')).resolves.toBeUndefined();
  });

  it('keeps secrets in their own namespace, invisible to get and query', async () => {
    await kvs.setSecret('token', 's3cret');
    await kvs.set('token', 'plain');
    await expect(kvs.getSecret('token')).resolves.toBe('s3cret');
    await expect(kvs.get('token')).resolves.toBe('plain');
    const { results } = await kvs.query().getMany();
    expect(results).toEqual([{ key: 'token', value: 'plain' }]);
    await kvs.deleteSecret('token');
    await expect(kvs.getSecret('token')).resolves.toBeUndefined();
    await expect(kvs.get('token')).resolves.toBe('plain');
  });

  it('supports FAIL_IF_EXISTS and metadata on secrets', async () => {
    await kvs.setSecret('s', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(kvs.setSecret('s', 2, { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
    await expect(kvs.getSecret('s', { metadataFields: [MetadataField.UPDATED_AT] })).resolves.toEqual({ key: 's', value: 1, updatedAt: T0 });
  });

  it('keeps plain keys and entity keys apart', async () => {
    await kvs.set('shared', 'plain');
    await kvs.entity('counter').set('shared', { count: 7 });
    await expect(kvs.get('shared')).resolves.toBe('plain');
    await expect(kvs.entity('counter').get('shared')).resolves.toEqual({ count: 7 });
  });

  it('answers unknown paths with 404 and non-POST methods with 405', async () => {
    const { emulator } = h();
    expect((await emulator.fetch('/api/v1/nope', { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await emulator.fetch('/api/v1/get', { method: 'GET' })).status).toBe(405);
    const malformed = await emulator.fetch('/api/v1/get', { method: 'POST', body: '{not json' });
    expect(malformed.status).toBe(400);
    await expect(malformed.json()).resolves.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
