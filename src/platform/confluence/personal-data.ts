import { privacy } from '@forge/api';

export interface AccountStatus {
  accountId: string;
  status: 'updated' | 'closed';
}

/**
 * Atlassian's personal data reporting API: which of these stored accounts were closed or changed.
 * @forge/api splits the list into requests of 90 accounts, as the API requires.
 */
export async function reportStoredAccounts(accounts: Array<{ accountId: string; updatedAt: number }>): Promise<AccountStatus[]> {
  try {
    return await privacy.reportPersonalData(accounts.map(({ accountId, updatedAt }) => ({ accountId, updatedAt: new Date(updatedAt).toISOString() })));
  } catch (error) {
    // @forge/api rejects with the raw Response on any status but 200/204.
    const status = error instanceof Response ? error.status : 0;
    throw new Error(`Personal data reporting failed${status ? ` with HTTP ${status}` : ''}: ${error instanceof Error ? error.message : 'see the response'}`);
  }
}
