import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';
import { Counter } from './helpers/entities';

const counters = kvs.entity<Counter>('counter');
const countIs = (n: number) => new Filter<Counter>().and('count', FilterConditions.equalTo(n));
const noCount = () => new Filter<Counter>().and('count', FilterConditions.notExists());

describe.each(BACKENDS)('transactions (%s)', (kind) => {
  const h = useEmulator(kind);

  it('applies plain sets and deletes together', async () => {
    await kvs.set('old', 1);
    await kvs.transact().set('a', 'A').set('b', { b: true }).delete('old').execute();
    await expect(kvs.batchGet([{ key: 'a' }, { key: 'b' }, { key: 'old' }])).resolves.toMatchObject({
      successfulKeys: [{ key: 'a', value: 'A' }, { key: 'b', value: { b: true } }],
      failedKeys: [{ key: 'old' }],
    });
  });

  it('applies entity sets whose conditions hold against the stored value', async () => {
    await counters.set('c', { count: 1 });
    await kvs.transact()
      .set<Counter>('c', { count: 2 }, { entityName: 'counter', conditions: countIs(1) })
      .set<Counter>('fresh', { count: 0 }, { entityName: 'counter', conditions: noCount() })
      .execute();
    await expect(counters.get('c')).resolves.toEqual({ count: 2 });
    await expect(counters.get('fresh')).resolves.toEqual({ count: 0 });
  });

  it('aborts everything with 409 CONDITIONAL_CHECK_FAILED when one condition fails', async () => {
    await counters.set('c', { count: 5 });
    await kvs.set('plain', 'before');
    const error = await expectKvsError(
      kvs.transact()
        .set('plain', 'after')
        .set('other', { count: 1 }, { entityName: 'counter' })
        .delete('c', { entityName: 'counter', conditions: countIs(4) })
        .execute(),
      'CONDITIONAL_CHECK_FAILED', 409,
    );
    expect(error.context).toEqual({ key: 'c', entityName: 'counter', operation: 'delete' });
    await expect(kvs.get('plain')).resolves.toBe('before');
    await expect(counters.get('other')).resolves.toBeUndefined();
    await expect(counters.get('c')).resolves.toEqual({ count: 5 });
  });

  it('sees a missing item as having no attributes: NOT_EXISTS and NOT_EQUAL_TO pass, EQUAL_TO fails', async () => {
    await kvs.transact().check('ghost', { entityName: 'counter', conditions: noCount() }).execute();
    await kvs.transact().check('ghost', { entityName: 'counter', conditions: new Filter<Counter>().and('count', FilterConditions.notEqualTo(3)) }).execute();
    await expectKvsError(kvs.transact().check('ghost', { entityName: 'counter', conditions: countIs(0) }).execute(), 'CONDITIONAL_CHECK_FAILED', 409);
    await expectKvsError(kvs.transact().check('ghost', { entityName: 'counter', conditions: new Filter<Counter>().and('count', FilterConditions.exists()) }).execute(), 'CONDITIONAL_CHECK_FAILED', 409);
  });

  it('uses check operations as guards for writes to other keys', async () => {
    await counters.set('lock', { count: 1, owner: 'me' });
    const guarded = (owner: string) => kvs.transact()
      .check('lock', { entityName: 'counter', conditions: new Filter<Counter>().and('owner', FilterConditions.equalTo(owner)) })
      .set('result', owner);
    await expectKvsError(guarded('you').execute(), 'CONDITIONAL_CHECK_FAILED', 409);
    await expect(kvs.get('result')).resolves.toBeUndefined();
    await guarded('me').execute();
    await expect(kvs.get('result')).resolves.toBe('me');
  });

  it('evaluates or-conditions', async () => {
    await counters.set('c', { count: 9 });
    const either = new Filter<Counter>().or('count', FilterConditions.equalTo(1)).or('count', FilterConditions.greaterThan(8));
    await kvs.transact().set<Counter>('c', { count: 10 }, { entityName: 'counter', conditions: either }).execute();
    await expect(counters.get('c')).resolves.toEqual({ count: 10 });
  });

  it('accepts 25 operations and refuses 26 with TRANSACTION_TOO_MANY_OPERATIONS', async () => {
    const build = (n: number) => {
      const tx = kvs.transact();
      for (let i = 0; i < n; i++) {
        if (i % 3 === 0) tx.delete(`d${i}`);
        else tx.set(`s${i}`, i);
      }
      return tx;
    };
    await expectKvsError(build(26).execute(), 'TRANSACTION_TOO_MANY_OPERATIONS', 400);
    await expect(kvs.get('s1')).resolves.toBeUndefined();
    await build(25).execute();
    await expect(kvs.get('s1')).resolves.toBe(1);
  });

  it('refuses a key used twice with TRANSACTION_DUPLICATE_KEYS', async () => {
    await expectKvsError(kvs.transact().set('k', 1).delete('k').execute(), 'TRANSACTION_DUPLICATE_KEYS', 400);
    await expectKvsError(
      kvs.transact().set<Counter>('k', { count: 1 }, { entityName: 'counter' }).check('k', { entityName: 'counter', conditions: noCount() }).execute(),
      'TRANSACTION_DUPLICATE_KEYS', 400,
    );
    await kvs.transact().set('k', 1).set('k', { count: 1 }, { entityName: 'counter' }).execute(); // different namespaces
    await expect(kvs.get('k')).resolves.toBe(1);
  });

  it('refuses a payload above 4 MB with TRANSACTION_PAYLOAD_TOO_LARGE', async () => {
    const tx = kvs.transact();
    for (let i = 0; i < 19; i++) tx.set(`big${i}`, 'x'.repeat(230 * 1024));
    await expectKvsError(tx.execute(), 'TRANSACTION_PAYLOAD_TOO_LARGE', 400);
    await expect(kvs.get('big0')).resolves.toBeUndefined();
  });

  it('refuses the whole transaction when one operation is invalid', async () => {
    await expectKvsError(kvs.transact().set('fine', 1).set('bad/key', 2).execute(), 'INVALID_KEY', 400);
    await expectKvsError(kvs.transact().set('fine', 1).set('c', { count: 'x' } as unknown as Counter, { entityName: 'counter' }).execute(), 'INVALID_ENTITY_VALUE', 400);
    await expect(kvs.get('fine')).resolves.toBeUndefined();
  });

  it('refuses conditions without an entity and an empty transaction', async () => {
    const { emulator } = h();
    const post = async (body: unknown) => (await emulator.fetch('/api/v1/transaction', { method: 'POST', body: JSON.stringify(body) })).json();
    await expect(post({ set: [{ key: 'k', value: 1, conditions: { and: [{ property: 'count', condition: 'EXISTS', values: [true] }] } }] }))
      .resolves.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(post({})).resolves.toMatchObject({ code: 'TRANSACTION_EMPTY' });
  });

  it('counts as one write request', async () => {
    h().emulator.resetStats();
    await kvs.transact().set('a', 1).set('b', 2).set('c', 3).execute();
    expect(h().emulator.stats()).toMatchObject({ writeRequests: 1, writeUnits: 1 });
  });
});
