/**
 * A reach list as CSV: every page of `getPageReach` for the same audience, range, list and search
 * (500 people a call), written with the shared CSV rules. The resolver decides who may see names, so
 * the export carries exactly the rules of the list on screen.
 */
import type { ReachAudience, ReachPerson } from '@contracts/reach';
import type { DateRange } from '@contracts/report-range';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { downloadText } from '../../shared/csv/download';
import { exportPaged } from '../../shared/csv/export-paged';
import { csvFileName, csvFileText } from '../../shared/csv/write-csv';
import { NOT_READ_COLUMNS, READ_COLUMNS } from '../../shared/reach/reach-columns';

export interface ReachExportRequest {
  audience: ReachAudience;
  range: DateRange;
  list: 'read' | 'not-read';
  query: string;
}

export async function exportReach(request: ReachExportRequest, fileParts: string[], onRows: (rows: number) => void): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await exportPaged<ReachPerson>(async (cursor) => {
    const answer = await invokeResolver('getPageReach', {
      audience: request.audience, range: request.range, list: request.list, limit: 500,
      ...(request.query ? { query: request.query } : {}), ...(cursor ? { cursor } : {}),
    });
    if (!answer.ok) return answer;
    // The audience expired from the cache and is listed again: never write a partial list.
    if (answer.data.state !== 'ready') return { ok: false, error: { code: 'unavailable', message: 'The audience is being listed again. Try the export in a moment.' } };
    return { ok: true, data: { rows: answer.data.list.rows, nextCursor: answer.data.list.nextCursor } };
  }, (progress) => onRows(progress.rows));
  if (!result.ok) return { ok: false, message: result.error.message };
  downloadText(csvFileName('reach', request.list, ...fileParts), csvFileText(request.list === 'read' ? READ_COLUMNS : NOT_READ_COLUMNS, result.rows));
  return { ok: true };
}
