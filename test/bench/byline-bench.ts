/**
 * Byline renders as readers cause them: a sample of the synthetic day's page views, each rendering
 * its byline just before its own view event is processed (so a first visit has no evidence yet), as
 * that viewer (anonymous visitors too). Counts KVS units and Confluence calls per render, and says
 * where the calls come from (`byline_calls_by_reason`), so the remaining cost can be aimed at.
 */
import { bylineProperties } from '../../src/page-statistics/byline/byline-properties';
import { groupsInMemory } from '../../src/access/viewer-groups';
import { measured } from './unit-meter';
import type { DayView } from './synthetic-day';

export interface BylineTally {
  renders: number; read: number; write: number; confluence: number; counted: number;
  /** Confluence points of those calls (see local/confluence/points.ts). */
  points: number;
  /** Confluence calls by the situation of the render that made them. */
  callsByReason: Map<string, number>;
  /** When each page's byline was last rendered (bench time), for the reasons. */
  lastRender: Map<string, number>;
}

export function newBylineTally(): BylineTally {
  return { renders: 0, read: 0, write: 0, confluence: 0, counted: 0, points: 0, callsByReason: new Map(), lastRender: new Map() };
}

/** The bench site restricts every `restrictedEvery`-th page (see bench-site.ts). */
export async function renderByline(view: DayView, tally: BylineTally, restrictedEvery = 50): Promise<void> {
  const context = view.accountId ? { principal: { accountId: view.accountId } } : {};
  const reason = renderSituation(view, tally, restrictedEvery);
  const { result, units } = await measured(() => bylineProperties({ extension: { content: { id: view.contentId, type: 'page' } } }, context));
  tally.renders += 1;
  tally.read += units.read;
  tally.write += units.write;
  tally.confluence += units.confluence ?? 0;
  tally.points += units.confluencePoints ?? 0;
  if ((units.confluence ?? 0) > 0) tally.callsByReason.set(reason, (tally.callsByReason.get(reason) ?? 0) + (units.confluence ?? 0));
  tally.lastRender.set(view.contentId, Math.max(view.at, tally.lastRender.get(view.contentId) ?? 0));
  if (/\d/.test(result.title)) tally.counted += 1;
}

function renderSituation(view: DayView, tally: BylineTally, restrictedEvery: number): string {
  if (!view.accountId) return 'anonymous';
  if (restrictedEvery > 0 && (Number(view.contentId) - 100_000) % restrictedEvery === 0) return 'restricted-page';
  if (groupsInMemory(view.accountId) === undefined) return 'caller-groups-unknown';
  const last = tally.lastRender.get(view.contentId);
  if (last === undefined) return 'first-render-of-page';
  return view.at - last >= 30 * 60_000 ? 'page-rendered-over-30-min-ago' : 'page-rendered-within-30-min';
}

export function callsByReason(tally: BylineTally): string {
  return [...tally.callsByReason].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`).join(' ');
}
