/**
 * Figures of a set of content (the `contentIds` filter) over day ranges, from the content's own rows:
 * its `content-month` rows give any range's views under any source or audience filter
 * (`monthViewsInRange`), and the `content-day` rows of the few edge days a month row cannot split
 * give the rest. Exact: every figure is a sum over the set's content, and "content viewed" is the
 * number of those with a view under the filters. Distinct viewers cannot be told from these rows
 * (a person who read two of the pages is one viewer): the caller leaves that tile out.
 */
import type { ReportDayRange, ReportFilters } from '@contracts/report-query';
import { SOURCES, type Source } from '@contracts/settings';
import type { ContentMonthRow } from '../../core/model/content-month';
import type { ContentDayRow } from '../../core/model/rows';
import { isListed } from '../../core/model/content-status';
import { cellViews, monthViewsInRange } from './content-filter';
import { emptyFigures, type PeriodFigures } from './report-figures';

/** One content's figures over one range, and where it was filed. */
export interface ContentSetEntry {
  contentId: string;
  spaceKey: string;
  figures: PeriodFigures;
}

/** The filters each figure is a sum under: all views, anonymous ones, one source each (null: 0 by the filters). */
function variantsOf(filters: ReportFilters): { total: ReportFilters; anonymous: ReportFilters | null; sources: Array<[Source, ReportFilters | null]> } {
  return {
    total: filters,
    anonymous: filters.audience === 'signed-in' ? null : { ...filters, audience: 'anonymous' },
    sources: SOURCES.map((source) => [source, filters.sources?.length && !filters.sources.includes(source) ? null : { ...filters, sources: [source] }]),
  };
}

/** The set's rows that count under the filters: current content, in the filtered spaces. */
function counted(rows: readonly ContentMonthRow[], filters: ReportFilters): ContentMonthRow[] {
  const ids = new Set(filters.contentIds ?? []);
  const spaces = filters.spaceKeys ?? [];
  return rows.filter((row) => ids.has(row.contentId) && isListed(row) && (spaces.length === 0 || spaces.includes(row.spaceKey)));
}

/** Edge days whose `content-day` rows the figures of these ranges need, as `contentId|day`. */
export function daysToRead(rows: readonly ContentMonthRow[], ranges: readonly ReportDayRange[], filters: ReportFilters): string[] {
  const { total, anonymous, sources } = variantsOf(filters);
  const variants = [total, anonymous, ...sources.map(([, variant]) => variant)].filter((variant): variant is ReportFilters => variant !== null);
  const days = new Set<string>();
  for (const row of counted(rows, filters)) {
    for (const range of ranges) {
      for (const variant of variants) for (const day of monthViewsInRange(row, range, variant).unresolved) days.add(`${row.contentId}|${day}`);
    }
  }
  return [...days];
}

/**
 * Each content's figures over `range` under the filters. `detail: false` computes views only (a
 * chart's buckets); `dayRow` answers the edge days `daysToRead` named.
 */
export function contentSetFigures(
  rows: readonly ContentMonthRow[], range: ReportDayRange, filters: ReportFilters,
  dayRow: (contentId: string, day: string) => ContentDayRow | undefined, detail = true,
): ContentSetEntry[] {
  const { total, anonymous, sources } = variantsOf(filters);
  const share = (row: ContentMonthRow, variant: ReportFilters | null): number => {
    if (!variant) return 0;
    const part = monthViewsInRange(row, range, variant);
    return part.views + part.unresolved.reduce((sum, day) => sum + cellViews(dayRow(row.contentId, day)?.cells ?? {}, variant), 0);
  };
  const byContent = new Map<string, ContentSetEntry>();
  for (const row of counted(rows, filters)) {
    const entry = byContent.get(row.contentId) ?? { contentId: row.contentId, spaceKey: row.spaceKey, figures: emptyFigures() };
    byContent.set(row.contentId, entry);
    const views = share(row, total);
    const figures = entry.figures;
    figures.views += views;
    if (!detail || views === 0) continue;
    figures.anonymousViews += share(row, anonymous);
    if (row.contentType === 'page') figures.pageViews += views;
    if (row.contentType === 'blogpost') figures.blogpostViews += views;
    for (const [source, variant] of sources) {
      const ofSource = share(row, variant);
      if (ofSource) figures.bySource[source] = (figures.bySource[source] ?? 0) + ofSource;
    }
  }
  for (const entry of byContent.values()) entry.figures.contents = entry.figures.views > 0 ? 1 : 0;
  return [...byContent.values()];
}

/** The figures of the whole set (contents: how many of it were viewed; viewers: unknown here, 0). */
export function sumOfSet(entries: readonly ContentSetEntry[]): PeriodFigures {
  const total = emptyFigures();
  for (const { figures } of entries) {
    total.views += figures.views;
    total.anonymousViews += figures.anonymousViews;
    total.pageViews += figures.pageViews;
    total.blogpostViews += figures.blogpostViews;
    total.contents += figures.contents;
    for (const [source, views] of Object.entries(figures.bySource)) total.bySource[source] = (total.bySource[source] ?? 0) + views;
  }
  return total;
}
