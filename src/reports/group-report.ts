import type { ReportDayRange, ReportFilters, ReportPage, ReportQuery, ReportSummary } from '@contracts/report-query';
import type { ReportAccess } from '../access';
import { groupBySource, groupByType, groupSummary, groupTopContent, groupTopReaders, groupTopSpaces, groupViews, type GroupView } from './rules/group-figures';
import { addDays, dayMs, previousRange } from '../core/model/report-periods';
import { sortRows } from './rules/report-sort';
import { fetchGroupMembers } from '../platform/confluence/group-members';
import { contentStatsOf } from './storage/report-lookups';
import { viewsOfViewers } from './storage/viewer-views';
import type { ContentStatsRow } from '../core/model/rows';
import { MemoryCache } from '../platform/memory-cache';
import { currentSettings } from '../settings/index';
import { answerTable } from './report-table-page';
import { notViewedTable, RANKING_CAP, type TableAnswer } from './report-tables';

/** A group filter reads its members' raw views: at most this many members and views, or a clear answer instead. */
export const MAX_GROUP_MEMBERS = 2_000;
export const MAX_GROUP_VIEWS = 50_000;

/**
 * How long one resolver invocation may read the members and their views. Forge stops a resolver
 * after 25 s (forge-docs-snapshot mirror/limits-invocation/index.md, "Runtime seconds"); past the
 * budget the answer says so instead of being cut off mid-read. Tests shrink it.
 */
export const GROUP_REPORT_BUDGET = { ms: 15_000 };

/** `unavailable`: the reading ran out of its time budget (retrying may help); otherwise the input cannot be answered. */
export type GroupAnswer<T> = { ok: true; value: T } | { ok: false; message: string; code?: 'unavailable' };

const TOO_MANY_MEMBERS = `Groups of more than ${MAX_GROUP_MEMBERS.toLocaleString('en')} members cannot filter a report: choose a smaller group.`;
const NO_GROUP = 'Confluence knows no such group.';
const TOO_MANY_VIEWS = `The group's members viewed more than ${MAX_GROUP_VIEWS.toLocaleString('en')} times in this range: too many views for a group filter; narrow the range.`;
const OUT_OF_TIME = 'The group\u2019s views take longer to read than one request allows: narrow the range or choose a smaller group. No partial figure is shown.';
const unreadable = (reason: 'too-many-views' | 'out-of-time'): GroupAnswer<never> => (reason === 'out-of-time' ? { ok: false, message: OUT_OF_TIME, code: 'unavailable' } : { ok: false, message: TOO_MANY_VIEWS });
const retained = (days: number) => `Individual views are kept ${days} days (retention setting): with a group filter, figures before that are missing.`;

/** Members change rarely and a report asks summary and tables in a row: cached briefly per function instance. */
const members = new MemoryCache<GroupAnswer<string[]>>(5 * 60_000, 200);

export async function membersOfGroup(groupId: string): Promise<GroupAnswer<string[]>> {
  const hit = members.get(groupId);
  if (hit) return hit;
  const found = await fetchGroupMembers(groupId, MAX_GROUP_MEMBERS);
  const answer: GroupAnswer<string[]> = found.ok ? { ok: true, value: found.accountIds } : { ok: false, message: found.reason === 'not-found' ? NO_GROUP : TOO_MANY_MEMBERS };
  members.set(groupId, answer);
  return answer;
}

/** The members' views between two days (both included), filtered as the report's filters say. */
async function viewsOf(accountIds: readonly string[], from: string, to: string, filters: ReportFilters, deadline: number): Promise<GroupAnswer<{ views: GroupView[]; stats: Map<string, ContentStatsRow> }>> {
  const read = await viewsOfViewers(accountIds, dayMs(from), dayMs(addDays(to, 1)), MAX_GROUP_VIEWS, deadline);
  if (!read.ok) return unreadable(read.reason);
  const stats = await contentStatsOf([...new Set(read.views.map((view) => view.contentId))]);
  return { ok: true, value: { views: groupViews(read.views, new Set(accountIds), stats, filters), stats } };
}

async function retentionNotes(from: string, today: string): Promise<string[]> {
  const days = (await currentSettings()).privacy.retentionDays;
  return days !== null && from < addDays(today, -days) ? [retained(days)] : [];
}

/** Tiles and chart under a group filter, exact: the members' views of the range and the period before it. */
export async function groupReportSummary(range: ReportDayRange, filters: ReportFilters, today: string, accountIds: readonly string[], deadline = Infinity): Promise<GroupAnswer<ReportSummary>> {
  const previous = previousRange(range);
  const views = await viewsOf(accountIds, previous.from, range.to, filters, deadline);
  if (!views.ok) return views;
  return { ok: true, value: { ...groupSummary(views.value.views, range), notes: await retentionNotes(previous.from, today) } };
}

/** One table page under a group filter: sorted by any column, paged by offset, rankings capped as elsewhere. */
export async function groupReportTable(query: ReportQuery, today: string, accountIds: readonly string[], deadline = Infinity): Promise<GroupAnswer<TableAnswer>> {
  if (query.table === 'not-viewed') return groupNotViewed(query, today, accountIds, deadline);
  const views = await viewsOf(accountIds, query.range.from, query.range.to, query.filters, deadline);
  if (!views.ok) return views;
  const offset = Number(query.cursor ?? 0);
  const notes = await retentionNotes(query.range.from, today);
  const page = <R>(rows: R[]) => {
    const sorted = sortRows(rows.slice(0, RANKING_CAP), query.sort);
    const next = offset + query.pageSize < sorted.length ? String(offset + query.pageSize) : null;
    return { rows: sorted.slice(offset, offset + query.pageSize), total: sorted.length, nextCursor: next, notes };
  };
  const { range } = query;
  switch (query.table) {
    case 'top-content': { const p = page(groupTopContent(views.value.views, range, views.value.stats)); return ok({ table: 'top-content', rows: p.rows }, p); }
    case 'top-spaces': { const p = page(groupTopSpaces(views.value.views, range)); return ok({ table: 'top-spaces', rows: p.rows }, p); }
    case 'top-readers': { const p = page(groupTopReaders(views.value.views, range)); return ok({ table: 'top-readers', rows: p.rows }, p); }
    case 'by-source': { const p = page(groupBySource(views.value.views, range)); return ok({ table: 'by-source', rows: p.rows }, p); }
    case 'by-type': { const p = page(groupByType(views.value.views, range)); return ok({ table: 'by-type', rows: p.rows }, p); }
  }
}

/**
 * Not viewed by the group: the inventory in last-view order, minus every content any member viewed
 * in the range (whatever the source; the space and type filters choose the listed content, as
 * without a group). Reads the members' views of the range, under the same bound as the other tables.
 */
async function groupNotViewed(query: ReportQuery, today: string, accountIds: readonly string[], deadline: number): Promise<GroupAnswer<TableAnswer>> {
  const read = await viewsOfViewers(accountIds, dayMs(query.range.from), dayMs(addDays(query.range.to, 1)), MAX_GROUP_VIEWS, deadline);
  if (!read.ok) return unreadable(read.reason);
  const members = new Set(accountIds);
  const viewed = new Set(read.views.filter((view) => members.has(view.viewer)).map((view) => view.contentId));
  const answer = await notViewedTable(query, viewed);
  return { ok: true, value: { ...answer, notes: [...answer.notes, ...await retentionNotes(query.range.from, today)] } };
}

function ok(result: TableAnswer['result'], paged: { total: number; nextCursor: string | null; notes: string[] }): GroupAnswer<TableAnswer> {
  return { ok: true, value: { result, total: paged.total, nextCursor: paged.nextCursor, notes: paged.notes } };
}

/** The resolvers' entry: the group's members from Confluence, then the exact figures from their views. */
export async function groupFilteredSummary(range: ReportDayRange, filters: ReportFilters & { groupId: string }, today: string): Promise<GroupAnswer<ReportSummary>> {
  const deadline = Date.now() + GROUP_REPORT_BUDGET.ms;
  const found = await membersOfGroup(filters.groupId);
  return found.ok ? groupReportSummary(range, filters, today, found.value, deadline) : found;
}

export async function groupFilteredTable(query: ReportQuery & { filters: { groupId: string } }, access: ReportAccess, today: string): Promise<GroupAnswer<ReportPage>> {
  const deadline = Date.now() + GROUP_REPORT_BUDGET.ms;
  const found = await membersOfGroup(query.filters.groupId);
  if (!found.ok) return found;
  let failure: GroupAnswer<never> | null = null;
  const page = await answerTable(query, access, today, async (asked, day) => {
    const answer = await groupReportTable(asked, day, found.value, deadline);
    if (answer.ok) return answer.value;
    failure = answer;
    return { result: { table: 'top-content', rows: [] }, total: 0, nextCursor: null, notes: [] };
  });
  return failure ?? { ok: true, value: page };
}
