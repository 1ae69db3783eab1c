import { kvs, WhereConditions } from '@forge/kvs';
import type { ContentMonthRow } from '../../core/model/content-month';
import { decode } from '../../core/storage/codecs';
import { ENTITY } from '../../core/storage/keys';

/** One content's month rows between two months (inclusive), oldest first: a year and its previous one is 26 rows, one query. */
export async function contentMonthsBetween(contentId: string, fromMonth: string, toMonth: string): Promise<ContentMonthRow[]> {
  const rows: ContentMonthRow[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.entity<unknown>(ENTITY.contentMonth).query().index('by-content', { partition: [contentId] })
      .where(WhereConditions.between(fromMonth, toMonth)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    rows.push(...page.results.map((result) => decode.contentMonth(result.value)));
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}
