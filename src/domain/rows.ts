import type { Source } from '@contracts/settings';
import type { ViewerHistory } from './blocking-time';
import type { ContentType } from './view';

/** Stored shapes, as plain data. Storage maps them to entities; nothing here knows about KVS. */

export interface ViewRecord {
  contentId: string;
  spaceKey: string;
  contentType: ContentType;
  /** Account id, `anonymous`, or `private` (extended privacy: no account id is ever stored). */
  viewer: string;
  at: number;
  source: Source;
  /** When we wrote it: rollups and retention scan by this, never by the (possibly late) view time. */
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
  version: number;
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
   * Latest counted anonymous view (0: none). An anonymous visitor could read the content then, so
   * its count is no secret: the byline shows it without asking Confluence.
   */
  anonymousLastAt?: number;
  version: number;
}

export interface ContentDayRow {
  contentId: string;
  spaceKey: string;
  /** Lets day rankings be filtered by content type in the index query itself. */
  contentType: ContentType;
  day: string;
  views: number;
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
