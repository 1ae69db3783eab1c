/**
 * KVS of the byline property writer: the rows due (index `by-byline-due` of content-stats), the rows
 * of a sweep and of the rolling-window pass, the 30-day figure, the writer's job document, and the
 * conditional commit that records a write (through the one commit machinery, `commitOps`).
 */
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { BylineState, ContentStatsRow } from '../../core/model/rows';
import { commitOps } from '../../core/storage/commit-ops';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { contentMonthsBetween } from '../storage/content-months';
import { batchGetAll } from '../../core/storage/batch-read';
import { monthOf } from '../../core/model/report-periods';

export interface WriterJob {
  /** No write before this (a 429's Retry-After), epoch ms. */
  throttledUntil: number;
  leaseUntil: number;
  /** The last UTC day whose rolling-window pass completed (`YYYY-MM-DD`), or null. */
  windowDay: string | null;
  /**
   * The sweep over every content row: the backfill after an upgrade (content never viewed since
   * gets its property too) and the rewrite after the View Counter switch changed. `viewCounter` is
   * the switch the last sweep applied; a different switch starts a new sweep.
   */
  sweep: { state: 'running' | 'done'; cursor: string | null; viewCounter: boolean; processed: number; written: number };
}

const jobSchema = z.object({
  throttledUntil: z.number(), leaseUntil: z.number(), windowDay: z.string().nullable(),
  sweep: z.object({ state: z.enum(['running', 'done']), cursor: z.string().nullable(), viewCounter: z.boolean(), processed: z.number(), written: z.number() }),
});

export async function readWriterJob(): Promise<WriterJob | null> {
  const parsed = jobSchema.safeParse(await kvs.get(KEYS.bylineWriterJob));
  return parsed.success ? parsed.data : null;
}

export async function writeWriterJob(job: WriterJob): Promise<void> {
  await kvs.set(KEYS.bylineWriterJob, job);
}

/** Rows whose property is behind, the longest waiting first. The cursor lives within one run only. */
export async function dueRows(cursor: string | null, limit = 50): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  let query = kvs.entity<unknown>(ENTITY.contentStats).query().index('by-byline-due').where(WhereConditions.greaterThan(0)).sort(Sort.ASC).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { rows: page.results.map((item) => decode.contentStats(item.value)), nextCursor: page.nextCursor ?? null };
}

/** Every content row, fewest views first (never viewed first): the sweep's order. */
export async function sweepRows(cursor: string | null, limit = 50): Promise<{ rows: ContentStatsRow[]; nextCursor: string | null }> {
  let query = kvs.entity<unknown>(ENTITY.contentStats).query().index('by-views').sort(Sort.ASC).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { rows: page.results.map((item) => decode.contentStats(item.value)), nextCursor: page.nextCursor ?? null };
}

/** Content with views on one UTC day (content-day `by-day`): those whose 30-day figure drops when the day leaves the window. */
export async function contentViewedOn(day: string, cursor: string | null, limit = 100): Promise<{ ids: string[]; nextCursor: string | null }> {
  let query = kvs.entity<unknown>(ENTITY.contentDay).query().index('by-day', { partition: [day] }).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany();
  return { ids: page.results.map((item) => decode.contentDay(item.value).contentId), nextCursor: page.nextCursor ?? null };
}

export async function contentRows(ids: readonly string[]): Promise<ContentStatsRow[]> {
  const found = await batchGetAll<unknown>(ids.map((id) => ({ key: KEYS.contentStats(id), entityName: ENTITY.contentStats })), 1);
  return found.successfulKeys.map((item) => decode.contentStats(item.value));
}

export async function contentRow(id: string): Promise<ContentStatsRow | undefined> {
  return (await contentRows([id]))[0];
}

const DAY_MS = 86_400_000;
const utcDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/** Views in the 30 UTC days ending today (today included), from the content's month rows: one query. */
export async function views30dOf(contentId: string, now: number): Promise<number> {
  const from = utcDay(now - 29 * DAY_MS);
  const to = utcDay(now);
  let total = 0;
  for (const row of await contentMonthsBetween(contentId, monthOf(from), monthOf(to))) {
    row.views.forEach((views, index) => {
      const day = `${row.month}-${String(index + 1).padStart(2, '0')}`;
      if (day >= from && day <= to) total += views;
    });
  }
  return total;
}

/**
 * Records what the property now shows, conditional on the row version whose figures were written:
 * the row stops being due. If a view (or another writer) committed meanwhile, `conflict`: the
 * caller records the property's new version on the fresh row and leaves it due (its figures moved).
 */
export async function recordWritten(row: ContentStatsRow, state: BylineState | undefined, stillDue: boolean): Promise<'committed' | 'conflict'> {
  const { bylineDue, ...rest } = row;
  const next: ContentStatsRow = { ...rest, ...(stillDue && bylineDue !== undefined ? { bylineDue } : {}), ...(state ? { byline: state } : {}), version: row.version + 1 };
  return commitOps([{ kind: 'put', row: { entity: 'content-stats', value: next }, expect: { kind: 'version', version: row.version } }]);
}
