import { DEFAULT_REPORT, DEFAULT_SORTS, type ReportColumn, type ReportQueryDefinition, type ReportRow } from '@contracts/custom-reports';
import type { ResolvedRange } from '@contracts/report-range';

/** What a report knows of one content's views: in the range (or all time), all-time viewers, last view. */
export interface ContentFigures {
  views: number;
  viewers: number;
  /** 0 or absent: never viewed. */
  lastViewedAt: number;
}

export interface SelectedContent {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
}

/**
 * The rows of a report over content the reader may read (pure). `most-viewed` ranks viewed content by
 * all-time views; `least-viewed` lists content not viewed in the range (never viewed included), the
 * longest unread first. The author's sort and row count apply last.
 */
export function reportRows(definition: ReportQueryDefinition, selected: SelectedContent[], stats: ReadonlyMap<string, ContentFigures>, range: ResolvedRange): ReportRow[] {
  return selectRows(definition, selected, stats, range).rows;
}

/** The rows shown, and how many matched before the row limit (a partial list says "10 of 51"). */
export function selectRows(definition: ReportQueryDefinition, selected: SelectedContent[], stats: ReadonlyMap<string, ContentFigures>, range: ResolvedRange): { rows: ReportRow[]; matched: number } {
  const rows = selected.map((content) => rowOf(content, stats.get(content.id)));
  const fromMs = Date.parse(`${range.from}T00:00:00Z`);
  const chosen = definition.what === 'least-viewed'
    ? rows.filter((row) => row.lastViewedAt === null || row.lastViewedAt < fromMs)
    : rows.filter((row) => row.views > 0);
  const sort = effectiveSort(definition);
  return { rows: sortRows(chosen, sort.column, sort.direction).slice(0, definition.rows), matched: chosen.length };
}

/**
 * The sort a report is read in. The editor used to keep the generic default (views, highest first)
 * when the author switched to "Not viewed in the range", which hides the never-viewed content at the
 * end; that untouched default now means the kind's own (never viewed first, then the oldest view).
 */
export function effectiveSort(definition: ReportQueryDefinition): ReportQueryDefinition['sort'] {
  const generic = DEFAULT_REPORT.sort;
  const untouched = definition.sort.column === generic.column && definition.sort.direction === generic.direction;
  return untouched ? DEFAULT_SORTS[definition.what] : definition.sort;
}

function rowOf(content: SelectedContent, stats: ContentFigures | undefined): ReportRow {
  return {
    contentId: content.id,
    // Confluence's title (as the reader sees it now) rather than the one stored at the last view.
    title: content.title,
    spaceKey: content.spaceKey,
    contentType: content.type,
    views: stats?.views ?? 0,
    viewers: stats?.viewers ?? 0,
    lastViewedAt: stats && stats.lastViewedAt > 0 ? stats.lastViewedAt : null,
  };
}

const KEY: Record<ReportColumn, (row: ReportRow) => string | number> = {
  title: (row) => row.title.toLowerCase(),
  space: (row) => row.spaceKey,
  type: (row) => row.contentType,
  views: (row) => row.views,
  viewers: (row) => row.viewers,
  // Never viewed sorts as the oldest possible view.
  'last-viewed': (row) => row.lastViewedAt ?? 0,
};

/** Stable: ties keep the title order, so a report does not reshuffle between renders. */
export function sortRows(rows: ReportRow[], column: ReportColumn, direction: 'asc' | 'desc'): ReportRow[] {
  const key = KEY[column];
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.title.localeCompare(b.title) || a.contentId.localeCompare(b.contentId);
  });
}

/** Columns whose order needs the all-time rows; the others rank from the search and the range's views. */
export function sortNeedsAllTimeRows(definition: ReportQueryDefinition): boolean {
  const { column } = effectiveSort(definition);
  return column === 'viewers' || column === 'last-viewed';
}
