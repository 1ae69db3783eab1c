import { batchGetAll } from '../../core/storage/batch-read';
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { ViewerContentRow } from '../../core/model/rows';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';

export interface ViewerPage {
  rows: ViewerContentRow[];
  nextCursor: string | null;
}

/**
 * Who viewed one content, latest view first, whose latest view lies in [fromMs, toMs]: one index
 * query on `viewer-content` by content per page (rows carry a short view history, a few hundred bytes).
 */
export async function viewersOfContent(contentId: string, fromMs: number, toMs: number, limit: number, cursor: string | null): Promise<ViewerPage> {
  let query = kvs.entity<unknown>(ENTITY.viewerContent).query().index('by-content', { partition: [contentId] })
    .where(WhereConditions.between(fromMs, toMs)).sort(Sort.DESC).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { rows: page.results.map((result) => decode.viewerContent(result.value)), nextCursor: page.nextCursor ?? null };
}

/** These viewers' rows for one content (25 keys a batch), the ones that exist. */
export async function viewerRowsOf(contentId: string, viewers: readonly string[]): Promise<ViewerContentRow[]> {
  const items = viewers.map((viewer) => ({ key: KEYS.viewerContent(contentId, viewer), entityName: ENTITY.viewerContent }));
  // One request at a time, as before: a long viewer list is not a burst.
  return (await batchGetAll<unknown>(items, 1)).successfulKeys.map((item) => decode.viewerContent(item.value));
}
