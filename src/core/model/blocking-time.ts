/**
 * Blocking time: a repeat view of the same content by the same viewer inside the window after their
 * last *counted* view is not counted; the first view after the window is.
 *
 * Events arrive late, out of order and more than once, so "last counted view" cannot be decided from
 * arrival order. We keep the viewer's raw view times within a horizon and recompute the greedy chain
 * of counted views over them. The result depends only on the set of view times, never on the order
 * they arrived in. A late event can therefore turn a counted view into a blocked one: the caller gets
 * the exact corrections (`added`, `removed`) to apply to the stored counts.
 */
export interface ViewerHistory {
  /** Last counted view time that fell out of the horizon; the chain continues from it. */
  anchor: number | null;
  /** Raw view times (counted or not) inside the horizon, ascending, no duplicates. */
  times: number[];
}

export interface BlockingPolicy {
  blockingTimeMs: number;
  /** How far back events may still reorder the chain. Longer than Forge's delivery lag plus retries. */
  horizonMs: number;
  /** Bounds the stored history; a viewer reloading every second cannot grow it without limit. */
  maxTimes: number;
  /**
   * At most this many counted views may be swapped by one late event; a late event that would
   * reshuffle more is judged like one beyond the horizon instead. The app sets it above what a
   * history of `maxTimes` can produce (so it never binds): a large swap is written in several
   * transactions of at most 25 operations (see planViewWrite's `take` and rollup-fit.ts).
   */
  maxCorrections: number;
}

export const EMPTY_HISTORY: ViewerHistory = { anchor: null, times: [] };

export type BlockingOutcome =
  | { kind: 'duplicate' }
  | { kind: 'applied'; history: ViewerHistory; added: number[]; removed: number[] };

export function countedTimes(history: ViewerHistory, blockingTimeMs: number): number[] {
  const counted: number[] = [];
  let last = history.anchor;
  for (const time of history.times) {
    if (last === null || time - last >= blockingTimeMs) {
      counted.push(time);
      last = time;
    }
  }
  return counted;
}

export function applyBlockingTime(history: ViewerHistory, at: number, policy: BlockingPolicy): BlockingOutcome {
  if (history.times.includes(at)) return { kind: 'duplicate' };
  const newest = history.times[history.times.length - 1];
  if (newest !== undefined && at < newest - policy.horizonMs) return leaveUncounted(history);

  const before = countedTimes(history, policy.blockingTimeMs);
  const withView: ViewerHistory = { anchor: history.anchor, times: insertSorted(history.times, at) };
  const after = countedTimes(withView, policy.blockingTimeMs);
  const added = difference(after, before);
  const removed = difference(before, after);
  if (added.length + removed.length > policy.maxCorrections) {
    // Keep the chain as counted; the late view is blocked by the counted view right after it.
    return leaveUncounted(history);
  }
  return { kind: 'applied', history: prune(withView, after, policy), added, removed };
}

/**
 * A view the chain cannot take in is not counted, so that every counted view is in the history and
 * blocks the views around it. Two cases reach here: a view older than the horizon (the caller's time
 * tolerance keeps it from happening: see event-time.ts), and a late view whose insertion would swap
 * more than `maxCorrections` counted views. The latter is always within the blocking time of the next
 * counted view (only then can a new view shift the chain), so not counting it is what the chain's
 * rule says for it at the time it was seen, without touching the views counted since.
 */
function leaveUncounted(history: ViewerHistory): BlockingOutcome {
  return { kind: 'applied', history, added: [], removed: [] };
}

function prune(history: ViewerHistory, counted: number[], policy: BlockingPolicy): ViewerHistory {
  const newest = history.times[history.times.length - 1] ?? 0;
  const countedSet = new Set(counted);
  let anchor = history.anchor;
  let start = 0;
  while (
    start < history.times.length &&
    (history.times[start]! < newest - policy.horizonMs || history.times.length - start > policy.maxTimes)
  ) {
    // The chain's state after a dropped prefix is its last counted time: keeping it as the anchor
    // makes the recomputed chain over the remaining times identical to the full one.
    if (countedSet.has(history.times[start]!)) anchor = history.times[start]!;
    start += 1;
  }
  return { anchor, times: history.times.slice(start) };
}

function insertSorted(times: number[], at: number): number[] {
  const index = times.findIndex((time) => time > at);
  return index === -1 ? [...times, at] : [...times.slice(0, index), at, ...times.slice(index)];
}

function difference(left: number[], right: number[]): number[] {
  const exclude = new Set(right);
  return left.filter((time) => !exclude.has(time));
}
