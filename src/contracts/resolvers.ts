import type { AccessCheckPayload, AccessCheckResult } from './access-check';
import type { ReportFilters, ReportPage, ReportPreparing, ReportScope, ReportSort, ReportSummary, ReportTable } from './report-query';
import type { DateRange } from './report-range';
/**
 * Every resolver function key with its payload and answer. The backend's handlers and the UI's typed
 * `invoke` client are both checked against this table, so neither can drift from the other.
 */
import type { Channel, GroupRef, Settings } from './settings';
import type { SelfCheckReport } from './self-check';
import type { AttachmentViews, InventoryStatus } from './inventory';
import type { AllSavedReportsView, ReachMacroAnswer, ReportAnswer, ReportQueryDefinition, SavedReportsView } from './custom-reports';
import type { PageStatistics, PageStatisticsPayload, PageViewers, PageViewersPayload } from './page-statistics';
import type { SearchSummary, SearchSummaryPayload, SearchTableAnswer, SearchTablePayload } from './search-report';
import type { InactiveReaders, InactiveReadersPayload, PageReach, PageReachPayload, SpaceReach, SpaceReachPayload } from './reach';

export interface TrackViewPayload {
  /** What the macro's browser detected; decides which Auto Tracking switch applies. */
  channel: Channel;
}
/** The background script's channel hint for the view being shown; it records nothing by itself. */
export interface ReportChannelPayload {
  channel: Channel;
}

/**
 * The background script's report of one page load: whether the app's own user sees the content
 * (then Confluence's view event counts it; null: not asked), whether the beacon recorded the view
 * itself (content restricted away from the app), and whether a channel hint was stored.
 */
export interface ReportViewResult {
  appSees: boolean | null;
  recorded: boolean;
  stored: boolean;
}

export type TrackViewResult =
  | { tracked: true; views: number }
  | { tracked: false; reason: string; views: number };

export interface SettingsAuditEntry {
  at: number;
  /** Kept in every privacy mode (accountability); null once the account was closed and its data erased. */
  accountId: string | null;
  version: number;
  /** Dotted paths of what changed, with before and after. */
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

/**
 * Set when the stored settings could not be read (fail closed, never silently the defaults): what
 * applies instead, and why. Saving the settings again repairs them.
 */
export interface SettingsProblem {
  message: string;
  applied: 'last-good' | 'tracking-stopped';
}

export interface SettingsView {
  settings: Settings;
  version: number;
  updatedAt: number | null;
  audit: SettingsAuditEntry[];
  /** Channels the platform cannot observe, with why: the UI disables their switches. */
  unavailableChannels: Array<{ channel: Channel; reason: string }>;
  problem: SettingsProblem | null;
}

export interface SaveSettingsPayload {
  settings: Settings;
  /** The version the admin started editing from; a newer stored version is a conflict. */
  expectedVersion: number;
}

export interface GroupSearchPayload {
  query: string;
  /** Opaque; from the previous page. */
  cursor?: string;
}
export interface GroupSearchResult {
  groups: GroupRef[];
  nextCursor: string | null;
}

export interface SpaceSearchPayload {
  query: string;
}
export interface SpaceSearchResult {
  spaces: Array<{ key: string; name: string }>;
}

/** The report macro's space picker: spaces the caller may view; `complete` false when only the first 500 were looked through. */
export interface ReportSpaceSearchResult {
  spaces: Array<{ key: string; name: string }>;
  complete: boolean;
}

/** The token-protected view API (a Forge web trigger) through which other apps report views. */
export interface ViewApiStatus {
  /** Whether a token exists; without one the API refuses every call. */
  configured: boolean;
  /** The web trigger URL to give to the reporting app; null where Forge cannot tell it. */
  url: string | null;
  createdAt: number | null;
  createdBy: string | null;
  /** The token's last four characters, so admins can tell which one a tool uses. */
  hint: string | null;
}
export interface RotatedViewApiToken {
  /** Shown exactly once: only its hash is stored. */
  token: string;
  status: ViewApiStatus;
}

/**
 * One authenticated request to the view API, as recorded for admins: the web trigger is static (Runs
 * on Atlassian), so its answer carries no details; what happened to each view is listed here.
 */
export interface ViewApiRequestRecord {
  at: number;
  outcome: 'accepted' | 'invalid' | 'too-large' | 'busy' | 'error';
  /** Views in the request; 0 when the body could not be read. */
  views: number;
  /** Per view, in request order: `counted`, or why the counts did not change. Empty for a refused request. */
  results: Array<{ index: number; contentId: string; outcome: string }>;
  /** Dotted path → problem, for a refused request (nothing of it was stored). */
  fieldErrors: Record<string, string>;
  message: string | null;
}
export interface ViewApiRequests {
  requests: ViewApiRequestRecord[];
}

/** Custom Reports: save a named definition for the space (no id: a new one). */
export interface SaveSpaceReportPayload {
  id?: string;
  name: string;
  definition: ReportQueryDefinition;
}

/** functionKey → [payload, answer]. */
export interface ResolverContract {
  trackView: [TrackViewPayload, TrackViewResult];
  reportChannel: [ReportChannelPayload, { stored: boolean }];
  reportView: [ReportChannelPayload, ReportViewResult];
  getAccessCheck: [AccessCheckPayload, AccessCheckResult];
  getSettings: [Record<string, never>, SettingsView];
  saveSettings: [SaveSettingsPayload, SettingsView];
  searchGroups: [GroupSearchPayload, GroupSearchResult];
  searchSpaces: [SpaceSearchPayload, SpaceSearchResult];
  getViewApi: [Record<string, never>, ViewApiStatus];
  rotateViewApiToken: [Record<string, never>, RotatedViewApiToken];
  revokeViewApiToken: [Record<string, never>, ViewApiStatus];
  getViewApiRequests: [Record<string, never>, ViewApiRequests];
  getInventoryStatus: [Record<string, never>, InventoryStatus];
  startInventoryBackfill: [Record<string, never>, InventoryStatus];
  getAttachmentViews: [Record<string, never>, AttachmentViews[]];
  getReportMacro: [Record<string, never>, ReportAnswer];
  getSpaceSavedReports: [Record<string, never>, SavedReportsView];
  runSavedReport: [{ id: string }, ReportAnswer];
  saveSpaceReport: [SaveSpaceReportPayload, SavedReportsView];
  deleteSpaceReport: [{ id: string }, SavedReportsView];
  getAllSavedReports: [Record<string, never>, AllSavedReportsView];
  deleteAnySavedReport: [{ spaceKey: string; id: string }, AllSavedReportsView];
  getPageStatistics: [PageStatisticsPayload, PageStatistics];
  getPageViewers: [PageViewersPayload, PageViewers];
  /** `ReportPreparing` only under a group filter whose members' views take more than one call to read. */
  getReportSummary: [ReportSummaryPayload, ReportSummaryAnswer | ReportPreparing];
  getReportTable: [ReportTablePayload, ReportPage | ReportPreparing];
  searchReportGroups: [ReportGroupSearchPayload, GroupSearchResult];
  searchReportSpaces: [SpaceSearchPayload, ReportSpaceSearchResult];
  /** Search analytics (issue 21): the Search tab of the global report. */
  getSearchSummary: [SearchSummaryPayload, SearchSummary];
  getSearchTable: [SearchTablePayload, SearchTableAnswer];
  getPageReach: [PageReachPayload, PageReach];
  getInactiveReaders: [InactiveReadersPayload, InactiveReaders];
  getSpaceReach: [SpaceReachPayload, SpaceReach];
  runPlatformSelfCheck: [Record<string, never>, SelfCheckReport];
  /** The Reach section's group picker (page statistics): open where the page's viewers are. */
  searchReachGroups: [{ query: string }, GroupSearchResult];
  /** The report macro's "reach" kind (its config comes with the page). */
  getReachMacro: [Record<string, never>, ReachMacroAnswer];
}

/** Report resolvers (issue 10): the range as the shared DateRange, filters and table per report-query.ts. */
export interface ReportSummaryPayload extends ReportScope { range: DateRange; filters: ReportFilters }
/** The report's group picker: groups matching a query, for callers who may filter by group. */
export interface ReportGroupSearchPayload extends ReportScope { query: string }
export interface ReportTablePayload extends ReportSummaryPayload { table: ReportTable; sort: ReportSort; pageSize: number; cursor?: string }
export interface ReportSummaryAnswer extends ReportSummary {
  /** The space of a space report, and its name. */
  space: { key: string; name: string } | null;
  /** Whether people (top readers, names) may be shown to this caller, and if not why. */
  people: { names: true } | { names: false; reason: string };
  today: string;
  /** As in PageStatistics: `person-days` under Extended privacy (one pseudonym per person and day). */
  viewersCounted?: 'person-days';
  /** Under a group filter prepared over several calls: the figures count the views recorded up to this time (epoch ms). */
  asOf?: number;
}

export type ResolverKey = keyof ResolverContract;
export type PayloadOf<K extends ResolverKey> = ResolverContract[K][0];
export type ResultOf<K extends ResolverKey> = ResolverContract[K][1];
