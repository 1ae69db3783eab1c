import { MAX_BATCH_KEYS } from '../model/kvs-limits';
import { kvs, Filter, FilterConditions, WhereConditions } from '@forge/kvs';
import { isConditionFailure } from './kvs-errors';
import { ENTITY, KEYS } from './keys';

/** Stands where an account id is unknown or was erased: Forge refuses empty strings in entity attributes. */
export const NO_ACCOUNT = 'none';

export interface StoredAccount {
  accountId: string;
  firstSeen: number;
  reportedAt: number;
}

/**
 * Registers an account id about to be stored outside a view's transaction (settings audit, token):
 * written only if absent, so an existing registration keeps its reporting state.
 */
export async function registerAccount(accountId: string, now: number): Promise<void> {
  if ((await kvs.entity(ENTITY.account).get(KEYS.account(accountId))) !== undefined) return;
  try {
    await kvs.transact().set(KEYS.account(accountId), { accountId, firstSeen: now, reportedAt: 0 }, {
      entityName: ENTITY.account, conditions: new Filter<StoredAccount>().and('accountId', FilterConditions.notExists()),
    }).execute();
  } catch (error) {
    if (!isConditionFailure(error)) throw error; // registered meanwhile: nothing to do
  }
}

/** An account with nothing stored any more is not reported again (see privacy/personal-data.ts). */
export async function unregisterAccount(accountId: string): Promise<void> {
  await kvs.entity(ENTITY.account).delete(KEYS.account(accountId));
}

/** Accounts last reported before `before`, oldest first (never reported: 0). */
export async function accountsReportedBefore(before: number, limit: number): Promise<StoredAccount[]> {
  const page = await kvs.entity<StoredAccount>(ENTITY.account).query().index('by-reported')
    .where(WhereConditions.lessThan(before)).limit(Math.min(limit, 100)).getMany();
  return page.results.map((result) => result.value);
}

export async function markReported(accounts: StoredAccount[], at: number): Promise<void> {
  for (let start = 0; start < accounts.length; start += MAX_BATCH_KEYS) {
    const batch = accounts.slice(start, start + MAX_BATCH_KEYS).map((account) => ({
      key: KEYS.account(account.accountId), entityName: ENTITY.account, value: { ...account, reportedAt: at },
    }));
    await kvs.batchSet(batch);
  }
}

