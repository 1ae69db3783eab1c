import { z } from 'zod';
import { SOURCES } from '@contracts/settings';
import { CONTENT_STATUSES } from '../domain/content-status';
import type { ContentMonthRow } from '../domain/content-month';
import type { ContentDayRow, ContentStatsRow, SpaceDayRow, ViewerContentRow, ViewerDayRow, ViewRecord } from '../domain/rows';

/**
 * Stored rows are parsed on the way in like any other input: a row written by an older version or
 * damaged by hand must fail loudly here, not turn into NaN counts three layers further.
 */
const contentType = z.enum(['page', 'blogpost', 'attachment']);
// Rows written before the lifecycle fields existed are current content of unknown space id.
const status = z.enum(CONTENT_STATUSES).default('current');
const bySource = z.record(z.enum(SOURCES), z.number().int());
const history = z.object({ anchor: z.number().nullable(), times: z.array(z.number()) });

const viewRecord = z.object({
  contentId: z.string(), spaceKey: z.string(), contentType, viewer: z.string(),
  at: z.number(), source: z.enum(SOURCES), recordedAt: z.number(),
});
const viewerContent = z.object({
  contentId: z.string(), spaceKey: z.string(), viewer: z.string(), firstAt: z.number(), lastAt: z.number(),
  views: z.number().int(), recent: history, version: z.number().int(),
  days: z.record(z.string(), z.number().int()).optional(),
  pending: z.object({ added: z.array(z.number()), removed: z.array(z.number()), source: z.enum(SOURCES) }).optional(),
});
const contentStats = z.object({
  contentId: z.string(), spaceKey: z.string(), contentType, title: z.string(), views: z.number().int(),
  viewers: z.number().int(), anonymousViews: z.number().int(), lastViewedAt: z.number(), version: z.number().int(),
  status, spaceId: z.string().nullable().default(null), lifecycleAt: z.number().default(0),
  createdAt: z.number().nullable().default(null), lastModifiedAt: z.number().nullable().default(null),
  containerId: z.string().nullable().default(null),
  anonymousLastAt: z.number().optional(),
});
const contentDay = z.object({
  contentId: z.string(), spaceKey: z.string(), contentType, day: z.string(), views: z.number().int(), version: z.number().int(),
  status, anonymousViews: z.number().int().default(0), bySource: bySource.optional(), cells: z.record(z.string(), z.number().int()).default({}),
}).transform((row) => ({ ...row, bySource: row.bySource ?? { desktop: row.views } }));

const count = z.number().int();
const spaceDay = z.object({
  spaceKey: z.string(), day: z.string(), shard: count, views: count, pageViews: count, blogpostViews: count,
  attachmentViews: count.default(0), anonymousViews: count, bySource: z.record(z.enum(SOURCES), count), version: count,
});
const viewerDay = z.object({ viewer: z.string(), day: z.string(), views: count, version: count });

const counts = z.array(count);
const contentMonth = z.object({
  contentId: z.string(), spaceKey: z.string(), contentType, monthViews: z.number().int(), monthAnonymousViews: z.number().int().optional(), month: z.string(), views: counts, anonymousViews: counts, viewers: counts,
  lastViewers: counts, sources: z.record(z.enum(SOURCES), counts), version: count,
  cells: z.record(z.string(), count).default({}), status,
});

export const decode = {
  viewRecord: (value: unknown): ViewRecord => viewRecord.parse(value),
  viewerContent: (value: unknown): ViewerContentRow => viewerContent.parse(value),
  contentStats: (value: unknown): ContentStatsRow => contentStats.parse(value),
  contentDay: (value: unknown): ContentDayRow => contentDay.parse(value),
  spaceDay: (value: unknown): SpaceDayRow => spaceDay.parse(value),
  viewerDay: (value: unknown): ViewerDayRow => viewerDay.parse(value),
  contentMonth: (value: unknown): ContentMonthRow => contentMonth.parse(value),
};
