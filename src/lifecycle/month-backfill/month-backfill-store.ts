import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { type ContentMonthRow } from '../../core/model/content-month';
import { monthOf } from '../../core/model/report-periods';
import type { ContentDayRow, ViewerContentRow, ViewRecord } from '../../core/model/rows';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { allQueryRows } from '../../core/storage/query-pages';

/** The month backfill's state between invocations (like the inventory job): where to continue, a lease. */
export interface MonthBackfillJob {
  state: 'idle' | 'running';
  /**
   * Key of the last content row done (null: from the first). A key, never a storage cursor: cursors
   * are not to be kept between invocations (see core/storage/key-walk.ts). A job stored by a version
   * that kept a cursor starts its walk over (month writes are idempotent).
   */
  after: string | null;
  contents: number;
  monthsWritten: number;
  /** Content skipped because lifecycle had not settled its rows yet (a later run of the job picks them up). */
  unsettled: number;
  completedAt: number | null;
  leaseUntil: number;
  /** What the rows it wrote carry (see MONTH_ROWS_GENERATION); absent on jobs of the first generation. */
  generation?: number;
}

const job = z.object({
  state: z.enum(['idle', 'running']), after: z.string().nullable().default(null), contents: z.number(), monthsWritten: z.number(),
  unsettled: z.number(), completedAt: z.number().nullable(), leaseUntil: z.number(), generation: z.number().int().optional(),
});

/**
 * Bumped when month rows gain a field that older rows lack and only the backfill can give them
 * (2: `monthAnonymousViews`, the anonymous ranking lists). A job finished by an older generation
 * is started again after an upgrade, by itself: its month writes are idempotent, so a rerun only
 * adds what older rows lack.
 */
export const MONTH_ROWS_GENERATION = 2;

/** Never run: it starts by itself (content viewed before month rows existed needs it once). */
export const FIRST_MONTH_JOB: MonthBackfillJob = { state: 'running', after: null, contents: 0, monthsWritten: 0, unsettled: 0, completedAt: null, leaseUntil: 0, generation: MONTH_ROWS_GENERATION };

export async function readMonthBackfillJob(): Promise<MonthBackfillJob> {
  const parsed = job.safeParse(await kvs.get(KEYS.monthBackfillJob));
  if (!parsed.success) return FIRST_MONTH_JOB;
  // A job of an older generation (finished or not) starts over: its rows lack what this one adds.
  return (parsed.data.generation ?? 1) < MONTH_ROWS_GENERATION ? FIRST_MONTH_JOB : parsed.data;
}

export async function writeMonthBackfillJob(value: MonthBackfillJob): Promise<void> {
  await kvs.set(KEYS.monthBackfillJob, value);
}

async function between<T>(entityName: string, contentId: string, from: string | number, to: string | number, parse: (value: unknown) => T): Promise<T[]> {
  const query = kvs.entity<unknown>(entityName).query().index('by-content', { partition: [contentId] }).where(WhereConditions.between(from, to)).limit(100);
  return allQueryRows((cursor) => (cursor ? query.cursor(cursor) : query).getMany(), parse);
}

const monthSpan = (month: string) => {
  const from = Date.parse(`${month}-01T00:00:00Z`);
  const [year, index] = month.split('-').map(Number) as [number, number];
  return { from, to: Date.UTC(year, index, 1) - 1 };
};

/** What one month's backfill reads, month row first: its version then guards everything read after it. */
export async function readMonthFacts(contentId: string, month: string): Promise<{ stored: ContentMonthRow | undefined; days: ContentDayRow[]; viewerRows: ViewerContentRow[] }> {
  const stored = await kvs.entity<unknown>(ENTITY.contentMonth).get(KEYS.contentMonth(contentId, month));
  const { from, to } = monthSpan(month);
  const [days, viewerRows] = await Promise.all([
    between(ENTITY.contentDay, contentId, `${month}-01`, `${month}-31`, decode.contentDay),
    between(ENTITY.viewerContent, contentId, from, to, decode.viewerContent),
  ]);
  return { stored: stored === undefined || stored === null ? undefined : decode.contentMonth(stored), days, viewerRows };
}

/** The month's view records still stored (retention may have deleted older ones). */
export function monthViewRecords(contentId: string, month: string): Promise<ViewRecord[]> {
  const { from, to } = monthSpan(month);
  return between(ENTITY.view, contentId, from, to, decode.viewRecord);
}

/** Months with day rows of one content (index by-content → day), oldest first. */
export async function monthsWithDays(contentId: string): Promise<string[]> {
  const days = await between(ENTITY.contentDay, contentId, '0000-01-01', '9999-12-31', decode.contentDay);
  return [...new Set(days.map((day) => monthOf(day.day)))].sort();
}
