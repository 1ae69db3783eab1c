/**
 * Date ranges in the UI (pure): the presets' labels, building a custom range from two picked days,
 * and the sentence that says which UTC days a range covers. The backend resolves presets itself
 * (`src/core/date-range.ts`); the UI only needs today's UTC day to preview them.
 */
import type { DateRange, RangePreset } from '@contracts/report-range';
import { MAX_RANGE_DAYS, RANGE_PRESETS } from '@contracts/report-range';
import { formatDayRange, UTC_DAYS_NOTE } from './time';

export const PRESET_LABELS: Record<RangePreset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '365d': 'Last 365 days',
  'this-month': 'This month',
  'last-month': 'Last month',
  all: 'All time',
};

export const PRESET_OPTIONS: ReadonlyArray<{ preset: RangePreset; label: string }> = RANGE_PRESETS.map((preset) => ({ preset, label: PRESET_LABELS[preset] }));

/** The UTC day (`YYYY-MM-DD`) of a moment: the site counts views per UTC day. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A calendar date picked in the browser (local midnight) as the same-numbered UTC day. */
export function pickedDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The local-midnight Date that shows a UTC day on a calendar (the inverse of `pickedDay`). */
export function calendarDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

export type CustomRangeCheck = { ok: true; range: DateRange } | { ok: false; message: string };

/** Two picked days as a custom range, or why not (the backend checks the same again). */
export function customRange(from: string | null, to: string | null, today: string): CustomRangeCheck {
  if (!from || !to) return { ok: false, message: 'Choose a start and an end day.' };
  if (from > to) return { ok: false, message: 'The start must be on or before the end.' };
  if (to > today) return { ok: false, message: 'The range cannot end after today (UTC).' };
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days > MAX_RANGE_DAYS) return { ok: false, message: `Choose at most ${MAX_RANGE_DAYS} days.` };
  return { ok: true, range: { kind: 'custom', from, to } };
}

/** What a range is called in a heading or a button: "Last 30 days", "2026-01-01 – 2026-01-31". */
export function rangeLabel(range: DateRange): string {
  return range.kind === 'preset' ? PRESET_LABELS[range.preset] : range.from === range.to ? range.from : `${range.from} – ${range.to}`;
}

export function sameRange(a: DateRange, b: DateRange): boolean {
  if (a.kind === 'preset' && b.kind === 'preset') return a.preset === b.preset;
  if (a.kind === 'custom' && b.kind === 'custom') return a.from === b.from && a.to === b.to;
  return false;
}

/** The resolved days in words, always saying they are UTC days (the site's days, not the reader's). */
export function describeDays(from: string, to: string, locale?: string): string {
  return `${formatDayRange(from, to, locale)} (${UTC_DAYS_NOTE})`;
}
