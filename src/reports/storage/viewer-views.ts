import type { ViewRecord } from '../../core/model/rows';
import { viewRecordPage } from '../../core/storage/view-record-pages';

export type ViewerViews = { ok: true; views: ViewRecord[]; queries: number } | { ok: false; reason: 'too-many-views' };

/** Members are read this many at a time: parallel index queries, bounded so one report cannot flood storage. */
const PARALLEL = 10;

/**
 * The counted views of these viewers with `fromMs <= at < toMs`: one `view` index query (by-viewer,
 * between the bounds) per viewer and 100 rows. Stops, without a partial answer, once more than
 * `maxViews` were read: the caller says "narrow the range" instead of showing a figure that is short.
 */
export async function viewsOfViewers(viewers: readonly string[], fromMs: number, toMs: number, maxViews: number): Promise<ViewerViews> {
  const views: ViewRecord[] = [];
  let queries = 0;
  let tooMany = false;
  const queue = [...viewers];
  const worker = async () => {
    for (let viewer = queue.shift(); viewer !== undefined && !tooMany; viewer = queue.shift()) {
      let cursor: string | undefined;
      do {
        const page = await viewRecordPage('by-viewer', viewer, fromMs, toMs - 1, cursor);
        queries += 1;
        views.push(...page.records);
        if (views.length > maxViews) tooMany = true;
        cursor = page.nextCursor;
      } while (cursor && !tooMany);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, viewers.length) }, worker));
  return tooMany ? { ok: false, reason: 'too-many-views' } : { ok: true, views, queries };
}
