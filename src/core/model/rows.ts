import type { Source } from '@contracts/settings';
import type { ViewerHistory } from './blocking-time';
import type { ContentType } from './view';
import type { ContentStatus } from './content-status';

/** Stored shapes, as plain data. Storage maps them to entities; nothing here knows about KVS. */

export interface ViewRecord {
  contentId: string;
  spaceKey: string;
  contentType: ContentType;
  /** Account id, `anonymous`, or in extended privacy a daily pseudonym `p-<HMAC>` (no account id is stored). */
  viewer: string;
  at: number;
  source: Source;
  /** When we wrote it (index `by-recorded`). Retention purges by the view's own time (`by-time`), not by this. */
  recordedAt: number;
}

export interface ViewerContentRow {
  contentId: string;
  spaceKey: string;
  viewer: string;
  firstAt: number;
  lastAt: number;
  views: number;
  recent: ViewerHistory;
  /**
   * Counted views per UTC day for the last few days (see `countedDays`): tells page statistics
   * whether a late view is the viewer's first of its day. Absent on rows written before it existed.
   */
  days?: Record<string, number>;
  /**
   * Corrections of a late view still to be applied (see `planViewWrite`'s `take`): a swap too large
   * for one 25-operation transaction is written as a series of steps, and this marker, changed in
   * each step's own transaction, makes every correction land exactly once. Absent when none are due.
   */
  pending?: PendingCorrections;
  version: number;
}

/** Counted views still to add and remove, ascending, with the source of the view that caused them. */
export interface PendingCorrections {
  added: number[];
  removed: number[];
  source: Source;
}

export interface ContentStatsRow {
  contentId: string;
  spaceKey: string;
  contentType: ContentType;
  title: string;
  views: number;
  viewers: number;
  anonymousViews: number;
  lastViewedAt: number;
  /**
   * Lifecycle, kept on the row every view already reads (so it costs a view nothing): the content's
   * status in Confluence, its space id (a renamed space key does not orphan it), and the event time
   * of the newest lifecycle fact applied, which orders late and duplicated lifecycle events.
   */
  status: ContentStatus;
  spaceId: string | null;
  lifecycleAt: number;
  /** Inventory fields (backfill and lifecycle events); null where not known yet. */
  createdAt: number | null;
  lastModifiedAt: number | null;
  /** An attachment's page or blog post; null for pages and blog posts. */
  containerId: string | null;
  /**
   * Latest counted anonymous view (0: none). An anonymous visitor could read the content then, so
   * its count is no secret: the byline shows it without asking Confluence.
   */
  anonymousLastAt?: number;
  /**
   * The byline property (src/page-statistics/byline-property): set by the first view (or visibility
   * change) the property does not show yet, and lowered as unshown views pile up (its order key,
   * smaller first: src/core/model/byline-due.ts); absent once written. The
   * writer finds due rows through the `by-byline-due` index and clears this field conditionally on
   * the row version whose figures it wrote, so a view committed meanwhile leaves the row due.
   */
  bylineDue?: number;
  /**
   * When the property fell behind (the first view or change it does not show); `bylineDue` is the
   * writer's order key derived from it (src/core/model/byline-due.ts). Rows marked before the order
   * existed have only `bylineDue`, which then is that time.
   */
  bylineSince?: number;
  byline?: BylineState;
  version: number;
}

/** What the app last wrote into the content's byline property, and where it lives in Confluence. */
export interface BylineState {
  /** The property's id and Confluence version (the next PUT sends version + 1); absent before the first write. */
  propertyId?: string;
  propertyVersion?: number;
  /** The content-stats version whose figures the property shows. */
  rowVersion: number;
  /** What the property shows: the count, a hidden title (switch off, archived or trashed), or nothing (fallback). */
  shown: 'count' | 'hidden' | 'fallback';
  /** The figures written (what CQL finds): all-time views, the last 30 days, the last view (0: none). */
  views: number;
  views30d: number;
  lastViewedAt: number;
  writtenAt: number;
}

export interface ContentDayRow {
  contentId: string;
  spaceKey: string;
  /** Lets day rankings be filtered by content type in the index query itself. */
  contentType: ContentType;
  day: string;
  views: number;
  /** Breakdowns, so a trash, move or purge can take this row's share out of the space's daily rows exactly. */
  anonymousViews: number;
  bySource: Partial<Record<Source, number>>;
  /** Views by report cell (type × source × audience, see day-share.ts): its exact share of the rollup rows. */
  cells: Record<string, number>;
  /**
   * The content's status when this row was last reconciled. Only `current` rows are counted in the
   * space's daily rows: space-day = sum of its listed content-day rows, always.
   */
  status: ContentStatus;
  version: number;
}

/**
 * Views of one space on one UTC day, split into shards by content so that a busy space's views do
 * not all contend for one row; a report sums the shards. Breakdowns serve the report filters.
 */
export interface SpaceDayRow {
  spaceKey: string;
  day: string;
  shard: number;
  views: number;
  pageViews: number;
  blogpostViews: number;
  attachmentViews: number;
  anonymousViews: number;
  bySource: Partial<Record<Source, number>>;
  version: number;
}

/** Views by one signed-in viewer (or pseudonym) on one UTC day: "most active readers". */
export interface ViewerDayRow {
  viewer: string;
  day: string;
  views: number;
  version: number;
}
