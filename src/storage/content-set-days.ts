import { kvs } from '@forge/kvs';
import type { ReportDayRange } from '@contracts/report-query';
import { monthsBetween } from '../domain/report-periods';
import { z } from 'zod';
import { ENTITY, KEYS } from './keys';

const count = z.number().int();
/**
 * The days of a content-month row. The row is the query layer's (and page statistics'); its days are
 * read in both shapes it has had, a record by day of the month or an array from the 1st, so this
 * reader stays right while the two branches that share the row are merged.
 */
const monthDays = z.union([
  z.object({ month: z.string(), days: z.record(z.string(), count) }).passthrough().transform((row) => ({ month: row.month, days: row.days })),
  z.object({ month: z.string(), views: z.array(count) }).passthrough()
    .transform((row) => ({ month: row.month, days: Object.fromEntries(row.views.map((views, index) => [String(index + 1).padStart(2, '0'), views])) })),
]);

/**
 * Views per day of a set of content over a range, summed from the query layer's content-month rows
 * (each holds its days): ⌈ids × months / 25⌉ batch reads. For custom reports over content a reader may
 * read, where the space and site rollups would count content they may not.
 */
export async function contentSetDailyViews(ids: readonly string[], range: ReportDayRange): Promise<Map<string, number>> {
  const months = monthsBetween(range.from, range.to);
  const items = ids.flatMap((id) => months.map((month) => ({ key: KEYS.contentMonth(id, month), entityName: ENTITY.contentMonth })));
  const perDay = new Map<string, number>();
  const chunks: Array<typeof items> = [];
  for (let start = 0; start < items.length; start += 25) chunks.push(items.slice(start, start + 25));
  for (let start = 0; start < chunks.length; start += 8) {
    const results = await Promise.all(chunks.slice(start, start + 8).map((chunk) => kvs.batchGet<unknown>(chunk)));
    for (const item of results.flatMap((result) => result.successfulKeys)) {
      const row = monthDays.parse(item.value);
      for (const [dd, views] of Object.entries(row.days)) {
        const day = `${row.month}-${dd}`;
        if (day >= range.from && day <= range.to) perDay.set(day, (perDay.get(day) ?? 0) + views);
      }
    }
  }
  return perDay;
}
