/**
 * A page's reach for a caller the access module let in (issue 20): the audience from Confluence, the
 * page's stored reader rows (`viewer-content`: the page's whole reader list when shorter than the
 * audience, else the members' rows by key) and, for a range that ends before today, its raw view
 * records; then the pure rules. People are shown only where the caller's people view allows names.
 */
import type { Envelope } from '@contracts/envelope';
import type { DateRange } from '@contracts/report-range';
import type { PageReach, ReachAudience } from '@contracts/reach';
import type { Settings } from '@contracts/settings';
import type { PageAccess, PeopleView } from '../access';
import { dayOf, dayStart, resolveRange } from '../core/date-range';
import { getContentStats } from '../core/storage/content-stats';
import { HIDDEN_CONTENT_MESSAGE, isHidden } from '../core/model/content-status';
import type { ViewerContentRow } from '../core/model/rows';
import { HIDDEN_MESSAGES, rangeViewers, viewerRowsOf, viewersOfContent } from '../page-statistics/index';
import { loadAudience, type AudienceSpec } from './audience';
import { activeMembers } from './rules/audience-members';
import { pageReach, reachOverTime } from './rules/page-reach';
import { incompleteBecauseOfRetention, rowReadPlan } from './rules/reach-completeness';
import { listPage } from './rules/reach-list';
import { forEachQueryPage } from '../core/storage/query-pages';

const DAY_MS = 86_400_000;
/** A past range's raw views read to tell who read in it: 20,000 records ≈ 200 queries. */
export const MAX_PAST_RANGE_VIEWS = 20_000;

export const REACH_HIDDEN: Record<Exclude<PeopleView, { names: true }>['reason'], string> = {
  ...HIDDEN_MESSAGES,
  'extended-privacy': 'Extended privacy is on: Viewtracker stores no account IDs, so it cannot know who of an audience has read a page.',
};

export interface PageReachRequest {
  audience: ReachAudience;
  range: DateRange;
  list: 'read' | 'not-read';
  query?: string;
  cursor?: string;
  limit: number;
}

export function audienceSpecOf(audience: ReachAudience, spaceKey: string): AudienceSpec {
  return audience.kind === 'space-members' ? { kind: 'space-members', spaceKey } : audience;
}

export function audienceLabel(audience: ReachAudience | { kind: 'space-members' }, groupName: string | null): string {
  if (audience.kind === 'group') return groupName ? `Group ${groupName}` : 'The group';
  return audience.kind === 'space-members' ? 'Members of the space' : 'All licensed users';
}

async function pageRows(contentId: string, pageViewers: number, memberIds: string[]): Promise<ViewerContentRow[]> {
  if (rowReadPlan(pageViewers, memberIds.length) === 'member-keys') return viewerRowsOf(contentId, memberIds);
  const rows: ViewerContentRow[] = [];
  await forEachQueryPage((cursor) => viewersOfContent(contentId, 0, Number.MAX_SAFE_INTEGER, 100, cursor ?? null), (page) => { rows.push(...page.rows); });
  return rows;
}

export async function pageReachAnswer(access: PageAccess, settings: Settings, request: PageReachRequest, now: number, groupName: string | null = null): Promise<Envelope<PageReach>> {
  if (!access.people.names) return { ok: false, error: { code: 'forbidden', message: REACH_HIDDEN[access.people.reason] } };
  const contentId = access.content.id;
  const stats = await getContentStats(contentId);
  if (stats && isHidden(stats)) return { ok: false, error: { code: 'not-found', message: HIDDEN_CONTENT_MESSAGE } };
  const today = dayOf(now);
  const published = stats?.createdAt ? dayOf(stats.createdAt) : null;
  const resolved = resolveRange(request.range, today, published ?? today);
  if (!resolved.ok) return { ok: false, error: { code: 'invalid-input', message: resolved.message, fieldErrors: { range: resolved.message } } };
  const range = resolved.range;
  const all = request.range.kind === 'preset' && request.range.preset === 'all';
  const fromMs = all ? 0 : dayStart(range.from) ?? 0;
  const toMs = (dayStart(range.to) ?? 0) + DAY_MS;

  const audience = await loadAudience(audienceSpecOf(request.audience, access.content.space.key), now);
  if (audience.state === 'failed') return { ok: false, error: { code: 'invalid-input', message: audience.message, fieldErrors: { audience: audience.message } } };
  if (audience.state === 'preparing') return { ok: true, data: audience };

  const memberIds = activeMembers(audience.members).map((member) => member.accountId);
  const rows = await pageRows(contentId, stats?.viewers ?? 0, memberIds);
  let viewersInWindow: Set<string> | null = null;
  if (range.to < today) {
    const records = await rangeViewers(contentId, fromMs, toMs, MAX_PAST_RANGE_VIEWS);
    if (!records) {
      const message = `The page was viewed more than ${MAX_PAST_RANGE_VIEWS.toLocaleString('en')} times in this range: choose a shorter range, or one that ends today.`;
      return { ok: false, error: { code: 'invalid-input', message, fieldErrors: { range: message } } };
    }
    viewersInWindow = new Set(records.viewers);
  }
  const result = pageReach({ members: audience.members, rows, window: { fromMs, toMs }, viewersInWindow, lastModifiedAt: stats?.lastModifiedAt ?? null });
  const firstView = rows.reduce((min, row) => Math.min(min, row.firstAt), Number.POSITIVE_INFINITY);
  const startDay = published ?? (Number.isFinite(firstView) ? dayOf(firstView) : range.from);
  const chartFrom = dayStart(startDay) ?? fromMs;
  const incomplete = incompleteBecauseOfRetention(fromMs, settings.privacy.retentionDays, now);
  const notes = [...audience.notes];
  const { excluded } = result.figures;
  const left = excluded.inactive + excluded.closed + excluded.app;
  if (left > 0) notes.push(`Left out of the audience: ${excluded.inactive} inactive, ${excluded.closed} closed and ${excluded.app} app accounts, as Confluence reports them.`);
  const chartNote = incompleteBecauseOfRetention(chartFrom, settings.privacy.retentionDays, now);
  if (chartNote && !incomplete) notes.push(`Reach over time: ${chartNote}`);
  const list = listPage(request.list === 'read' ? result.read : result.notRead, request.query, request.cursor, request.limit);
  return {
    ok: true,
    data: {
      state: 'ready', audienceLabel: audienceLabel(request.audience, groupName), range, figures: result.figures,
      overTime: reachOverTime(audience.members, rows, startDay < range.to ? startDay : range.to, range.to),
      list: { kind: request.list, ...list }, incomplete, notes,
    },
  };
}
