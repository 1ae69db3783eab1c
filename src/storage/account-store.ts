import { kvs, Filter, FilterConditions, WhereConditions } from '@forge/kvs';
import { isConditionFailure } from './kvs-errors';
import { deleteEntityKeys } from './delete-keys';
import { redactAccountInAdminRecords } from './account-references';
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

/** An account with nothing stored any more is not reported again (see services/personal-data.ts). */
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
  for (let start = 0; start < accounts.length; start += 25) {
    const batch = accounts.slice(start, start + 25).map((account) => ({
      key: KEYS.account(account.accountId), entityName: ENTITY.account, value: { ...account, reportedAt: at },
    }));
    await kvs.batchSet(batch);
  }
}

/**
 * Erases everything stored under a closed account: its views, its histories, its daily and monthly rows, its
 * cached groups, its id in the admin records (redacted) and its registration. Page and space totals
 * hold no account id and keep the views.
 * Returns the number of rows deleted.
 */
export async function eraseAccount(accountId: string): Promise<number> {
  let deleted = 0;
  for (const entityName of [ENTITY.view, ENTITY.viewerContent, ENTITY.viewerDay, ENTITY.viewerMonth]) {
    for (;;) {
      const page = await kvs.entity<unknown>(entityName).query().index('by-viewer', { partition: [accountId] }).limit(100).getMany();
      const keys = page.results.map((result) => result.key);
      await deleteEntityKeys(entityName, keys);
      deleted += keys.length;
      if (keys.length < 100) break;
    }
  }
  await kvs.delete(KEYS.userGroups(accountId));
  deleted += await redactAccountInAdminRecords(accountId);
  await kvs.entity(ENTITY.account).delete(KEYS.account(accountId));
  return deleted;
}
