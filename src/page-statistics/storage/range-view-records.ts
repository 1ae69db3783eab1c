import { forEachViewRecordInRange } from '../../core/storage/view-record-pages';

/**
 * One content's view records with `fromMs ≤ at < toMs` (index by-content → at), paged 100 a query:
 * only who viewed is kept. Stops (null) once more than `maxViews` records came back, so a caller's
 * bound also bounds the cost.
 */
export async function rangeViewers(contentId: string, fromMs: number, toMs: number, maxViews: number): Promise<{ count: number; viewers: string[] } | null> {
  const viewers: string[] = [];
  const read = await forEachViewRecordInRange('by-content', contentId, fromMs, toMs, (records) => {
    viewers.push(...records.map((record) => record.viewer));
    return viewers.length > maxViews ? 'stop' : undefined;
  });
  return read === 'stopped' ? null : { count: viewers.length, viewers };
}
