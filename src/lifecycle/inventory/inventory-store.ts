import { kvs, Sort } from '@forge/kvs';
import { z } from 'zod';
import type { InventoryStatus } from '@contracts/inventory';
import type { ContentStatsRow } from '../../core/model/rows';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { entityPageAfter } from '../../core/storage/key-walk';
import { valuesByKeyOrThrow } from '../../core/storage/batch-read';

/** The backfill's state between invocations: where to continue, and a lease so two runs do not overlap. */
export interface InventoryJob extends InventoryStatus {
  cursor: string | null;
  leaseUntil: number;
  /**
   * Reconciliation pass: the key of the last content row it went through (null: no pass under way),
   * and when it last went through all. A key, never a storage cursor: cursors are not to be kept
   * between invocations (see core/storage/key-walk.ts).
   */
  reconcileAfter: string | null;
  reconciledAt: number | null;
  /** Content rows Confluence did not answer for in the pass under way (gone or not visible to the app: kept). */
  reconcileUnseen: number;
  /** The same count at the end of the last complete pass (null before the first). */
  unseenAtLastPass: number | null;
}

const job = z.object({
  state: z.enum(['idle', 'running']), phase: z.enum(['page', 'blogpost']), processed: z.number(), written: z.number(),
  startedAt: z.number().nullable(), completedAt: z.number().nullable(), throttledUntil: z.number().nullable(),
  cursor: z.string().nullable(), leaseUntil: z.number(), reconcileAfter: z.string().nullable().default(null), reconciledAt: z.number().nullable().default(null),
  reconcileUnseen: z.number().int().min(0).default(0), unseenAtLastPass: z.number().int().min(0).nullable().default(null),
});

export const IDLE_JOB: InventoryJob = { state: 'idle', phase: 'page', processed: 0, written: 0, startedAt: null, completedAt: null, throttledUntil: null, cursor: null, leaseUntil: 0, reconcileAfter: null, reconciledAt: null, reconcileUnseen: 0, unseenAtLastPass: null };

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
  for (const value of (await valuesByKeyOrThrow(ids.map((id) => ({ key: KEYS.contentStats(id), entityName: ENTITY.contentStats })))).values()) {
    const row = decode.contentStats(value);
    rows.set(row.contentId, row);
  }
  return rows;
}

/**
 * A page of every content row (viewed or only inventoried) in key order, after the row keyed `after`
 * (null: from the first): the reconciliation pass and the month backfill keep `last` between runs.
 */
export async function contentRowsAfter(after: string | null, limit = 100): Promise<{ rows: ContentStatsRow[]; last: string | null; more: boolean }> {
  const page = await entityPageAfter(ENTITY.contentStats, after, limit);
  return { rows: page.items.map((item) => decode.contentStats(item.value)), last: page.items.at(-1)?.key ?? after, more: page.more };
}

/** The key of a content row, as `contentRowsAfter` walks them. */
export const contentRowKey = (row: ContentStatsRow): string => KEYS.contentStats(row.contentId);

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
