/**
 * The byline writer's points budget (docs/view-counter.md, "Points budget"). Pure.
 *
 * A token bucket: points accrue at the budget's rate (points an hour, Settings) and at most one
 * run's share is ever available, so a run spends at most `perHour × interval` and any hour at most
 * `perHour`, however the runs are spaced (Forge may deliver a scheduled invocation twice; a run
 * skipped for a lease or a 429 does not bank its share for later).
 */

/** The writer's scheduled interval (manifest.yml `byline-writer`, `interval: fiveMinute`). */
export const RUN_INTERVAL_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

export interface Bucket {
  /** Points left after the last run. */
  points: number;
  /** When they were counted. */
  at: number;
}

/** One run's share: 15 points at 180 an hour. */
export function pointsPerRun(perHour: number): number {
  return (perHour * RUN_INTERVAL_MS) / HOUR_MS;
}

/** Whole points a run starting at `now` may spend. A first run (no bucket yet) gets one share. */
export function availablePoints(bucket: Bucket | undefined, perHour: number, now: number): number {
  const share = pointsPerRun(perHour);
  if (!bucket) return share;
  const accrued = (perHour * Math.max(0, now - bucket.at)) / HOUR_MS;
  return Math.min(share, Math.max(0, bucket.points) + accrued);
}

/** The bucket after a run that started at `now` with `available` points and spent `spent`. */
export function afterRun(bucket: Bucket | undefined, available: number, spent: number, now: number): Bucket {
  // A clock that went back must not accrue the same time twice.
  return { points: Math.max(0, available - spent), at: Math.max(bucket?.at ?? 0, now) };
}
