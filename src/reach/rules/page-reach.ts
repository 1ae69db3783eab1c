/**
 * A page's reach over an audience (pure): K of N, how many read the current version, who read it and
 * who did not, and reach over time since publication. Inputs are the stored rows as they are:
 * `viewer-content` rows (one per person and page: first and latest counted view, views) and, for a
 * range that ends before today, the viewers of the page's raw view records in the range.
 */
import type { ReachFigures, ReachPerson, ReachPoint } from '@contracts/reach';
import { activeMembers, excludedCounts, type AudienceMember } from './audience-members';

/** What reach needs of a stored `viewer-content` row. */
export interface StoredReader {
  viewer: string;
  firstAt: number;
  lastAt: number;
  views: number;
}

/** The range as times: `fromMs` included, `toMs` excluded (the day after the range's last day, 00:00 UTC). */
export interface ReachWindow {
  fromMs: number;
  toMs: number;
}

export interface PageReachInput {
  members: readonly AudienceMember[];
  /** The page's rows of (at least) every member who viewed it; other rows are ignored. */
  rows: readonly StoredReader[];
  window: ReachWindow;
  /**
   * Who has a counted view record in the window, for a window that ends before the latest view could
   * have happened (a past range); null when the window runs to now, then a row's latest view decides.
   */
  viewersInWindow: ReadonlySet<string> | null;
  lastModifiedAt: number | null;
}

export interface PageReachResult {
  figures: ReachFigures;
  read: ReachPerson[];
  notRead: ReachPerson[];
}

export function pageReach(input: PageReachInput): PageReachResult {
  const rows = new Map(input.rows.map((row) => [row.viewer, row]));
  const active = activeMembers(input.members);
  const read: ReachPerson[] = [];
  const notRead: ReachPerson[] = [];
  let current = 0;
  for (const member of active) {
    const row = rows.get(member.accountId);
    const inWindow = row !== undefined && (input.viewersInWindow
      ? input.viewersInWindow.has(member.accountId)
      : row.lastAt >= input.window.fromMs && row.lastAt < input.window.toMs);
    if (row && inWindow) {
      read.push({ accountId: member.accountId, displayName: member.displayName, firstViewedAt: row.firstAt, lastViewedAt: row.lastAt, views: row.views });
      if (input.lastModifiedAt !== null && row.lastAt >= input.lastModifiedAt) current += 1;
    } else {
      notRead.push({ accountId: member.accountId, displayName: member.displayName, firstViewedAt: null, lastViewedAt: null, views: 0 });
    }
  }
  read.sort((a, b) => (b.lastViewedAt ?? 0) - (a.lastViewedAt ?? 0) || byName(a, b));
  notRead.sort(byName);
  return {
    figures: {
      audience: active.length, readers: read.length,
      readCurrentVersion: input.lastModifiedAt === null ? null : current,
      lastModifiedAt: input.lastModifiedAt,
      excluded: excludedCounts(input.members),
    },
    read, notRead,
  };
}

function byName(a: { displayName: string; accountId: string }, b: { displayName: string; accountId: string }): number {
  return a.displayName.localeCompare(b.displayName, 'en') || a.accountId.localeCompare(b.accountId);
}

const DAY_MS = 86_400_000;
/** Past this many days the curve has one point a week (its last day), so an old page's chart stays readable. */
export const DAILY_POINTS_MAX = 400;

/**
 * Active members who had read the page by the end of each day from `fromDay` to `toDay` (a person
 * counts from their first counted view on). Weekly points (every 7th day, ending on `toDay`) past
 * DAILY_POINTS_MAX days.
 */
export function reachOverTime(members: readonly AudienceMember[], rows: readonly StoredReader[], fromDay: string, toDay: string): ReachPoint[] {
  const from = Date.parse(`${fromDay}T00:00:00.000Z`);
  const to = Date.parse(`${toDay}T00:00:00.000Z`);
  if (!(to >= from)) return [];
  const active = new Set(activeMembers(members).map((member) => member.accountId));
  const firsts = rows.filter((row) => active.has(row.viewer)).map((row) => row.firstAt).sort((a, b) => a - b);
  const days = Math.round((to - from) / DAY_MS) + 1;
  const step = days > DAILY_POINTS_MAX ? 7 : 1;
  const points: ReachPoint[] = [];
  let index = 0;
  const ends: number[] = [];
  for (let day = days - 1; day >= 0; day -= step) ends.push(from + day * DAY_MS);
  for (const start of ends.reverse()) {
    const end = start + DAY_MS;
    while (index < firsts.length && firsts[index]! < end) index += 1;
    points.push({ day: new Date(start).toISOString().slice(0, 10), readers: index });
  }
  return points;
}
