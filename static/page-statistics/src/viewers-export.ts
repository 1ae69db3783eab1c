/**
 * The viewer list as CSV: every page of `getPageViewers` (100 people a call, far below Forge's 5 MB
 * answer limit), written with the shared CSV rules (formula cells neutralised, UTF-8 BOM).
 */
import type { PageStatistics, PageViewer } from '@contracts/page-statistics';
import type { DateRange } from '@contracts/report-range';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { downloadText } from '../../shared/csv/download';
import { exportPaged } from '../../shared/csv/export-paged';
import { csvFileName, csvFileText } from '../../shared/csv/write-csv';
import { VIEWER_COLUMNS } from './viewer-columns';

export async function exportViewers(range: DateRange, stats: PageStatistics, onRows: (rows: number) => void): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await exportPaged<PageViewer>(async (cursor) => {
    const answer = await invokeResolver('getPageViewers', { range, limit: 100, ...(cursor ? { cursor } : {}) });
    return answer.ok ? { ok: true, data: { rows: answer.data.rows, nextCursor: answer.data.nextCursor } } : answer;
  }, (progress) => onRows(progress.rows));
  if (!result.ok) return { ok: false, message: result.error.message };
  downloadText(csvFileName('viewers', stats.title, stats.range.from, stats.range.to), csvFileText(VIEWER_COLUMNS, result.rows));
  return { ok: true };
}
