import Resolver from '@forge/resolver';
import type { Envelope } from '@contracts/envelope';
import type { ResolverKey, ResultOf } from '@contracts/resolvers';
import { guarded } from './envelope';
import { getReportSummaryResolver, getReportTableResolver } from './report-query';
import { getContentSummaryResolver, getContentTrendResolver, reportChannelResolver, trackViewResolver } from './tracking';
import { getGlobalReportResolver, getSpaceReportResolver } from './reports';
import { getViewApiResolver, revokeViewApiTokenResolver, rotateViewApiTokenResolver } from './view-api';
import { getSettingsResolver, saveSettingsResolver, searchGroupsResolver, searchSpacesResolver } from './settings';
import { getPageStatisticsResolver, getPageViewersResolver } from './page-statistics';

type Handler<K extends ResolverKey> = (payload: unknown, context: unknown) => Promise<Envelope<ResultOf<K>>>;

/** The contract table, implemented: a missing or mistyped resolver fails to compile. */
const handlers: { [K in ResolverKey]: Handler<K> } = {
  trackView: trackViewResolver,
  reportChannel: reportChannelResolver,
  getContentSummary: getContentSummaryResolver,
  getContentTrend: getContentTrendResolver,
  getSettings: getSettingsResolver,
  saveSettings: saveSettingsResolver,
  searchGroups: searchGroupsResolver,
  searchSpaces: searchSpacesResolver,
  getGlobalReport: getGlobalReportResolver,
  getSpaceReport: getSpaceReportResolver,
  getViewApi: getViewApiResolver,
  rotateViewApiToken: rotateViewApiTokenResolver,
  revokeViewApiToken: revokeViewApiTokenResolver,
  getPageStatistics: getPageStatisticsResolver,
  getPageViewers: getPageViewersResolver,
  getReportSummary: getReportSummaryResolver,
  getReportTable: getReportTableResolver,
};

const resolver = new Resolver();
for (const key of Object.keys(handlers) as ResolverKey[]) {
  const handler = handlers[key] as Handler<ResolverKey>;
  resolver.define(key, ({ payload, context }) => guarded(key, () => handler(payload, context)));
}

export const resolverHandler = resolver.getDefinitions();
