import { kvs, Sort } from '@forge/kvs';
import { z } from 'zod';
import type { InventoryStatus } from '@contracts/inventory';
import type { ContentStatsRow } from '../../core/model/rows';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';

/** The backfill's state between invocations: where to continue, and a lease so two runs do not overlap. */
export interface InventoryJob extends InventoryStatus {
  cursor: string | null;
  leaseUntil: number;
  /** Reconciliation pass: where in the content rows it continues, and when it last went through all. */
  reconcileCursor: string | null;
  reconciledAt: number | null;
  /** Content rows Confluence did not answer for in the pass under way (gone or not visible to the app: kept). */
  reconcileUnseen: number;
  /** The same count at the end of the last complete pass (null before the first). */
  unseenAtLastPass: number | null;
}

const job = z.object({
  state: z.enum(['idle', 'running']), phase: z.enum(['page', 'blogpost']), processed: z.number(), written: z.number(),
  startedAt: z.number().nullable(), completedAt: z.number().nullable(), throttledUntil: z.number().nullable(),
  cursor: z.string().nullable(), leaseUntil: z.number(), reconcileCursor: z.string().nullable().default(null), reconciledAt: z.number().nullable().default(null),
  reconcileUnseen: z.number().int().min(0).default(0), unseenAtLastPass: z.number().int().min(0).nullable().default(null),
});

export const IDLE_JOB: InventoryJob = { state: 'idle', phase: 'page', processed: 0, written: 0, startedAt: null, completedAt: null, throttledUntil: null, cursor: null, leaseUntil: 0, reconcileCursor: null, reconciledAt: null, reconcileUnseen: 0, unseenAtLastPass: null };

export async function readInventoryJob(): Promise<InventoryJob> {
  const parsed = job.safeParse(await kvs.get(KEYS.inventoryJob));
  return parsed.success ? parsed.data : IDLE_JOB;
}

export async function writeInventoryJob(value: InventoryJob): Promise<void> {
  await kvs.set(KEYS.inventoryJob, value);
}

/** Content rows by id, 25 per batch read; missing ids are absent from the map. */
export async function readContentRows(ids: readonly string[]): Promise<Map<string, ContentStatsRow>> {
  const rows = new Map<string, ContentStatsRow>();
  for (let start = 0; start < ids.length; start += 25) {
    const result = await kvs.batchGet<unknown>(ids.slice(start, start + 25).map((id) => ({ key: KEYS.contentStats(id), entityName: ENTITY.contentStats })));
    const failure = result.failedKeys.find((item) => !/NOT_FOUND/.test(item.error.code));
    if (failure) throw new Error(`Storage read failed for ${failure.key}: ${failure.error.code}`);
    for (const item of result.successfulKeys) {
      const row = decode.contentStats(item.value);
      rows.set(row.contentId, row);
    }
  }
  return rows;
}

/** A page of every content row (viewed or only inventoried), for the reconciliation pass. */
export async function contentRowsPage(cursor: string | null, limit = 100): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  let query = kvs.entity<unknown>(ENTITY.contentStats).query().index('by-views').sort(Sort.ASC).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { rows: page.results.map((item) => decode.contentStats(item.value)), nextCursor: page.nextCursor ?? null };
}

/** Content rows filed under a space id (index `by-space-id`), whatever key they carry. */
export async function contentRowsOfSpaceId(spaceId: string, cursor: string | null): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  let query = kvs.entity<unknown>(ENTITY.contentStats).query().index('by-space-id', { partition: [spaceId] }).limit(100);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { rows: page.results.map((item) => decode.contentStats(item.value)), nextCursor: page.nextCursor ?? null };
}

/** What the last complete reconciliation pass found the app could no longer see (for the access check). */
export async function reconcileFindings(): Promise<{ unseen: number | null; at: number | null }> {
  const stored = await readInventoryJob();
  return { unseen: stored.unseenAtLastPass, at: stored.reconciledAt };
}
