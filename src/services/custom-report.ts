import type { ReportAnswer, ReportQueryDefinition } from '@contracts/custom-reports';
import type { Settings } from '@contracts/settings';
import type { CallerStanding, PeopleView } from '../domain/access-policy';
import { dayOf } from '../domain/date-range';
import { resolveReportRange } from '../domain/report-macro-config';
import { reportRows } from '../domain/custom-report-rows';
import { scopeCql } from '../domain/report-scope';
import { readableScope } from '../access/report-scope';
import { contentStatsOf } from '../storage/content-stats-batch';
import type { Caller } from '../resolvers/context';

export interface ReportRequest {
  caller: Caller;
  standing: CallerStanding;
  settings: Settings;
  people: PeopleView;
  definition: ReportQueryDefinition;
  /** The verified space the report is shown in (the macro's page, or the space report). */
  contextSpaceKey: string;
  /** Saved space reports never reach outside their space. */
  withinSpace?: string;
  now: number;
}

const NEEDS_QUERY_LAYER = 'Views per day, views in a date range and top readers come from the reports’ date-range queries, which this version does not include yet. All-time views and content not viewed in a range are available.';

const PEOPLE_HIDDEN: Record<Exclude<PeopleView, { names: true }>['reason'], string> = {
  'extended-privacy': 'Extended privacy is on: Viewtracker stores no account ids, so there are no readers to list.',
  'hide-viewers': 'Reader names are hidden on this site (Hide viewers), except for an authorised group.',
  audience: 'Top readers are shown to site admins, the report group and this space’s admins.',
  'sign-in': 'Sign in to see readers.',
};

/**
 * One report, computed for this reader: the scope is resolved through Confluence with the reader's
 * rights, then the figures are read for that content only. Nothing the reader may not read is in the
 * rows, the totals or the coverage.
 */
export async function runCustomReport(request: ReportRequest): Promise<ReportAnswer> {
  const { definition: config } = request;
  const within = request.withinSpace ? ` and space in ("${request.withinSpace}")` : '';
  const scope = await readableScope(request.caller, request.standing, scopeCql(config.scope, config.contentType, request.contextSpaceKey) + within);
  const range = resolveReportRange(config.range, dayOf(request.now));
  const base = { config, coverage: scope.coverage, range: { from: range.from, to: range.to }, generatedAt: request.now };

  if (config.what === 'top-readers' && !request.people.names) {
    return { state: 'report', ...base, rows: [], readers: [], peopleHidden: PEOPLE_HIDDEN[request.people.reason] };
  }
  const allTime = config.range.kind === 'preset' && config.range.preset === 'all';
  if (config.what === 'views-over-time' || config.what === 'top-readers' || (config.what === 'most-viewed' && !allTime)) {
    return { state: 'unavailable', message: NEEDS_QUERY_LAYER, config, coverage: scope.coverage };
  }
  const stats = await contentStatsOf(scope.ids);
  return { state: 'report', ...base, rows: reportRows(config, scope.found, stats, range) };
}
