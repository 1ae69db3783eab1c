import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { GroupSearchResult } from '@contracts/resolvers';
import { mayFilterByGroup } from '../access/rules/access-policy';
import { parseWith } from '../core/parse';
import { searchGroups } from '../platform/confluence/directory';
import { scoped } from './report-scope';
import { fail, ok } from '../platform/resolver/envelope';

const payload = z.object({ scope: z.enum(['global', 'space']), query: z.string().max(100) }).strict();
const GROUP_PAGE = 25;

/**
 * The report's group picker: Confluence's group search as the app (group names are not secret to a
 * report's managers), only for a caller who may open this report and filter it by group.
 */
export async function searchReportGroupsResolver(raw: unknown, context: unknown): Promise<Envelope<GroupSearchResult>> {
  const parsed = parseWith(payload, raw);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const at = await scoped(parsed.value.scope, context);
  if (!('access' in at)) return fail(at.code, at.message);
  const grouped = mayFilterByGroup(at.access.people);
  if (!grouped.allowed) return fail('forbidden', grouped.message);
  const page = await searchGroups(parsed.value.query, 0, GROUP_PAGE);
  return ok({ groups: page.groups, nextCursor: null });
}
