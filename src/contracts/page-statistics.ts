/**
 * Page statistics (the byline's modal and the macro): figures of one page over a date range, and the
 * list of who viewed it. Shared by the resolvers and the UI.
 */
import type { DateRange, ResolvedRange } from './report-range';
import type { Source } from './settings';

export interface PageStatisticsPayload {
  range: DateRange;
}

export interface RangeTotals {
  views: number;
  anonymousViews: number;
  /**
   * Distinct signed-in viewers. Exact when the range ends today (everyone whose latest view is in it);
   * for a range in the past it is exact when its raw views were counted (few enough, none removed by
   * retention), else an upper bound and `viewersExact` is false.
   */
  viewers: number;
  viewersExact: boolean;
  /** UTC days of the first and last counted view in the range. */
  firstViewDay: string | null;
  lastViewDay: string | null;
}

/** Why no names are shown, for the page to say so. */
export type PeopleHiddenReason = 'extended-privacy' | 'hide-viewers' | 'audience' | 'sign-in';

export interface PageStatistics {
  contentId: string;
  title: string;
  range: ResolvedRange;
  previousRange: ResolvedRange;
  totals: RangeTotals;
  previousTotals: RangeTotals;
  /** One entry per UTC day of the range, oldest first; `viewers` = distinct signed-in viewers that day. */
  daily: Array<{ day: string; views: number; viewers: number; anonymousViews: number }>;
  sources: Array<{ source: Source; views: number }>;
  allTime: { views: number; viewers: number; anonymousViews: number; lastViewedAt: number | null };
  /**
   * Whether this caller may see who viewed (names, avatars, account ids), and if not, why. `noGroup`:
   * Hide viewers is on and no group was chosen to see names, so nobody sees them.
   */
  people: { visible: true } | { visible: false; reason: PeopleHiddenReason; noGroup?: true };
  viewCounterEnabled: boolean;
  /**
   * `person-days` under Extended privacy: a viewer's pseudonym changes every UTC day, so a person is
   * counted once per day they viewed (each day's figure is exact; a range's or all time's is the sum of
   * person-days, not people). Absent: viewers are people.
   */
  viewersCounted?: 'person-days';
}

export interface PageViewersPayload {
  range: DateRange;
  /** Filters by name (Confluence's user search); at most 100 characters. */
  query?: string;
  /** Opaque, from the previous page. */
  cursor?: string;
  /** Rows per page (the export asks for 100). */
  limit?: number;
}

export interface PageViewer {
  accountId: string;
  /** As Confluence shows it; "Former user" for accounts it no longer knows. */
  displayName: string;
  /** Relative to the site or absolute; null for a default picture. */
  avatarPath: string | null;
  former: boolean;
  /** All counted views of this page by this person. */
  views: number;
  firstViewedAt: number;
  lastViewedAt: number;
}

/** People whose latest view of the page falls in the range, latest first. */
export interface PageViewers {
  rows: PageViewer[];
  nextCursor: string | null;
}
