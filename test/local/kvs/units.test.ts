import { kvs } from '@forge/kvs';
import { UNIT_BYTES, unitsFor } from '../../../local/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';

describe('unitsFor', () => {
  it.each([[0, 1], [1, 1], [10_240, 1], [10_241, 2], [65 * 1024, 7], [25 * 1024, 3]])('%p bytes = %p unit(s)', (bytes, units) => {
    expect(unitsFor(bytes)).toBe(units);
  });
});

describe.each(BACKENDS)('unit accounting (%s)', (kind) => {
  const h = useEmulator(kind);
  const stats = () => h().emulator.stats();

  it('a 25 KB set costs 3 write units; reading it back costs 3 read units', async () => {
    await kvs.set('big', 'x'.repeat(25 * 1024));
    expect(stats()).toMatchObject({ writeUnits: 3, writeRequests: 1, readUnits: 0, readRequests: 0 });
    await kvs.get('big');
    expect(stats()).toMatchObject({ readUnits: 3, readRequests: 1 });
  });

  it('meters writes by request body size, exactly at the 10 KB boundary', async () => {
    const overhead = JSON.stringify({ key: 'b', value: '' }).length;
    await kvs.set('b', 'x'.repeat(UNIT_BYTES - overhead));
    expect(stats().writeUnits).toBe(1);
    await kvs.set('b', 'x'.repeat(UNIT_BYTES - overhead + 1));
    expect(stats().writeUnits).toBe(1 + 2);
  });

  it('a 25-item batchGet of small values costs 1 read unit', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, value: i }));
    await kvs.batchSet(items);
    h().emulator.resetStats();
    const result = await kvs.batchGet(items.map(({ key }) => ({ key })));
    expect(result.successfulKeys).toHaveLength(25);
    expect(stats()).toMatchObject({ readUnits: 1, readRequests: 1, writeUnits: 0 });
  });

  it('meters a query by its response size, and a miss as 1 unit', async () => {
    const value = 'v'.repeat(1000);
    const items = Array.from({ length: 100 }, (_, i) => ({ key: `q${String(i).padStart(3, '0')}`, value }));
    for (let i = 0; i < items.length; i += 25) await kvs.batchSet(items.slice(i, i + 25));
    h().emulator.resetStats();
    await kvs.query().limit(100).getMany();
    const expected = unitsFor(Buffer.byteLength(JSON.stringify({ data: items })));
    expect(expected).toBeGreaterThan(9);
    expect(stats().readUnits).toBe(expected);
    await kvs.get('missing');
    expect(stats().readUnits).toBe(expected + 1);
  });

  it('counts a transaction as one write request sized by its whole body', async () => {
    const tx = kvs.transact();
    for (let i = 0; i < 10; i++) tx.set(`t${i}`, 'y'.repeat(3000));
    await tx.execute();
    expect(stats()).toMatchObject({ writeRequests: 1, writeUnits: 3 });
  });

  it('keeps per-path counts for every operation, and resetStats clears everything', async () => {
    await kvs.set('a', 1);
    await kvs.get('a');
    await kvs.get('a');
    await kvs.setSecret('s', 1);
    await kvs.entity('counter').set('c', { count: 1 });
    await kvs.entity('counter').query().index('count').getMany();
    await kvs.delete('a');
    expect(stats()).toMatchObject({
      readRequests: 3, writeRequests: 4, readUnits: 3, writeUnits: 4,
      requestsByPath: {
        '/api/v1/set': 1, '/api/v1/get': 2, '/api/v1/secret/set': 1, '/api/v1/entity/set': 1,
        '/api/v1/entity/query': 1, '/api/v1/delete': 1,
      },
    });
    h().emulator.resetStats();
    expect(stats()).toEqual({ readUnits: 0, writeUnits: 0, readRequests: 0, writeRequests: 0, requestsByPath: {}, rejectedRequests: 0, failedAfterApply: 0 });
  });

  it('meters requests refused by the service (validation errors) but not injected faults', async () => {
    await kvs.set('bad/key', 1).catch(() => undefined);
    expect(stats()).toMatchObject({ writeRequests: 1, writeUnits: 1 });
    h().emulator.setFaults({ rejectRate: 1 });
    await kvs.set('ok', 1).catch(() => undefined);
    expect(stats()).toMatchObject({ writeRequests: 1, writeUnits: 1, rejectedRequests: 1 });
    expect(stats().requestsByPath['/api/v1/set']).toBe(2);
  });
});
