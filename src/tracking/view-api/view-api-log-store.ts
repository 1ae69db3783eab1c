import { randomBytes } from 'node:crypto';
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { ViewApiRequestRecord } from '@contracts/resolvers';
import { KEYS } from '../../core/storage/keys';

/** Long enough for an admin to look after an integration misbehaved over a weekend; short enough to stay small. */
const KEEP_DAYS = 14;

/** Records one authenticated request with its outcomes. It holds no account id (only content ids and outcomes). */
export async function recordViewApiRequest(record: ViewApiRequestRecord): Promise<void> {
  await kvs.set(KEYS.viewApiRequest(record.at, randomBytes(4).toString('hex')), record, { ttl: { value: KEEP_DAYS, unit: 'DAYS' } });
}

const storedRecord = z.object({
  at: z.number(),
  outcome: z.enum(['accepted', 'invalid', 'too-large', 'busy', 'error']),
  views: z.number(),
  results: z.array(z.object({ index: z.number(), contentId: z.string(), outcome: z.string() })),
  fieldErrors: z.record(z.string()),
  message: z.string().nullable(),
});

/** Newest first; a record this version cannot read is skipped, not shown half-understood. */
export async function listViewApiRequests(limit: number): Promise<ViewApiRequestRecord[]> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith(KEYS.viewApiRequestPrefix)).limit(Math.min(limit, 100)).getMany<unknown>();
  return page.results.flatMap((result) => {
    const parsed = storedRecord.safeParse(result.value);
    return parsed.success ? [parsed.data] : [];
  });
}
