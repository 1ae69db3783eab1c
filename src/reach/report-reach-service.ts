/**
 * Reach in the reports (issue 20): inactive readers (members of a group, or licensed users, with no
 * counted view in the range, and their last view ever) and the reach of a space (the share of an
 * audience who read anything in it in the range). Only for callers the report shows names to.
 */
import type { Envelope } from '@contracts/envelope';
import type { InactiveReader, InactiveReaders, SpaceReach } from '@contracts/reach';
import type { ResolvedRange } from '@contracts/report-range';
import type { Settings } from '@contracts/settings';
import { dayStart } from '../core/date-range';
import { loadAudience, type AudienceSpec } from './audience';
import { activeMembers, excludedCounts } from './rules/audience-members';
import { inactiveReaders, sortInactive, spaceReach, type InactiveSort } from './rules/inactive-readers';
import { incompleteBecauseOfRetention } from './rules/reach-completeness';
import { listPage } from './rules/reach-list';
import { lastViewDays, membersViewedInRange, spaceViewers } from './storage/reach-reads';

const DAY_MS = 86_400_000;
/** A space's raw views read for its reach: beyond this, a shorter range is asked for. */
export const MAX_SPACE_VIEWS = 50_000;

export interface InactiveRequest {
  spec: AudienceSpec;
  label: string;
  range: ResolvedRange;
  query?: string;
  sort: InactiveSort;
  cursor?: string;
  limit: number;
}

function excludedNote(excluded: { inactive: number; closed: number; app: number }): string[] {
  const left = excluded.inactive + excluded.closed + excluded.app;
  return left > 0 ? [`Left out of the audience: ${excluded.inactive} inactive, ${excluded.closed} closed and ${excluded.app} app accounts, as Confluence reports them.`] : [];
}

export async function inactiveReadersAnswer(request: InactiveRequest, settings: Settings, now: number): Promise<Envelope<InactiveReaders>> {
  const audience = await loadAudience(request.spec, now);
  if (audience.state === 'failed') return { ok: false, error: { code: 'invalid-input', message: audience.message, fieldErrors: { audience: audience.message } } };
  if (audience.state === 'preparing') return { ok: true, data: audience };
  const ids = activeMembers(audience.members).map((member) => member.accountId);
  // Each member's counted views of the range from the month rows (days inside), by key or by month, whichever reads less.
  const viewed = await membersViewedInRange(ids, { from: request.range.from, to: request.range.to });
  const { inactive, audience: size } = inactiveReaders(audience.members, viewed);
  const named = request.query?.trim() ? inactive.filter((member) => member.displayName.toLocaleLowerCase('en').includes(request.query!.trim().toLocaleLowerCase('en'))) : inactive;
  // The last view ever is read for everyone listed when the list is sorted by it, else for the page shown.
  const byLastView = request.sort.column === 'lastViewedDay';
  const base: InactiveReader[] = named.map((member) => ({ accountId: member.accountId, displayName: member.displayName, lastViewedDay: null }));
  const known = byLastView ? await lastViewDays(base.map((row) => row.accountId), now) : new Map<string, string>();
  const sorted = sortInactive(base.map((row) => ({ ...row, lastViewedDay: known.get(row.accountId) ?? null })), request.sort);
  const page = listPage(sorted, undefined, request.cursor, request.limit);
  const shown = byLastView ? page.rows : await (async () => {
    const days = await lastViewDays(page.rows.map((row) => row.accountId), now);
    return page.rows.map((row) => ({ ...row, lastViewedDay: days.get(row.accountId) ?? null }));
  })();
  const fromMs = dayStart(request.range.from) ?? 0;
  const excluded = excludedCounts(audience.members);
  return {
    ok: true,
    data: {
      state: 'ready', audienceLabel: request.label, range: request.range, audience: size, inactive: inactive.length, excluded,
      rows: shown, total: page.total, nextCursor: page.nextCursor,
      incomplete: incompleteBecauseOfRetention(fromMs, settings.privacy.retentionDays, now),
      notes: [...audience.notes, ...excludedNote(excluded)],
    },
  };
}

export async function spaceReachAnswer(spec: AudienceSpec, label: string, space: { key: string; name: string }, range: ResolvedRange, settings: Settings, now: number): Promise<Envelope<SpaceReach>> {
  const audience = await loadAudience(spec, now);
  if (audience.state === 'failed') return { ok: false, error: { code: 'invalid-input', message: audience.message, fieldErrors: { audience: audience.message } } };
  if (audience.state === 'preparing') return { ok: true, data: audience };
  const fromMs = dayStart(range.from) ?? 0;
  const viewers = await spaceViewers(space.key, fromMs, (dayStart(range.to) ?? 0) + DAY_MS, MAX_SPACE_VIEWS);
  if (!viewers) {
    const message = `The space was viewed more than ${MAX_SPACE_VIEWS.toLocaleString('en')} times in this range: choose a shorter range.`;
    return { ok: false, error: { code: 'invalid-input', message, fieldErrors: { range: message } } };
  }
  const figures = spaceReach(audience.members, viewers);
  return {
    ok: true,
    data: {
      state: 'ready', audienceLabel: label, space, range, ...figures,
      incomplete: incompleteBecauseOfRetention(fromMs, settings.privacy.retentionDays, now),
      notes: [...audience.notes, ...excludedNote(figures.excluded)],
    },
  };
}
