/** CSV of a table exactly as shown: same range, filters and sort, every page, the shown columns. */
import type { ReportTablePayload } from '@contracts/resolvers';
import { invokeResolver } from '../api/invoke-resolver';
import { csvFileName, csvFileText } from '../csv/write-csv';
import { downloadText } from '../csv/download';
import { exportPaged, type ExportProgress } from '../csv/export-paged';
import { asRecord, COLUMNS, TABLE_LABELS } from './report-columns';

export async function exportTable(payload: ReportTablePayload, onProgress: (progress: ExportProgress) => void, fileLabel: string): Promise<string | null> {
  const result = await exportPaged(async (cursor) => {
    const answer = await invokeResolver('getReportTable', { ...payload, pageSize: 500, ...(cursor ? { cursor } : {}) });
    if (!answer.ok) return answer;
    // A group's figures expired and are being prepared again: export once they are shown.
    if ('status' in answer.data) return { ok: false, error: { code: 'unavailable', message: 'The group’s figures are being prepared again: export once they are shown.' } };
    const rows: Array<Record<string, unknown>> = answer.data.result.rows.map(asRecord);
    return { ok: true, data: { rows, nextCursor: answer.data.nextCursor } };
  }, onProgress, { maxRows: 100_000 });
  if (!result.ok) return result.error.message;
  const columns = COLUMNS[payload.table].map((column) => ({ header: column.header, value: column.text }));
  downloadText(csvFileName('viewtracker', fileLabel, TABLE_LABELS[payload.table]), csvFileText(columns, result.rows));
  return null;
}
