/**
 * Builds the `content-month` rows that content viewed before they existed lacks, from its
 * `content-day` rows (see month-backfill-plan.ts). Driven like the inventory backfill: a job row
 * with the key of the last content row done (content rows in key order, 25 a page, never a storage
 * cursor kept between runs), a lease so runs do not overlap, a time budget per run; the hourly
 * maintenance continues it. A run cut short by the budget continues after the last content it
 * finished; a content cut short midway is redone: every month write is idempotent (a month that
 * holds its days' views is skipped).
 */
import { backfilledMonth, backfillRollups, monthBackfillOps } from './month-backfill-plan';
import { isSettled, isMonthSettled } from '../rules/lifecycle-plan';
import type { ContentStatsRow } from '../../core/model/rows';
import { commitOps } from '../../core/storage/commit-ops';
import { contentRowKey, contentRowsAfter } from '../inventory/inventory-store';
import { readRollups } from '../storage/lifecycle-store';
import { monthsWithDays, monthViewRecords, readMonthBackfillJob, readMonthFacts, writeMonthBackfillJob, type MonthBackfillJob } from './month-backfill-store';
import { releaseLease, takeLease } from '../../core/job-lease';

const CONTENTS_PER_PAGE = 25;
const ATTEMPTS = 10;

export async function runMonthBackfill(budgetMs: number, now: () => number = Date.now): Promise<MonthBackfillJob> {
  const deadline = now() + budgetMs;
  const stored = await readMonthBackfillJob();
  const leased = takeLease(stored, now(), deadline);
  if (!leased) return stored;
  let job = leased;
  await writeMonthBackfillJob(job);
  while (job.state === 'running' && now() < deadline) {
    const page = await contentRowsAfter(job.after, CONTENTS_PER_PAGE);
    let finished = true;
    for (const content of page.rows) {
      if (now() >= deadline) { finished = false; break; }
      const result = await backfillContent(content);
      job = {
        ...job, after: contentRowKey(content), contents: job.contents + 1,
        monthsWritten: job.monthsWritten + (result === 'unsettled' ? 0 : result), unsettled: job.unsettled + (result === 'unsettled' ? 1 : 0),
      };
    }
    if (finished && !page.more) job = { ...job, state: 'idle', after: null, completedAt: now() };
    await writeMonthBackfillJob(job);
    if (!finished) break;
  }
  job = releaseLease(job);
  await writeMonthBackfillJob(job);
  return job;
}

/** Months written for one content; `unsettled` when lifecycle is still moving its rows (left to a later run). */
export async function backfillContent(content: ContentStatsRow): Promise<number | 'unsettled'> {
  if (content.status === 'purged') return 0;
  let written = 0;
  for (const month of await monthsWithDays(content.contentId)) {
    const outcome = await backfillMonth(content, month);
    if (outcome === 'unsettled') return 'unsettled';
    if (outcome === 'written') written += 1;
  }
  return written;
}

async function backfillMonth(content: ContentStatsRow, month: string): Promise<'written' | 'unchanged' | 'unsettled'> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    // The month row first: a view committed after this read changes its version, and the write below fails.
    const { stored, days, viewerRows } = await readMonthFacts(content.contentId, month);
    if (days.some((day) => !isSettled(day, content)) || (stored && !isMonthSettled(stored, content))) return 'unsettled';
    const facts = { content, month, days, stored, viewerRows, records: [] };
    if (!backfilledMonth(facts)) return 'unchanged';
    const next = backfilledMonth({ ...facts, records: await monthViewRecords(content.contentId, month) });
    if (!next) return 'unchanged';
    const rollups = await readRollups(backfillRollups(content, month));
    if ((await commitOps(monthBackfillOps(stored, next, rollups))) === 'committed') return 'written';
  }
  // Views keep winning the race: this month is left for the next run.
  return 'unchanged';
}
