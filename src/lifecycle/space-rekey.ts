import type { SpaceKeyFact } from './rules/space-event';
import { contentRowsOfSpaceId } from './inventory/inventory-store';
import { applyLifecycleEvent } from './content-lifecycle';

/**
 * A space's key changed: every content row filed under its id but an old key is moved to the new
 * key through the ordinary lifecycle path (daily rows, space totals, records follow). The row's
 * status is kept; the fact is dated no earlier than the row's own newest fact, so it always applies.
 */
export async function rekeySpace(fact: SpaceKeyFact): Promise<number> {
  let moved = 0;
  let cursor: string | null = null;
  do {
    const page = await contentRowsOfSpaceId(fact.spaceId, cursor);
    for (const row of page.rows) {
      if (row.spaceKey === fact.spaceKey || row.status === 'purged') continue;
      await applyLifecycleEvent({
        kind: 'moved', contentId: row.contentId, contentType: row.contentType, title: row.title, spaceKey: fact.spaceKey,
        spaceId: fact.spaceId, at: Math.max(fact.at, row.lifecycleAt), createdAt: null, modifiedAt: null,
        containerId: row.containerId, reportedStatus: row.status,
      });
      moved += 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return moved;
}
