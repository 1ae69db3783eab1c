import type { ReportDayRange, ReportFilters, ReportPage, ReportPreparing, ReportQuery, ReportSummary } from '@contracts/report-query';
import type { ReportAccess } from '../access';
import { groupBySource, groupByType, groupSummary, groupTopContent, groupTopReaders, groupTopSpaces, groupViews, type GroupView } from './rules/group-figures';
import { addDays, dayMs, previousRange } from '../core/model/report-periods';
import { sortRows } from './rules/report-sort';
import { contentStatsOf } from './storage/report-lookups';
import { viewsOfViewers } from './storage/viewer-views';
import type { ContentStatsRow, ViewRecord } from '../core/model/rows';
import { MAX_GROUP_VIEWS, prepareGroupViews, TOO_MANY_VIEWS, type PreparedGroupViews } from './group-preparation';
import { currentSettings } from '../settings/index';
import { answerTable } from './report-table-page';
import { notViewedTable, RANKING_CAP, type TableAnswer } from './report-tables';

/**
 * How long one resolver invocation may read the members and their views. Forge stops a resolver
 * after 25 s (forge-docs-snapshot mirror/limits-invocation/index.md, "Runtime seconds"); past the
 * budget the preparation stops where it is and the next call (or the scheduled run) continues it
 * (group-preparation.ts). Tests shrink it.
 */
export const GROUP_REPORT_BUDGET = { ms: 15_000 };

/** `unavailable`: the reading ran out of its time budget (retrying may help); otherwise the input cannot be answered. */
export type GroupAnswer<T> = { ok: true; value: T } | { ok: false; message: string; code?: 'unavailable' };

const OUT_OF_TIME = 'The group\u2019s views take longer to read than one request allows: narrow the range or choose a smaller group. No partial figure is shown.';
const unreadable = (reason: 'too-many-views' | 'out-of-time'): GroupAnswer<never> => (reason === 'out-of-time' ? { ok: false, message: OUT_OF_TIME, code: 'unavailable' } : { ok: false, message: TOO_MANY_VIEWS });
const retained = (days: number) => `Individual views are kept ${days} days (retention setting): with a group filter, figures before that are missing.`;
const asOfNote = (asOf: number) => `Prepared over several calls: the figures count the views recorded up to ${new Date(asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC.`;

/** The members' views between two days (both included), read at once (tests and the bench; the resolvers prepare them). */
async function viewsOf(accountIds: readonly string[], from: string, to: string, deadline: number): Promise<GroupAnswer<ViewRecord[]>> {
  const read = await viewsOfViewers(accountIds, dayMs(from), dayMs(addDays(to, 1)), MAX_GROUP_VIEWS, deadline);
  return read.ok ? { ok: true, value: read.views } : unreadable(read.reason);
}

/** The report's views among the records, filtered as the report's filters say, with the content's current rows. */
async function figuresOf(records: readonly ViewRecord[], accountIds: readonly string[], filters: ReportFilters): Promise<{ views: GroupView[]; stats: Map<string, ContentStatsRow> }> {
  const stats = await contentStatsOf([...new Set(records.map((view) => view.contentId))]);
  return { views: groupViews(records, new Set(accountIds), stats, filters), stats };
}

async function retentionNotes(from: string, today: string): Promise<string[]> {
  const days = (await currentSettings()).privacy.retentionDays;
  return days !== null && from < addDays(today, -days) ? [retained(days)] : [];
}

/** Tiles and chart from the members' views of the range and the period before it. */
async function summaryOf(records: readonly ViewRecord[], range: ReportDayRange, filters: ReportFilters, today: string, accountIds: readonly string[]): Promise<ReportSummary> {
  const { views } = await figuresOf(records, accountIds, filters);
  return { ...groupSummary(views, range), notes: await retentionNotes(previousRange(range).from, today) };
}

/** Tiles and chart under a group filter, exact: the members' views of the range and the period before it. */
export async function groupReportSummary(range: ReportDayRange, filters: ReportFilters, today: string, accountIds: readonly string[], deadline = Infinity): Promise<GroupAnswer<ReportSummary>> {
  const records = await viewsOf(accountIds, previousRange(range).from, range.to, deadline);
  return records.ok ? { ok: true, value: await summaryOf(records.value, range, filters, today, accountIds) } : records;
}

/** One table page under a group filter, read at once: sorted by any column, paged by offset, rankings capped as elsewhere. */
export async function groupReportTable(query: ReportQuery, today: string, accountIds: readonly string[], deadline = Infinity): Promise<GroupAnswer<TableAnswer>> {
  const records = await viewsOf(accountIds, query.range.from, query.range.to, deadline);
  return records.ok ? { ok: true, value: await tableOf(records.value, query, today, accountIds) } : records;
}

/** One table page from the members' views (records outside the range are left out). */
async function tableOf(records: readonly ViewRecord[], query: ReportQuery, today: string, accountIds: readonly string[]): Promise<TableAnswer> {
  const { range } = query;
  const fromMs = dayMs(range.from);
  const toMs = dayMs(addDays(range.to, 1));
  const inRange = records.filter((record) => record.at >= fromMs && record.at < toMs);
  if (query.table === 'not-viewed') return groupNotViewed(inRange, query, today, accountIds);
  const views = await figuresOf(inRange, accountIds, query.filters);
  const offset = Number(query.cursor ?? 0);
  const notes = await retentionNotes(range.from, today);
  const page = <R>(rows: R[]) => {
    const sorted = sortRows(rows.slice(0, RANKING_CAP), query.sort);
    const next = offset + query.pageSize < sorted.length ? String(offset + query.pageSize) : null;
    return { rows: sorted.slice(offset, offset + query.pageSize), total: sorted.length, nextCursor: next, notes };
  };
  switch (query.table) {
    case 'top-content': { const p = page(groupTopContent(views.views, range, views.stats)); return answer({ table: 'top-content', rows: p.rows }, p); }
    case 'top-spaces': { const p = page(groupTopSpaces(views.views, range)); return answer({ table: 'top-spaces', rows: p.rows }, p); }
    case 'top-readers': { const p = page(groupTopReaders(views.views, range)); return answer({ table: 'top-readers', rows: p.rows }, p); }
    case 'by-source': { const p = page(groupBySource(views.views, range)); return answer({ table: 'by-source', rows: p.rows }, p); }
    case 'by-type': { const p = page(groupByType(views.views, range)); return answer({ table: 'by-type', rows: p.rows }, p); }
  }
}

/**
 * Not viewed by the group: the inventory in last-view order, minus every content any member viewed
 * in the range (whatever the source; the space and type filters choose the listed content, as
 * without a group).
 */
async function groupNotViewed(inRange: readonly ViewRecord[], query: ReportQuery, today: string, accountIds: readonly string[]): Promise<TableAnswer> {
  const members = new Set(accountIds);
  const viewed = new Set(inRange.filter((view) => members.has(view.viewer)).map((view) => view.contentId));
  const table = await notViewedTable(query, viewed);
  return { ...table, notes: [...table.notes, ...await retentionNotes(query.range.from, today)] };
}

function answer(result: TableAnswer['result'], paged: { total: number; nextCursor: string | null; notes: string[] }): TableAnswer {
  return { result, total: paged.total, nextCursor: paged.nextCursor, notes: paged.notes };
}

/**
 * The members' views the tiles and every table of one report need: the range and the period before
 * it, one preparation for all of them (the filters are applied on each answer, so changing them
 * reuses it). Continued by each call until ready.
 */
async function prepared(range: ReportDayRange, groupId: string): Promise<GroupAnswer<PreparedGroupViews | ReportPreparing>> {
  const answer = await prepareGroupViews(groupId, previousRange(range).from, range.to, Date.now() + GROUP_REPORT_BUDGET.ms);
  if (answer.state === 'failed') return { ok: false, message: answer.message };
  return { ok: true, value: answer.state === 'ready' ? answer : answer.preparing };
}

/** The resolvers' entry: the group's members from Confluence, then the exact figures from their views, or the progress of their preparation. */
export async function groupFilteredSummary(range: ReportDayRange, filters: ReportFilters & { groupId: string }, today: string): Promise<GroupAnswer<(ReportSummary & { asOf?: number }) | ReportPreparing>> {
  const views = await prepared(range, filters.groupId);
  if (!views.ok || 'status' in views.value) return views as GroupAnswer<ReportPreparing>;
  const { records, members, asOf } = views.value;
  const summary = await summaryOf(records, range, filters, today, members);
  return { ok: true, value: asOf === null ? summary : { ...summary, asOf, notes: [...(summary.notes ?? []), asOfNote(asOf)] } };
}

export async function groupFilteredTable(query: ReportQuery & { filters: { groupId: string } }, access: ReportAccess, today: string): Promise<GroupAnswer<ReportPage | ReportPreparing>> {
  const views = await prepared(query.range, query.filters.groupId);
  if (!views.ok || 'status' in views.value) return views as GroupAnswer<ReportPreparing>;
  const { records, members, asOf } = views.value;
  const page = await answerTable(query, access, today, async (asked, day) => tableOf(records, asked, day, members));
  return { ok: true, value: asOf === null ? page : { ...page, notes: [...page.notes, asOfNote(asOf)] } };
}
