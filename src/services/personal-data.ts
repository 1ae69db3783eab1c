import { reportStoredAccounts } from '../confluence/personal-data';
import { accountsReportedBefore, eraseAccount, markReported } from '../storage/account-store';

/** Atlassian's default reporting cycle. */
export const REPORT_CYCLE_MS = 7 * 86_400_000;
const PAGE = 90;

export interface PersonalDataResult {
  reported: number;
  erased: string[];
  complete: boolean;
}

/**
 * Reports every stored account id at least once per cycle and erases the data of accounts Atlassian
 * says are closed. Accounts never reported (new) come first. Stops at the deadline and continues on
 * the next run; reporting an account twice is harmless.
 */
export async function reportPersonalData(now: number, deadline: number): Promise<PersonalDataResult> {
  const result: PersonalDataResult = { reported: 0, erased: [], complete: true };
  for (;;) {
    if (Date.now() > deadline) return { ...result, complete: false };
    const due = await accountsReportedBefore(now - REPORT_CYCLE_MS, PAGE);
    if (due.length === 0) return result;
    const updates = await reportStoredAccounts(due.map((account) => ({ accountId: account.accountId, updatedAt: account.firstSeen })));
    const closed = new Set(updates.filter((update) => update.status === 'closed').map((update) => update.accountId));
    for (const accountId of closed) {
      await eraseAccount(accountId);
      result.erased.push(accountId);
    }
    // "updated" needs nothing: only the account id is stored, never a name or an email.
    await markReported(due.filter((account) => !closed.has(account.accountId)), now);
    result.reported += due.length;
    if (due.length < PAGE) return result;
  }
}
