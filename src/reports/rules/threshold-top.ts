/**
 * Exact top-k over the sum of several sorted lists (Fagin's threshold algorithm, with random access
 * batched): lists are read page by page, highest values first; an item never seen can total at most
 * the sum of the last value read in every list (times the rows it may have there); candidates whose
 * bound could still reach the k-th total are looked up exactly. Pure: reads are injected.
 */
export interface RankedRow {
  id: string;
  /** The item's exact share of the total in this list's period (with the filters). */
  value: number;
  /**
   * The value the list is sorted by, where it is larger than `value` (a filtered share of a row
   * sorted by all its views): unseen items are bounded by it, never by the smaller share.
   */
  rank?: number;
}

export interface SortedList {
  /**
   * The next page, highest first; `done` once the list is exhausted. `floor` is the lowest value read
   * (rows the list dropped for the filters included), when it is lower than the last row returned.
   */
  next(): Promise<{ rows: RankedRow[]; done: boolean; floor?: number }>;
  /** How many rows one item may have in this list (shards): 1 for most lists. */
  multiplicity: number;
}

export interface TopKInput {
  k: number;
  lists: SortedList[];
  /** Exact totals over the whole range (with the filters), for these ids; missing ids total 0. */
  exact: (ids: string[]) => Promise<Map<string, number>>;
  /** Rows failing the filters are skipped (their list still advances): filtered totals ≤ list values. */
  keep?: (id: string) => boolean;
  /**
   * The lists together are the whole range (no subtracted days, filters on row attributes only): an
   * item seen in every list (or missing only from exhausted ones) is then exact without a lookup.
   */
  listsAreWholeRange?: boolean;
  /** Items whose exact totals the caller already knows (their rows are skipped through `keep`). */
  known?: ReadonlyMap<string, number>;
  /** Safety bound on rounds (pages per list). */
  maxRounds?: number;
}

export interface TopKResult {
  ranking: Array<{ id: string; total: number }>;
  rounds: number;
}

/** Orders by total, then id: the same order the reference model uses, so ties are deterministic. */
export function byTotal(a: { id: string; total: number }, b: { id: string; total: number }): number {
  return b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function thresholdTopK(input: TopKInput): Promise<TopKResult> {
  const { lists, k } = input;
  const last = lists.map(() => Number.POSITIVE_INFINITY);
  const done = lists.map(() => false);
  const seen = new Map<string, { sums: number[]; rows: number[] }>();
  const exact = new Map<string, number>(input.known ?? []);
  let rounds = 0;
  while (true) {
    rounds += 1;
    const pages = await Promise.all(lists.map((list, index) => (done[index] ? null : list.next())));
    pages.forEach((page, index) => {
      if (!page) return;
      for (const row of page.rows) {
        last[index] = row.rank ?? row.value;
        if (input.keep && !input.keep(row.id)) continue;
        const entry = seen.get(row.id) ?? { sums: lists.map(() => 0), rows: lists.map(() => 0) };
        entry.sums[index] = (entry.sums[index] ?? 0) + row.value;
        entry.rows[index] = (entry.rows[index] ?? 0) + 1;
        seen.set(row.id, entry);
      }
      if (page.floor !== undefined) last[index] = Math.min(last[index] ?? 0, page.floor);
      if (page.done) { done[index] = true; last[index] = 0; }
      else if (page.rows.length === 0) last[index] = Math.min(last[index] ?? 0, 0);
    });
    const unseenBound = lists.reduce((sum, list, index) => sum + (done[index] ? 0 : (last[index] ?? 0) * list.multiplicity), 0);
    const bound = (id: string) => {
      const entry = seen.get(id)!;
      return lists.reduce((sum, list, index) => sum + (entry.sums[index] ?? 0)
        + (done[index] ? 0 : Math.max(0, list.multiplicity - (entry.rows[index] ?? 0)) * (last[index] ?? 0)), 0);
    };
    if (input.listsAreWholeRange) {
      for (const [id, entry] of seen) {
        if (exact.has(id)) continue;
        const complete = lists.every((list, index) => done[index] || (entry.rows[index] ?? 0) >= list.multiplicity);
        if (complete) exact.set(id, entry.sums.reduce((sum, value) => sum + value, 0));
      }
    }
    // Resolve exactly every candidate that could still be in the top k.
    while (true) {
      const kth = kthExact(exact, k);
      const open = [...seen.keys()].filter((id) => !exact.has(id)).map((id) => ({ id, total: bound(id) }))
        .filter((candidate) => kth === null || candidate.total >= kth).sort(byTotal).slice(0, k + 10);
      if (open.length === 0) break;
      const totals = await input.exact(open.map((candidate) => candidate.id));
      for (const { id } of open) exact.set(id, totals.get(id) ?? 0);
    }
    const kth = kthExact(exact, k);
    const allDone = done.every(Boolean);
    if (allDone || (kth !== null && kth > unseenBound) || rounds >= (input.maxRounds ?? 1000)) {
      const ranking = [...exact].map(([id, total]) => ({ id, total })).filter((entry) => entry.total > 0).sort(byTotal).slice(0, k);
      return { ranking, rounds };
    }
  }
}

function kthExact(exact: Map<string, number>, k: number): number | null {
  if (exact.size < k) return null;
  const totals = [...exact.values()].sort((a, b) => b - a);
  return totals[k - 1] ?? null;
}
