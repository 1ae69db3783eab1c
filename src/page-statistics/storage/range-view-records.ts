import { viewRecordPage } from '../../core/storage/view-record-pages';

/**
 * One content's view records with `fromMs ≤ at < toMs` (index by-content → at), paged 100 a query:
 * only who viewed is kept. Stops (null) once more than `maxViews` records came back, so a caller's
 * bound also bounds the cost.
 */
export async function rangeViewers(contentId: string, fromMs: number, toMs: number, maxViews: number): Promise<{ count: number; viewers: string[] } | null> {
  const viewers: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await viewRecordPage('by-content', contentId, fromMs, toMs - 1, cursor);
    for (const record of page.records) {
      if (record.at >= fromMs && record.at < toMs) viewers.push(record.viewer);
    }
    if (viewers.length > maxViews) return null;
    cursor = page.nextCursor;
  } while (cursor);
  return { count: viewers.length, viewers };
}
