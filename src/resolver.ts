import Resolver from '@forge/resolver';
import type { Envelope } from '@contracts/envelope';
import type { ResolverKey, ResultOf } from '@contracts/resolvers';
import { fail, guarded } from './platform/resolver/envelope';
import { getReportSummaryResolver, getReportTableResolver } from './reports/report-resolvers';
import { searchReportGroupsResolver } from './reports/report-groups-resolver';
import { reportChannelResolver, trackViewResolver } from './tracking/tracking-resolvers';
import { reportViewResolver } from './tracking/beacon-view';
import { getAccessCheckResolver } from './settings/access-check';
import { getViewApiRequestsResolver, getViewApiResolver, revokeViewApiTokenResolver, rotateViewApiTokenResolver } from './tracking/view-api/view-api-resolvers';
import { getAttachmentViewsResolver, getInventoryStatusResolver, startInventoryBackfillResolver } from './lifecycle/inventory/inventory-resolvers';
import { getSettingsResolver, saveSettingsResolver, searchGroupsResolver, searchSpacesResolver } from './settings/settings-resolvers';
import { getReportMacroResolver } from './custom-reports/report-macro-resolvers';
import { searchReportSpacesResolver } from './reports/report-spaces-resolver';
import { runPlatformSelfCheckResolver } from './self-check';
import {
  deleteAnySavedReportResolver, deleteSpaceReportResolver, getAllSavedReportsResolver, getSpaceSavedReportsResolver,
  runSavedReportResolver, saveSpaceReportResolver,
} from './custom-reports/saved-reports-resolvers';
import { getPageStatisticsResolver, getPageViewersResolver } from './page-statistics/page-statistics-resolvers';
import { getSearchSummaryResolver, getSearchTableResolver } from './search/search-resolvers';
import { getReachMacroResolver } from './custom-reports/reach-macro-resolver';
import { getInactiveReadersResolver, getPageReachResolver, getSpaceReachResolver, searchReachGroupsResolver } from './reach/reach-resolvers';

type Handler<K extends ResolverKey> = (payload: unknown, context: unknown) => Promise<Envelope<ResultOf<K>>>;

/** The contract table, implemented: a missing or mistyped resolver fails to compile. */
const handlers: { [K in ResolverKey]: Handler<K> } = {
  trackView: trackViewResolver,
  reportChannel: reportChannelResolver,
  reportView: reportViewResolver,
  getAccessCheck: getAccessCheckResolver,
  getSettings: getSettingsResolver,
  runPlatformSelfCheck: runPlatformSelfCheckResolver,
  saveSettings: saveSettingsResolver,
  searchGroups: searchGroupsResolver,
  searchSpaces: searchSpacesResolver,
  getViewApi: getViewApiResolver,
  rotateViewApiToken: rotateViewApiTokenResolver,
  revokeViewApiToken: revokeViewApiTokenResolver,
  getViewApiRequests: getViewApiRequestsResolver,
  getInventoryStatus: getInventoryStatusResolver,
  startInventoryBackfill: startInventoryBackfillResolver,
  getAttachmentViews: getAttachmentViewsResolver,
  getReportMacro: getReportMacroResolver,
  getSpaceSavedReports: getSpaceSavedReportsResolver,
  runSavedReport: runSavedReportResolver,
  saveSpaceReport: saveSpaceReportResolver,
  deleteSpaceReport: deleteSpaceReportResolver,
  getAllSavedReports: getAllSavedReportsResolver,
  deleteAnySavedReport: deleteAnySavedReportResolver,
  getPageStatistics: getPageStatisticsResolver,
  getPageViewers: getPageViewersResolver,
  getReportSummary: getReportSummaryResolver,
  getReportTable: getReportTableResolver,
  searchReportGroups: searchReportGroupsResolver,
  searchReportSpaces: searchReportSpacesResolver,
  getSearchSummary: getSearchSummaryResolver,
  getSearchTable: getSearchTableResolver,
  getPageReach: getPageReachResolver,
  getInactiveReaders: getInactiveReadersResolver,
  getSpaceReach: getSpaceReachResolver,
  searchReachGroups: searchReachGroupsResolver,
  getReachMacro: getReachMacroResolver,
};

const resolver = new Resolver();
for (const key of Object.keys(handlers) as ResolverKey[]) {
  const handler = handlers[key] as Handler<ResolverKey>;
  resolver.define(key, ({ payload, context }) => guarded(key, () => handler(payload, context)));
}

const definitions = resolver.getDefinitions();

/**
 * @forge/resolver looks definitions up with `key in functions`, which also finds `constructor`,
 * `toString`, `__proto__`... on Object.prototype and would call them with the payload and context
 * (echoing both back). Only our own keys reach it; anything else is a clean error.
 */
export async function resolverHandler(...args: Parameters<typeof definitions>): ReturnType<typeof definitions> {
  const functionKey: unknown = args[0]?.call?.functionKey;
  if (typeof functionKey !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, functionKey)) {
    return fail('invalid-input', 'This app has no such resolver function.');
  }
  return definitions(...args);
}
