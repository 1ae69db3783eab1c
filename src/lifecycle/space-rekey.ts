import type { SpaceKeyFact } from './rules/space-event';
import { contentRowsOfSpaceId } from './inventory/inventory-store';
import { applyLifecycleEvent } from './content-lifecycle';
import { forEachQueryPage } from '../core/storage/query-pages';

/**
 * How long one product-event invocation may work before it hands the rest to the next delivery.
 * Forge stops a product-event trigger after 25 s (forge-docs-snapshot mirror/limits-invocation/
 * index.md, "Runtime seconds"); the margin covers the row in flight. Tests shrink it.
 */
export const PRODUCT_TRIGGER_BUDGET = { ms: 18_000 };

export interface SpacePurgeResult {
  purged: number;
  /** False when the budget ran out first: the event is to be delivered again to purge the rest. */
  complete: boolean;
}

/**
 * A space was deleted (`avi:confluence:deleted:space:V2`): every content row of the space is purged
 * exactly as a per-content `deleted` event would purge it (daily and month rows, rollups, records and
 * per-viewer rows), because Confluence sends no per-content events for a cascading delete (Forge's
 * Confluence events reference, "Spaces"). Rows are found by the space id, which a key rename keeps.
 * Like the rekey walk it stops at the budget and is resumed by the next delivery; rows already
 * purged are skipped, so a redelivery purges nothing twice. The purge is dated no earlier than the
 * row's own newest fact so that it always applies (the space is gone whatever came before).
 */
export async function purgeSpace(fact: SpaceKeyFact, budgetMs = PRODUCT_TRIGGER_BUDGET.ms, now: () => number = Date.now): Promise<SpacePurgeResult> {
  const deadline = now() + budgetMs;
  let purged = 0;
  let complete = true;
  await forEachQueryPage((cursor) => contentRowsOfSpaceId(fact.spaceId, cursor ?? null), async (page) => {
    for (const row of page.rows) {
      if (row.status === 'purged') continue;
      if (now() >= deadline) {
        complete = false;
        return 'stop';
      }
      const outcome = await applyLifecycleEvent({
        kind: 'purged', contentId: row.contentId, contentType: row.contentType, title: row.title, spaceKey: row.spaceKey,
        spaceId: fact.spaceId, at: Math.max(fact.at, row.lifecycleAt), createdAt: null, modifiedAt: null,
        containerId: row.containerId, reportedStatus: null,
      });
      if (outcome === 'applied') purged += 1;
    }
    return undefined;
  });
  return { purged, complete };
}

export interface RekeyResult {
  moved: number;
  /** False when the budget ran out first: the event is to be delivered again to move the rest. */
  complete: boolean;
}

/**
 * A space's key changed: every content row filed under its id but an old key is moved to the new
 * key through the ordinary lifecycle path (daily rows, space totals, records follow). The row's
 * status is kept; the fact is dated no earlier than the row's own newest fact, so it always applies.
 *
 * A space of many thousand pages does not fit one invocation: the walk stops at the budget and the
 * trigger asks Forge to deliver the event again (InvocationError). The next delivery walks the
 * space's rows again and moves only those still under an old key, so every row is moved exactly
 * once however many deliveries it takes (a move is also idempotent in itself: it is dated, and a
 * row already under the new key is skipped). No cursor is kept between deliveries.
 */
export async function rekeySpace(fact: SpaceKeyFact, budgetMs = PRODUCT_TRIGGER_BUDGET.ms, now: () => number = Date.now): Promise<RekeyResult> {
  const deadline = now() + budgetMs;
  let moved = 0;
  let complete = true;
  await forEachQueryPage((cursor) => contentRowsOfSpaceId(fact.spaceId, cursor ?? null), async (page) => {
    for (const row of page.rows) {
      if (row.spaceKey === fact.spaceKey || row.status === 'purged') continue;
      if (now() >= deadline) {
        complete = false;
        return 'stop';
      }
      await applyLifecycleEvent({
        kind: 'moved', contentId: row.contentId, contentType: row.contentType, title: row.title, spaceKey: fact.spaceKey,
        spaceId: fact.spaceId, at: Math.max(fact.at, row.lifecycleAt), createdAt: null, modifiedAt: null,
        containerId: row.containerId, reportedStatus: row.status,
      });
      moved += 1;
    }
    return undefined;
  });
  return { moved, complete };
}
