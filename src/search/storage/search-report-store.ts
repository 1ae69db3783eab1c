import { kvs, Sort } from '@forge/kvs';
import type { SearchTable } from '@contracts/search-report';
import { mergeShards, HLL_REGISTERS, HLL_SHARDS } from '../../core/model/hyperloglog';
import type { SketchPeriod } from '../../core/model/sketch-periods';
import { SEARCH_TOTAL_SHARDS, type SearchQueryRow, type SearchTotalRow } from '../../core/model/search-rows';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { decodeReport } from '../../core/storage/report-codecs';
import { decodeSearch } from '../../core/storage/search-codecs';
import { queryPageByPage } from '../../core/storage/query-pages';
import type { MonthList } from '../rules/search-report';
import { valuesByKeyOrThrow } from '../../core/storage/batch-read';

/** Query rows per index page: 20 rows of a query and five compact day lists stay under 10 KB (one read unit). */
export const QUERY_PAGE = 20;

const INDEX: Record<SearchTable, string> = { top: 'by-month', 'no-results': 'by-month-no-results', 'no-click': 'by-month-unclicked' };

/** One month's query rows, highest sort key of the table first (KVS index query; cursors live only for this request). */
export function monthList(month: string, table: SearchTable, pageSize = QUERY_PAGE): MonthList {
  const query = kvs.entity<unknown>(ENTITY.searchQuery).query().index(INDEX[table], { partition: [month] }).sort(Sort.DESC).limit(pageSize);
  const nextPage = queryPageByPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany());
  return {
    month,
    async next() {
      const read = await nextPage();
      if (!read) return { rows: [], done: true };
      return { rows: read.page.results.map((result) => decodeSearch.query(result.value)), done: read.last };
    },
  };
}

async function batchValues(items: Array<{ key: string; entityName: string }>): Promise<unknown[]> {
  return [...(await valuesByKeyOrThrow(items)).values()];
}

export async function queryRows(wanted: Array<{ queryId: string; month: string }>): Promise<SearchQueryRow[]> {
  const values = await batchValues(wanted.map(({ queryId, month }) => ({ key: KEYS.searchQuery(queryId, month), entityName: ENTITY.searchQuery })));
  return values.map(decodeSearch.query);
}

/** The site's total shards of these months, by month. */
export async function totalRows(months: readonly string[]): Promise<Map<string, SearchTotalRow[]>> {
  const items = months.flatMap((month) => Array.from({ length: SEARCH_TOTAL_SHARDS }, (_, shard) => ({ key: KEYS.searchTotal(month, shard), entityName: ENTITY.searchTotal })));
  const rows = (await batchValues(items)).map(decodeSearch.total);
  const byMonth = new Map<string, SearchTotalRow[]>(months.map((month) => [month, []]));
  for (const row of rows) byMonth.get(row.month)?.push(row);
  return byMonth;
}

/** The searcher sketch's registers over whole periods (sketch-periods.ts covers the range). */
export async function searcherRegisters(periods: readonly SketchPeriod[]): Promise<Uint8Array> {
  const items = periods.flatMap((period) => Array.from({ length: HLL_SHARDS }, (_, shard) => ({ key: KEYS.sketch('searchers', period.level, period.key, shard), entityName: ENTITY.sketch })));
  const rows = (await batchValues(items)).map(decodeReport.sketch);
  return mergeShards(rows, new Uint8Array(HLL_REGISTERS));
}
