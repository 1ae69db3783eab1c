/**
 * Who viewed one page: people whose latest view lies in the range, latest first, with names and
 * pictures from Confluence. Only for callers whose people view allows names; everyone else gets a
 * refusal that carries no account id, name or picture.
 */
import { getContentStats } from '../core/storage/content-stats';
import { HIDDEN_CONTENT_MESSAGE, isHidden } from '../core/model/content-status';
import type { Envelope } from '@contracts/envelope';
import type { PageViewer, PageViewers } from '@contracts/page-statistics';
import type { DateRange } from '@contracts/report-range';
import type { PageAccess } from '../access';
import { dayOf, dayStart, resolveRange } from '../core/date-range';
import type { ViewerContentRow } from '../core/model/rows';
import { ANONYMOUS_VIEWER } from '../core/model/view';
import { viewerRowsOf, viewersOfContent } from './storage/content-viewers';
import { accountsNamed, peopleOf } from '../platform/people-directory';

const DAY_MS = 86_400_000;
const NAME_MATCHES = 50;

export const HIDDEN_MESSAGES = {
  'extended-privacy': 'Extended privacy is on: Viewtracker stores no account IDs, so there are no names to show.',
  'hide-viewers': 'Hide viewers is on: names are shown only to the group your administrator chose to see them (with no group chosen, to nobody).',
  audience: 'Your administrator shows the list of viewers to space admins and the report group only.',
  'sign-in': 'Sign in to see who viewed this page.',
} as const;

export interface ViewerQuery {
  range: DateRange;
  query?: string;
  cursor?: string;
  limit: number;
}

/** Rows that are people: not the shared anonymous identity, not extended-privacy pseudonyms (`p-…`). */
function isPerson(row: ViewerContentRow): boolean {
  return row.viewer !== ANONYMOUS_VIEWER && !row.viewer.startsWith('p-');
}

export async function pageViewers(access: PageAccess, request: ViewerQuery, now: number): Promise<Envelope<PageViewers>> {
  if (!access.people.names) return { ok: false, error: { code: 'forbidden', message: HIDDEN_MESSAGES[access.people.reason] } };
  const today = dayOf(now);
  const resolved = resolveRange(request.range, today, null);
  if (!resolved.ok) return { ok: false, error: { code: 'invalid-input', message: resolved.message, fieldErrors: { range: resolved.message } } };
  // All time: every latest view up to now.
  const all = request.range.kind === 'preset' && request.range.preset === 'all';
  const fromMs = all ? 0 : dayStart(resolved.range.from) ?? 0;
  const toMs = (dayStart(resolved.range.to) ?? 0) + DAY_MS - 1;
  const contentId = access.content.id;
  const stats = await getContentStats(contentId);
  if (stats && isHidden(stats)) return { ok: false, error: { code: 'not-found', message: HIDDEN_CONTENT_MESSAGE } };

  let rows: ViewerContentRow[];
  let nextCursor: string | null = null;
  if (request.query) {
    const named = await accountsNamed(request.query, NAME_MATCHES);
    rows = (await viewerRowsOf(contentId, named)).filter((row) => row.lastAt >= fromMs && row.lastAt <= toMs).sort((a, b) => b.lastAt - a.lastAt);
  } else {
    const page = await viewersOfContent(contentId, fromMs, toMs, request.limit, request.cursor ?? null);
    rows = page.rows;
    nextCursor = page.nextCursor;
  }
  const people = rows.filter(isPerson);
  const names = await peopleOf(people.map((row) => row.viewer));
  const viewers: PageViewer[] = people.map((row) => {
    const person = names.get(row.viewer);
    return {
      accountId: row.viewer, displayName: person?.displayName ?? 'Former user', avatarPath: person?.avatarPath ?? null, former: person?.former ?? true,
      views: row.views, firstViewedAt: row.firstAt, lastViewedAt: row.lastAt,
    };
  });
  return { ok: true, data: { rows: viewers, nextCursor } };
}
