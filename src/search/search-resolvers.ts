import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import { SEARCH_AUDIENCES, SEARCH_TABLES, type SearchSummary, type SearchTableAnswer } from '@contracts/search-report';
import { dateRangeSchema, dayOf, resolveRange } from '../core/date-range';
import { parseWith } from '../core/parse';
import { globalReportAccess } from '../access/index';
import { currentSettings } from '../settings/index';
import { callerOf } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';
import { searchSummary, searchTable } from './search-report';

const filters = z.object({ audience: z.enum(SEARCH_AUDIENCES) }).strict();
const summaryPayload = z.object({ range: dateRangeSchema, filters }).strict();
const tablePayload = summaryPayload.extend({ table: z.enum(SEARCH_TABLES), limit: z.number().int().min(1).max(500) }).strict();

/**
 * Query text is shown to site admins and the report group only: exactly who may open the global
 * report (src/access). The browser names no scope; the caller comes from Forge's trusted context.
 */
async function opened(range: z.infer<typeof dateRangeSchema>, context: unknown) {
  const settings = await currentSettings();
  const access = await globalReportAccess(callerOf(context), settings);
  if (!access.ok) return fail(access.code, access.message);
  const today = dayOf(Date.now());
  const resolved = resolveRange(range, today, null);
  if (!resolved.ok) return fail('invalid-input', resolved.message, { range: resolved.message });
  return { settings, today, range: resolved.range };
}

export async function getSearchSummaryResolver(payload: unknown, context: unknown): Promise<Envelope<SearchSummary>> {
  const parsed = parseWith(summaryPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const open = await opened(parsed.value.range, context);
  if ('ok' in open) return open;
  return ok(await searchSummary(open.range, parsed.value.filters, open.settings, open.today));
}

export async function getSearchTableResolver(payload: unknown, context: unknown): Promise<Envelope<SearchTableAnswer>> {
  const parsed = parseWith(tablePayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const open = await opened(parsed.value.range, context);
  if ('ok' in open) return open;
  return ok(await searchTable(open.range, parsed.value.filters, parsed.value.table, parsed.value.limit));
}
