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
  /**
   * Those of `times` the reader's own browser reported (the background script, for content the app
   * cannot see: no product event comes for it). Absent when none: every time is an event's.
   */
  beacon?: number[];
  /** The anchor is a beacon time. */
  anchorBeacon?: boolean;
}

/** Who observed a view: Confluence's product event (or the macro, the view API), or the reader's browser. */
export type ViewOrigin = 'event' | 'beacon';

/**
 * One page load can be seen twice: by Confluence's view event (stamped when Confluence served the
 * page) and by the background script (stamped when its resolver ran, seconds later). A view of one
 * origin this close to the last counted view of the other is the same page load, whatever the
 * blocking time (which an admin may set to 0): the pair counts once, whichever arrives first.
 */
export const PAIR_WINDOW_MS = 60_000;

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

/**
 * The chain of counted views: a function of the set of (time, origin) only, never of arrival order.
 * A view is counted when it is at least the blocking time after the last counted view, or, when the
 * two have different origins (event and beacon), at least `PAIR_WINDOW_MS` after it.
 */
export function countedTimes(history: ViewerHistory, blockingTimeMs: number): number[] {
  const counted: number[] = [];
  const beacon = new Set(history.beacon ?? []);
  let last = history.anchor;
  let lastBeacon = history.anchorBeacon === true;
  for (const time of history.times) {
    const isBeacon = beacon.has(time);
    const gap = beacon.size > 0 || lastBeacon ? (isBeacon === lastBeacon ? blockingTimeMs : Math.max(blockingTimeMs, PAIR_WINDOW_MS)) : blockingTimeMs;
    if (last === null || time - last >= gap) {
      counted.push(time);
      last = time;
      lastBeacon = isBeacon;
    }
  }
  return counted;
}

export function applyBlockingTime(history: ViewerHistory, at: number, policy: BlockingPolicy, origin: ViewOrigin = 'event'): BlockingOutcome {
  if (history.times.includes(at)) return { kind: 'duplicate' };
  const newest = history.times[history.times.length - 1];
  if (newest !== undefined && at < newest - policy.horizonMs) return leaveUncounted(history);

  const before = countedTimes(history, policy.blockingTimeMs);
  const beacon = origin === 'beacon' ? insertSorted(history.beacon ?? [], at) : history.beacon;
  const withView: ViewerHistory = { ...withBeacon(history.anchor, history.anchorBeacon, beacon), times: insertSorted(history.times, at) };
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
  const beacon = new Set(history.beacon ?? []);
  let anchor = history.anchor;
  let anchorBeacon = history.anchorBeacon === true;
  let start = 0;
  while (
    start < history.times.length &&
    (history.times[start]! < newest - policy.horizonMs || history.times.length - start > policy.maxTimes)
  ) {
    // The chain's state after a dropped prefix is its last counted time (and its origin): keeping it
    // as the anchor makes the recomputed chain over the remaining times identical to the full one.
    if (countedSet.has(history.times[start]!)) {
      anchor = history.times[start]!;
      anchorBeacon = beacon.has(anchor);
    }
    start += 1;
  }
  const times = history.times.slice(start);
  return { ...withBeacon(anchor, anchorBeacon, times.filter((time) => beacon.has(time))), times };
}

/** Rows without beacon views keep exactly their old shape (no empty fields). */
function withBeacon(anchor: number | null, anchorBeacon: boolean | undefined, beacon: number[] | undefined): Omit<ViewerHistory, 'times'> {
  return {
    anchor,
    ...(beacon && beacon.length > 0 ? { beacon } : {}),
    ...(anchorBeacon && anchor !== null ? { anchorBeacon: true } : {}),
  };
}

function insertSorted(times: number[], at: number): number[] {
  const index = times.findIndex((time) => time > at);
  return index === -1 ? [...times, at] : [...times.slice(0, index), at, ...times.slice(index)];
}

function difference(left: number[], right: number[]): number[] {
  const exclude = new Set(right);
  return left.filter((time) => !exclude.has(time));
}
