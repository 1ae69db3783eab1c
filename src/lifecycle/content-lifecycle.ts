import { jitteredPause } from '../core/jittered-pause';
import { decideLifecycle, isMonthSettled, isSettled, planDayMoves, planMonthMoves, spaceDaysTouched } from './rules/lifecycle-plan';
import { rollupsTouched } from '../core/model/lifecycle-rollups';
import type { LifecycleEvent } from './rules/lifecycle-event';
import { planRecordMove, planRecordPurge, planViewerRowPurge, RECORDS_PER_PURGE, viewerDaysOf, viewerMonthsOf } from './rules/purge-plan';
import { chunkOps } from '../core/model/row-ops';
import type { ContentStatsRow } from '../core/model/rows';
import { commitOps } from '../core/storage/commit-ops';
import {
  contentDaysOf, contentMonthsOf, readRollups, readSpaceDays, readViewerDays, readViewerMonths, viewerRowsOf, viewRecordsOf,
} from './storage/lifecycle-store';
import { getContentStats } from '../core/storage/content-stats';

export type LifecycleOutcome = 'applied' | 'stale';

/**
 * Day rows per transaction: each touches its own row, two space-day rows and three rollup rows (old
 * and new space, site), plus one check: 4 × 6 + 1 = 25. Month rows: own row + three rollups: 6 × 4 + 1.
 */
const DAYS_PER_TRANSACTION = 4;
const MONTHS_PER_TRANSACTION = 6;
const MAX_ATTEMPTS = 20;

/** Another writer kept winning: the trigger asks Forge to deliver the event again (it is idempotent). */
export class LifecycleContentionError extends Error {}

/**
 * One lifecycle fact: decide against the content's row (pure), write the row (one conditional
 * transaction), then settle what follows from it: daily rows moved to the new space or status, or,
 * for a purge, every row of the content deleted. Every step is idempotent, so a redelivered or
 * retried event finishes the work of an interrupted one.
 */
export async function applyLifecycleEvent(event: LifecycleEvent): Promise<LifecycleOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const current = await getContentStats(event.contentId);
    const decision = decideLifecycle(current, event);
    if (decision.kind === 'stale') return 'stale';
    if ((await commitOps([decision.op])) === 'committed') {
      await settleContent(decision.next, event.kind === 'moved' || current?.spaceKey !== decision.next.spaceKey);
      return 'applied';
    }
    await jitteredPause(attempt);
  }
  throw new LifecycleContentionError(`Gave up applying ${event.kind} to content ${event.contentId}`);
}

/** Brings every row of the content in line with its content row (see planDayMoves). */
export async function settleContent(content: ContentStatsRow, moved = false): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if ((await settleDays(content)) && (await settleMonths(content))) {
      if (content.status === 'purged') await purgeOwnRows(content.contentId);
      else if (moved) await moveOwnRows(content);
      return;
    }
    const latest = await getContentStats(content.contentId);
    // A newer lifecycle fact took over: its own pass settles the rows.
    if (!latest || latest.lifecycleAt !== content.lifecycleAt || latest.status !== content.status) return;
    await jitteredPause(attempt);
  }
  throw new LifecycleContentionError(`Gave up settling content ${content.contentId}`);
}

async function settleDays(content: ContentStatsRow): Promise<boolean> {
  const days = (await contentDaysOf(content.contentId)).filter((day) => content.status === 'purged' || !isSettled(day, content));
  for (let start = 0; start < days.length; start += DAYS_PER_TRANSACTION) {
    const chunk = days.slice(start, start + DAYS_PER_TRANSACTION);
    const [spaceDays, rollups] = await Promise.all([
      readSpaceDays(chunk.flatMap((day) => spaceDaysTouched(day, content))),
      readRollups(chunk.flatMap((day) => rollupsTouched({ ...day, period: day.day }, content, 'day'))),
    ]);
    if ((await commitOps(planDayMoves(content, chunk, spaceDays, rollups))) === 'conflict') return false;
  }
  return true;
}

/** The content's month rows (page statistics, report rankings) and the month rollups they count in. */
async function settleMonths(content: ContentStatsRow): Promise<boolean> {
  const months = (await contentMonthsOf(content.contentId)).filter((month) => content.status === 'purged' || !isMonthSettled(month, content));
  for (let start = 0; start < months.length; start += MONTHS_PER_TRANSACTION) {
    const chunk = months.slice(start, start + MONTHS_PER_TRANSACTION);
    const rollups = await readRollups(chunk.flatMap((month) => rollupsTouched({ ...month, period: month.month, views: month.monthViews }, content, 'month')));
    if ((await commitOps(planMonthMoves(content, chunk, rollups))) === 'conflict') return false;
  }
  return true;
}

/** Records (with their viewers' daily rows) and per-viewer rows, in small idempotent transactions. */
async function purgeOwnRows(contentId: string): Promise<void> {
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const records = await viewRecordsOf(contentId, RECORDS_PER_PURGE);
    if (records.length === 0) break;
    const [viewerDays, viewerMonths] = await Promise.all([readViewerDays(viewerDaysOf(records)), readViewerMonths(viewerMonthsOf(records))]);
    if ((await commitOps(planRecordPurge(records, viewerDays, viewerMonths))) === 'conflict') await jitteredPause(1);
  }
  for (;;) {
    const rows = await viewerRowsOf(contentId, 25);
    if (rows.length === 0) return;
    await commitOps(planViewerRowPurge(rows));
  }
}

/** Every view record and per-viewer row of a moved content, refiled under its new space. */
async function moveOwnRows(content: ContentStatsRow): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const ops = planRecordMove(content.spaceKey, await viewRecordsOf(content.contentId, Infinity), await viewerRowsOf(content.contentId, Infinity));
    if (ops.length === 0) return;
    for (const chunk of chunkOps(ops)) await commitOps(chunk);
  }
}

