import type { Source } from '@contracts/settings';
import type { ContentDayRow, SpaceDayRow } from './rows';
import type { ContentType } from './view';

/**
 * A space's daily row is the sum of its content's listed daily rows. These helpers add or take out
 * one content-day row's share (views with their type, anonymous and source breakdowns), for a view
 * and for a trash, restore, move or purge alike.
 */
/** One content-day row's contribution to its space's daily row (negative to take it out). */
export interface DayShare {
  contentType: ContentDayRow['contentType'];
  views: number;
  anonymousViews: number;
  bySource: ContentDayRow['bySource'];
  /** Views by report cell (see `cellKey`): the share of the space's and the site's rollup rows. */
  cells: Record<string, number>;
}

/** A report cell: content type × source × signed-in (`s`) or anonymous (`a`); rollups keep views per cell. */
export function cellKey(contentType: ContentType, source: Source, audience: 's' | 'a'): string {
  return `${contentType}.${source}.${audience}`;
}

/** Adds per-cell counts (negative to take them out). */
export function addCells(base: Record<string, number>, delta: Record<string, number>): Record<string, number> {
  const sum = { ...base };
  for (const [cell, views] of Object.entries(delta)) sum[cell] = (sum[cell] ?? 0) + views;
  return sum;
}

export function emptySpaceDay(spaceKey: string, day: string, shard: number): SpaceDayRow {
  return { spaceKey, day, shard, views: 0, pageViews: 0, blogpostViews: 0, attachmentViews: 0, anonymousViews: 0, bySource: {}, version: 0 };
}

export function addToSpaceDay(row: SpaceDayRow, share: DayShare): SpaceDayRow {
  return {
    ...row,
    views: row.views + share.views,
    pageViews: row.pageViews + (share.contentType === 'page' ? share.views : 0),
    blogpostViews: row.blogpostViews + (share.contentType === 'blogpost' ? share.views : 0),
    attachmentViews: row.attachmentViews + (share.contentType === 'attachment' ? share.views : 0),
    anonymousViews: row.anonymousViews + share.anonymousViews,
    bySource: addSources(row.bySource, share.bySource),
  };
}

/** Sums per-source counts; zeros are kept (a row's keys only grow, which keeps the codec simple). */
export function addSources(base: ContentDayRow['bySource'], delta: ContentDayRow['bySource']): ContentDayRow['bySource'] {
  const sum = { ...base };
  for (const [source, views] of Object.entries(delta) as Array<[keyof typeof sum, number]>) sum[source] = (sum[source] ?? 0) + views;
  return sum;
}


/** The share of one stored content-day row, negated when `sign` is -1. */
export function shareOf(row: ContentDayRow, sign: 1 | -1): DayShare {
  const bySource: ContentDayRow['bySource'] = {};
  for (const [source, views] of Object.entries(row.bySource) as Array<[keyof typeof bySource, number]>) bySource[source] = sign * views;
  const cells: Record<string, number> = {};
  for (const [cell, views] of Object.entries(row.cells)) cells[cell] = sign * views;
  return { contentType: row.contentType, views: sign * row.views, anonymousViews: sign * row.anonymousViews, bySource, cells };
}
