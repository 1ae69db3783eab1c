import { kvs, Filter, FilterConditions, ForgeKvsAPIError } from '@forge/kvs';
import type { SelfCheckItem } from '@contracts/self-check';
import { isConditionFailure } from '../../core/storage/kvs-errors';

/**
 * The storage part of the platform self-check: two answers of Forge's KVS the docs do not settle and the
 * app relies on, tried on a scratch entity (`self-check-probe` in manifest.yml) and cleaned up after.
 */
export const PROBE_ENTITY = 'self-check-probe';

interface ProbeItem { run: string; at?: number; version: number }

function describe(error: unknown): string {
  if (error instanceof ForgeKvsAPIError) return `ForgeKvsAPIError status ${error.responseDetails.status}, code ${error.code}`;
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : 'a non-error value';
}

/** A transaction whose condition fails: the app classifies the error with `isConditionFailure` (a conflict, re-read and retry). */
export async function probeConditionFailure(run: string): Promise<SelfCheckItem> {
  const key = `self-check-${run}-condition`;
  const base = { area: 'storage' as const, name: 'KVS transaction with a failing condition', scopes: ['storage:app'],
    assumption: 'it throws ForgeKvsAPIError with status 409 or a code containing CONDITION (a conflict: re-read and retry at once; any other answer costs a Forge retry)' };
  try {
    await kvs.entity<ProbeItem>(PROBE_ENTITY).set(key, { run, version: 1 });
    try {
      await kvs.transact().set<ProbeItem>(key, { run, version: 3 }, {
        entityName: PROBE_ENTITY, conditions: new Filter<ProbeItem>().and('version', FilterConditions.equalTo(2)),
      }).execute();
      return { ...base, observed: 'the transaction succeeded although its condition was false', verdict: 'differs' };
    } catch (error) {
      return { ...base, observed: describe(error), verdict: isConditionFailure(error) ? 'as-assumed' : 'differs' };
    }
  } finally {
    await kvs.entity(PROBE_ENTITY).delete(key);
  }
}

/**
 * An item without the index's range attribute: the app's indexes (e.g. content rows by last view) rely on
 * such items being left out of the index rather than listed first or last.
 */
export async function probeIndexOmission(run: string): Promise<SelfCheckItem> {
  const keys = [`self-check-${run}-with`, `self-check-${run}-without`];
  const base = { area: 'storage' as const, name: 'KVS index query over an item without the indexed attribute', scopes: ['storage:app'],
    assumption: 'the item without the range attribute is left out of the index' };
  try {
    await kvs.entity<ProbeItem>(PROBE_ENTITY).set(keys[0]!, { run, at: 1, version: 1 });
    await kvs.entity<ProbeItem>(PROBE_ENTITY).set(keys[1]!, { run, version: 1 });
    const found = await kvs.entity<ProbeItem>(PROBE_ENTITY).query().index('by-run', { partition: [run] }).limit(10).getMany();
    const listed = found.results.map((result) => result.key);
    const omitted = listed.includes(keys[0]!) && !listed.includes(keys[1]!);
    return { ...base, observed: `listed ${listed.length} of 2: ${listed.includes(keys[1]!) ? 'the item without it is listed' : 'only the item with it'}`, verdict: omitted ? 'as-assumed' : 'differs' };
  } catch (error) {
    return { ...base, observed: describe(error), verdict: 'differs' };
  } finally {
    await Promise.all(keys.map((key) => kvs.entity(PROBE_ENTITY).delete(key)));
  }
}
