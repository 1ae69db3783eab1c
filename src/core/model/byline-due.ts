/**
 * The byline writer's order (src/page-statistics/byline-property), kept in the content row's
 * `bylineDue`, the one attribute of the `by-byline-due` index: the writer reads due rows in
 * ascending `bylineDue` and writes as many as its points budget allows, so the order must be a
 * value stored with the row (reading every due row each run to sort them would cost KVS reads in
 * proportion to the backlog, every five minutes). Pure.
 *
 * The key is the time of the first view the property does not show yet (`bylineSince`) moved
 * earlier by `VIEW_WEIGHT_MS` per unshown view: one unshown view weighs as much as four hours of
 * waiting. So
 *   - a page with more unshown views comes first (popular counters stay fresh), ties oldest first;
 *   - nothing starves: a page keeps its key while it waits, and every later mark needs one more
 *     unshown view per four hours of that wait to overtake it (a one-view page waiting three days
 *     is overtaken only by pages with more than 18 views unshown);
 *   - a page that never had a property (its readers' byline calls the function until it has one)
 *     and a visibility change (archived, trashed, restored) come before every count.
 * A model of the bench's day (docs/view-counter.md, "Points budget") compared this order with the
 * deadline order `since + H / unshown` (earliest deadline first), which under a budget smaller than
 * the demand serves the overdue long tail first and lets even the most viewed counters lag by hours.
 */

/** How much waiting one unshown view is worth in the order. */
export const VIEW_WEIGHT_MS = 4 * 3_600_000;
/** Ahead of any count: a year of waiting. */
export const FIRST_WRITE_AHEAD_MS = 365 * 86_400_000;
/** Unshown views beyond this weigh no more (keeps the key positive: the index query asks for `> 0`). */
const MAX_WEIGHED_VIEWS = 10_000;

export interface DueMark {
  /** `bylineDue`: the order key, smaller first. */
  bylineDue: number;
  /** The first view (or change) the property does not show yet. */
  bylineSince: number;
}

/**
 * The mark after a change the property does not show: `unshown` views (all-time count, or a 30-day
 * figure that moved) since `since`, or a change that must be written first (`ahead`). An earlier
 * key already on the row is kept (a 30-day change marked by the writer is not forgotten by a view).
 */
export function dueMark(previous: { bylineDue?: number; bylineSince?: number } | undefined, now: number, unshown: number, ahead: boolean): DueMark {
  const since = previous?.bylineSince ?? previous?.bylineDue ?? now;
  const weight = Math.min(MAX_WEIGHED_VIEWS, Math.max(1, Math.abs(unshown))) * VIEW_WEIGHT_MS + (ahead ? FIRST_WRITE_AHEAD_MS : 0);
  const key = Math.max(1, since - weight);
  return { bylineDue: previous?.bylineDue !== undefined ? Math.min(previous.bylineDue, key) : key, bylineSince: since };
}

/** Views the property does not show: the row's count against the count it shows (none when it shows no count). */
export function unshownViews(row: { views: number; byline?: { shown: string; views: number } }): number {
  return row.views - (row.byline?.shown === 'count' ? row.byline.views : 0);
}
