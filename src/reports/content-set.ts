import type { ReportDayRange, ReportFilters } from '@contracts/report-query';
import { monthsBetween } from '../core/model/report-periods';
import { contentSetFigures, daysToRead, type ContentSetEntry } from './rules/content-set-figures';
import { contentDayRows, contentMonthRows } from './storage/report-lookups';

/** How many `content-month` keys one request may read for a content set (ids × months): 480 batch reads. */
export const CONTENT_SET_MAX_KEYS = 12_000;

export interface LoadedContentSet {
  /** Each content's figures over one of the ranges loaded (`detail: false`: views only). */
  figures(range: ReportDayRange, detail?: boolean): ContentSetEntry[];
}

/**
 * The rows of the filter's content set for every month of these ranges (one batch read per 25
 * keys), and the few `content-day` rows of days a month row cannot split under the filters.
 */
export async function loadContentSet(filters: ReportFilters, ranges: readonly ReportDayRange[]): Promise<LoadedContentSet> {
  const ids = [...new Set(filters.contentIds ?? [])];
  const months = [...new Set(ranges.flatMap((range) => monthsBetween(range.from, range.to)))];
  const rows = await contentMonthRows(ids, months);
  const days = await contentDayRows(daysToRead(rows, ranges, filters));
  return { figures: (range, detail = true) => contentSetFigures(rows, range, filters, (contentId, day) => days.get(`${contentId}|${day}`), detail) };
}

/** Months a content set filter reads over these ranges, for the request's bound. */
export function contentSetKeys(filters: ReportFilters, ranges: readonly ReportDayRange[]): number {
  const months = new Set(ranges.flatMap((range) => monthsBetween(range.from, range.to)));
  return new Set(filters.contentIds ?? []).size * months.size;
}
