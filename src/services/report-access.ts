import type { Settings } from '@contracts/settings';
import { isConfluenceAdmin } from './admin-check';
import { groupsOfUser } from './viewer-groups';

/**
 * The global report is for Confluence administrators, and for members of the "Access Global Report"
 * group when the admin chose one. Both are asked of Confluence, never of the browser.
 */
export async function mayOpenGlobalReport(accountId: string, settings: Settings): Promise<boolean> {
  if (await isConfluenceAdmin(accountId)) return true;
  const group = settings.reportAccessGroup;
  if (!group) return false;
  return (await groupsOfUser(accountId)).includes(group.id);
}
