import type { ReportFilters } from '@contracts/report-query';
import { parseCellKey, type RollupRow } from '../../core/model/report-rows';
import type { Period } from '../../core/model/report-periods';

/** A period's figures summed over shards (and over the scopes asked for), filters applied to the cells. */
export interface PeriodFigures {
  views: number;
  anonymousViews: number;
  pageViews: number;
  blogpostViews: number;
  bySource: Record<string, number>;
  /** Distinct viewers / content of the period, unfiltered (exact for that period alone). */
  viewers: number;
  contents: number;
}

export function emptyFigures(): PeriodFigures {
  return { views: 0, anonymousViews: 0, pageViews: 0, blogpostViews: 0, bySource: {}, viewers: 0, contents: 0 };
}

/** Whether a cell (type.source.audience) passes the filters: every combination is a sum of cells. */
export function cellPasses(filters: ReportFilters, key: string): boolean {
  const cell = parseCellKey(key);
  if (filters.contentTypes?.length && !filters.contentTypes.some((type) => type === cell.contentType)) return false;
  if (filters.sources?.length && !filters.sources.some((source) => source === cell.source)) return false;
  if (filters.audience === 'signed-in' && cell.audience !== 's') return false;
  if (filters.audience === 'anonymous' && cell.audience !== 'a') return false;
  return true;
}

export function addRow(into: PeriodFigures, row: RollupRow, filters: ReportFilters, sign = 1): void {
  for (const [key, views] of Object.entries(row.cells)) {
    if (!cellPasses(filters, key)) continue;
    const cell = parseCellKey(key);
    into.views += sign * views;
    if (cell.audience === 'a') into.anonymousViews += sign * views;
    if (cell.contentType === 'page') into.pageViews += sign * views;
    if (cell.contentType === 'blogpost') into.blogpostViews += sign * views;
    into.bySource[cell.source] = (into.bySource[cell.source] ?? 0) + sign * views;
  }
  into.viewers += sign * row.viewers;
  into.contents += sign * row.contents;
}

/** Figures of a decomposed range: plus periods added, minus days subtracted. */
export function combine(figures: ReadonlyMap<string, PeriodFigures>, plus: Period[], minus: Period[]): PeriodFigures {
  const total = emptyFigures();
  const apply = (period: Period, sign: number) => {
    const part = figures.get(period.key);
    if (!part) return;
    total.views += sign * part.views;
    total.anonymousViews += sign * part.anonymousViews;
    total.pageViews += sign * part.pageViews;
    total.blogpostViews += sign * part.blogpostViews;
    for (const [source, views] of Object.entries(part.bySource)) total.bySource[source] = (total.bySource[source] ?? 0) + sign * views;
    total.viewers += sign * part.viewers;
    total.contents += sign * part.contents;
  };
  for (const period of plus) apply(period, 1);
  for (const period of minus) apply(period, -1);
  return total;
}

/** Rows → figures by period key (days and months never share a key). */
export function figuresByPeriod(rows: RollupRow[], filters: ReportFilters): Map<string, PeriodFigures> {
  const byPeriod = new Map<string, PeriodFigures>();
  for (const row of rows) {
    const figures = byPeriod.get(row.period) ?? emptyFigures();
    addRow(figures, row, filters);
    byPeriod.set(row.period, figures);
  }
  return byPeriod;
}
