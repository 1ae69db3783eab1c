/**
 * A date range as the UI asks for it and the backend parses it: a preset, resolved against the
 * site's today (UTC), or custom UTC days. Shared by page statistics and the reports.
 */
export const RANGE_PRESETS = ['7d', '30d', '90d', '365d', 'this-month', 'last-month', 'all'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** A UTC day, `YYYY-MM-DD`. */
export type DayString = string;

export type DateRange =
  | { kind: 'preset'; preset: RangePreset }
  | { kind: 'custom'; from: DayString; to: DayString };

/** The concrete days a range covers (inclusive), as the backend resolved them. */
export interface ResolvedRange {
  from: DayString;
  to: DayString;
  days: number;
}

/** The longest range anyone may ask for (about ten years): bounds every read a range causes. */
export const MAX_RANGE_DAYS = 3660;
