import { route } from '@forge/api';
import { getJson } from './client';

/** Whether Confluence knows this account (asked as the app; unknown and malformed ids answer 404). */
export async function fetchAccountExists(accountId: string): Promise<boolean> {
  return (await getJson('app', route`/wiki/rest/api/user?accountId=${accountId}`)) !== null;
}
