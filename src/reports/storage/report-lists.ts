import { kvs, Sort } from '@forge/kvs';
import type { ContentType } from '../../core/model/view';
import type { ContentStatus } from '../../core/model/content-status';
import type { SortedList } from '../rules/threshold-top';
import type { Period } from '../../core/model/report-periods';
import type { RollupRow } from '../../core/model/report-rows';
import { decode } from '../../core/storage/codecs';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY } from '../../core/storage/keys';
import { queryPageByPage } from '../../core/storage/query-pages';
import { cellViews, splitsViews } from '../rules/content-filter';
import type { ReportFilters } from '@contracts/report-query';

/** Rows per index page: small pages keep the threshold merge's head reads at one or two units. */
export const LIST_PAGE = 50;

/**
 * The first page of a content list, sized to what a k-row answer needs (k plus a margin for rows the
 * filters drop): content-day and content-month rows carry lifecycle's status and the report cells, so
 * 50 of them cross 10 KB (2 and 5 read units) where 30 do not (1 and 3). Measured in the report bench:
 * the 25-row first page of top content, 30 days, 26 → 19 units; smaller first pages (25) cost more
 * rounds. Later pages (a deeper merge) keep LIST_PAGE.
 */
export function firstListPage(k: number): number {
  return Math.min(LIST_PAGE, k + 5);
}

/** A ranked row's content, where and how its own row says it is (lifecycle keeps space and status settled). */
export interface ListedContent { contentId: string; spaceKey: string; contentType: ContentType; status: ContentStatus }

/** One sorted index partition, read page by page, highest first, rows mapped and filtered. */
function indexList(entity: string, index: string, partition: string[], map: (value: unknown) => { id: string; value: number; rank?: number; keep: boolean }, multiplicity = 1, firstPage = LIST_PAGE): SortedList {
  const nextPage = queryPageByPage((cursor) => {
    const query = kvs.entity<unknown>(entity).query().index(index, { partition }).sort(Sort.DESC).limit(cursor ? LIST_PAGE : firstPage);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
  return {
    multiplicity,
    async next() {
      const read = await nextPage();
      if (!read) return { rows: [], done: true };
      const finished = read.last;
      const mapped = read.page.results.map((result) => map(result.value));
      const lowest = mapped[mapped.length - 1];
      const floor = lowest ? lowest.rank ?? lowest.value : undefined;
      return { rows: mapped.filter((row) => row.keep).map(({ id, value, rank }) => ({ id, value, ...(rank === undefined ? {} : { rank }) })), done: finished, ...(floor === undefined ? {} : { floor }) };
    },
  };
}

/** Whole-month views read in month lists (with the filters), by `contentId|month`; null where the row failed them. */
export type MonthsRead = Map<string, number | null>;

/**
 * Content ranked by views in one period (of one space, or of the site), remembering what it saw.
 * Under a source or audience filter each row's value is its filtered share (from its cells: exact for
 * the period), while the list stays sorted by all views (by anonymous views under the anonymous
 * filter): an unseen item's filtered share is at most the last row's sort value, so the threshold
 * merge still stops; a rare source (mobile web, the view API's) bounded by all views reads deeper.
 */
export function contentList(period: Period, spaceKey: string | null, keep: (row: ListedContent) => boolean, seen: Map<string, ListedContent>, firstPage = LIST_PAGE, monthsRead?: MonthsRead, filters: ReportFilters = {}): SortedList {
  const month = period.level === 'm';
  const entity = month ? ENTITY.contentMonth : ENTITY.contentDay;
  // Anonymous views have lists of their own, sorted by them (a row with none is at the end, or absent).
  const anonymous = filters.audience === 'anonymous';
  const index = (spaceKey ? (month ? 'by-space-month' : 'by-space-day') : (month ? 'by-month' : 'by-day')) + (anonymous ? '-anonymous' : '');
  const partition = spaceKey ? [spaceKey, period.key] : [period.key];
  const split = splitsViews(filters);
  return indexList(entity, index, partition, (value) => {
    const row = month ? decode.contentMonth(value) : decode.contentDay(value);
    const listed = { contentId: row.contentId, spaceKey: row.spaceKey, contentType: row.contentType, status: row.status };
    seen.set(row.contentId, listed);
    const kept = keep(listed);
    const views = anonymous ? ('monthViews' in row ? row.monthAnonymousViews ?? 0 : row.anonymousViews) : ('monthViews' in row ? row.monthViews : row.views);
    const share = split ? cellViews(row.cells, filters) : views;
    if ('monthViews' in row) monthsRead?.set(`${row.contentId}|${row.month}`, kept ? share : null);
    return { id: row.contentId, value: share, ...(split ? { rank: views } : {}), keep: kept };
  }, 1, firstPage);
}

/** Signed-in viewers ranked by views in one period. */
export function viewerList(period: Period): SortedList {
  const month = period.level === 'm';
  return indexList(month ? ENTITY.viewerMonth : ENTITY.viewerDay, 'by-' + (month ? 'month' : 'day'), [period.key], (value) => {
    const row = month ? decodeReport.viewerMonth(value) : decode.viewerDay(value);
    // A purge takes views out of their viewers' rows and leaves the rows (see purge-plan.ts): 0 is no reader.
    return { id: row.viewer, value: row.views, keep: row.views > 0 };
  });
}

/**
 * Spaces ranked by views in one compacted period: one row per space (core/model/space-compaction.ts),
 * each row handed to `seen` (its figures need no second read); `done` once the list is exhausted.
 */
export function compactSpaceList(period: Period, seen: (row: RollupRow) => void, firstPage: number, exhausted: () => void): SortedList {
  const inner = indexList(ENTITY.rollup, 'by-level-period', [period.level === 'd' ? 'cd' : 'cm', period.key], (value) => {
    const row = decodeReport.rollup(value);
    seen(row);
    return { id: row.scope, value: row.views, keep: true };
  }, 1, firstPage);
  return {
    multiplicity: 1,
    async next() {
      const page = await inner.next();
      if (page.done) exhausted();
      return page;
    },
  };
}

/** Spaces ranked by views in one period: each space has up to 8 shard rows in the list. */
export function spaceList(period: Period, shards: number): SortedList {
  return indexList(ENTITY.rollup, 'by-level-period', [period.level, period.key], (value) => {
    const row = decodeReport.rollup(value);
    return { id: row.scope, value: row.views, keep: true };
  }, shards);
}
