import { kvs, WhereConditions } from '@forge/kvs';
import { decode } from './codecs';
import { ENTITY } from './keys';

/** One content's daily rows between two UTC days (inclusive): at most 366 rows, 4 index pages. */
export async function contentDaysBetween(contentId: string, fromDay: string, toDay: string): Promise<Map<string, number>> {
  const views = new Map<string, number>();
  let cursor: string | undefined;
  do {
    let query = kvs.entity<unknown>(ENTITY.contentDay).query().index('by-content', { partition: [contentId] })
      .where(WhereConditions.between(fromDay, toDay)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const result of page.results) {
      const row = decode.contentDay(result.value);
      views.set(row.day, row.views);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return views;
}
