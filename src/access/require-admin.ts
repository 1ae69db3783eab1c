import { callerOf } from '../platform/resolver/context';
import { isConfluenceAdmin } from './admin-check';

/** Every settings resolver starts here: only Confluence administrators, asked of Confluence itself. */
export async function requireAdmin(context: unknown): Promise<string | null> {
  const caller = callerOf(context);
  if (caller.kind !== 'user' || caller.accountType !== 'licensed') return null;
  return (await isConfluenceAdmin(caller.accountId)) ? caller.accountId : null;
}

/** What a non-admin reads on every admin-only action (settings, view API, inventory). */
export const FORBIDDEN = 'Only Confluence administrators can view or change Viewtracker settings.';
