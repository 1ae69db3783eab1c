import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { PageStatistics, PageViewers } from '@contracts/page-statistics';
import { pageAccess } from '../access';
import { dateRangeSchema } from '../core/date-range';
import { parseWith } from '../core/parse';
import { pageStatistics } from './page-statistics';
import { pageViewers } from './page-viewers';
import { currentSettings } from '../settings/index';
import { callerOf, claimedContentId } from '../platform/resolver/context';
import { fail } from '../platform/resolver/envelope';

const statisticsPayload = z.object({ range: dateRangeSchema }).strict();

/** Figures of the page the byline or macro shows: parse → the access module → one service call. */
export async function getPageStatisticsResolver(payload: unknown, context: unknown): Promise<Envelope<PageStatistics>> {
  const parsed = parseWith(statisticsPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const settings = await currentSettings();
  const access = await pageAccess(callerOf(context), settings, claimedContentId(context));
  if (!access.ok) return fail(access.code, access.message);
  return pageStatistics(access, settings, parsed.value.range, Date.now());
}

const viewersPayload = z.object({
  range: dateRangeSchema,
  query: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().min(1).max(2000).optional(),
  limit: z.number().int().min(1).max(100).optional(),
}).strict();

/** Who viewed the page, where the caller's people view allows names. */
export async function getPageViewersResolver(payload: unknown, context: unknown): Promise<Envelope<PageViewers>> {
  const parsed = parseWith(viewersPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const settings = await currentSettings();
  const access = await pageAccess(callerOf(context), settings, claimedContentId(context));
  if (!access.ok) return fail(access.code, access.message);
  const { range, query, cursor, limit } = parsed.value;
  return pageViewers(access, { range, limit: limit ?? 25, ...(query ? { query } : {}), ...(cursor ? { cursor } : {}) }, Date.now());
}
