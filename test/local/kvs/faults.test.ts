import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { FaultOptions, KvsEmulator, KvsNetworkError } from '../../../local/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

/** Which of `n` gets fail under a given fault configuration (true = failed). */
async function failurePattern(emulator: KvsEmulator, n: number): Promise<boolean[]> {
  const pattern: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const response = await emulator.fetch('/api/v1/get', { method: 'POST', body: JSON.stringify({ key: 'k' }) });
    pattern.push(response.status === 429);
  }
  return pattern;
}

describe.each(BACKENDS)('fault injection (%s)', (kind) => {
  const h = useEmulator(kind);

  it('refuses requests with 429 TOO_MANY_REQUESTS before applying them', async () => {
    h().emulator.setFaults({ rejectRate: 1 });
    await expectKvsError(kvs.set('k', 1), 'TOO_MANY_REQUESTS', 429);
    h().emulator.setFaults(undefined);
    await expect(kvs.get('k')).resolves.toBeUndefined();
    expect(h().emulator.stats()).toMatchObject({ rejectedRequests: 1, writeRequests: 0 });
  });

  it('can refuse with 500 INTERNAL_SERVER_ERROR instead', async () => {
    h().emulator.setFaults({ rejectRate: 1, rejectStatus: 500 });
    await expectKvsError(kvs.transact().set('k', 1).execute(), 'INTERNAL_SERVER_ERROR', 500);
    h().emulator.setFaults(undefined);
    await expect(kvs.get('k')).resolves.toBeUndefined();
  });

  it('lets a hook pick exactly which request fails', async () => {
    const seen: string[] = [];
    h().emulator.setFaults({
      decide: (request) => {
        seen.push(`${request.sequence}:${request.path}:${request.isWrite}`);
        return request.sequence === 2 ? { kind: 'reject', status: 429 } : undefined;
      },
    });
    await kvs.set('a', 1);
    await expectKvsError(kvs.set('b', 2), 'TOO_MANY_REQUESTS', 429);
    await expect(kvs.get('a')).resolves.toBe(1);
    expect(seen).toEqual(['1:/api/v1/set:true', '2:/api/v1/set:true', '3:/api/v1/get:false']);
  });

  it('"fail after apply" stores the write but the caller sees a network error', async () => {
    h().emulator.setFaults({ failAfterApplyRate: 1 });
    const outcome = await kvs.set('k', 'applied').then(() => 'ok', (e: unknown) => e);
    expect(outcome).toBeInstanceOf(KvsNetworkError);
    expect(outcome).not.toBeInstanceOf(ForgeKvsAPIError);
    await expect(kvs.get('k')).resolves.toBe('applied'); // reads are never failed by the rate
    expect(h().emulator.stats().failedAfterApply).toBe(1);
    // A naive retry of a create-only write now conflicts with its own first attempt.
    h().emulator.setFaults(undefined);
    await expectKvsError(kvs.set('k', 'applied', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
  });

  it('"fail after apply" can answer with an HTTP 504 instead', async () => {
    h().emulator.setFaults({ failAfterApplyRate: 1, failAfterApplyStatus: 504 });
    await expectKvsError(kvs.entity('counter').set('c', { count: 1 }), 'GATEWAY_TIMEOUT', 504);
    h().emulator.setFaults(undefined);
    await expect(kvs.entity('counter').get('c')).resolves.toEqual({ count: 1 });
  });

  it('is deterministic for a seed', async () => {
    const faults: FaultOptions = { rejectRate: 0.5 };
    const run = async (seed: number): Promise<boolean[]> => failurePattern(h().reopen({ seed, faults }), 40);
    const first = await run(7);
    const again = await run(7);
    const other = await run(8);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(5);
    expect(first.filter(Boolean).length).toBeLessThan(35);
  });

  it('adds real latency per request, so concurrent requests overlap', async () => {
    h().emulator.setLatency(60);
    await kvs.set('k', 1);
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, () => kvs.get('k')));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(55);
    expect(elapsed).toBeLessThan(450); // run one after another, the 10 calls would take >= 600 ms
  });

  it('draws random latency within the configured range', async () => {
    h().emulator.setLatency({ minMs: 30, maxMs: 50 });
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      await kvs.get('k');
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(28); // timers may fire ~1 ms early
      expect(elapsed).toBeLessThan(400); // generous: CI machines stall
    }
  });
});
