import type { LifecycleEvent } from '../rules/lifecycle-event';
import type { ContentStatsRow } from '../../core/model/rows';
import { existingIds } from '../../platform/confluence/content-inventory';
import { contentRowsAfter, readInventoryJob, writeInventoryJob } from './inventory-store';
import { applyLifecycleEvent } from '../content-lifecycle';

export interface ReconcileResult {
  checked: number;
  purged: string[];
  complete: boolean;
}

/** A full pass costs one REST call per 250 rows: once a day is enough for deletes that sent no event. */
const PASS_INTERVAL_MS = 24 * 3_600_000;

type Throttled = { kind: 'throttled'; retryAfterSeconds: number };

/** Ids among these pages or blog posts that Confluence no longer has (in any status). */
async function missing(type: 'page' | 'blogpost', ids: string[]): Promise<Set<string> | Throttled> {
  if (ids.length === 0) return new Set();
  const found = await existingIds(type, ids);
  return found instanceof Set ? new Set(ids.filter((id) => !found.has(id))) : found;
}

function purgeEvent(row: ContentStatsRow, at: number): LifecycleEvent {
  return {
    kind: 'purged', contentId: row.contentId, contentType: row.contentType, title: row.title, spaceKey: row.spaceKey,
    spaceId: row.spaceId ?? '', at, createdAt: null, modifiedAt: null, containerId: row.containerId, reportedStatus: null,
  };
}

/**
 * Cascading deletes (a space deleted, a parent purged with its children) emit no event per child.
 * This pass walks every content row, asks Confluence which pages and blog posts still exist (250 ids
 * a request) and purges the rest exactly as a `deleted` event would; an attachment goes when its
 * page or blog post is gone. Resumable (the last row's key saved per page of rows, never a storage
 * cursor: see core/storage/key-walk.ts), at most one pass a day.
 */
export async function reconcileInventory(budgetMs: number, now: () => number = Date.now, rowsPerPage = 100): Promise<ReconcileResult> {
  const deadline = now() + budgetMs;
  const result: ReconcileResult = { checked: 0, purged: [], complete: false };
  const started = await readInventoryJob();
  if (started.reconcileAfter === null && started.reconciledAt !== null && now() - started.reconciledAt < PASS_INTERVAL_MS) return result;
  let after = started.reconcileAfter;
  while (now() < deadline) {
    const page = await contentRowsAfter(after, rowsPerPage);
    const alive = page.rows.filter((row) => row.status !== 'purged');
    const of = (type: ContentStatsRow['contentType']) => alive.filter((row) => row.contentType === type);
    const containers = [...new Set(of('attachment').flatMap((row) => row.containerId ?? []))];
    const answers = await Promise.all([
      missing('page', [...of('page').map((row) => row.contentId), ...containers]),
      missing('blogpost', [...of('blogpost').map((row) => row.contentId), ...containers]),
    ]);
    const [pages, blogposts] = answers;
    if (!(pages instanceof Set) || !(blogposts instanceof Set)) return result;
    const gone = (row: ContentStatsRow) => row.contentType === 'attachment'
      ? row.containerId !== null && pages.has(row.containerId) && blogposts.has(row.containerId)
      : (row.contentType === 'page' ? pages : blogposts).has(row.contentId);
    for (const row of alive.filter(gone)) {
      await applyLifecycleEvent(purgeEvent(row, now()));
      result.purged.push(row.contentId);
    }
    result.checked += page.rows.length;
    after = page.more ? page.last : null;
    const job = await readInventoryJob();
    await writeInventoryJob({ ...job, reconcileAfter: after, ...(after ? {} : { reconciledAt: now() }) });
    if (!after) {
      result.complete = true;
      break;
    }
  }
  return result;
}
