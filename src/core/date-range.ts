/**
 * Parsing and resolution of report date ranges (pure). Days are UTC, the site's days: a view belongs to
 * the UTC day of its time, as the daily rows store it. A range resolves to concrete inclusive days,
 * bounded so that no request can make a report read more than MAX_RANGE_DAYS days of rows.
 */
import { z } from 'zod';
import { MAX_RANGE_DAYS, RANGE_PRESETS, type DateRange, type DayString, type ResolvedRange } from '@contracts/report-range';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function dayOf(ms: number): DayString {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds of a valid `YYYY-MM-DD` at 00:00 UTC, or null (also for 2025-02-30). */
export function dayStart(day: string): number | null {
  if (!DAY_PATTERN.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  return Number.isFinite(ms) && dayOf(ms) === day ? ms : null;
}

export function addDays(day: DayString, count: number): DayString {
  return dayOf((dayStart(day) ?? 0) + count * DAY_MS);
}

/** Inclusive number of days from `from` to `to` (0 when `to` is before `from`). */
export function daysBetween(from: DayString, to: DayString): number {
  const a = dayStart(from);
  const b = dayStart(to);
  if (a === null || b === null || b < a) return 0;
  return Math.round((b - a) / DAY_MS) + 1;
}

const daySchema = z.string().refine((day) => dayStart(day) !== null, 'Use a real day as YYYY-MM-DD.');

export const dateRangeSchema: z.ZodType<DateRange> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: z.enum(RANGE_PRESETS) }).strict(),
  z.object({ kind: z.literal('custom'), from: daySchema, to: daySchema }).strict(),
]);

export type RangeResolution = { ok: true; range: ResolvedRange } | { ok: false; message: string };

function resolved(from: DayString, to: DayString): RangeResolution {
  return { ok: true, range: { from, to, days: daysBetween(from, to) } };
}

/**
 * The days of a range on `today` (UTC). `earliest` is the first day anything was recorded (for "all
 * time"; null = nothing yet, then all time is today alone). Custom ranges must run forwards, end by
 * today and span at most MAX_RANGE_DAYS; all time is clipped to the latest MAX_RANGE_DAYS.
 */
export function resolveRange(range: DateRange, today: DayString, earliest: DayString | null = null): RangeResolution {
  if (range.kind === 'custom') {
    if (range.from > range.to) return { ok: false, message: 'The range must start on or before its end.' };
    if (range.to > today) return { ok: false, message: `The range cannot end after today (${today}, UTC).` };
    if (daysBetween(range.from, range.to) > MAX_RANGE_DAYS) return { ok: false, message: `A range spans at most ${MAX_RANGE_DAYS} days.` };
    return resolved(range.from, range.to);
  }
  switch (range.preset) {
    case '7d': return resolved(addDays(today, -6), today);
    case '30d': return resolved(addDays(today, -29), today);
    case '90d': return resolved(addDays(today, -89), today);
    case '365d': return resolved(addDays(today, -364), today);
    case 'this-month': return resolved(`${today.slice(0, 7)}-01`, today);
    case 'last-month': {
      const firstOfThis = `${today.slice(0, 7)}-01`;
      const lastOfPrevious = addDays(firstOfThis, -1);
      return resolved(`${lastOfPrevious.slice(0, 7)}-01`, lastOfPrevious);
    }
    case 'all': {
      const oldest = addDays(today, -(MAX_RANGE_DAYS - 1));
      const from = earliest === null || earliest > today ? today : earliest < oldest ? oldest : earliest;
      return resolved(from, today);
    }
  }
}

/** The period of the same length just before a range: what "change against the previous period" compares with. */
export function previousPeriod(range: ResolvedRange): ResolvedRange {
  const to = addDays(range.from, -1);
  const from = addDays(range.from, -range.days);
  return { from, to, days: range.days };
}

/** Every day of a range, oldest first. */
export function daysOf(range: ResolvedRange): DayString[] {
  return Array.from({ length: range.days }, (_, index) => addDays(range.from, index));
}
