import { kvs, Sort } from '@forge/kvs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { decodeSearch } from '../../core/storage/search-codecs';
import { monthOf } from '../../core/model/report-periods';

/** Forge has delivered `avi:confluence:performed:search` since April 2026: no query month is older. */
const FIRST_MONTH = '2026-04';

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Retention for query text: a query's month row goes once the month's last day is before the cutoff
 * day (text lives at most the retention period plus a month). The site's daily totals hold no query
 * and no person, and stay. Deletes at most `page` rows; returns how many.
 */
export async function purgeSearchQueriesBefore(cutoffDay: string, page: number): Promise<number> {
  const lastWholeMonth = monthOf(cutoffDay);
  let deleted = 0;
  for (let month = FIRST_MONTH; month < lastWholeMonth && deleted < page; month = nextMonth(month)) {
    const rows = await kvs.entity<unknown>(ENTITY.searchQuery).query().index('by-month', { partition: [month] }).sort(Sort.DESC).limit(page - deleted).getMany();
    for (const result of rows.results) {
      const row = decodeSearch.query(result.value);
      await kvs.entity(ENTITY.searchQuery).delete(KEYS.searchQuery(row.queryId, row.month));
      deleted += 1;
    }
  }
  return deleted;
}
