import { decideLifecycle, isSettled, planDayMoves, spaceDaysTouched } from '../domain/lifecycle-plan';
import type { LifecycleEvent } from '../domain/lifecycle-event';
import { planRecordMove, planRecordPurge, planViewerRowPurge, RECORDS_PER_PURGE, viewerDaysOf } from '../domain/purge-plan';
import { chunkOps } from '../domain/row-ops';
import type { ContentStatsRow } from '../domain/rows';
import { commitOps } from '../storage/commit-ops';
import { contentDaysOf, readSpaceDays, readViewerDays, viewerRowsOf, viewRecordsOf } from '../storage/lifecycle-store';
import { getContentStats } from '../storage/view-store';

export type LifecycleOutcome = 'applied' | 'stale';

/** Day rows per transaction: each touches its own row and two space-day rows, plus one check: 8 × 3 + 1 = 25. */
const DAYS_PER_TRANSACTION = 8;
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
    await pause(attempt);
  }
  throw new LifecycleContentionError(`Gave up applying ${event.kind} to content ${event.contentId}`);
}

/** Brings every row of the content in line with its content row (see planDayMoves). */
export async function settleContent(content: ContentStatsRow, moved = false): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    if (await settleDays(content)) {
      if (content.status === 'purged') await purgeOwnRows(content.contentId);
      else if (moved) await moveOwnRows(content);
      return;
    }
    const latest = await getContentStats(content.contentId);
    // A newer lifecycle fact took over: its own pass settles the rows.
    if (!latest || latest.lifecycleAt !== content.lifecycleAt || latest.status !== content.status) return;
    await pause(attempt);
  }
  throw new LifecycleContentionError(`Gave up settling content ${content.contentId}`);
}

async function settleDays(content: ContentStatsRow): Promise<boolean> {
  const days = (await contentDaysOf(content.contentId)).filter((day) => content.status === 'purged' || !isSettled(day, content));
  for (let start = 0; start < days.length; start += DAYS_PER_TRANSACTION) {
    const chunk = days.slice(start, start + DAYS_PER_TRANSACTION);
    const spaceDays = await readSpaceDays(chunk.flatMap((day) => spaceDaysTouched(day, content)));
    if ((await commitOps(planDayMoves(content, chunk, spaceDays))) === 'conflict') return false;
  }
  return true;
}

/** Records (with their viewers' daily rows) and per-viewer rows, in small idempotent transactions. */
async function purgeOwnRows(contentId: string): Promise<void> {
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const records = await viewRecordsOf(contentId, RECORDS_PER_PURGE);
    if (records.length === 0) break;
    const viewerDays = await readViewerDays(viewerDaysOf(records));
    if ((await commitOps(planRecordPurge(records, viewerDays))) === 'conflict') await pause(1);
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

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
}
