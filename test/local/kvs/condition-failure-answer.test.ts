/**
 * strictness.conditionFailureAnswer: the answer of a failed transaction condition is not
 * documented, so the emulator can give the app other answers than its own 409.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { KvsStrictness } from '../../../local/kvs';
import { Counter } from './helpers/entities';
import { BACKENDS, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

const countIs = (n: number) => new Filter<Counter>().and('count', FilterConditions.equalTo(n));

/** A transaction whose condition fails: the counter holds 1, the condition wants 0. */
async function failingTransaction(): Promise<void> {
  await kvs.entity<Counter>('counter').set('c', { count: 1 });
  await kvs.transact()
    .set<Counter>('c', { count: 2 }, { entityName: 'counter', conditions: countIs(0) })
    .set('other', 'untouched')
    .execute();
}

describe.each(BACKENDS)('answer of a failed transaction condition (%s)', (kind) => {
  describe('default', () => {
    useEmulator(kind);

    it('is 409 CONDITIONAL_CHECK_FAILED with the key, entity and operation', async () => {
      const error = await expectKvsError(failingTransaction(), 'CONDITIONAL_CHECK_FAILED', 409);
      expect(error.context).toEqual({ key: 'c', entityName: 'counter', operation: 'set' });
    });
  });

  const cases: Array<[string, KvsStrictness['conditionFailureAnswer'], string, number]> = [
    ['transaction-cancelled', 'transaction-cancelled', 'TRANSACTION_CANCELLED', 400],
    ['a custom answer', { status: 422, code: 'SOMETHING_NEW', message: 'unknown to the app' }, 'SOMETHING_NEW', 422],
  ];

  describe.each(cases)('%s', (_name, answer, code, status) => {
    useEmulator(kind, { strictness: { conditionFailureAnswer: answer } });

    it(`answers ${status} ${code} and still changes nothing`, async () => {
      const error = await expectKvsError(failingTransaction(), code, status);
      expect(error.context).toEqual({});
      await expect(kvs.entity<Counter>('counter').get('c')).resolves.toEqual({ count: 1 });
      await expect(kvs.get('other')).resolves.toBeUndefined();
    });

    it('does not change the answer of a transaction whose conditions hold', async () => {
      await kvs.entity<Counter>('counter').set('c', { count: 0 });
      await kvs.transact().set<Counter>('c', { count: 1 }, { entityName: 'counter', conditions: countIs(0) }).execute();
      await expect(kvs.entity<Counter>('counter').get('c')).resolves.toEqual({ count: 1 });
    });
  });
});
