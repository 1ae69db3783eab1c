import { compareIndexValues, compareStrings, IndexValue } from '../compare';
import { Bound, ScanBounds, ScanPosition } from './types';

/** An entry of an ordered index: sort value, then key as tie-breaker. */
export interface OrderedEntry {
  range: IndexValue;
  key: string;
}

export function compareEntries(a: OrderedEntry, b: OrderedEntry): number {
  return compareIndexValues(a.range, b.range) || compareStrings(a.key, b.key);
}

/**
 * Sorted array with binary search: O(log n) to position a scan, O(page) to read it.
 * Inserts shift the array (O(n) memmove), which is fine for an in-memory test store.
 */
export class SortedList {
  private readonly entries: OrderedEntry[] = [];

  get size(): number {
    return this.entries.length;
  }

  insert(entry: OrderedEntry): void {
    const at = this.firstWhere((e) => compareEntries(e, entry) >= 0);
    const existing = this.entries[at];
    if (existing && compareEntries(existing, entry) === 0) {
      return;
    }
    this.entries.splice(at, 0, entry);
  }

  remove(entry: OrderedEntry): void {
    const at = this.firstWhere((e) => compareEntries(e, entry) >= 0);
    const existing = this.entries[at];
    if (existing && compareEntries(existing, entry) === 0) {
      this.entries.splice(at, 1);
    }
  }

  /**
   * Yields entries inside `bounds`, strictly after `after` in scan direction.
   * Both predicates below are monotone over the sorted array, so binary search finds the start.
   */
  *scan(bounds: ScanBounds, after: ScanPosition | undefined, direction: 'ASC' | 'DESC'): Generator<OrderedEntry> {
    const aboveLower = (e: OrderedEntry): boolean => satisfiesLower(e.range, bounds.lower);
    const belowUpper = (e: OrderedEntry): boolean => satisfiesUpper(e.range, bounds.upper);
    if (direction === 'ASC') {
      let i = this.firstWhere(aboveLower);
      if (after) {
        i = Math.max(i, this.firstWhere((e) => compareEntries(e, after) > 0));
      }
      for (let e = this.entries[i]; e && belowUpper(e); e = this.entries[++i]) {
        yield e;
      }
      return;
    }
    let i = this.firstWhere((e) => !belowUpper(e)) - 1;
    if (after) {
      i = Math.min(i, this.firstWhere((e) => compareEntries(e, after) >= 0) - 1);
    }
    for (let e = this.entries[i]; e && aboveLower(e); e = this.entries[--i]) {
      yield e;
    }
  }

  /** Index of the first entry for which `pred` holds (pred must be false...false,true...true). */
  private firstWhere(pred: (e: OrderedEntry) => boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.entries[mid];
      if (e === undefined || pred(e)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}

function satisfiesLower(value: IndexValue, bound: Bound | undefined): boolean {
  if (!bound) {
    return true;
  }
  const cmp = compareIndexValues(value, bound.value);
  return bound.inclusive ? cmp >= 0 : cmp > 0;
}

function satisfiesUpper(value: IndexValue, bound: Bound | undefined): boolean {
  if (!bound) {
    return true;
  }
  const cmp = compareIndexValues(value, bound.value);
  return bound.inclusive ? cmp <= 0 : cmp < 0;
}
