import { reportStoredAccounts } from '../platform/confluence/personal-data';
import { accountsReportedBefore, markReported, registerAccount, unregisterAccount, type StoredAccount } from '../core/storage/account-registry';
import { eraseAccount } from './storage/account-erasure';
import { accountsInAdminRecords, hasViewData } from './storage/account-references';

/** Atlassian's default reporting cycle. */
export const REPORT_CYCLE_MS = 7 * 86_400_000;
const PAGE = 90;

export interface PersonalDataResult {
  reported: number;
  erased: string[];
  /** Accounts with nothing stored any more (retention purged their views): no longer registered. */
  released: number;
  complete: boolean;
}

/**
 * Reports every stored account id at least once per cycle and erases the data of accounts Atlassian
 * says are closed. Accounts never reported (new) come first. Stops at the deadline and continues on
 * the next run; reporting an account twice is harmless.
 */
export async function reportPersonalData(now: number, deadline: number): Promise<PersonalDataResult> {
  const result: PersonalDataResult = { reported: 0, erased: [], released: 0, complete: true };
  let adminRecords: Set<string> | undefined;
  for (;;) {
    if (Date.now() > deadline) return { ...result, complete: false };
    const candidates = await accountsReportedBefore(now - REPORT_CYCLE_MS, PAGE);
    if (candidates.length === 0) return result;
    adminRecords ??= await accountsInAdminRecords();
    const due = await withoutReleased(candidates, adminRecords, now, result);
    if (due.length === 0) continue;
    const updates = await reportStoredAccounts(due.map((account) => ({ accountId: account.accountId, updatedAt: account.firstSeen })));
    const closed = new Set(updates.filter((update) => update.status === 'closed').map((update) => update.accountId));
    for (const accountId of closed) {
      await eraseAccount(accountId);
      result.erased.push(accountId);
    }
    // "updated" needs nothing: only the account id is stored, never a name or an email.
    await markReported(due.filter((account) => !closed.has(account.accountId)), now);
    result.reported += due.length;
    if (candidates.length < PAGE) return result;
  }
}

/**
 * Drops the registration of accounts with nothing stored any more (retention purged their views and
 * no admin record names them): reporting them would keep personal data alive for no reason. A view
 * stored meanwhile re-registers on the re-check below, so no stored id is ever left unregistered.
 */
async function withoutReleased(accounts: StoredAccount[], adminRecords: ReadonlySet<string>, now: number, result: PersonalDataResult): Promise<StoredAccount[]> {
  const kept: StoredAccount[] = [];
  for (const account of accounts) {
    if (adminRecords.has(account.accountId) || (await hasViewData(account.accountId))) {
      kept.push(account);
      continue;
    }
    await unregisterAccount(account.accountId);
    if (await hasViewData(account.accountId)) {
      await registerAccount(account.accountId, now);
      continue;
    }
    result.released += 1;
  }
  return kept;
}
