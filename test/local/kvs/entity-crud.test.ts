import { kvs, MetadataField } from '@forge/kvs';
import { BACKENDS, T0, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';
import { PageView } from './helpers/entities';

describe.each(BACKENDS)('custom entity get/set/delete (%s)', (kind) => {
  useEmulator(kind);
  const views = kvs.entity<PageView>('page-view');

  it('stores and reads an entity with every attribute type', async () => {
    const value: PageView = { space: 'DOC', page: '42', day: 20250101, views: 3, title: 'Home', score: 0.5, pinned: true, extra: { any: ['thing'] } };
    await views.set('v1', value);
    await expect(views.get('v1')).resolves.toEqual(value);
    await expect(views.get('v1', { metadataFields: [MetadataField.CREATED_AT] })).resolves.toEqual({ key: 'v1', value, createdAt: T0 });
  });

  it('deletes an entity; a missing entity reads as undefined', async () => {
    await views.set('v1', { day: 1 });
    await views.delete('v1');
    await expect(views.get('v1')).resolves.toBeUndefined();
    await expect(views.delete('v1')).resolves.toBeUndefined();
  });

  it('refuses an undeclared entity with INVALID_ENTITY_TYPE', async () => {
    await expectKvsError(kvs.entity('nope').set('k', {}), 'INVALID_ENTITY_TYPE', 400);
    await expectKvsError(kvs.entity('nope').get('k'), 'INVALID_ENTITY_TYPE', 400);
  });

  it.each([
    ['a string where an integer is declared', { day: '2025' }],
    ['a fraction for an integer', { day: 1.5 }],
    ['an integer beyond 32 bits', { views: 2_147_483_648 }],
    ['an empty string', { title: '' }],
    ['a whitespace-only string', { title: '   ' }],
    ['a number for a boolean', { pinned: 1 }],
    ['a float below 1e-130', { score: 1e-131 }],
    ['null', { title: null }],
    ['an undeclared attribute', { unknownAttr: 1 }],
  ])('refuses %s with INVALID_ENTITY_VALUE', async (_label, value) => {
    await expectKvsError(views.set('bad', value as PageView), 'INVALID_ENTITY_VALUE', 400);
    await expect(views.get('bad')).resolves.toBeUndefined();
  });

  it.each([['an array', [1]], ['a string', 'text'], ['a number', 5]])('refuses %s as a whole entity value', async (_label, value) => {
    await expectKvsError(views.set('bad', value as PageView), 'INVALID_ENTITY_VALUE', 400);
  });

  it('accepts boundary values of integer and float', async () => {
    const value: PageView = { views: -2_147_483_648, day: 2_147_483_647, score: 0 };
    await views.set('edge', value);
    await expect(views.get('edge')).resolves.toEqual(value);
  });

  it('supports FAIL_IF_EXISTS and returnValue on entities', async () => {
    await views.set('once', { day: 1 }, { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(views.set('once', { day: 2 }, { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
    const previous = await views.set('once', { day: 3 }, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'once', value: { day: 1 } });
  });
});
