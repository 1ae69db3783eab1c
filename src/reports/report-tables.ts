import type { ContentFigure, ReportQuery, ReportRows } from '@contracts/report-query';
import { SOURCES } from '@contracts/settings';
import { thresholdTopK } from './rules/threshold-top';
import { dayMs, decomposeRange, monthsBetween, type Period } from '../core/model/report-periods';
import { combine } from './rules/report-figures';
import { isListed } from '../core/model/content-status';
import { contentList, firstListPage, type MonthsRead, viewerList, type ListedContent } from './storage/report-lists';
import { topSpaces } from './top-spaces';
import { contentStatsOf, contentViewsInRange, spaceFiguresInRange, viewerViewsInRange } from './storage/report-lookups';
import { periodFigures } from './storage/report-figures-store';
import { notViewedSince } from './storage/report-not-viewed';
import { inventoryByLastView } from './storage/inventory-reader';
import { sortRows } from './rules/report-sort';
import { loadContentSet } from './content-set';
import { sumOfSet, type ContentSetEntry } from './rules/content-set-figures';

/** Rankings hold the most viewed this many rows; sorting by another column sorts those. */
export const RANKING_CAP = 500;

export interface TableAnswer { result: ReportRows; total: number; nextCursor: string | null; notes: string[] }

const PEOPLE_FILTERS = 'Readers are counted per person, not per space, content type or source: this table ignores those filters.';
const NOT_VIEWED_BY_GROUP = 'Lists the content the group’s members did not view in the range (others may have), never-viewed content first, then by the last view by anyone, from the content inventory (complete once its backfill has run: see the settings page). Trashed and archived content is not listed.';
const NEVER_VIEWED = 'Lists content last viewed before the range, never-viewed content first, from the content inventory (complete once its backfill has run: see the settings page). Trashed and archived content is not listed.';

/** One table of a report, one page of it: rankings by the threshold merge, breakdowns from rollups. */
export async function reportTable(query: ReportQuery, today: string): Promise<TableAnswer> {
  const offset = Number(query.cursor ?? 0);
  const byViews = query.sort.column === 'views' && query.sort.direction === 'desc';
  const k = Math.min(RANKING_CAP, byViews ? offset + query.pageSize : RANKING_CAP);
  const page = <R>(rows: R[], notes: string[] = []) => {
    const sorted = sortRows(rows, query.sort);
    const slice = sorted.slice(offset, offset + query.pageSize);
    // A ranking computed to exactly k rows may continue beyond them.
    const more = offset + query.pageSize < Math.min(sorted.length, RANKING_CAP) || (byViews && sorted.length >= k && k < RANKING_CAP);
    return { rows: slice, total: sorted.length, nextCursor: more ? String(offset + query.pageSize) : null, notes };
  };
  const { filters, range } = query;
  const parts = decomposeRange(range, today);

  switch (query.table) {
    case 'top-content': {
      const rows = await topContent(query, parts.plus, k, parts.minus.length === 0);
      return answer('top-content', page(rows));
    }
    case 'top-readers': {
      if (filters.audience === 'anonymous') return answer('top-readers', page([]));
      const notes = filters.spaceKeys?.length || filters.contentTypes?.length || filters.sources?.length ? [PEOPLE_FILTERS] : [];
      const { ranking } = await thresholdTopK({ k, lists: parts.plus.map(viewerList), listsAreWholeRange: parts.minus.length === 0, exact: (ids) => viewerViewsInRange(ids, range) });
      return answer('top-readers', page(ranking.map(({ id, total }) => ({ viewer: id, name: id, views: total })), notes));
    }
    case 'top-spaces': {
      if (filters.contentIds?.length) return answer('top-spaces', page(await contentSetSpaces(range, filters)));
      const ids = filters.spaceKeys?.length ? filters.spaceKeys : null;
      // The ranking's exact lookups already read every ranked space's figures: kept for the columns.
      const { ranking, figures } = await topSpaces(parts, today, filters, k, ids);
      const missing = ranking.map((entry) => entry.id).filter((id) => !figures.has(id));
      if (missing.length) for (const [key, value] of await spaceFiguresInRange(missing, parts, filters)) figures.set(key, value);
      return answer('top-spaces', page(ranking.map(({ id }) => {
        const part = figures.get(id)!;
        return { spaceKey: id, spaceName: id, views: part.views, pageViews: part.pageViews, blogpostViews: part.blogpostViews, anonymousViews: part.anonymousViews };
      })));
    }
    case 'by-source':
    case 'by-type': {
      const total = filters.contentIds?.length
        ? sumOfSet((await loadContentSet(filters, [range])).figures(range))
        : combine(await periodFigures(filters.spaceKeys?.length ? filters.spaceKeys : null, [...parts.plus, ...parts.minus], filters), parts.plus, parts.minus);
      if (query.table === 'by-type') {
        return answer('by-type', page([{ contentType: 'page' as const, views: total.pageViews }, { contentType: 'blogpost' as const, views: total.blogpostViews }].filter((row) => row.views > 0)));
      }
      return answer('by-source', page(SOURCES.map((source) => ({ source, views: total.bySource[source] ?? 0 })).filter((row) => row.views > 0)));
    }
    case 'not-viewed':
      return notViewedTable(query);
  }
}

/** Spaces ranked by the views of a content set's content in them, from the set's own rows. */
async function contentSetSpaces(range: ReportQuery['range'], filters: ReportQuery['filters']) {
  const bySpace = new Map<string, ContentSetEntry[]>();
  for (const entry of (await loadContentSet(filters, [range])).figures(range)) bySpace.set(entry.spaceKey, [...(bySpace.get(entry.spaceKey) ?? []), entry]);
  return [...bySpace].map(([spaceKey, entries]) => {
    const part = sumOfSet(entries);
    return { spaceKey, spaceName: spaceKey, views: part.views, pageViews: part.pageViews, blogpostViews: part.blogpostViews, anonymousViews: part.anonymousViews };
  }).filter((row) => row.views > 0).sort((a, b) => b.views - a.views || (a.spaceKey < b.spaceKey ? -1 : 1));
}

/**
 * Content not viewed in the range, never-viewed first, then the oldest last view (by anyone: the
 * inventory's `content-stats` by last view), paged by the index cursor. Without `viewedByGroup` the
 * index is cut where last views reach the range. With it (a "readers in a group" filter) the list is
 * the content the group's members did not view in the range: the whole inventory in the same order,
 * minus the content their views of the range touched, so it reaches past content others viewed.
 */
export async function notViewedTable(query: ReportQuery, viewedByGroup?: ReadonlySet<string>): Promise<TableAnswer> {
  const { filters, range } = query;
  const spaces = filters.spaceKeys ?? [];
  const types = filters.contentTypes ?? [];
  const inventory = {
    ...(spaces.length === 1 ? { spaceKey: spaces[0]! } : {}), ...(types.length === 1 ? { contentType: types[0]! } : {}),
    limit: query.pageSize, ...(query.cursor ? { cursor: query.cursor } : {}),
  };
  const found = viewedByGroup ? await inventoryByLastView({ ...inventory, excludeIds: viewedByGroup }) : await notViewedSince(dayMs(range.from), inventory);
  const rows: ContentFigure[] = found.rows
    .filter((row) => spaces.length <= 1 || spaces.includes(row.spaceKey))
    .filter((row) => !filters.contentTypes?.length || filters.contentTypes.includes(row.contentType))
    .map((row) => ({ contentId: row.contentId, spaceKey: row.spaceKey, contentType: row.contentType, title: row.title, titleHidden: false, spaceName: row.spaceKey, views: row.views, lastViewedAt: row.lastViewedAt || null }));
  return { result: { table: 'not-viewed', rows }, total: rows.length, nextCursor: found.nextCursor, notes: [viewedByGroup ? NOT_VIEWED_BY_GROUP : NEVER_VIEWED] };
}

function answer<T extends ReportRows['table']>(table: T, paged: { rows: unknown[]; total: number; nextCursor: string | null; notes: string[] }): TableAnswer {
  return { result: { table, rows: paged.rows } as ReportRows, total: paged.total, nextCursor: paged.nextCursor, notes: paged.notes };
}

async function topContent(query: ReportQuery, plus: Period[], k: number, minusEmpty: boolean): Promise<ContentFigure[]> {
  const { filters, range } = query;
  const types = filters.contentTypes ?? [];
  const spaces = filters.spaceKeys ?? [];
  // Trashed and archived content keeps its rows (for a restore) but is never ranked: the rows carry
  // lifecycle's status, and the content rows read for the titles have the last word below.
  const keep = (row: ListedContent) => isListed(row) && (types.length === 0 || types.includes(row.contentType)) && (spaces.length === 0 || spaces.includes(row.spaceKey));
  const seen = new Map<string, ListedContent>();
  const first = firstListPage(k);
  let ranking: Array<{ id: string; total: number }>;
  if (filters.contentIds?.length) {
    const totals = await contentViewsInRange(filters.contentIds, range, undefined, filters);
    ranking = [...totals].filter(([, entry]) => keep(entry.row)).map(([id, entry]) => ({ id, total: entry.views })).filter((entry) => entry.total > 0);
  } else {
    // With no subtracted days every month period is whole: a month row read in its list needs no second read.
    const monthsRead: MonthsRead = new Map();
    const known = (id: string, month: string) => minusEmpty && monthsRead.has(`${id}|${month}`);
    const lists = spaces.length ? spaces.flatMap((space) => plus.map((period) => contentList(period, space, keep, seen, first, monthsRead, filters))) : plus.map((period) => contentList(period, null, keep, seen, first, monthsRead, filters));
    ranking = (await thresholdTopK({
      k, lists, listsAreWholeRange: minusEmpty,
      exact: async (ids) => {
        const totals = await contentViewsInRange(ids, range, known, filters);
        const months = monthsBetween(range.from, range.to);
        return new Map(ids.map((id) => {
          const entry = totals.get(id);
          const listed = months.filter((month) => known(id, month)).map((month) => monthsRead.get(`${id}|${month}`) ?? null);
          if ((entry && !keep(entry.row)) || listed.includes(null)) return [id, 0];
          return [id, (entry?.views ?? 0) + listed.reduce<number>((sum, views) => sum + (views ?? 0), 0)];
        }));
      },
    })).ranking;
  }
  const stats = await contentStatsOf(ranking.map((entry) => entry.id));
  return ranking.filter(({ id }) => { const row = stats.get(id); return !row || isListed(row); }).map(({ id, total }) => {
    const row = stats.get(id);
    const listed = seen.get(id);
    return {
      contentId: id, spaceKey: row?.spaceKey ?? listed?.spaceKey ?? '', contentType: row?.contentType ?? listed?.contentType ?? 'page',
      title: row?.title ?? '', titleHidden: false, spaceName: row?.spaceKey ?? listed?.spaceKey ?? '', views: total, lastViewedAt: row && row.lastViewedAt > 0 ? row.lastViewedAt : null,
    };
  });
}
