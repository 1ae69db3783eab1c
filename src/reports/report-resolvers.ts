import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { ReportSummaryAnswer } from '@contracts/resolvers';
import type { ReportFilters, ReportPage, ReportPreparing } from '@contracts/report-query';
import { REPORT_TABLES } from '@contracts/report-query';
import { SOURCES } from '@contracts/settings';
import { dateRangeSchema, resolveRange, dayOf, previousPeriod } from '../core/date-range';
import { CONTENT_SET_MAX_KEYS, contentSetKeys } from './content-set';
import { parseWith } from '../core/parse';
import type { ReportAccess } from '../access';
import { scoped } from './report-scope';
import { currentSettings } from '../settings/index';
import { reportSummary } from './report-summary';
import { answerTable } from './report-table-page';
import { namesOfSpaces } from '../platform/space-names';
import { mayFilterByGroup } from '../access/rules/access-policy';
import { groupFilteredSummary, groupFilteredTable } from './group-report';
import { firstStoredDay } from './storage/report-rollups';
import { fail, ok } from '../platform/resolver/envelope';

const key = z.string().regex(/^~?[A-Za-z0-9_]{1,255}$/);
const filters = z.object({
  spaceKeys: z.array(key).max(20).optional(),
  contentTypes: z.array(z.enum(['page', 'blogpost', 'attachment'])).max(3).optional(),
  sources: z.array(z.enum(SOURCES)).max(SOURCES.length).optional(),
  audience: z.enum(['all', 'signed-in', 'anonymous']).optional(),
  contentIds: z.array(z.string().regex(/^\d{1,20}$/)).max(1000).optional(),
  groupId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional(),
}).strict();
const summaryPayload = z.object({ scope: z.enum(['global', 'space']), range: dateRangeSchema, filters }).strict();
const tablePayload = summaryPayload.extend({
  table: z.enum(REPORT_TABLES),
  sort: z.object({ column: z.string().regex(/^[a-zA-Z]{1,30}$/), direction: z.enum(['asc', 'desc']) }).strict(),
  pageSize: z.number().int().min(1).max(500),
  cursor: z.string().regex(/^\d{1,6}$|^[A-Za-z0-9+/=_-]{1,2000}$/).optional(),
}).strict();

/** A space report reads its own space only, whatever the browser's filters say. */
function scopedFilters(value: z.infer<typeof filters>, spaceKey: string | null): ReportFilters {
  return spaceKey ? { ...value, spaceKeys: [spaceKey] } : value;
}

/**
 * The tables that apply a content set filter (`contentIds`); the others refuse it rather than answer
 * figures the filter did not narrow: top readers (the rows that give readers per content are the
 * view records, which retention deletes) and not viewed (the inventory's list of the site or a space).
 */
const CONTENT_SET_TABLES = new Set(['top-content', 'top-spaces', 'by-source', 'by-type']);
const CONTENT_SET_REFUSED = 'This table cannot be narrowed to chosen content: top content, top spaces, by source and by type can.';
const CONTENT_SET_TOO_LARGE = `Chosen content × months of the range (and the period before it) may be at most ${CONTENT_SET_MAX_KEYS}: choose less content or a shorter range.`;

/** What both report resolvers start with: the caller's access to the scope, today, and the range resolved to days. */
type Opened = { at: { access: ReportAccess; spaceKey: string | null }; today: string; range: { from: string; to: string } };

async function openReport(value: z.infer<typeof summaryPayload>, context: unknown): Promise<Opened | Envelope<never>> {
  const at = await scoped(value.scope, context);
  if (!('access' in at)) return fail(at.code, at.message);
  const grouped = value.filters.groupId ? mayFilterByGroup(at.access.people) : { allowed: true as const };
  if (!grouped.allowed) return fail('forbidden', grouped.message, { 'filters.groupId': grouped.message });
  const today = dayOf(Date.now());
  // "All time" starts at the first stored view of the report's scope (the space of a space report).
  const allTime = value.range.kind === 'preset' && value.range.preset === 'all';
  const earliest = allTime ? await firstStoredDay(at.spaceKey ?? 'site') : null;
  const range = resolveRange(value.range, today, earliest);
  if (!range.ok) return fail('invalid-input', range.message, { range: range.message });
  if (value.filters.contentIds?.length && contentSetKeys(value.filters, [range.range, previousPeriod(range.range)]) > CONTENT_SET_MAX_KEYS) {
    return fail('invalid-input', CONTENT_SET_TOO_LARGE, { 'filters.contentIds': CONTENT_SET_TOO_LARGE });
  }
  return { at, today, range: { from: range.range.from, to: range.range.to } };
}

export async function getReportSummaryResolver(payload: unknown, context: unknown): Promise<Envelope<ReportSummaryAnswer | ReportPreparing>> {
  const parsed = parseWith(summaryPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const opened = await openReport(parsed.value, context);
  if ('ok' in opened) return opened;
  const { at, today, range } = opened;
  const filters = scopedFilters(parsed.value.filters, at.spaceKey);
  const { groupId } = filters;
  const group = groupId ? await groupFilteredSummary(range, { ...filters, groupId }, today) : null;
  if (group && !group.ok) return group.code ? fail(group.code, group.message) : fail('invalid-input', group.message, { 'filters.groupId': group.message });
  // The members' views are still being read: progress only, never a figure.
  if (group && 'status' in group.value) return ok(group.value);
  const summary = group ? group.value : await reportSummary(range, filters, today);
  const space = at.spaceKey ? { key: at.spaceKey, name: (await namesOfSpaces([at.spaceKey])).get(at.spaceKey) ?? at.spaceKey } : null;
  const people = at.access.people.names ? { names: true as const } : { names: false as const, reason: at.access.people.reason };
  // Extended privacy stores a new pseudonym per person and day: viewer figures count person-days.
  const perDay = (await currentSettings()).privacy.mode === 'extended';
  return ok({ ...summary, space, people, today, ...(perDay ? { viewersCounted: 'person-days' as const } : {}) });
}

export async function getReportTableResolver(payload: unknown, context: unknown): Promise<Envelope<ReportPage | ReportPreparing>> {
  const parsed = parseWith(tablePayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const opened = await openReport(parsed.value, context);
  if ('ok' in opened) return opened;
  const { at, today, range } = opened;
  const { table, sort, pageSize, cursor } = parsed.value;
  if (parsed.value.filters.contentIds?.length && !CONTENT_SET_TABLES.has(table)) {
    return fail('invalid-input', CONTENT_SET_REFUSED, { 'filters.contentIds': CONTENT_SET_REFUSED });
  }
  const query = { range, filters: scopedFilters(parsed.value.filters, at.spaceKey), table, sort, pageSize, ...(cursor ? { cursor } : {}) };
  const { groupId } = query.filters;
  if (!groupId) return ok(await answerTable(query, at.access, today));
  const group = await groupFilteredTable({ ...query, filters: { ...query.filters, groupId } }, at.access, today);
  if (!group.ok) return group.code ? fail(group.code, group.message) : fail('invalid-input', group.message, { 'filters.groupId': group.message });
  return ok(group.value);
}
