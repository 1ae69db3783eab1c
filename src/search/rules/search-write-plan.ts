import { applyBlockingTime, EMPTY_HISTORY, type BlockingPolicy } from '../../core/model/blocking-time';
import { daysInMonth } from '../../core/model/content-month';
import { emptyShard, raiseRegister, sketchSlot } from '../../core/model/hyperloglog';
import { sketchId, sketchPeriodsOf } from '../../core/model/rollup-plan';
import type { SketchRow } from '../../core/model/report-rows';
import { expectVersion, type RowOp } from '../../core/model/row-ops';
import type { SearchDayLists, SearchLastRow, SearchMarkRow, SearchQueryRow, SearchTotalRow } from '../../core/model/search-rows';
import { utcDay } from '../../core/model/view';
import { monthOf } from '../../core/model/report-periods';

/** How long a searcher's mark outlives its last search (the blocking horizon is 79 minutes; the day's salt lives two days). */
export const MARK_TTL_SECONDS = 2 * 86_400;
/** A last-search row is consulted by views up to the lateness Forge's delivery allows (75 min): two hours. */
export const LAST_SEARCH_TTL_SECONDS = 2 * 3_600;

/** One search, with every id the storage needs already derived (hashes are made outside the pure rules). */
export interface PlannedSearch {
  at: number;
  anonymous: boolean;
  results: number;
  /** Hash of searcher, query and the day's salt: the row holding this pair's times. */
  mark: string;
  /** Null while query text is not recorded: then no per-query row is written. */
  query: { id: string; text: string } | null;
  /** The searcher's key for the click-through (a daily pseudonym), null for anonymous searches. */
  searcher: string | null;
  /** Element of the distinct-searchers sketch, null when it is not kept (anonymous, Extended privacy). */
  sketchElement: string | null;
  shard: number;
}

export interface SearchSnapshot {
  mark: SearchMarkRow | undefined;
  /** By month: every month the corrections may touch was read (months of [at - horizon, at]). */
  queries: Map<string, SearchQueryRow | undefined>;
  totals: Map<string, SearchTotalRow | undefined>;
  sketches: Map<string, SketchRow>;
  last: SearchLastRow | undefined;
}

export type SearchPlan =
  | { kind: 'duplicate' }
  | { kind: 'write'; ops: RowOp[]; counted: boolean };

export function emptyLists(month: string): SearchDayLists {
  const zeros = () => new Array<number>(daysInMonth(month)).fill(0);
  return { s: zeros(), a: zeros(), n: zeros(), na: zeros(), c: zeros() };
}

function sum(list: readonly number[]): number {
  return list.reduce((total, value) => total + value, 0);
}

/** Signed-in searches with results that no page view followed, per day (never below 0). */
export function unclickedOf(lists: SearchDayLists, index: number): number {
  return Math.max(0, (lists.s[index]! - lists.a[index]!) - (lists.n[index]! - lists.na[index]!) - lists.c[index]!);
}

/** The sort keys of a query month, from its lists. */
export function withMonthFigures(row: Omit<SearchQueryRow, 'monthSearches' | 'monthNoResults' | 'monthUnclicked' | 'version'>): Omit<SearchQueryRow, 'version'> {
  let unclicked = 0;
  for (let index = 0; index < row.s.length; index += 1) unclicked += unclickedOf(row, index);
  return { ...row, monthSearches: sum(row.s), monthNoResults: sum(row.n), monthUnclicked: unclicked };
}

function cloneLists(lists: SearchDayLists): SearchDayLists {
  return { s: [...lists.s], a: [...lists.a], n: [...lists.n], na: [...lists.na], c: [...lists.c] };
}

/**
 * The pure plan of one search: the blocking time over this searcher's times of this query (as for
 * views: the result depends only on the set of times, so late and redelivered events end the same),
 * the corrections as per-day deltas of the query's month row and the site's total shard, the
 * searcher sketch, and the searcher's last search (for the click-through). One transaction.
 */
export function planSearchWrite(search: PlannedSearch, snapshot: SearchSnapshot, policy: BlockingPolicy): SearchPlan {
  const history = snapshot.mark ? { anchor: snapshot.mark.anchor, times: snapshot.mark.times } : EMPTY_HISTORY;
  // Anonymous visitors share one identity: as for views, their searches skip the blocking time (redeliveries are still found).
  const outcome = applyBlockingTime(history, search.at, search.anonymous ? { ...policy, blockingTimeMs: 0 } : policy);
  if (outcome.kind === 'duplicate') return { kind: 'duplicate' };
  const emptyBefore = new Set(snapshot.mark?.empty ?? []);
  if (search.results === 0) emptyBefore.add(search.at);
  const kept = new Set(outcome.history.times);
  const ops: RowOp[] = [];
  ops.push({
    kind: 'put', ttlSeconds: MARK_TTL_SECONDS, expect: expectVersion(snapshot.mark),
    row: { entity: 'search-mark', value: { mark: search.mark, anchor: outcome.history.anchor, times: outcome.history.times, empty: [...emptyBefore].filter((time) => kept.has(time)).sort((a, b) => a - b), version: (snapshot.mark?.version ?? 0) + 1 } },
  });

  const deltas = [...outcome.added.map((time) => [time, 1] as const), ...outcome.removed.map((time) => [time, -1] as const)];
  const totals = new Map<string, SearchDayLists>();
  const queries = new Map<string, SearchDayLists>();
  const listsFor = (target: Map<string, SearchDayLists>, source: Map<string, SearchDayLists | undefined>, month: string) => {
    let lists = target.get(month);
    if (!lists) {
      const stored = source.get(month);
      lists = stored ? cloneLists(stored) : emptyLists(month);
      target.set(month, lists);
    }
    return lists;
  };
  for (const [time, sign] of deltas) {
    const day = utcDay(time);
    const month = monthOf(day);
    if (!snapshot.totals.has(month)) throw new Error(`The snapshot lacks the search totals of ${month}`);
    const index = Number(day.slice(8, 10)) - 1;
    const empty = emptyBefore.has(time);
    const targets = [listsFor(totals, snapshot.totals, month), ...(search.query ? [listsFor(queries, snapshot.queries, month)] : [])];
    for (const lists of targets) {
      lists.s[index]! += sign;
      if (search.anonymous) lists.a[index]! += sign;
      if (empty) lists.n[index]! += sign;
      if (empty && search.anonymous) lists.na[index]! += sign;
    }
  }
  for (const [month, lists] of totals) {
    const stored = snapshot.totals.get(month);
    ops.push({ kind: 'put', expect: expectVersion(stored), row: { entity: 'search-total', value: { month, shard: search.shard, ...lists, version: (stored?.version ?? 0) + 1 } } });
  }
  if (search.query) {
    for (const [month, lists] of queries) {
      const stored = snapshot.queries.get(month);
      const value = withMonthFigures({
        queryId: search.query.id, query: search.query.text, month, ...lists, pages: stored?.pages ?? {},
        lastResults: month === monthOf(utcDay(search.at)) ? search.results : stored?.lastResults ?? search.results,
      });
      ops.push({ kind: 'put', expect: expectVersion(stored), row: { entity: 'search-query', value: { ...value, version: (stored?.version ?? 0) + 1 } } });
    }
  }

  if (search.sketchElement !== null) {
    const slot = sketchSlot(search.sketchElement);
    for (const [level, period] of sketchPeriodsOf(utcDay(search.at))) {
      const existing = snapshot.sketches.get(sketchId('searchers', level, period));
      const registers = raiseRegister(existing?.registers ?? emptyShard(), slot);
      if (registers === null) continue;
      ops.push({
        kind: 'put', expect: expectVersion(existing),
        row: { entity: 'sketch', value: { kind: 'searchers', level, period, shard: slot.shard, registers, version: (existing?.version ?? 0) + 1 } },
      });
    }
  }

  const counted = outcome.added.includes(search.at);
  // The click window starts at the searcher's newest counted search; an older one arriving late does not replace it.
  if (counted && search.searcher !== null && (!snapshot.last || snapshot.last.at < search.at)) {
    ops.push({
      kind: 'put', ttlSeconds: LAST_SEARCH_TTL_SECONDS, expect: expectVersion(snapshot.last),
      row: { entity: 'search-last', value: {
        searcher: search.searcher, at: search.at, queryId: search.query?.id ?? null, month: monthOf(utcDay(search.at)),
        shard: search.shard, results: search.results, clickAt: null, version: (snapshot.last?.version ?? 0) + 1,
      } },
    });
  }
  return { kind: 'write', ops, counted };
}

/**
 * Months a search's corrections may touch: those of [at - horizon, at + horizon]. A late search can
 * move the chain only among times within the horizon of it (older ones are left as counted), and a
 * mark holds one UTC day anyway (its key is the day's pseudonym): near a month's end this reads one
 * more key, never a correction without its row.
 */
export function monthsOfSearch(at: number, horizonMs: number): string[] {
  return [...new Set([monthOf(utcDay(at - horizonMs)), monthOf(utcDay(at)), monthOf(utcDay(at + horizonMs))])];
}

/** Shard of the site's total rows: spreads writers, stable for a searcher and query so corrections land where the count is. */
export function totalShardOf(mark: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < mark.length; index += 1) {
    hash ^= mark.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}
