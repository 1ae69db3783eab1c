import type { ReportAnswer, ReportQueryDefinition } from '@contracts/custom-reports';
import type { Settings } from '@contracts/settings';
import type { CallerStanding, PeopleView } from '../access/rules/access-policy';
import { dayOf } from '../core/date-range';
import { allTimeCut, MAX_REPORT_DAYS, resolveReportRange } from './rules/report-macro-config';
import { reportRows, selectRows, sortNeedsAllTimeRows } from './rules/custom-report-rows';
import { selectionCql } from '../access/rules/content-selection';
import { readableSelection } from '../access/content-selection';
import { contentStatsOf, contentViewsInRange, firstStoredDay } from '../reports/index';
import { contentSetDailyViews } from './storage/content-set-days';
import { daysOf } from '../core/date-range';
import { isListed } from '../core/model/content-status';
import { selectionTopReaders } from './content-selection-readers';
import type { ContentStatsRow } from '../core/model/rows';
import type { Caller } from '../platform/resolver/context';
import { namesOfSpaces } from '../platform/space-names';

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

const OWN_SPACE_ONLY = 'Readers are counted for this space’s content only: you see readers as this space’s admin, not for other spaces.';

const PEOPLE_HIDDEN: Record<Exclude<PeopleView, { names: true }>['reason'], string> = {
  'extended-privacy': 'Extended privacy is on: Viewtracker stores no account ids, so there are no readers to list.',
  'hide-viewers': 'Reader names are hidden on this site (Hide viewers), except for an authorised group.',
  audience: 'Top readers are shown to site admins, the report group and this space’s admins.',
  'sign-in': 'Sign in to see readers.',
};

/**
 * One report, computed for this reader: the content selection is resolved through Confluence with the reader's
 * rights, then the figures are read for that content only. Nothing the reader may not read is in the
 * rows, the totals or the coverage.
 */
export async function runCustomReport(request: ReportRequest): Promise<ReportAnswer> {
  const answer = await computeReport(request);
  if (answer.state !== 'report' || answer.rows.length === 0 || !answer.config.columns.includes('space')) return answer;
  // Spaces by name, as Confluence shows them (the rows' content is readable, so are their spaces).
  const names = await namesOfSpaces([...new Set(answer.rows.map((row) => row.spaceKey))]);
  return { ...answer, rows: answer.rows.map((row) => ({ ...row, spaceName: names.get(row.spaceKey) ?? row.spaceKey })) };
}

async function computeReport(request: ReportRequest): Promise<ReportAnswer> {
  const { definition: config } = request;
  const within = request.withinSpace ? ` and space in ("${request.withinSpace}")` : '';
  const selected = await readableSelection(request.caller, request.standing, selectionCql(config.scope, config.contentType, request.contextSpaceKey) + within);
  const today = dayOf(request.now);
  const allTime = config.range.kind === 'preset' && config.range.preset === 'all';
  // "All time" starts at the site's first stored view (a report may span several spaces).
  const firstDay = allTime ? await firstStoredDay('site') : null;
  const range = resolveReportRange(config.range, today, firstDay);
  const base = { config, coverage: selected.coverage, range: { from: range.from, to: range.to }, generatedAt: request.now };
  const cut = allTimeCut(config.range, today, firstDay) ? [`All time reads the last ${MAX_REPORT_DAYS} days here: views before ${range.from} are not included.`] : [];

  if (config.what === 'top-readers' && !request.people.names) {
    return { state: 'report', ...base, rows: [], readers: [], peopleHidden: PEOPLE_HIDDEN[request.people.reason] };
  }
  if (config.what === 'top-readers') {
    // Names granted only as the macro's space admin (standard mode) cover that space, not the others of the selection.
    const { standing } = request;
    const ownSpaceOnly = request.settings.privacy.mode === 'standard' && !standing.siteAdmin && !standing.inReportGroup;
    const found = ownSpaceOnly ? selected.found.filter((content) => content.spaceKey === request.contextSpaceKey) : selected.found;
    const answer = await selectionTopReaders(found, range, config.rows, request.settings, request.now);
    const notes = [...cut, ...(ownSpaceOnly && found.length < selected.found.length ? [OWN_SPACE_ONLY] : []), ...answer.notes];
    return { state: 'report', ...base, rows: [], readers: answer.readers, notes };
  }
  if (config.what === 'views-over-time') {
    const perDay = await contentSetDailyViews(selected.ids, range);
    return { state: 'report', ...base, rows: [], series: daysOf(range).map((day) => ({ day, views: perDay.get(day) ?? 0 })), ...(cut.length ? { notes: cut } : {}) };
  }
  if (config.what === 'least-viewed' || allTime) {
    const all = await contentStatsOf(selected.ids);
    return { state: 'report', ...base, ...selectRows(config, selected.found.filter((content) => listedIn(all, content.id)), all, range) };
  }
  // Most viewed in a range: the range's views of each readable content (the query layer's month rows),
  // then all-time rows (viewers, last view) only for the content that was viewed.
  // When the order does not depend on them, only the rows shown are read.
  // Month rows carry lifecycle's status: trashed and archived content is left out (its rows stay for a restore).
  const inRange = new Map([...await contentViewsInRange(selected.ids, range)].filter(([, entry]) => isListed(entry.row)));
  const rangeOnly = new Map([...inRange].map(([id, entry]) => [id, { views: entry.views, viewers: 0, lastViewedAt: 0 }]));
  const ranked = selectRows(config, selected.found, rangeOnly, range);
  const candidates = sortNeedsAllTimeRows(config) ? selected.found : ranked.rows.map((row) => row.contentId);
  const shown = new Set(candidates.map((item) => (typeof item === 'string' ? item : item.id)));
  const stats = await contentStatsOf([...shown]);
  const figures = new Map([...stats].map(([id, row]) => [id, { views: inRange.get(id)?.views ?? 0, viewers: row.viewers, lastViewedAt: row.lastViewedAt }]));
  return { state: 'report', ...base, matched: ranked.matched, rows: reportRows(config, selected.found.filter((content) => shown.has(content.id) && listedIn(stats, content.id)), figures, range) };
}

/** Lifecycle's status on the content row; content the app has no row for (never viewed, not inventoried yet) is current. */
function listedIn(rows: ReadonlyMap<string, ContentStatsRow>, id: string): boolean {
  const row = rows.get(id);
  return !row || isListed(row);
}
