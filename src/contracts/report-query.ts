import type { Source } from './settings';

/**
 * The one report query: what a global report, a space report, a CSV export or a custom report asks
 * the query layer. Days are the site's days (UTC), `YYYY-MM-DD`, both ends included.
 */
export type ReportContentType = 'page' | 'blogpost' | 'attachment';
export type ReportAudience = 'all' | 'signed-in' | 'anonymous';

export interface ReportDayRange {
  from: string;
  to: string;
}

export interface ReportFilters {
  /** Only these spaces (at most 20). Empty or absent: every space. */
  spaceKeys?: string[];
  contentTypes?: ReportContentType[];
  sources?: Source[];
  audience?: ReportAudience;
  /** Only readers in this Confluence group (signed-in views of its members). */
  groupId?: string;
  /**
   * Only these content ids (at most 1000): "figures per content for a set of content". Applied by the
   * summary (distinct viewers unknown: null) and the top content, top spaces, by-source and by-type
   * tables; top readers and not viewed refuse it.
   */
  contentIds?: string[];
}

export const REPORT_TABLES = ['top-content', 'top-spaces', 'top-readers', 'by-source', 'by-type', 'not-viewed'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export type SortDirection = 'asc' | 'desc';
export interface ReportSort {
  column: string;
  direction: SortDirection;
}

export interface ReportQuery {
  range: ReportDayRange;
  filters: ReportFilters;
  table: ReportTable;
  sort: ReportSort;
  /** Rows per page (≤ 500); `cursor` is the opaque value of the previous page's `nextCursor`. */
  pageSize: number;
  cursor?: string;
}

/** A figure that may come from a sketch: `exact: false` means "about" (HyperLogLog, ~1.6 % error). */
export interface Estimate {
  value: number;
  exact: boolean;
}

export interface ReportTotals {
  views: number;
  anonymousViews: number;
  /** Distinct signed-in viewers; null where the filters make it unknowable from stored rows. */
  viewers: Estimate | null;
  /** Distinct pages and blog posts viewed; null where the filters make it unknowable. */
  contentViewed: Estimate | null;
}

export interface SeriesPoint {
  /** First day of the bucket. */
  start: string;
  views: number;
  viewers: number | null;
}

export interface ReportSummary {
  range: ReportDayRange;
  previousRange: ReportDayRange;
  current: ReportTotals;
  previous: ReportTotals;
  granularity: 'day' | 'month';
  series: SeriesPoint[];
  /** What the figures cannot know, said in the UI (e.g. a group filter before retention's limit). */
  notes?: string[];
}

export interface ContentFigure {
  contentId: string;
  spaceKey: string;
  contentType: ReportContentType;
  title: string;
  titleHidden: boolean;
  /** The space's name (a personal space is named after its owner); the key when Confluence does not say. */
  spaceName: string;
  views: number;
  lastViewedAt: number | null;
}
export interface SpaceFigure { spaceKey: string; spaceName: string; views: number; pageViews: number; blogpostViews: number; anonymousViews: number }
/** Only where the privacy mode lets the caller see people; `viewer` is the account id. */
export interface ReaderFigure { viewer: string; name: string; views: number }
export interface SourceFigure { source: Source; views: number }
export interface TypeFigure { contentType: ReportContentType; views: number }

export type ReportRows =
  | { table: 'top-content' | 'not-viewed'; rows: ContentFigure[] }
  | { table: 'top-spaces'; rows: SpaceFigure[] }
  | { table: 'top-readers'; rows: ReaderFigure[] }
  | { table: 'by-source'; rows: SourceFigure[] }
  | { table: 'by-type'; rows: TypeFigure[] };

export interface ReportPage {
  result: ReportRows;
  /** Rows in the whole table as ranked (capped at `rankingCap` for rankings). */
  total: number;
  nextCursor: string | null;
  /** Rankings hold at most this many rows (the most viewed); sorting by another column sorts those. */
  rankingCap: number;
  /** What the stored rows cannot know, said in the UI (e.g. never-viewed content before the inventory). */
  notes: string[];
}

/**
 * A report filtered by readers in a group whose members' views take more than one call to read: the
 * answer while it is being prepared (docs/reports.md). Progress only, never a figure; the UI asks
 * again until the figures are ready, and each call (and the scheduled run) continues the preparation.
 */
export interface ReportPreparing {
  status: 'preparing';
  progress: {
    /** `members`: listing the group from Confluence; `views`: reading the members' views. */
    stage: 'members' | 'views';
    /** Members listed (stage `members`) or members whose views are read (stage `views`) so far. */
    done: number;
    /** Of how many (null while Confluence has not told the group's size). */
    total: number | null;
    /** The figures will count the views recorded up to this time (epoch ms): when the preparation began. */
    asOf: number;
  };
  message: string;
}

/**
 * Payloads of the report resolvers: the range is the shared `DateRange` (presets or custom days).
 * A report's scope is what its figures cover, the site or one space (the word's one meaning in the
 * code; a custom report's chosen content is its `ContentSelection`).
 */
export interface ReportScope {
  /** `space`: the space the page runs in (verified on the server), and only that space. */
  scope: 'global' | 'space';
}
