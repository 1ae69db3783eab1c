import type { ContentFigure, ReportPage, ReportQuery, ReportRows } from '@contracts/report-query';
import type { ReportAccess } from '../access';
import { sortRows } from './rules/report-sort';
import { namesOfSpaces } from '../platform/space-names';
import { peopleOf } from '../platform/people-directory';
import { readEvidenceFor } from '../page-statistics/index';
import { RANKING_CAP, reportTable, type TableAnswer } from './report-tables';


const TEXT_COLUMNS = new Set(['title', 'spaceName', 'name', 'source', 'contentType']);
const PEOPLE_HIDDEN = 'Readers are not shown to you under the privacy settings.';

/**
 * One table page as this caller may see it: titles of content they may not read hidden (Confluence's
 * recent recorded answers, else one CQL search per 50 rows, as the caller), readers only where the privacy mode shows people, space and
 * people's names instead of keys. Text columns are sorted after names and hiding, so a hidden title
 * never decides an order.
 */
export async function answerTable(
  query: ReportQuery, access: ReportAccess, today: string,
  // The group filter answers from its own path (group-report.ts); naming and hiding stay here.
  table: (query: ReportQuery, today: string) => Promise<TableAnswer> = reportTable,
): Promise<ReportPage> {
  if (query.table === 'top-readers' && !access.people.names) {
    return { result: { table: 'top-readers', rows: [] }, total: 0, nextCursor: null, rankingCap: RANKING_CAP, notes: [PEOPLE_HIDDEN] };
  }
  const textSort = TEXT_COLUMNS.has(query.sort.column);
  const fetched = await table(textSort ? { ...query, sort: { column: 'views', direction: 'desc' }, pageSize: RANKING_CAP, cursor: undefined } : query, today);
  let result = await named(fetched.result, access);
  let nextCursor = fetched.nextCursor;
  if (textSort) {
    const offset = Number(query.cursor ?? 0);
    const sorted = sortRows<unknown>(result.rows, query.sort);
    result = { ...result, rows: sorted.slice(offset, offset + query.pageSize) } as ReportRows;
    nextCursor = offset + query.pageSize < sorted.length ? String(offset + query.pageSize) : null;
  }
  return { result, total: fetched.total, nextCursor, rankingCap: RANKING_CAP, notes: fetched.notes };
}

async function named(result: ReportRows, access: ReportAccess): Promise<ReportRows> {
  switch (result.table) {
    case 'top-content':
    case 'not-viewed': {
      // Titles first: the CQL answer names the spaces of the rows the caller may read, so the
      // names lookup that follows asks Confluence only about spaces of hidden rows (if any).
      // Confluence's recent answers the app recorded (the byline's, an earlier open's) spare the search.
      const ids = result.rows.map((row) => row.contentId);
      const readable = ids.length === 0 || access.standing.siteAdmin ? await access.readable(ids) : await access.readable(ids, await readEvidenceFor(access.caller.accountId));
      const names = await namesOfSpaces(result.rows.map((row) => row.spaceKey));
      const rows: ContentFigure[] = result.rows.map((row) => ({
        ...row, title: readable.has(row.contentId) ? row.title : '', titleHidden: !readable.has(row.contentId), spaceName: names.get(row.spaceKey) ?? row.spaceKey,
      }));
      return { table: result.table, rows };
    }
    case 'top-spaces': {
      const names = await namesOfSpaces(result.rows.map((row) => row.spaceKey));
      return { table: 'top-spaces', rows: result.rows.map((row) => ({ ...row, spaceName: names.get(row.spaceKey) ?? row.spaceKey })) };
    }
    case 'top-readers': {
      const people = await peopleOf(result.rows.map((row) => row.viewer));
      return { table: 'top-readers', rows: result.rows.map((row) => ({ ...row, name: people.get(row.viewer)?.displayName ?? row.viewer })) };
    }
    default:
      return result;
  }
}
