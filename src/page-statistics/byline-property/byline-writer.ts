/**
 * The scheduled byline writer (manifest.yml `byline-writer`, every five minutes: Forge's manifest
 * reference, scheduledTrigger, intervals `fiveMinute`, `hour`, `day`, `week`). One run:
 *   1. the due pass: every content whose row is marked due (a counted view, or a visibility change,
 *      since its property was written) gets at most one write — so a page is written at most once a
 *      run, never once a view, and its byline lags its figures by one interval at most (plus the run);
 *   2. once a UTC day, the rolling window: content with views on the day that just left the 30 days
 *      gets its `views30d` refreshed;
 *   3. the sweep (resumable, within a point budget a run): after an upgrade, the content never viewed
 *      since gets its property (CQL then finds it as never viewed), and after the View Counter switch
 *      changed, every property is rewritten (off: a neutral title and no figures; on: the counts).
 * A 429 stops the run (its Retry-After is kept: no write before it); short waits are honoured at once.
 * Scheduled invocations may be duplicated (same page), hence the lease.
 */
import { currentStoredSettings } from '../../settings/index';
import type { ContentStatsRow } from '../../core/model/rows';
import { forEachQueryPage } from '../../core/storage/query-pages';
import { contentRows, contentViewedOn, dueRows, readWriterJob, sweepRows, writeWriterJob, type WriterJob } from './byline-property-store';
import { syncProperty, type SyncOutcome } from './property-sync';
import { ConfluenceError } from '../../platform/confluence/client';

/** The run's own time budget (the function may run 240 s, manifest.yml); the next run starts 5 min later. */
const RUN_BUDGET_MS = 180_000;
const LEASE_GRACE_MS = 60_000;
/**
 * Points a run may spend: 2,000 every 5 minutes is 24,000 an hour, about a third of Confluence's
 * default 65,000 points an hour for an app on a site, so the app's other calls keep their room.
 */
export const POINTS_PER_RUN = 2_000;
/** The sweep's share of a run (the due pass comes first: it is what readers see lag). */
export const SWEEP_POINTS_PER_RUN = 500;
/** A Retry-After this short is waited for within the run; a longer one ends the run. */
const WAIT_INLINE_S = 10;
const DAY_MS = 86_400_000;

export interface WriterReport {
  skipped?: 'leased' | 'throttled';
  written: number;
  unchanged: number;
  fallback: number;
  points: number;
  throttled: boolean;
  windowDay: string | null;
  sweep: WriterJob['sweep'] | null;
}

const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

function freshJob(viewCounter: boolean): WriterJob {
  return { throttledUntil: 0, leaseUntil: 0, windowDay: null, sweep: { state: 'running', cursor: null, viewCounter, processed: 0, written: 0 } };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function bylineWriter(_event?: unknown, _context?: unknown): Promise<WriterReport> {
  return runBylineWriter({ now: () => Date.now(), budgetMs: RUN_BUDGET_MS, wait: sleep });
}

export interface WriterClock {
  now(): number;
  budgetMs: number;
  wait(ms: number): Promise<void>;
  /**
   * A page written less than this long ago stays due (its lag grows to this, its writes shrink):
   * the knob between lag and points. 0, the default, writes every due page each run.
   */
  minGapMs?: number;
  /** The sweep's points a run (default SWEEP_POINTS_PER_RUN). */
  sweepPoints?: number;
}

export async function runBylineWriter(clock: WriterClock): Promise<WriterReport> {
  const started = clock.now();
  const deadline = started + clock.budgetMs;
  const stored = await currentStoredSettings();
  const previous = await readWriterJob();
  // Settings that cannot be read apply the fail-closed ones to tracking; here they must not flip
  // every property: the switch the last sweep applied stands until the settings are readable again.
  const viewCounter = stored.problem && previous ? previous.sweep.viewCounter : stored.settings.viewCounter;
  let job = previous ?? freshJob(viewCounter);
  const report: WriterReport = { written: 0, unchanged: 0, fallback: 0, points: 0, throttled: false, windowDay: job.windowDay, sweep: null };
  if (job.leaseUntil > started) return { ...report, skipped: 'leased' };
  if (job.throttledUntil > started) return { ...report, skipped: 'throttled' };
  if (job.sweep.viewCounter !== viewCounter) job = { ...job, sweep: { state: 'running', cursor: null, viewCounter, processed: 0, written: 0 } };
  job = { ...job, leaseUntil: deadline + LEASE_GRACE_MS };
  await writeWriterJob(job);

  /** One content; false when the run must stop (throttled beyond a short wait, or out of time or points). */
  const sync = async (row: ContentStatsRow, pointsCap: number): Promise<boolean> => {
    for (;;) {
      if (clock.now() > deadline || report.points >= pointsCap) return false;
      let outcome: SyncOutcome;
      try {
        outcome = await syncProperty(row, viewCounter, clock.now());
      } catch (error) {
        // A 5xx (or a KVS hiccup) ends the run; the row stays due. Anything else skips this row only.
        console.warn(`Byline writer: content ${row.contentId}: ${error instanceof Error ? error.message : String(error)}`);
        if (error instanceof ConfluenceError && !error.transient) return true;
        return false;
      }
      report.points += outcome.points;
      if (outcome.kind !== 'throttled') {
        report[outcome.kind] += 1;
        return true;
      }
      if (outcome.retryAfterSeconds > WAIT_INLINE_S || clock.now() + outcome.retryAfterSeconds * 1000 > deadline) {
        report.throttled = true;
        job = { ...job, throttledUntil: clock.now() + outcome.retryAfterSeconds * 1000 };
        return false;
      }
      await clock.wait(outcome.retryAfterSeconds * 1000);
    }
  };

  try {
    // 1. Due rows, oldest mark first; a page is written at most once a run (a view committed during
    // the run leaves it due for the next one).
    let going = true;
    const seen = new Set<string>();
    await forEachQueryPage((cursor) => dueRows(cursor ?? null, 50), async (page) => {
      for (const row of page.rows) {
        if (seen.has(row.contentId)) continue;
        seen.add(row.contentId);
        if (row.byline && row.byline.shown !== 'fallback' && started - row.byline.writtenAt < (clock.minGapMs ?? 0)) continue;
        if (!(going = await sync(row, POINTS_PER_RUN))) return 'stop';
      }
      return undefined;
    });

    // 2. The rolling window, once a day, when the due pass finished.
    const today = utcDay(started);
    if (going && job.windowDay !== today) {
      const leaving = utcDay(started - 30 * DAY_MS);
      await forEachQueryPage((cursor) => contentViewedOn(leaving, cursor ?? null), async (page) => {
        for (const row of await contentRows(page.ids)) if (!(going = await sync(row, POINTS_PER_RUN))) return 'stop';
        return undefined;
      });
      if (going) job = { ...job, windowDay: today };
    }

    // 3. The sweep, within its share of the run's points.
    if (going && job.sweep.state === 'running') {
      const cap = Math.min(POINTS_PER_RUN, report.points + (clock.sweepPoints ?? SWEEP_POINTS_PER_RUN));
      let sweep = job.sweep;
      try {
        do {
          const page = await sweepRows(sweep.cursor, 50);
          let done = 0;
          for (const row of page.rows) {
            const before = report.written;
            if (!(going = await sync(row, cap))) break;
            done += 1;
            sweep = { ...sweep, processed: sweep.processed + 1, written: sweep.written + (report.written - before) };
          }
          // A page left halfway is read again next time (rows already written cost no point then).
          if (done === page.rows.length) sweep = { ...sweep, cursor: page.nextCursor, ...(page.nextCursor ? {} : { state: 'done' as const }) };
        } while (going && sweep.state === 'running');
      } catch (error) {
        // Query cursors "are not stable and should not be persisted" (Forge KVS docs): a refused one
        // restarts the sweep, which is idempotent (properties already showing their figures are skipped).
        console.warn(`Byline sweep restarts: ${error instanceof Error ? error.message : String(error)}`);
        sweep = { ...sweep, cursor: null };
      }
      job = { ...job, sweep };
    }
  } finally {
    // Released even when a query failed: the next run need not wait for the lease to expire.
    job = { ...job, leaseUntil: 0 };
    await writeWriterJob(job);
  }
  console.log(`Byline writer: ${report.written} written, ${report.unchanged} unchanged, ${report.fallback} fallback, ${report.points} points${report.throttled ? ', throttled' : ''}; sweep ${job.sweep.state} (${job.sweep.processed})`);
  return { ...report, windowDay: job.windowDay, sweep: job.sweep };
}
