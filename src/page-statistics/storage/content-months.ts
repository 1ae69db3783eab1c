import { allQueryRows } from '../../core/storage/query-pages';
import { kvs, WhereConditions } from '@forge/kvs';
import type { ContentMonthRow } from '../../core/model/content-month';
import { decode } from '../../core/storage/codecs';
import { ENTITY } from '../../core/storage/keys';

/** One content's month rows between two months (inclusive), oldest first: a year and its previous one is 26 rows, one query. */
export async function contentMonthsBetween(contentId: string, fromMonth: string, toMonth: string): Promise<ContentMonthRow[]> {
  const query = kvs.entity<unknown>(ENTITY.contentMonth).query().index('by-content', { partition: [contentId] })
    .where(WhereConditions.between(fromMonth, toMonth)).limit(100);
  const rows = await allQueryRows((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), decode.contentMonth);
  return rows;
}
