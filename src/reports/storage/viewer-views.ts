import type { ViewRecord } from '../../core/model/rows';
import { viewRecordPage } from '../../core/storage/view-record-pages';

export type ViewerViews = { ok: true; views: ViewRecord[]; queries: number } | { ok: false; reason: 'too-many-views' | 'out-of-time' };

/** Members are read this many at a time: parallel index queries, bounded so one report cannot flood storage. */
const PARALLEL = 10;

/**
 * The counted views of these viewers with `fromMs <= at < toMs`: one `view` index query (by-viewer,
 * between the bounds) per viewer and 100 rows. Stops, without a partial answer, once more than
 * `maxViews` were read: the caller says "narrow the range" instead of showing a figure that is short.
 * Likewise once `deadline` (epoch ms, by `clock`) has passed: no query starts after it, and the
 * answer is `out-of-time`, never the views read so far.
 */
export async function viewsOfViewers(viewers: readonly string[], fromMs: number, toMs: number, maxViews: number, deadline = Infinity, clock: () => number = Date.now): Promise<ViewerViews> {
  const views: ViewRecord[] = [];
  let queries = 0;
  let stopped: 'too-many-views' | 'out-of-time' | null = null;
  const queue = [...viewers];
  const worker = async () => {
    for (let viewer = queue.shift(); viewer !== undefined && !stopped; viewer = queue.shift()) {
      let cursor: string | undefined;
      do {
        if (clock() > deadline) { stopped = 'out-of-time'; break; }
        const page = await viewRecordPage('by-viewer', viewer, fromMs, toMs - 1, cursor);
        queries += 1;
        views.push(...page.records);
        if (views.length > maxViews) stopped = 'too-many-views';
        cursor = page.nextCursor;
      } while (cursor && !stopped);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, viewers.length) }, worker));
  return stopped ? { ok: false, reason: stopped } : { ok: true, views, queries };
}
