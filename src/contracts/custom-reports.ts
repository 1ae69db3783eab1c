/**
 * Custom Reports: the "Viewtracker report" macro's configuration and answer, and saved space reports.
 * Types and option lists only (shared by backend and UI); the rules and bounds live in src/custom-reports/rules.
 */

/** What a report shows. */
export const REPORT_KINDS = ['most-viewed', 'least-viewed', 'views-over-time', 'top-readers'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_COLUMNS = ['title', 'space', 'type', 'views', 'viewers', 'last-viewed'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export const REPORT_CONTENT_TYPES = ['all', 'page', 'blogpost'] as const;
export type ReportContentType = (typeof REPORT_CONTENT_TYPES)[number];

/**
 * A custom report's content selection: which content it covers. `this-space` is the space of the page
 * the macro stands on (or of the space report); the others are resolved through Confluence as the
 * reader (CQL), so what a reader may not see is never part of it. (Not a report's scope, the site or
 * one space of the global and space reports: see "Words used in the code" in docs/architecture.md.)
 */
export type ContentSelection =
  | { kind: 'this-space' }
  | { kind: 'spaces'; spaceKeys: string[] }
  | { kind: 'label'; label: string }
  | { kind: 'page-tree'; pageId: string };
export const CONTENT_SELECTION_KINDS = ['this-space', 'spaces', 'label', 'page-tree'] as const;

import type { PageReach, ReachAudience } from './reach';
import type { DateRange } from './report-range';

/** Relative (the last N days, today included), or the reports' date range: a preset or fixed UTC days. */
export type ReportRange = { kind: 'last-days'; days: number } | DateRange;

export type SortDirection = 'asc' | 'desc';

/**
 * One report query: the macro's configuration and a saved space report's definition are this shape.
 * Forge stores macro config as JSON without nulls and with arrays of one type, which it satisfies.
 */
export interface ReportQueryDefinition {
  version: 2;
  what: ReportKind;
  /**
   * The content selection. The field keeps its first name, `scope`: it is stored in every macro's
   * parameters in Confluence pages (parseStoredMacroConfig reads it, and the v1 parameter `scope`)
   * and in saved reports (KVS), so renaming it would orphan what existing installations hold.
   */
  scope: ContentSelection;
  contentType: ReportContentType;
  range: ReportRange;
  rows: number;
  columns: ReportColumn[];
  sort: { column: ReportColumn; direction: SortDirection };
}

export const DEFAULT_COLUMNS: ReportColumn[] = ['title', 'space', 'views', 'viewers', 'last-viewed'];

/** What a new report shows, and what any field of a stored config falls back to. */
export const DEFAULT_REPORT: ReportQueryDefinition = {
  version: 2,
  what: 'most-viewed',
  scope: { kind: 'this-space' },
  contentType: 'all',
  range: { kind: 'last-days', days: 30 },
  rows: 10,
  columns: DEFAULT_COLUMNS,
  sort: { column: 'views', direction: 'desc' },
};

/**
 * The order each kind is read in unless its author chose another: most viewed first, and for content
 * not viewed in the range the never-viewed first, then the oldest last view (what an archivist wants).
 */
export const DEFAULT_SORTS: Record<ReportKind, ReportQueryDefinition['sort']> = {
  'most-viewed': { column: 'views', direction: 'desc' },
  'least-viewed': { column: 'last-viewed', direction: 'asc' },
  'views-over-time': { column: 'views', direction: 'desc' },
  'top-readers': { column: 'views', direction: 'desc' },
};

/** The Forge macro config this app stores (`view.submit({config})`): the definition itself. */
export type ReportMacroConfig = ReportQueryDefinition;

/** How much of its content selection the report covers: large selections are capped, and say so. */
export interface SelectionCoverage {
  included: number;
  /** Total that Confluence reported for the selection (as the reader); at least `included`. */
  total: number;
  capped: boolean;
  /**
   * Guests and anonymous visitors: their items are checked one by one, and only the selection's first
   * `checked` items were (the search stopped there). How many items the rest holds is not said: it
   * would tell them the size of what they may not read.
   */
  checked?: number;
}

export interface ReportRow {
  contentId: string;
  title: string;
  spaceKey: string;
  /** The space's name, when the report shows the Space column. */
  spaceName?: string;
  contentType: 'page' | 'blogpost';
  views: number;
  viewers: number;
  lastViewedAt: number | null;
}

export type ReportAnswer =
  /** Custom Reports is switched off, or the caller may not see it: a short notice, the config is kept. */
  | { state: 'notice'; reason: 'switched-off' | 'sign-in' | 'anonymous-not-allowed' | 'not-allowed'; message: string; config: ReportMacroConfig }
  /** This report cannot be computed for the reader's selection (the message says why): nothing is made up. */
  | { state: 'unavailable'; message: string; config: ReportMacroConfig; coverage: SelectionCoverage }
  | {
    state: 'report';
    config: ReportMacroConfig;
    coverage: SelectionCoverage;
    range: { from: string; to: string };
    rows: ReportRow[];
    /** Content that matched before the row limit (at least `rows.length`): "10 of 51". */
    matched?: number;
    series?: Array<{ day: string; views: number }>;
    readers?: Array<{ name: string; views: number }>;
    /** What the figures are based on, when not the whole range (read bound, retention, audience). */
    notes?: string[];
    /** Why names are not shown, when they are not (privacy mode or audience). */
    peopleHidden?: string;
    generatedAt: number;
  };

/** A named report definition a space admin saved for their space. */
export interface SavedReport {
  id: string;
  spaceKey: string;
  name: string;
  definition: ReportQueryDefinition;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface SavedReportsView {
  /** False while Custom Reports is switched off: saved reports are hidden (and kept). */
  enabled: boolean;
  spaceKey: string;
  reports: SavedReport[];
  /** Whether the caller may save, change and delete the space's reports. */
  canManage: boolean;
  max: number;
}

export interface AllSavedReportsView {
  reports: SavedReport[];
}

/**
 * The report macro's "reach" kind (issue 20): for a page (this one by default) and an audience, "K of N
 * read it" and, where privacy allows, the first names of the not-read list. A macro config of its own
 * shape (`what: 'reach'`); every config stored before it still parses as a `ReportQueryDefinition`.
 */
export interface ReachMacroConfig {
  version: 2;
  what: 'reach';
  page: { kind: 'this-page' } | { kind: 'page'; pageId: string };
  audience: ReachAudience;
  range: DateRange;
  /** Show the not-read list (its first `rows` names) where privacy allows. */
  notRead: boolean;
  rows: number;
}

export const DEFAULT_REACH_MACRO: ReachMacroConfig = {
  version: 2, what: 'reach', page: { kind: 'this-page' }, audience: { kind: 'space-members' },
  range: { kind: 'preset', preset: '30d' }, notRead: true, rows: 10,
};

/** Any config the report macro stores. */
export type AnyReportMacroConfig = ReportMacroConfig | ReachMacroConfig;

export type ReachMacroAnswer =
  /** The macro is switched off or closed to this reader, or reach names people this reader may not see: the message says why. */
  | { state: 'notice'; message: string; config: ReachMacroConfig }
  | { state: 'reach'; config: ReachMacroConfig; reach: PageReach };
