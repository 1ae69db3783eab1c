/**
 * The scheduled byline writer (manifest.yml `byline-writer`, every five minutes: Forge's manifest
 * reference, scheduledTrigger, intervals `fiveMinute`, `hour`, `day`, `week`). One run:
 *   1. the sweep (resumable, within its own points a run): after an upgrade, the content never
 *      viewed since gets its property (CQL then finds it as never viewed), and after the View
 *      Counter switch changed, every property is rewritten (off: a neutral title and no figures);
 *   2. once a UTC day, the rolling window: content with views on the day that just left the 30 days
 *      is marked due (weighted by those views), so its `views30d` is written in its turn, from the
 *      same budget;
 *   3. the due pass, within the points budget (Settings, "Counter refresh budget"; a token bucket,
 *      rules/points-budget.ts): the rows marked due are read in the order of their key (most
 *      unshown views first, a page never written before all, ties oldest first, and age raising a
 *      page's rank: src/core/model/byline-due.ts) and written, each at most once a run, until the
 *      run's points are spent; the rest stay due for later runs.
 * A 429 stops the run (its Retry-After is kept: no write before it); short waits are honoured at once.
 * Scheduled invocations may be duplicated (same page), hence the lease (and the bucket: a duplicate
 * finds only the points that accrued since).
 */
import { currentStoredSettings } from '../../settings/index';
import type { ContentStatsRow } from '../../core/model/rows';
import { forEachQueryPage } from '../../core/storage/query-pages';
import { contentRows, contentViewedOn, dueRows, markWindowDue, readWriterJob, sweepRows, writeWriterJob, type WriterJob } from './byline-property-store';
import { syncProperty, type SyncOutcome } from './property-sync';
import { afterRun, availablePoints } from './rules/points-budget';
import { ConfluenceError } from '../../platform/confluence/client';

/** The run's own time budget (the function may run 240 s, manifest.yml); the next run starts 5 min later. */
const RUN_BUDGET_MS = 180_000;
const LEASE_GRACE_MS = 60_000;
/**
 * The sweep's points a run, apart from the budget: it is one-off work sized by the site, not by its
 * views (after an upgrade, and after the View Counter switch changed, which should reach every page
 * within hours, not the days the budget would take on a large site). 500 a run is at most 6,000 an
 * hour (9 % of the default 65,000) and only while a sweep runs.
 */
export const SWEEP_POINTS_PER_RUN = 500;
/** A Retry-After this short is waited for within the run; a longer one ends the run. */
const WAIT_INLINE_S = 10;
const DAY_MS = 86_400_000;

export interface WriterReport {
  skipped?: 'leased' | 'throttled';
  written: number;
  unchanged: number;
  fallback: number;
  /** Points spent, all passes. */
  points: number;
  /** Of them, the due pass's (from the budget). */
  budgetPoints: number;
  /** Whole points the budget allowed this run. */
  budgetAvailable: number;
  /** Rows the due pass left due because the run's points ran out. */
  deferred: boolean;
  /** Rows the rolling-window pass marked due. */
  windowMarked: number;
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
   * A page written less than this long ago stays due (its lag grows to this, its writes shrink).
   * 0, the default: the points budget alone decides.
   */
  minGapMs?: number;
  /** The sweep's points a run (default SWEEP_POINTS_PER_RUN). */
  sweepPoints?: number;
  /** The budget in points an hour, instead of the stored setting (tests, the bench). */
  pointsPerHour?: number;
}

type Step = 'next' | 'out-of-points' | 'stop';

export async function runBylineWriter(clock: WriterClock): Promise<WriterReport> {
  const started = clock.now();
  const deadline = started + clock.budgetMs;
  const stored = await currentStoredSettings();
  const previous = await readWriterJob();
  // Settings that cannot be read apply the fail-closed ones to tracking; here they must not flip
  // every property: the switch the last sweep applied stands until the settings are readable again.
  const viewCounter = stored.problem && previous ? previous.sweep.viewCounter : stored.settings.viewCounter;
  const perHour = clock.pointsPerHour ?? stored.settings.counterRefreshBudget;
  let job = previous ?? freshJob(viewCounter);
  const available = availablePoints(job.budget, perHour, started);
  const report: WriterReport = {
    written: 0, unchanged: 0, fallback: 0, points: 0, budgetPoints: 0, budgetAvailable: Math.floor(available), deferred: false,
    windowMarked: 0, throttled: false, windowDay: job.windowDay, sweep: null,
  };
  if (job.leaseUntil > started) return { ...report, skipped: 'leased' };
  if (job.throttledUntil > started) return { ...report, skipped: 'throttled' };
  if (job.sweep.viewCounter !== viewCounter) job = { ...job, sweep: { state: 'running', cursor: null, viewCounter, processed: 0, written: 0 } };
  job = { ...job, leaseUntil: deadline + LEASE_GRACE_MS };
  await writeWriterJob(job);

  /** One content, with at most `pointsLeft` points: whether the pass goes on, is out of points, or the run must stop. */
  const sync = async (row: ContentStatsRow, pointsLeft: () => number): Promise<Step> => {
    for (;;) {
      if (clock.now() > deadline) return 'stop';
      // No check of the points here: a row that needs no call (already shown, fallback, no byline)
      // is settled even with none left; the first one that needs a call ends the pass.
      let outcome: SyncOutcome;
      try {
        outcome = await syncProperty(row, viewCounter, clock.now(), pointsLeft());
      } catch (error) {
        // A 5xx (or a KVS hiccup) ends the run; the row stays due. Anything else skips this row only.
        console.warn(`Byline writer: content ${row.contentId}: ${error instanceof Error ? error.message : String(error)}`);
        if (error instanceof ConfluenceError && !error.transient) return 'next';
        return 'stop';
      }
      report.points += outcome.points;
      if (outcome.kind === 'out-of-points') return 'out-of-points';
      if (outcome.kind !== 'throttled') {
        report[outcome.kind] += 1;
        return 'next';
      }
      if (outcome.retryAfterSeconds > WAIT_INLINE_S || clock.now() + outcome.retryAfterSeconds * 1000 > deadline) {
        report.throttled = true;
        job = { ...job, throttledUntil: clock.now() + outcome.retryAfterSeconds * 1000 };
        return 'stop';
      }
      await clock.wait(outcome.retryAfterSeconds * 1000);
    }
  };

  let going = true;
  /** Points spent before the due pass began (what it spends after comes from the budget). */
  let dueFrom: number | null = null;
  try {
    // 1. The sweep, within its own points (a page written here is no longer due).
    if (job.sweep.state === 'running') {
      const cap = report.points + (clock.sweepPoints ?? SWEEP_POINTS_PER_RUN);
      let sweep = job.sweep;
      try {
        sweeping: do {
          const page = await sweepRows(sweep.cursor, 50);
          let done = 0;
          for (const row of page.rows) {
            const before = report.written;
            const step = await sync(row, () => cap - report.points);
            if (step !== 'next') {
              going = step !== 'stop';
              break sweeping;
            }
            done += 1;
            sweep = { ...sweep, processed: sweep.processed + 1, written: sweep.written + (report.written - before) };
          }
          // A page left halfway is read again next time (rows already written cost no point then).
          if (done === page.rows.length) sweep = { ...sweep, cursor: page.nextCursor, ...(page.nextCursor ? {} : { state: 'done' as const }) };
        } while (sweep.state === 'running');
      } catch (error) {
        // Query cursors "are not stable and should not be persisted" (Forge KVS docs): a refused one
        // restarts the sweep, which is idempotent (properties already showing their figures are skipped).
        console.warn(`Byline sweep restarts: ${error instanceof Error ? error.message : String(error)}`);
        sweep = { ...sweep, cursor: null };
      }
      job = { ...job, sweep };
    }

    // 2. The rolling window, once a day, before the due pass so its marks compete in this run: marks
    // only (no point), within half the run's time; a pass cut short starts again next run (marks
    // already made are not made twice).
    const today = utcDay(started);
    if (going && job.windowDay !== today) {
      const leaving = utcDay(started - 30 * DAY_MS);
      let complete = true;
      await forEachQueryPage((cursor) => contentViewedOn(leaving, cursor ?? null), async (page) => {
        if (clock.now() > started + clock.budgetMs / 2) {
          complete = false;
          return 'stop';
        }
        const leavingViews = new Map(page.days.map((day) => [day.contentId, day.views]));
        for (const row of await contentRows(page.days.map((day) => day.contentId))) {
          // Only a property that counts that day's views changes: one showing a count, written before today.
          if (!viewCounter || row.byline?.shown !== 'count' || row.byline.views30d === 0 || utcDay(row.byline.writtenAt) >= today) continue;
          if (await markWindowDue(row, leavingViews.get(row.contentId) ?? 1, started) === 'marked') report.windowMarked += 1;
        }
        return undefined;
      });
      if (complete) job = { ...job, windowDay: today };
    }

    // 3. The due pass, in the key's order, within the budget; a page is written at most once a run
    // (a view committed during the run leaves it due for a later one).
    if (going) {
      dueFrom = report.points;
      const left = () => available - (report.points - (dueFrom ?? 0));
      const seen = new Set<string>();
      await forEachQueryPage((cursor) => dueRows(cursor ?? null, 50), async (page) => {
        for (const row of page.rows) {
          if (seen.has(row.contentId)) continue;
          seen.add(row.contentId);
          if (row.byline && row.byline.shown !== 'fallback' && started - row.byline.writtenAt < (clock.minGapMs ?? 0)) continue;
          const step = await sync(row, left);
          if (step === 'out-of-points') report.deferred = true;
          if (step === 'stop') going = false;
          if (step !== 'next') return 'stop';
        }
        return undefined;
      });
    }
  } finally {
    // Released even when a query failed: the next run need not wait for the lease to expire.
    report.budgetPoints = dueFrom === null ? 0 : report.points - dueFrom;
    job = { ...job, leaseUntil: 0, budget: afterRun(job.budget, available, report.budgetPoints, started) };
    await writeWriterJob(job);
  }
  console.log(`Byline writer: ${report.written} written, ${report.unchanged} unchanged, ${report.fallback} fallback, ${report.points} points (${report.budgetPoints} of ${report.budgetAvailable} budgeted${report.deferred ? ', rest deferred' : ''})${report.throttled ? ', throttled' : ''}; ${report.windowMarked} marked for the 30 days; sweep ${job.sweep.state} (${job.sweep.processed})`);
  return { ...report, windowDay: job.windowDay, sweep: job.sweep };
}
