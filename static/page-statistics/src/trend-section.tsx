/** Views over time for this page, with a range choice; loads on its own, below the summary. */
import { useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { ContentTrend, ContentTrendPayload } from '@contracts/resolvers';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { ErrorState, Skeleton } from '../../shared/components/states';
import { TrendChart } from '../../shared/components/trend-chart';

const RANGES: Array<ContentTrendPayload['days']> = [7, 30, 90, 365];

export function TrendSection() {
  const [days, setDays] = useState<ContentTrendPayload['days']>(30);
  const [trend, setTrend] = useState<Envelope<ContentTrend> | null>(null);
  useEffect(() => {
    let current = true;
    setTrend(null);
    void invokeResolver('getContentTrend', { days }).then((answer) => {
      if (current) setTrend(answer);
    });
    return () => {
      current = false;
    };
  }, [days]);

  return (
    <section className="vt-stats-section" aria-labelledby="vt-trend-title">
      <div className="vt-trend__header">
        <h2 id="vt-trend-title" className="vt-stats-section__title">Views per day</h2>
        <div className="vt-segmented" role="group" aria-label="Range">
          {RANGES.map((range) => (
            <button key={range} type="button" className="vt-segmented__option" aria-pressed={range === days} onClick={() => setDays(range)}>
              {range === 365 ? '1 year' : `${range} days`}
            </button>
          ))}
        </div>
      </div>
      {trend === null && <Skeleton height={158} />}
      {trend !== null && !trend.ok && <ErrorState error={trend.error} title="The chart could not be loaded" />}
      {trend?.ok && <TrendChart series={trend.data.series} label="Views per day" />}
    </section>
  );
}
