import { kvs, Sort } from '@forge/kvs';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY } from '../../core/storage/keys';
import { viewRecordPage } from '../../core/storage/view-record-pages';
import { lastDayOfMonthRow } from '../rules/inactive-readers';

const PARALLEL = 10;

/**
 * Each viewer's latest day with a counted view on the site: their newest `viewer-month` row (index
 * by-viewer, newest first, one row), one query per viewer, 10 in flight. Absent: nothing stored
 * (never viewed, or retention removed it).
 */
export async function lastViewDays(viewers: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [...viewers];
  const worker = async () => {
    for (let viewer = queue.shift(); viewer !== undefined; viewer = queue.shift()) {
      const page = await kvs.entity<unknown>(ENTITY.viewerMonth).query().index('by-viewer', { partition: [viewer] }).sort(Sort.DESC).limit(1).getMany();
      const first = page.results[0];
      if (!first) continue;
      const row = decodeReport.viewerMonth(first.value);
      const day = lastDayOfMonthRow(row.month, row.days);
      if (day) found.set(viewer, day);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, viewers.length) }, worker));
  return found;
}

/**
 * Who viewed anything in a space with `fromMs ≤ at < toMs`: its raw view records (index by-space, 100
 * a query), moved content under its new space as lifecycle files it. Null past `maxViews` records:
 * the caller asks for a shorter range instead of showing a figure that is short.
 */
export async function spaceViewers(spaceKey: string, fromMs: number, toMs: number, maxViews: number): Promise<Set<string> | null> {
  const viewers = new Set<string>();
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await viewRecordPage('by-space', spaceKey, fromMs, toMs - 1, cursor);
    for (const record of page.records) if (record.at >= fromMs && record.at < toMs) viewers.add(record.viewer);
    count += page.records.length;
    if (count > maxViews) return null;
    cursor = page.nextCursor;
  } while (cursor);
  return viewers;
}
