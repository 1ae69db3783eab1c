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

/**
 * Newest first; a record this version cannot read is skipped, not shown half-understood. A record
 * older than KEEP_DAYS is skipped too: its TTL lets KVS delete it, but expired items may still be
 * read for up to 48 hours (forge-docs-snapshot mirror/runtime-reference/storage-api-basic-api/
 * index.md, "Time-to-live (TTL)"), and the log promises 14 days.
 */
export async function listViewApiRequests(limit: number, now = Date.now()): Promise<ViewApiRequestRecord[]> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith(KEYS.viewApiRequestPrefix)).limit(Math.min(limit, 100)).getMany<unknown>();
  return page.results.flatMap((result) => {
    const parsed = storedRecord.safeParse(result.value);
    return parsed.success && now - parsed.data.at < KEEP_DAYS * 86_400_000 ? [parsed.data] : [];
  });
}
