import type { ViewRecord } from '../../core/model/rows';
import { forEachQueryPage } from '../../core/storage/query-pages';
import { viewRecordPage } from '../../core/storage/view-record-pages';

export type ViewerViews = { ok: true; views: ViewRecord[]; queries: number } | { ok: false; reason: 'too-many-views' | 'out-of-time' };

/**
 * What one read of several viewers brought: the views of each viewer read to the end (a viewer whose
 * reading was stopped midway is not in `byViewer`: none of their views is kept), and why the read
 * stopped before every viewer was read, if it did.
 */
export interface ViewersRead {
  byViewer: Map<string, ViewRecord[]>;
  views: number;
  queries: number;
  stopped: 'too-many-views' | 'out-of-time' | null;
}

/** Members are read this many at a time: parallel index queries, bounded so one report cannot flood storage. */
const PARALLEL = 10;

/**
 * The counted views of these viewers with `fromMs <= at < toMs`, viewer by viewer: one `view` index
 * query (by-viewer, between the bounds) per viewer and 100 rows, through the one query-page loop.
 * `keep` leaves out records (a preparation keeps those recorded up to its start). Stops once more than
 * `maxViews` were read, and once `deadline` (epoch ms, by `clock`) has passed: no query starts after
 * it. Either way the viewers read to the end are answered whole and the others not at all, so a
 * caller that continues later reads each viewer, hence each view, exactly once.
 */
export async function readViewersViews(
  viewers: readonly string[], fromMs: number, toMs: number, maxViews: number,
  deadline = Infinity, clock: () => number = Date.now, keep: (record: ViewRecord) => boolean = () => true, firstRoundWhole = false,
): Promise<ViewersRead> {
  const read: ViewersRead = { byViewer: new Map(), views: 0, queries: 0, stopped: null };
  const queue = [...viewers];
  const worker = async () => {
    // `firstRoundWhole`: each parallel reader reads its first viewer to the end whatever the time, so
    // that a caller continuing over several calls always gets on (up to PARALLEL viewers a call).
    let exempt = firstRoundWhole;
    for (let viewer = queue.shift(); viewer !== undefined && !read.stopped; viewer = queue.shift(), exempt = false) {
      if (!exempt && clock() > deadline) { read.stopped = 'out-of-time'; break; }
      const mine: ViewRecord[] = [];
      let cut = false;
      await forEachQueryPage(async (cursor) => {
        const page = await viewRecordPage('by-viewer', viewer, fromMs, toMs - 1, cursor);
        return { results: page.records.map((value) => ({ key: viewer, value })), nextCursor: page.nextCursor };
      }, (page) => {
        read.queries += 1;
        const kept = page.results.map((result) => result.value).filter(keep);
        mine.push(...kept);
        read.views += kept.length;
        if (read.views > maxViews) read.stopped = 'too-many-views';
        // The deadline is looked at before each next query: a viewer cut off midway is read again later.
        else if (page.nextCursor && !read.stopped && !exempt && clock() > deadline) read.stopped = 'out-of-time';
        if (read.stopped === 'too-many-views' || (read.stopped && page.nextCursor && !exempt)) { cut = true; return 'stop'; }
        return undefined;
      });
      if (cut) read.views -= mine.length;
      else read.byViewer.set(viewer, mine);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, viewers.length) }, worker));
  return read;
}

/**
 * All the counted views of these viewers with `fromMs <= at < toMs`, or why not: once more than
 * `maxViews` were read the caller says "narrow the range" instead of showing a figure that is short;
 * once `deadline` has passed the answer is `out-of-time`, never the views read so far.
 */
export async function viewsOfViewers(viewers: readonly string[], fromMs: number, toMs: number, maxViews: number, deadline = Infinity, clock: () => number = Date.now): Promise<ViewerViews> {
  const read = await readViewersViews(viewers, fromMs, toMs, maxViews, deadline, clock);
  if (read.stopped) return { ok: false, reason: read.stopped };
  return { ok: true, views: viewers.flatMap((viewer) => read.byViewer.get(viewer) ?? []), queries: read.queries };
}
