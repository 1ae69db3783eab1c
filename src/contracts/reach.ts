/**
 * Reach (issue 20): who of an audience has read a page, who has not, and which people read nothing.
 * Shared by the resolvers and the UI.
 */
import type { DateRange, ResolvedRange } from './report-range';

/** Whose reach: a Confluence group, the members of the page's (or report's) space, or every licensed user. */
export type ReachAudience =
  | { kind: 'group'; groupId: string }
  | { kind: 'space-members' }
  | { kind: 'licensed' };

/** Why a member is not in N: Confluence reports the account inactive or closed, or it is an app (bot) account. */
export type ExcludedReason = 'inactive' | 'closed' | 'app';

export interface ReachExcluded {
  inactive: number;
  closed: number;
  app: number;
}

/** The audience is listed from Confluence 200 members a call; a large one is prepared over several calls. */
export interface ReachPreparing {
  state: 'preparing';
  /** Members listed so far, and the total when Confluence told it (null: not known yet). */
  listed: number;
  total: number | null;
  message: string;
}

export interface ReachPoint {
  day: string;
  /** Audience members (in N) who had read the page by the end of this day. */
  readers: number;
}

export interface ReachFigures {
  /** Active audience members (inactive, closed and app accounts are left out and counted in `excluded`). */
  audience: number;
  /** Of them, those with a counted view in the range. */
  readers: number;
  /** Of the readers, those whose latest view is at or after the page's last edit; null when the edit time is unknown. */
  readCurrentVersion: number | null;
  lastModifiedAt: number | null;
  excluded: ReachExcluded;
}

export interface PageReachPayload {
  audience: ReachAudience;
  range: DateRange;
  list: 'read' | 'not-read';
  query?: string;
  cursor?: string;
  limit?: number;
}

export interface ReachPerson {
  accountId: string;
  displayName: string;
  /** All counted views of the page by this person, the first and the latest (null in the not-read list). */
  firstViewedAt: number | null;
  lastViewedAt: number | null;
  views: number;
}

export interface ReachReady {
  state: 'ready';
  audienceLabel: string;
  range: ResolvedRange;
  figures: ReachFigures;
  /** Since publication (or the first view), day by day (weekly past 400 days), up to the range's end. */
  overTime: ReachPoint[];
  list: { kind: 'read' | 'not-read'; rows: ReachPerson[]; total: number; nextCursor: string | null };
  /**
   * Set when the figures cannot be whole: retention removed views of the range, so people who read
   * only before the cut-off count as not read. The UI shows it next to the figures.
   */
  incomplete: string | null;
  notes: string[];
}

export type PageReach = ReachReady | ReachPreparing;

export interface InactiveReadersPayload {
  scope: 'global' | 'space';
  audience: { kind: 'group'; groupId: string } | { kind: 'licensed' };
  range: DateRange;
  query?: string;
  sort?: { column: 'displayName' | 'lastViewedDay'; direction: 'asc' | 'desc' };
  cursor?: string;
  limit?: number;
}

export interface InactiveReader {
  accountId: string;
  displayName: string;
  /** The UTC day of the latest counted view stored for this person (any content), or null: none stored. */
  lastViewedDay: string | null;
}

export interface InactiveReadersReady {
  state: 'ready';
  audienceLabel: string;
  range: ResolvedRange;
  audience: number;
  inactive: number;
  excluded: ReachExcluded;
  rows: InactiveReader[];
  total: number;
  nextCursor: string | null;
  incomplete: string | null;
  notes: string[];
}

export type InactiveReaders = InactiveReadersReady | ReachPreparing;

export interface SpaceReachPayload {
  scope: 'global' | 'space';
  /** The space (a global report names it; a space report uses its own). */
  spaceKey?: string;
  audience: { kind: 'group'; groupId: string } | { kind: 'space-members' } | { kind: 'licensed' };
  range: DateRange;
}

export interface SpaceReachReady {
  state: 'ready';
  audienceLabel: string;
  space: { key: string; name: string };
  range: ResolvedRange;
  audience: number;
  readers: number;
  excluded: ReachExcluded;
  incomplete: string | null;
  notes: string[];
}

export type SpaceReach = SpaceReachReady | ReachPreparing;
