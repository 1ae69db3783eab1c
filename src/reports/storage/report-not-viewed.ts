import type { ContentStatsRow } from '../../core/model/rows';
import { inventoryByLastView, type InventoryQuery } from './inventory-reader';

/**
 * Listed content whose last view is before `before` (ms), never-viewed content first, then the oldest
 * last view: lifecycle's inventory reader (`content-stats` by last view, which holds every page and
 * blog post the inventory found, viewed or not), cut where the last views reach the range.
 */
export async function notViewedSince(before: number, query: Omit<InventoryQuery, 'excludeIds'>): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  const answer = await inventoryByLastView(query);
  const rows = answer.rows.filter((row) => row.lastViewedAt < before);
  // The index is in last-view order: past the first row viewed in the range there is nothing more to list.
  return { rows, nextCursor: rows.length < answer.rows.length ? null : answer.nextCursor };
}
