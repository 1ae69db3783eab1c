/**
 * One content's views under a report's source and signed-in/anonymous filters, from its own rows.
 * A `content-day` row and a whole `content-month` row answer any combination from their report
 * cells (type × source × audience), exactly as the rollups do. Part of a month (a range's edge) has
 * only per-day arrays: views, anonymous views and views per source. Those answer a source filter or
 * an audience filter alone; both together need the day's anonymous views per source, known from the
 * month's cells when its anonymous views came from one source (or none of the chosen ones), else
 * only from the day's own `content-day` row: such days are returned for the caller to read.
 */
import type { ReportDayRange, ReportFilters } from '@contracts/report-query';
import { SOURCES } from '@contracts/settings';
import { cellPasses } from './report-figures';
import { parseCellKey } from '../../core/model/report-rows';
import type { ContentMonthRow } from '../../core/model/content-month';

/** Whether the filters split a content's views beyond its row attributes (type, space, status). */
export function splitsViews(filters: ReportFilters): boolean {
  return Boolean(filters.sources?.length) || (filters.audience !== undefined && filters.audience !== 'all');
}

/** A row's views under the filters, from its cells: exact for the row's whole period. */
export function cellViews(cells: Readonly<Record<string, number>>, filters: ReportFilters): number {
  let total = 0;
  for (const [key, views] of Object.entries(cells)) if (cellPasses(filters, key)) total += views;
  return total;
}

export interface MonthShare {
  views: number;
  /** Days (`YYYY-MM-DD`) of the range this row cannot split: their `content-day` rows hold the answer. */
  unresolved: string[];
}

/** The month row's views on the range's days, under the filters (type included, as on a cell). */
export function monthViewsInRange(row: ContentMonthRow, range: ReportDayRange, filters: ReportFilters): MonthShare {
  const indexes = row.views.map((_, index) => index).filter((index) => {
    const day = dayOf(row.month, index);
    return day >= range.from && day <= range.to;
  });
  if (filters.contentTypes?.length && !filters.contentTypes.some((type) => type === row.contentType)) return { views: 0, unresolved: [] };
  if (!splitsViews(filters)) return { views: sum(indexes.map((index) => row.views[index] ?? 0)), unresolved: [] };
  if (indexes.length === row.views.length) return { views: cellViews(row.cells, filters), unresolved: [] };
  const chosen = filters.sources?.length ? SOURCES.filter((source) => filters.sources!.includes(source)) : null;
  const ofSources = (index: number) => chosen ? sum(chosen.map((source) => row.sources[source]?.[index] ?? 0)) : (row.views[index] ?? 0);
  // Anonymous views of one day limited to the chosen sources: null when the row cannot tell.
  const anonymousSources = new Set<string>();
  for (const [key, views] of Object.entries(row.cells)) if (views > 0 && parseCellKey(key).audience === 'a') anonymousSources.add(parseCellKey(key).source);
  const chosenAnonymous = chosen ? chosen.filter((source) => anonymousSources.has(source)).length : 0;
  const anonymousOf = (index: number): number | null => {
    const anonymous = row.anonymousViews[index] ?? 0;
    if (!chosen) return anonymous;
    if (anonymous === 0 || chosenAnonymous === 0) return 0;
    if (chosenAnonymous === anonymousSources.size) return anonymous;
    return null;
  };
  let views = 0;
  const unresolved: string[] = [];
  for (const index of indexes) {
    if (filters.audience === undefined || filters.audience === 'all') { views += ofSources(index); continue; }
    const anonymous = anonymousOf(index);
    if (anonymous === null) unresolved.push(dayOf(row.month, index));
    else views += filters.audience === 'anonymous' ? anonymous : ofSources(index) - anonymous;
  }
  return { views, unresolved };
}

function dayOf(month: string, index: number): string {
  return `${month}-${String(index + 1).padStart(2, '0')}`;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
