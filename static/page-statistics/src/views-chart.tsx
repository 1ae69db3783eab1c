/** Views (bars) and signed-in viewers (line) per day, week or month, depending on the range's length. */
import { useMemo } from 'react';
import type { PageStatistics } from '@contracts/page-statistics';
import { TimeSeriesChart } from '../../shared/components/time-series-chart';
import { bucketFor } from '../../shared/format/buckets';
import { bucketWord, chartData } from '../../shared/format/chart-data';

export function statisticsChart(stats: PageStatistics) {
  const bucket = bucketFor(stats.range.days);
  const data = chartData(stats.daily.map((day) => ({ day: day.day, values: { views: day.views, viewers: day.viewers } })), bucket, [
    { key: 'views', label: 'Views', kind: 'bar' },
    // Distinct viewers do not add up over days: a week shows its busiest day's viewers.
    { key: 'viewers', label: bucket === 'day' ? 'Signed-in viewers' : 'Signed-in viewers (busiest day)', kind: 'line', combine: 'max' },
  ]);
  return { data, title: `Views and viewers per ${bucketWord(bucket)}` };
}

export function ViewsChart({ stats }: { stats: PageStatistics }) {
  const { data, title } = useMemo(() => statisticsChart(stats), [stats]);
  return (
    <section className="vt-stats-section" aria-labelledby="chart-heading">
      <h2 id="chart-heading" className="vt-stats-section__title">{title}</h2>
      <TimeSeriesChart title={title} data={data} height={220} />
    </section>
  );
}
