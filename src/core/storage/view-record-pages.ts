import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { ViewRecord } from '../model/rows';
import { decode } from './codecs';
import { ENTITY } from './keys';
import { forEachQueryPage } from './query-pages';

/** The `view` entity's indexes whose range is the view's time (`by-time` has one partition: the whole site). */
export type ViewRecordIndex = 'by-content' | 'by-space' | 'by-viewer' | 'by-time';

export interface ViewRecordPage {
  records: ViewRecord[];
  /** Undefined once the partition's range is read to its end. */
  nextCursor: string | undefined;
}

/**
 * One page (at most 100) of one index partition's counted views with `fromMs ≤ at ≤ toMs`. The one
 * place that queries raw view records by time, for the readers that need who viewed a range exactly
 * (past-range viewers, group filters, the report macro's readers, filtered report tiles); each bounds
 * how many pages it asks. `partition` is ignored for `by-time`, which is not partitioned.
 */
export async function viewRecordPage(
  index: ViewRecordIndex, partition: string, fromMs: number, toMs: number,
  cursor: string | undefined, order: 'oldest-first' | 'newest-first' = 'oldest-first',
): Promise<ViewRecordPage> {
  let query = (index === 'by-time' ? kvs.entity<unknown>(ENTITY.view).query().index(index) : kvs.entity<unknown>(ENTITY.view).query().index(index, { partition: [partition] }))
    .where(WhereConditions.between(fromMs, toMs));
  if (order === 'newest-first') query = query.sort(Sort.DESC);
  query = query.limit(100);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { records: page.results.map((result) => decode.viewRecord(result.value)), nextCursor: page.nextCursor ?? undefined };
}

/**
 * One partition's view records with `fromMs ≤ at < toMs`, oldest first, handed to `visit` page by page
 * until the last page or until `visit` answers `'stop'` (a reader past its bound). Answers whether it
 * was stopped.
 */
export async function forEachViewRecordInRange(
  index: ViewRecordIndex, partition: string, fromMs: number, toMs: number,
  visit: (records: ViewRecord[]) => 'stop' | void,
): Promise<'stopped' | 'done'> {
  let stopped = false;
  await forEachQueryPage((cursor) => viewRecordPage(index, partition, fromMs, toMs - 1, cursor), (page) => {
    if (visit(page.records.filter((record) => record.at >= fromMs && record.at < toMs)) !== 'stop') return undefined;
    stopped = true;
    return 'stop';
  });
  return stopped ? 'stopped' : 'done';
}
