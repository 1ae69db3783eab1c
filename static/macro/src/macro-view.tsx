/** What the macro shows, from what it loaded (pure rendering: tested on its markup). */
import type { Envelope } from '@contracts/envelope';
import type { MacroConfig } from '@contracts/macro-config';
import type { PageStatistics, PageViewers } from '@contracts/page-statistics';
import type { TrackViewResult } from '@contracts/resolvers';
import { EyeIcon } from '../../shared/components/icons';
import { PRESET_LABELS } from '../../shared/format/date-range';
import { formatNumber } from '../../shared/format/time';
import { bucketFor } from '../../shared/format/buckets';
import { chartData } from '../../shared/format/chart-data';

export interface MacroData {
  config: MacroConfig;
  editing: boolean;
  tracked: Envelope<TrackViewResult> | null;
  stats: Envelope<PageStatistics> | null;
  viewers: Envelope<PageViewers> | null;
}

export function viewCountText(views: number, locale?: string): string {
  return `${formatNumber(views, locale)} ${views === 1 ? 'view' : 'views'}`;
}

/** The count to show: the period's views when statistics loaded, else the all-time count the tracker answered. */
function countOf(data: MacroData): number | null {
  if (data.stats?.ok) return data.config.range === 'all' ? data.stats.data.allTime.views : data.stats.data.totals.views;
  if (data.tracked?.ok) return data.tracked.data.views;
  return null;
}

/** A sparkline of views in SVG: tiny, no axes; the numbers are in its label and the count beside it. */
function Sparkline({ stats }: { stats: PageStatistics }) {
  const data = chartData(stats.daily.map((day) => ({ day: day.day, values: { views: day.views } })), bucketFor(stats.range.days), [{ key: 'views', label: 'Views', kind: 'bar' }]);
  const values = data.series[0]?.values ?? [];
  const most = Math.max(1, ...values);
  const width = 160;
  const step = width / Math.max(1, values.length);
  return (
    <svg className="vt-macro__spark" viewBox={`0 0 ${width} 32`} width={width} height={32} role="img"
      aria-label={`Views from ${data.labels[0] ?? ''} to ${data.labels[data.labels.length - 1] ?? ''}, at most ${formatNumber(most)} per ${data.bucket}`}>
      {values.map((value, index) => (
        <rect key={index} x={index * step + step * 0.1} width={Math.max(1, step * 0.8)} y={32 - (value / most) * 30} height={(value / most) * 30} />
      ))}
    </svg>
  );
}

export function MacroView({ data }: { data: MacroData }) {
  const count = countOf(data);
  const failed = data.tracked !== null && !data.tracked.ok && !data.stats?.ok;
  const period = data.config.range === 'all' ? '' : ` · ${PRESET_LABELS[data.config.range].toLowerCase()}`;
  const block = data.config.showChart || data.config.showViewers;
  if (failed && data.tracked && !data.tracked.ok) {
    return (
      <span className="vt-macro vt-macro--quiet" title={data.tracked.error.message}>
        <EyeIcon size={16} />
        {data.tracked.error.code === 'not-found' ? 'Views are not available here' : 'View count unavailable'}
      </span>
    );
  }
  const stats = data.stats?.ok ? data.stats.data : null;
  return (
    <div className={block ? 'vt-macro vt-macro--block' : 'vt-macro'} title="Views of this page, counted by Viewtracker">
      {data.config.showCount || !block ? (
        <span className="vt-macro__count"><EyeIcon size={16} /><span>{count === null ? 'Views' : viewCountText(count)}{period}</span></span>
      ) : null}
      {data.config.showChart && stats ? <Sparkline stats={stats} /> : null}
      {data.config.showViewers && data.viewers?.ok ? (
        <ul className="vt-macro__viewers" aria-label="Latest viewers">
          {data.viewers.data.rows.map((row) => <li key={row.accountId}>{row.displayName}</li>)}
        </ul>
      ) : null}
      {data.config.showViewers && stats && !stats.people.visible ? <span className="vt-macro__note">Viewers are not shown to you.</span> : null}
      {data.editing ? <span className="vt-macro__note">Preview: views are not recorded while editing.</span> : null}
    </div>
  );
}
