import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';
import { Counter } from './helpers/entities';

const counters = kvs.entity<Counter>('counter');
type Conditions = ReturnType<Filter<Counter>['and']>;

/** Optimistic concurrency: read, then write only if the value is still the one we read. */
async function conditionalIncrement(key: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const current = await counters.get(key);
    const conditions: Conditions = current
      ? new Filter<Counter>().and('count', FilterConditions.equalTo(current.count))
      : new Filter<Counter>().and('count', FilterConditions.notExists());
    try {
      await kvs.transact().set<Counter>(key, { count: (current?.count ?? 0) + 1 }, { entityName: 'counter', conditions }).execute();
      return attempt;
    } catch (error) {
      if (!(error instanceof ForgeKvsAPIError && error.code === 'CONDITIONAL_CHECK_FAILED')) {
        throw error;
      }
    }
  }
}

describe.each(BACKENDS)('concurrency under latency (%s)', (kind) => {
  const h = useEmulator(kind, { latency: { minMs: 1, maxMs: 8 } });

  it('50 concurrent conditional increments end exactly at 50, with real conflicts along the way', async () => {
    const attempts = await Promise.all(Array.from({ length: 50 }, () => conditionalIncrement('views')));
    await expect(counters.get('views')).resolves.toEqual({ count: 50 });
    const retries = attempts.reduce((sum, n) => sum + n - 1, 0);
    expect(retries).toBeGreaterThan(0); // losers really lost at apply time
    expect(h().emulator.stats().requestsByPath['/api/v1/transaction']).toBe(50 + retries);
  });

  it('the same increments without conditions lose updates (last write wins)', async () => {
    await Promise.all(Array.from({ length: 50 }, async () => {
      const current = await counters.get('naive');
      await counters.set('naive', { count: (current?.count ?? 0) + 1 });
    }));
    const final = await counters.get('naive');
    expect(final?.count).toBeLessThan(50);
  });

  it('of two concurrent transactions with the same condition, exactly one commits', async () => {
    h().emulator.setLatency(20);
    await counters.set('slot', { count: 0 });
    const claim = (owner: string) => kvs.transact()
      .set<Counter>('slot', { count: 1, owner }, { entityName: 'counter', conditions: new Filter<Counter>().and('count', FilterConditions.equalTo(0)) })
      .execute();
    const outcomes = await Promise.allSettled([claim('first'), claim('second')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = outcomes[0].status === 'fulfilled' ? 'first' : 'second';
    await expect(counters.get('slot')).resolves.toEqual({ count: 1, owner: winner });
  });
});
