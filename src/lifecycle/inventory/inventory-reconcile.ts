import type { LifecycleEvent } from '../rules/lifecycle-event';
import type { ContentStatsRow } from '../../core/model/rows';
import { answeredStatuses } from '../../platform/confluence/content-inventory';
import { attachmentGone, reconcileVerdict, type LookupAnswer } from '../rules/reconcile-evidence';
import { contentRowsAfter, readInventoryJob, writeInventoryJob } from './inventory-store';
import { applyLifecycleEvent } from '../content-lifecycle';

export interface ReconcileResult {
  checked: number;
  purged: string[];
  /** Rows whose content Confluence did not answer for (gone or not visible to the app): kept. */
  unseen: number;
  /** Rows whose status Confluence answered differently (trashed, archived, restored without an event). */
  statusChanged: number;
  complete: boolean;
}

/** A full pass costs one REST call per 250 rows: once a day is enough for deletes that sent no event. */
const PASS_INTERVAL_MS = 24 * 3_600_000;

type Throttled = { kind: 'throttled'; retryAfterSeconds: number };

/** What Confluence answers for these pages or blog posts, as the app's user. */
async function answers(type: 'page' | 'blogpost', ids: string[]): Promise<Map<string, LookupAnswer> | Throttled> {
  if (ids.length === 0) return new Map();
  const found = await answeredStatuses(type, ids);
  return found instanceof Map ? new Map(ids.map((id) => [id, found.get(id) ?? 'not-answered'])) : found;
}

function lifecycleEvent(kind: LifecycleEvent['kind'], row: ContentStatsRow, at: number): LifecycleEvent {
  return {
    kind, contentId: row.contentId, contentType: row.contentType, title: row.title, spaceKey: row.spaceKey,
    spaceId: row.spaceId ?? '', at, createdAt: null, modifiedAt: null, containerId: row.containerId, reportedStatus: null,
  };
}

/**
 * Cascading deletes (a parent trashed and purged with its children) emit no event per child. This
 * pass walks every content row and asks Confluence, as the app's user, the status of each page and
 * blog post (250 ids a request). It acts only on evidence (rules/reconcile-evidence.ts): a status
 * answered is applied as the missing lifecycle event (a child found in the trash becomes `trashed`),
 * `deleted`, or content the app saw in the trash that is no longer answered at all, is purged as a
 * `deleted` event would; an attachment goes with its purged page. Content Confluence does not answer
 * for otherwise is **kept**: on Cloud the app's user does not see restricted content or spaces it may
 * not view (ECO-822), and a 404 cannot tell those from deleted ones. Resumable (the last row's key saved per page
 * of rows, never a storage cursor: see core/storage/key-walk.ts), at most one pass a day.
 */
export async function reconcileInventory(budgetMs: number, now: () => number = Date.now, rowsPerPage = 100): Promise<ReconcileResult> {
  const deadline = now() + budgetMs;
  const result: ReconcileResult = { checked: 0, purged: [], unseen: 0, statusChanged: 0, complete: false };
  const started = await readInventoryJob();
  if (started.reconcileAfter === null && started.reconciledAt !== null && now() - started.reconciledAt < PASS_INTERVAL_MS) return result;
  let after = started.reconcileAfter;
  while (now() < deadline) {
    const page = await contentRowsAfter(after, rowsPerPage);
    const alive = page.rows.filter((row) => row.status !== 'purged');
    const of = (type: ContentStatsRow['contentType']) => alive.filter((row) => row.contentType === type);
    const containers = [...new Set(of('attachment').flatMap((row) => row.containerId ?? []))];
    const [pages, blogposts] = await Promise.all([
      answers('page', [...of('page').map((row) => row.contentId), ...containers]),
      answers('blogpost', [...of('blogpost').map((row) => row.contentId), ...containers]),
    ]);
    if (!(pages instanceof Map) || !(blogposts instanceof Map)) return result;
    // A container id is asked of both listings: the one that answers it is its type's.
    const answerFor = (id: string): LookupAnswer => {
      const page = pages.get(id) ?? 'not-answered';
      return page !== 'not-answered' ? page : blogposts.get(id) ?? 'not-answered';
    };
    const purgedNow = new Set<string>();
    let unseenHere = 0;
    for (const row of alive.filter((candidate) => candidate.contentType !== 'attachment')) {
      const verdict = reconcileVerdict(row, answerFor(row.contentId));
      if (verdict.kind === 'unseen') unseenHere += 1;
      if (verdict.kind === 'status') {
        await applyLifecycleEvent(lifecycleEvent(verdict.lifecycle, row, now()));
        result.statusChanged += 1;
      }
      if (verdict.kind === 'purge') {
        await applyLifecycleEvent(lifecycleEvent('purged', row, now()));
        purgedNow.add(row.contentId);
        result.purged.push(row.contentId);
      }
    }
    for (const row of of('attachment')) {
      if (row.containerId === null || !attachmentGone(answerFor(row.containerId), purgedNow.has(row.containerId))) continue;
      await applyLifecycleEvent(lifecycleEvent('purged', row, now()));
      result.purged.push(row.contentId);
    }
    result.checked += page.rows.length;
    result.unseen += unseenHere;
    const passStart = after === null;
    after = page.more ? page.last : null;
    const job = await readInventoryJob();
    // Unseen rows are summed over the pass and published when it ends (the settings page's access check).
    const running = (passStart ? 0 : job.reconcileUnseen) + unseenHere;
    await writeInventoryJob({ ...job, reconcileAfter: after, reconcileUnseen: after ? running : 0, ...(after ? {} : { reconciledAt: now(), unseenAtLastPass: running }) });
    if (!after) {
      result.complete = true;
      break;
    }
  }
  return result;
}
