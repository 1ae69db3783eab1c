import { batchGetAll } from '../../core/storage/batch-read';
import type { ReportDayRange } from '@contracts/report-query';
import { monthsBetween } from '../../core/model/report-periods';
import { isListed } from '../../core/model/content-status';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';

/**
 * Views per day of a set of content over a range, summed from the query layer's content-month rows
 * (each holds its days): ⌈ids × months / 25⌉ batch reads. For custom reports over content a reader may
 * read, where the space and site rollups would count content they may not.
 */
export async function contentSetDailyViews(ids: readonly string[], range: ReportDayRange): Promise<Map<string, number>> {
  const months = monthsBetween(range.from, range.to);
  const items = ids.flatMap((id) => months.map((month) => ({ key: KEYS.contentMonth(id, month), entityName: ENTITY.contentMonth })));
  const perDay = new Map<string, number>();
  for (const item of (await batchGetAll<unknown>(items)).successfulKeys) {
    const row = decode.contentMonth(item.value);
    // Hidden (trashed, archived) content is in no report; its rows stay stored for a restore.
    if (!isListed(row)) continue;
    row.views.forEach((views, index) => {
      const day = `${row.month}-${String(index + 1).padStart(2, '0')}`;
      if (day >= range.from && day <= range.to) perDay.set(day, (perDay.get(day) ?? 0) + views);
    });
  }
  return perDay;
}
