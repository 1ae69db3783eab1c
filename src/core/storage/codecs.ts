import { z } from 'zod';
import { SOURCES } from '@contracts/settings';
import { CONTENT_STATUSES } from '../model/content-status';
import { daysInMonth, type ContentMonthRow } from '../model/content-month';
import { decodeDayList, encodeDayList } from '../model/day-list';
import type { ContentDayRow, ContentStatsRow, SpaceDayRow, ViewerContentRow, ViewerDayRow, ViewRecord } from '../model/rows';
import type { StoredRow } from '../model/row-ops';
import { encodeSearch } from './search-codecs';

/**
 * Stored rows are parsed on the way in like any other input: a row written by an older version or
 * damaged by hand must fail loudly here, not turn into NaN counts three layers further.
 */
const contentType = z.enum(['page', 'blogpost', 'attachment']);
// Rows written before the lifecycle fields existed are current content of unknown space id.
const status = z.enum(CONTENT_STATUSES).default('current');
const bySource = z.record(z.enum(SOURCES), z.number().int());
const history = z.object({ anchor: z.number().nullable(), times: z.array(z.number()), beacon: z.array(z.number()).optional(), anchorBeacon: z.boolean().optional() });

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
  bylineDue: z.number().optional(),
  bylineSince: z.number().optional(),
  byline: z.object({
    propertyId: z.string().optional(), propertyVersion: z.number().int().optional(), rowVersion: z.number().int(),
    shown: z.enum(['count', 'hidden', 'fallback']), views: z.number().int(), views30d: z.number().int(),
    lastViewedAt: z.number(), writtenAt: z.number(),
  }).optional(),
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

// Per-day lists: compact text (day-list.ts) since it exists, JSON arrays in rows written before.
const counts = z.union([z.array(count), z.string()]);
const contentMonth = z.object({
  contentId: z.string(), spaceKey: z.string(), contentType, monthViews: z.number().int(), monthAnonymousViews: z.number().int().optional(), month: z.string().regex(/^\d{4}-\d{2}$/), views: counts, anonymousViews: counts, viewers: counts,
  lastViewers: counts, sources: z.record(z.enum(SOURCES), counts), version: count,
  cells: z.record(z.string(), count).default({}), status,
}).transform((row, context) => {
  const length = daysInMonth(row.month);
  const days = (list: number[] | string): number[] => {
    const parsed = typeof list === 'string' ? decodeDayList(list, length) : list;
    if (!parsed || parsed.length !== length) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: `not a day list of ${row.month}` });
      return [];
    }
    return parsed;
  };
  const sources = Object.fromEntries(Object.entries(row.sources).map(([source, list]) => [source, days(list)]));
  return { ...row, views: days(row.views), anonymousViews: days(row.anonymousViews), viewers: days(row.viewers), lastViewers: days(row.lastViewers), sources } as ContentMonthRow;
});

/** A month row as stored: its per-day lists in the compact form. */
function storedContentMonth(row: ContentMonthRow): Record<string, unknown> {
  const sources = Object.fromEntries(Object.entries(row.sources).map(([source, list]) => [source, encodeDayList(list ?? [])]));
  return { ...row, views: encodeDayList(row.views), anonymousViews: encodeDayList(row.anonymousViews), viewers: encodeDayList(row.viewers), lastViewers: encodeDayList(row.lastViewers), sources };
}

/** How rows are written: only month rows differ from their domain value. */
export const encode = {
  contentMonth: storedContentMonth,
  /** Any row of the write machinery, as stored. */
  row: (row: StoredRow): object => {
    if (row.entity === 'content-month') return storedContentMonth(row.value);
    if (row.entity === 'search-query') return encodeSearch.query(row.value);
    if (row.entity === 'search-total') return encodeSearch.total(row.value);
    return row.value;
  },
};

export const decode = {
  viewRecord: (value: unknown): ViewRecord => viewRecord.parse(value),
  viewerContent: (value: unknown): ViewerContentRow => viewerContent.parse(value),
  contentStats: (value: unknown): ContentStatsRow => contentStats.parse(value),
  contentDay: (value: unknown): ContentDayRow => contentDay.parse(value),
  spaceDay: (value: unknown): SpaceDayRow => spaceDay.parse(value),
  viewerDay: (value: unknown): ViewerDayRow => viewerDay.parse(value),
  contentMonth: (value: unknown): ContentMonthRow => contentMonth.parse(value),
};
