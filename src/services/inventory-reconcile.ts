import { existingIds } from '../confluence/content-inventory';
import { contentRowsPage, readInventoryJob, writeInventoryJob } from '../storage/inventory-store';
import { applyLifecycleEvent } from './content-lifecycle';

export interface ReconcileResult {
  checked: number;
  purged: string[];
  complete: boolean;
}

/**
 * Cascading deletes (a space deleted, a parent purged with its children) emit no event per child.
 * This pass walks every content row, asks Confluence which still exist (100 ids per request), and
 * purges the rest exactly as a `deleted` event would. Resumable: the cursor is saved per page.
 * Attachments are checked through their page: they go when it goes (not listed by the v2 call here).
 */
export async function reconcileInventory(budgetMs: number, now: () => number = Date.now): Promise<ReconcileResult> {
  const deadline = now() + budgetMs;
  const result: ReconcileResult = { checked: 0, purged: [], complete: false };
  let job = await readInventoryJob();
  let cursor = job.reconcileCursor;
  while (now() < deadline) {
    const page = await contentRowsPage(cursor);
    const alive = page.rows.filter((row) => row.status !== 'purged');
    for (const type of ['page', 'blogpost'] as const) {
      const rows = alive.filter((row) => row.contentType === type);
      if (rows.length === 0) continue;
      const found = await existingIds(type, rows.map((row) => row.contentId));
      if (!(found instanceof Set)) return result;
      for (const row of rows.filter((candidate) => !found.has(candidate.contentId))) {
        await applyLifecycleEvent({
          kind: 'purged', contentId: row.contentId, contentType: row.contentType, title: row.title, spaceKey: row.spaceKey,
          spaceId: row.spaceId ?? '', at: now(), createdAt: null, modifiedAt: null, containerId: row.containerId, reportedStatus: null,
        });
        result.purged.push(row.contentId);
      }
      // Attachments of purged pages go with them.
      for (const attachment of alive.filter((candidate) => candidate.containerId !== null && result.purged.includes(candidate.containerId))) {
        await applyLifecycleEvent({ kind: 'purged', contentId: attachment.contentId, contentType: 'attachment', title: attachment.title, spaceKey: attachment.spaceKey, spaceId: attachment.spaceId ?? '', at: now(), createdAt: null, modifiedAt: null, containerId: attachment.containerId, reportedStatus: null });
      }
    }
    result.checked += page.rows.length;
    cursor = page.nextCursor;
    job = { ...(await readInventoryJob()), reconcileCursor: cursor };
    await writeInventoryJob(job);
    if (!cursor) {
      result.complete = true;
      break;
    }
  }
  return result;
}
