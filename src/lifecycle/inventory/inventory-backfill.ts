import { registerModuleCache } from '../../platform/memory-cache';
import type { InventoryStatus } from '@contracts/inventory';
import { planInventoryRow, type InventoryItem } from './inventory-plan';
import { chunkOps } from '../../core/model/row-ops';
import { listContent, spaceKeysOf, type ListedContent } from '../../platform/confluence/content-inventory';
import { commitOps } from '../../core/storage/commit-ops';
import { isTransientStorageError } from '../../core/storage/kvs-errors';
import { readContentRows, readInventoryJob, writeInventoryJob, type InventoryJob } from './inventory-store';
import { settleContent } from '../content-lifecycle';
import { releaseLease, takeLease } from '../../core/job-lease';

/** About 480 bytes a content row: 20 keep a transaction within one 10 KB write unit. */
const ROWS_PER_TRANSACTION = 20;

/** Space keys by id, per function instance: a site has far fewer spaces than pages. */
const spaceKeys = new Map<string, string>();
registerModuleCache(() => spaceKeys.clear());

export function inventoryStatus(job: InventoryJob): InventoryStatus {
  const { state, phase, processed, written, startedAt, completedAt, throttledUntil } = job;
  return { state, phase, processed, written, startedAt, completedAt, throttledUntil };
}

/** Starts (or restarts) a backfill from the first page; a run already in progress is left alone. */
export async function startBackfill(now: number): Promise<InventoryJob> {
  const job = await readInventoryJob();
  if (job.state === 'running') return job;
  const started: InventoryJob = { ...job, state: 'running', phase: 'page', cursor: null, processed: 0, written: 0, startedAt: now, throttledUntil: null, leaseUntil: 0 };
  await writeInventoryJob(started);
  return started;
}

/**
 * Continues the backfill for at most `budgetMs`: one v2 listing page (250 items) at a time, each
 * upserted into the content rows, the cursor saved after every page so the next invocation (a
 * scheduled run, the installed trigger or the settings page) resumes there. A 429 is waited out
 * when its Retry-After fits the budget, else the run stops and the next one continues.
 */
export async function runBackfill(budgetMs: number, now: () => number = Date.now): Promise<InventoryJob> {
  const deadline = now() + budgetMs;
  const stored = await readInventoryJob();
  const leased = takeLease(stored, now(), deadline);
  if (!leased) return stored;
  let job = leased;
  await writeInventoryJob(job);
  while (job.state === 'running' && now() < deadline) {
    const page = await listContent(job.phase, job.cursor);
    if (page.kind === 'throttled') {
      const waitMs = page.retryAfterSeconds * 1000;
      if (now() + waitMs >= deadline) {
        job = { ...job, throttledUntil: now() + waitMs };
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      continue;
    }
    const items = await withSpaceKeys(page.items);
    if (items === 'throttled') continue;
    let written: number;
    try {
      written = await upsertItems(items, now());
    } catch (error) {
      // KVS throttled us (4000 write units a minute): stop this slice; the page is redone next run (idempotent).
      if (!isTransientStorageError(error)) throw error;
      break;
    }
    job = { ...job, processed: job.processed + page.items.length, written: job.written + written, cursor: page.nextCursor, throttledUntil: null };
    if (page.nextCursor === null) {
      job = job.phase === 'page' ? { ...job, phase: 'blogpost', cursor: null } : { ...job, state: 'idle', cursor: null, completedAt: now() };
    }
    await writeInventoryJob(job);
  }
  job = releaseLease(job);
  await writeInventoryJob(job);
  return job;
}

async function withSpaceKeys(listed: ListedContent[]): Promise<InventoryItem[] | 'throttled'> {
  const unknown = [...new Set(listed.map((item) => item.spaceId))].filter((id) => !spaceKeys.has(id));
  if (unknown.length > 0) {
    const found = await spaceKeysOf(unknown);
    if (!(found instanceof Map)) {
      await new Promise((resolve) => setTimeout(resolve, found.retryAfterSeconds * 1000));
      return 'throttled';
    }
    for (const [id, key] of found) spaceKeys.set(id, key);
  }
  return listed.flatMap((item) => {
    const spaceKey = spaceKeys.get(item.spaceId);
    return spaceKey ? [{ contentId: item.id, contentType: item.type, status: item.status, title: item.title, spaceKey, spaceId: item.spaceId, createdAt: item.createdAt, modifiedAt: item.modifiedAt }] : [];
  });
}

/** Writes the changed rows 25 to a transaction; a conflicting batch is redone row by row from a fresh read. */
async function upsertItems(items: InventoryItem[], readAt: number): Promise<number> {
  const current = await readContentRows(items.map((item) => item.contentId));
  const upserts = items.flatMap((item) => planInventoryRow(current.get(item.contentId), item, readAt) ?? []);
  let written = 0;
  for (const chunk of chunkOps(upserts.map((upsert) => upsert.op), ROWS_PER_TRANSACTION)) {
    if ((await commitOps(chunk)) === 'committed') {
      written += chunk.length;
      continue;
    }
    for (const op of chunk) {
      if (op.row.entity !== 'content-stats') continue;
      const contentId = op.row.value.contentId;
      const item = items.find((candidate) => candidate.contentId === contentId)!;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const fresh = planInventoryRow((await readContentRows([contentId])).get(contentId), item, readAt);
        if (!fresh) break;
        if ((await commitOps([fresh.op])) === 'committed') {
          written += 1;
          break;
        }
      }
    }
  }
  for (const upsert of upserts) if (upsert.needsSettle) await settleContent(upsert.next);
  return written;
}
