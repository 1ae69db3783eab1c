/**
 * What each resolver's `data` must look like before the UI touches it. The table is typed over every key
 * of the contract, so a resolver added there does not compile until its answer has a guard here.
 */
import type {
  ResolverKey, ResultOf, SettingsAuditEntry, SettingsView, TrackViewResult, ViewApiRequestRecord, ViewApiStatus,
} from '@contracts/resolvers';
import type { PageStatistics, PageViewer, RangeTotals } from '@contracts/page-statistics';
import type { ResolvedRange } from '@contracts/report-range';
import { SOURCES } from '@contracts/settings';
import { SELF_CHECK_VERDICTS, type SelfCheckItem, type SelfCheckReport } from '@contracts/self-check';
import { CHANNELS, PRIVACY_MODES, SPACE_REPORT_AUDIENCES, VIEWER_LIST_AUDIENCES, type GroupRef, type Settings } from '@contracts/settings';
import {
  arrayOf, isBoolean, isNumber, isRecord, isString, isUnknown, nullable, oneOf, optional, recordOf, shape, union, type Guard,
} from './guards';
import { isAttachmentViewsList, isInventoryStatus } from './inventory-guards';
import { isAllSavedReportsView, isReportAnswer, isSavedReportsView } from './custom-report-guards';
import { isReportPageOrPreparing, isReportSummaryOrPreparing } from './report-guards';
import { isSearchSummary, isSearchTableAnswer } from './search-guards';
import { isInactiveReaders, isPageReach, isReachMacroAnswer, isSpaceReach } from './reach-guards';

const isGroupRef = shape<GroupRef>({ id: isString, name: isString });

export const isSettings = shape<Settings>({
  autoTracking: recordOf(CHANNELS, isBoolean),
  excludeAnonymous: isBoolean,
  excludedGroups: arrayOf(isGroupRef),
  excludedSpaces: arrayOf(isString),
  reportAccessGroup: nullable(isGroupRef),
  viewCounter: isBoolean,
  customReports: isBoolean,
  reportMacroAnonymous: isBoolean,
  spaceReportAudience: oneOf(SPACE_REPORT_AUDIENCES),
  trackAttachments: isBoolean,
  blockingTimeMs: isNumber,
  search: shape<Settings['search']>({ autoTracking: isBoolean, recordQueryText: isBoolean }),
  privacy: shape<Settings['privacy']>({
    mode: oneOf(PRIVACY_MODES),
    viewerNamesGroup: nullable(isGroupRef),
    viewerListAudience: oneOf(VIEWER_LIST_AUDIENCES),
    retentionDays: nullable(isNumber),
  }),
});

const isAuditEntry = shape<SettingsAuditEntry>({
  at: isNumber,
  accountId: nullable(isString),
  version: isNumber,
  changes: arrayOf(shape<SettingsAuditEntry['changes'][number]>({ field: isString, before: isUnknown, after: isUnknown })),
});

const isSettingsView = shape<SettingsView>({
  settings: isSettings,
  version: isNumber,
  updatedAt: nullable(isNumber),
  audit: arrayOf(isAuditEntry),
  unavailableChannels: arrayOf(shape<SettingsView['unavailableChannels'][number]>({
    channel: oneOf(CHANNELS),
    reason: isString,
  })),
  problem: nullable(shape<NonNullable<SettingsView['problem']>>({ message: isString, applied: oneOf(['last-good', 'tracking-stopped'] as const) })),
});

const isTrackViewResult: Guard<TrackViewResult> = union(
  shape<{ tracked: true; views: number }>({ tracked: (v): v is true => v === true, views: isNumber }),
  shape<{ tracked: false; reason: string; views: number }>({
    tracked: (v): v is false => v === false,
    reason: isString,
    views: isNumber,
  }),
);

const isViewApiStatus = shape<ViewApiStatus>({
  configured: isBoolean,
  url: nullable(isString),
  createdAt: nullable(isNumber),
  createdBy: nullable(isString),
  hint: nullable(isString),
});

/** Field errors: any keys (dotted paths), string messages. */
const recordOfStrings: Guard<Record<string, string>> = (value): value is Record<string, string> =>
  isRecord(value) && Object.values(value).every(isString);

const isResolvedRange = shape<ResolvedRange>({ from: isString, to: isString, days: isNumber });
const isRangeTotals = shape<RangeTotals>({
  views: isNumber, anonymousViews: isNumber, viewers: isNumber, viewersExact: isBoolean, firstViewDay: nullable(isString), lastViewDay: nullable(isString),
});
const isPeopleVisibility: Guard<PageStatistics['people']> = union(
  shape<{ visible: true }>({ visible: (v): v is true => v === true }),
  shape<{ visible: false; reason: 'extended-privacy' | 'hide-viewers' | 'audience' | 'sign-in'; noGroup?: true }>({
    visible: (v): v is false => v === false, reason: oneOf(['extended-privacy', 'hide-viewers', 'audience', 'sign-in'] as const),
    noGroup: optional((v): v is true => v === true),
  }),
);
const isPageStatistics = shape<PageStatistics>({
  contentId: isString, title: isString, range: isResolvedRange, previousRange: isResolvedRange,
  totals: isRangeTotals, previousTotals: isRangeTotals,
  daily: arrayOf(shape<PageStatistics['daily'][number]>({ day: isString, views: isNumber, viewers: isNumber, anonymousViews: isNumber })),
  sources: arrayOf(shape<PageStatistics['sources'][number]>({ source: oneOf(SOURCES), views: isNumber })),
  allTime: shape<PageStatistics['allTime']>({ views: isNumber, viewers: isNumber, anonymousViews: isNumber, lastViewedAt: nullable(isNumber) }),
  people: isPeopleVisibility,
  viewCounterEnabled: isBoolean,
  viewersCounted: optional(oneOf(['person-days'] as const)),
});
const isPageViewer = shape<PageViewer>({
  accountId: isString, displayName: isString, avatarPath: nullable(isString), former: isBoolean,
  views: isNumber, firstViewedAt: isNumber, lastViewedAt: isNumber,
});

const isSelfCheckReport = shape<SelfCheckReport>({
  ranAt: isNumber,
  items: arrayOf(shape<SelfCheckItem>({
    area: oneOf(['storage', 'confluence'] as const), name: isString, scopes: arrayOf(isString),
    assumption: isString, observed: isString, verdict: oneOf(SELF_CHECK_VERDICTS),
  })),
});

export const RESULT_GUARDS: { [K in ResolverKey]: Guard<ResultOf<K>> } = {
  runPlatformSelfCheck: isSelfCheckReport,
  trackView: isTrackViewResult,
  reportChannel: shape<ResultOf<'reportChannel'>>({ stored: isBoolean }),
  reportView: shape<ResultOf<'reportView'>>({ appSees: nullable(isBoolean), recorded: isBoolean, stored: isBoolean }),
  getAccessCheck: shape<ResultOf<'getAccessCheck'>>({
    spaces: arrayOf(shape<ResultOf<'getAccessCheck'>['spaces'][number]>({ key: isString, name: isString, spaceHidden: isBoolean, hiddenContent: isNumber, capped: isBoolean })),
    checked: isNumber, nextCursor: nullable(isString), inventoryUnseen: nullable(isNumber), inventoryCheckedAt: nullable(isNumber), appName: isString,
  }),
  getSettings: isSettingsView,
  saveSettings: isSettingsView,
  searchGroups: shape<ResultOf<'searchGroups'>>({ groups: arrayOf(isGroupRef), nextCursor: nullable(isString) }),
  searchSpaces: shape<ResultOf<'searchSpaces'>>({
    spaces: arrayOf(shape<{ key: string; name: string }>({ key: isString, name: isString })),
  }),
  getViewApi: isViewApiStatus,
  rotateViewApiToken: shape<ResultOf<'rotateViewApiToken'>>({ token: isString, status: isViewApiStatus }),
  revokeViewApiToken: isViewApiStatus,
  getViewApiRequests: shape<ResultOf<'getViewApiRequests'>>({
    requests: arrayOf(shape<ViewApiRequestRecord>({
      at: isNumber,
      outcome: oneOf(['accepted', 'invalid', 'too-large', 'busy', 'error'] as const),
      views: isNumber,
      results: arrayOf(shape<ViewApiRequestRecord['results'][number]>({ index: isNumber, contentId: isString, outcome: isString })),
      fieldErrors: recordOfStrings,
      message: nullable(isString),
    })),
  }),
  getInventoryStatus: isInventoryStatus,
  startInventoryBackfill: isInventoryStatus,
  getAttachmentViews: isAttachmentViewsList,
  getReportMacro: isReportAnswer,
  getSpaceSavedReports: isSavedReportsView,
  runSavedReport: isReportAnswer,
  saveSpaceReport: isSavedReportsView,
  deleteSpaceReport: isSavedReportsView,
  getAllSavedReports: isAllSavedReportsView,
  deleteAnySavedReport: isAllSavedReportsView,
  getPageStatistics: isPageStatistics,
  getPageViewers: shape<ResultOf<'getPageViewers'>>({ rows: arrayOf(isPageViewer), nextCursor: nullable(isString) }),
  getReportSummary: isReportSummaryOrPreparing,
  getSearchSummary: isSearchSummary,
  getSearchTable: isSearchTableAnswer,
  getReportTable: isReportPageOrPreparing,
  searchReportGroups: shape<ResultOf<'searchReportGroups'>>({ groups: arrayOf(isGroupRef), nextCursor: nullable(isString) }),
  searchReportSpaces: shape<ResultOf<'searchReportSpaces'>>({
    spaces: arrayOf(shape<{ key: string; name: string }>({ key: isString, name: isString })), complete: isBoolean,
  }),
  getPageReach: isPageReach,
  getInactiveReaders: isInactiveReaders,
  getSpaceReach: isSpaceReach,
  getReachMacro: isReachMacroAnswer,
  searchReachGroups: shape<ResultOf<'searchReachGroups'>>({ groups: arrayOf(isGroupRef), nextCursor: nullable(isString) }),
};
