import { kvs } from '@forge/kvs';
import { sketchId, sketchPeriodsOf } from '../../core/model/rollup-plan';
import { sketchSlot } from '../../core/model/hyperloglog';
import type { SketchRow } from '../../core/model/report-rows';
import type { SearchLastRow, SearchQueryRow, SearchTotalRow } from '../../core/model/search-rows';
import { utcDay } from '../../core/model/view';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { decodeReport } from '../../core/storage/report-codecs';
import { decodeSearch } from '../../core/storage/search-codecs';
import { parseCachedGroups, type CachedGroups } from '../../core/storage/user-groups-cache';
import type { PlannedSearch, SearchSnapshot } from '../rules/search-write-plan';

type Item = { key: string; entityName?: string };

async function batchGet(items: Item[]): Promise<(entityName: string, key: string) => unknown> {
  const result = await kvs.batchGet<unknown>(items);
  // A missing key may come back as a failed item (KEY_NOT_FOUND): that is an answer, not a failure.
  const failure = result.failedKeys.find((item) => !/NOT_FOUND/.test(item.error.code));
  if (failure) throw new Error(`Storage read failed for ${failure.key}: ${failure.error.code} ${failure.error.message}`);
  const found = new Map(result.successfulKeys.map((item) => [`${item.entityName ?? ''}|${item.key}`, item.value]));
  return (entityName, key) => found.get(`${entityName}|${key}`);
}

/**
 * One batch read (at most 11 keys, a few KB: one read unit) gives a search everything its plan needs:
 * its mark, its query's month rows, the site's total shards, the searcher sketch shards, the
 * searcher's last search and, when groups are excluded, the searcher's cached groups.
 */
export async function readSearchSnapshot(search: PlannedSearch, months: string[], groupsOf: string | null): Promise<{ snapshot: SearchSnapshot; groups: CachedGroups | undefined }> {
  const sketchItems = search.sketchElement === null ? [] : sketchPeriodsOf(utcDay(search.at)).map(([level, period]) => ({
    id: sketchId('searchers', level, period),
    key: KEYS.sketch('searchers', level, period, sketchSlot(search.sketchElement!).shard),
  }));
  const items: Item[] = [
    { key: KEYS.searchMark(search.mark), entityName: ENTITY.searchMark },
    ...months.map((month) => ({ key: KEYS.searchTotal(month, search.shard), entityName: ENTITY.searchTotal })),
    ...(search.query ? months.map((month) => ({ key: KEYS.searchQuery(search.query!.id, month), entityName: ENTITY.searchQuery })) : []),
    ...sketchItems.map(({ key }) => ({ key, entityName: ENTITY.sketch })),
    ...(search.searcher !== null ? [{ key: KEYS.searchLast(search.searcher), entityName: ENTITY.searchLast }] : []),
    ...(groupsOf !== null ? [{ key: KEYS.userGroups(groupsOf) }] : []),
  ];
  const get = await batchGet(items);
  const mark = get(ENTITY.searchMark, KEYS.searchMark(search.mark));
  const last = search.searcher !== null ? get(ENTITY.searchLast, KEYS.searchLast(search.searcher)) : undefined;
  const sketches = new Map<string, SketchRow>();
  for (const { id, key } of sketchItems) {
    const value = get(ENTITY.sketch, key);
    if (value !== undefined) sketches.set(id, decodeReport.sketch(value));
  }
  const byMonth = <R>(entityName: string, keyOf: (month: string) => string, decode: (value: unknown) => R) => new Map(months.map((month) => {
    const value = get(entityName, keyOf(month));
    return [month, value === undefined ? undefined : decode(value)] as const;
  }));
  return {
    groups: groupsOf !== null ? parseCachedGroups(get('', KEYS.userGroups(groupsOf))) : undefined,
    snapshot: {
      mark: mark === undefined ? undefined : decodeSearch.mark(mark),
      totals: byMonth(ENTITY.searchTotal, (month) => KEYS.searchTotal(month, search.shard), decodeSearch.total),
      queries: search.query ? byMonth(ENTITY.searchQuery, (month) => KEYS.searchQuery(search.query!.id, month), decodeSearch.query) : new Map(),
      sketches,
      last: last === undefined ? undefined : decodeSearch.last(last),
    },
  };
}

/** The keys a view adds to its own batch read to learn whether it follows a search (no extra request). */
export function lastSearchItems(searchers: readonly string[]): Array<{ key: string; entityName: string }> {
  return searchers.map((searcher) => ({ key: KEYS.searchLast(searcher), entityName: ENTITY.searchLast }));
}

/** The newest of the last-search rows a view's batch read found. */
export function lastSearchFrom(searchers: readonly string[], peeked: ReadonlyMap<string, unknown>): SearchLastRow | undefined {
  let newest: SearchLastRow | undefined;
  for (const searcher of searchers) {
    const value = peeked.get(`${ENTITY.searchLast}|${KEYS.searchLast(searcher)}`);
    if (value === undefined) continue;
    const row = decodeSearch.last(value);
    if (!newest || row.at > newest.at) newest = row;
  }
  return newest;
}

/** A click-through's rows, read again for its own transaction (only views that follow a search get here). */
export async function readClickRows(searcher: string, month: string, shard: number, queryId: string | null): Promise<{ last: SearchLastRow | undefined; total: SearchTotalRow | undefined; query: SearchQueryRow | undefined }> {
  const get = await batchGet([
    { key: KEYS.searchLast(searcher), entityName: ENTITY.searchLast },
    { key: KEYS.searchTotal(month, shard), entityName: ENTITY.searchTotal },
    ...(queryId !== null ? [{ key: KEYS.searchQuery(queryId, month), entityName: ENTITY.searchQuery }] : []),
  ]);
  const last = get(ENTITY.searchLast, KEYS.searchLast(searcher));
  const total = get(ENTITY.searchTotal, KEYS.searchTotal(month, shard));
  const query = queryId !== null ? get(ENTITY.searchQuery, KEYS.searchQuery(queryId, month)) : undefined;
  return {
    last: last === undefined ? undefined : decodeSearch.last(last),
    total: total === undefined ? undefined : decodeSearch.total(total),
    query: query === undefined ? undefined : decodeSearch.query(query),
  };
}
