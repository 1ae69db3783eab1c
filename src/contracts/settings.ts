/** Settings as the admin page edits them and every entry point applies them. Types only: rules live in src/settings/rules. */

/** Where a view came from. Auto Tracking is switched per channel. */
export const CHANNELS = ['desktop', 'mobile-web', 'confluence-app', 'jsm-portal', 'linchpin'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A stored view's source: the channel it was seen on, or `other` for views reported through the API. */
export const SOURCES = [...CHANNELS, 'other'] as const;
export type Source = (typeof SOURCES)[number];

export const PRIVACY_MODES = ['standard', 'hide-viewers', 'extended'] as const;
/**
 * standard: names shown. hide-viewers: names hidden except to the authorised group.
 * extended: no account ID is stored at all; such views stay anonymous forever.
 */
export type PrivacyMode = (typeof PRIVACY_MODES)[number];

/** Standard mode: who sees the names in a page's viewer list (readers of the page, or only its managers). */
export const VIEWER_LIST_AUDIENCES = ['readers', 'managers'] as const;
export type ViewerListAudience = (typeof VIEWER_LIST_AUDIENCES)[number];

/** Who may open a space's report besides site admins and the report group: its admins, or everyone who may view it. */
export const SPACE_REPORT_AUDIENCES = ['managers', 'space-viewers'] as const;
export type SpaceReportAudience = (typeof SPACE_REPORT_AUDIENCES)[number];

export interface GroupRef {
  id: string;
  name: string;
}

export interface SearchSettings {
  /** Record Confluence searches at all (the same exclusions, blocking time and privacy mode as views apply). */
  autoTracking: boolean;
  /**
   * Keep the normalised query text (top queries, no-result queries, click-throughs per query). Off:
   * only the counts of searches, no-result searches and click-throughs per day are kept.
   */
  recordQueryText: boolean;
}

export interface Settings {
  autoTracking: Record<Channel, boolean>;
  excludeAnonymous: boolean;
  excludedGroups: GroupRef[];
  /** Space keys whose content is never tracked. */
  excludedSpaces: string[];
  /** Non-admins in this group may open the global report. */
  reportAccessGroup: GroupRef | null;
  viewCounter: boolean;
  /**
   * Counter refresh budget: the Confluence points an hour the byline writer may spend keeping the
   * View Counter's content properties fresh (docs/view-counter.md, "Points budget").
   */
  counterRefreshBudget: number;
  customReports: boolean;
  /** Custom Reports: anonymous visitors see report macros (only content open to anonymous visitors). */
  reportMacroAnonymous: boolean;
  /** Space admins always open their space's report; `space-viewers` opens it to everyone who may view the space. */
  spaceReportAudience: SpaceReportAudience;
  /** Track attachment views (`avi:confluence:viewed:attachment`) as a third content type. */
  trackAttachments: boolean;
  blockingTimeMs: number;
  /** Search analytics (`avi:confluence:performed:search`, docs/search-analytics.md). */
  search: SearchSettings;
  privacy: {
    mode: PrivacyMode;
    /** In hide-viewers mode, members of this group still see names. */
    viewerNamesGroup: GroupRef | null;
    /**
     * Standard mode: `readers` shows who viewed a page to everyone who may read it (as Viewtracker
     * Cloud does); `managers` only to site admins, the space's admins and the report group.
     */
    viewerListAudience: ViewerListAudience;
    /** Purge individual views older than this many days (all-time totals stay); null keeps them forever. */
    retentionDays: number | null;
  };
}
