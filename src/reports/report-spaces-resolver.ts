import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { ReportSpaceSearchResult } from '@contracts/resolvers';
import { searchViewableSpaces } from '../platform/confluence/viewable-spaces';
import { callerOf } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';

const payloadSchema = z.object({ query: z.string().max(100) }).strict();
const SHOWN = 20;

/**
 * The report macro's space picker. Any macro author may use it, so it answers only with spaces the
 * caller may view, asked of Confluence as the caller. Guests and anonymous callers cannot be asked
 * about (no asUser calls for them): they get no picker and type space keys instead.
 */
export async function searchReportSpacesResolver(payload: unknown, context: unknown): Promise<Envelope<ReportSpaceSearchResult>> {
  const parsed = payloadSchema.safeParse(payload ?? {});
  if (!parsed.success) return fail('invalid-input', 'Send { query } of at most 100 characters.');
  const caller = callerOf(context);
  if (caller.kind !== 'user' || caller.accountType !== 'licensed') return fail('forbidden', 'Space search is for signed-in Confluence users; type the space keys instead.');
  return ok(await searchViewableSpaces(parsed.data.query, SHOWN));
}
