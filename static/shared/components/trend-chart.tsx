/**
 * Views per day as columns, drawn in SVG with design tokens (light and dark). Each column has a
 * tooltip; the chart has a text summary for screen readers, since a picture alone says nothing to them.
 */
export interface TrendPoint {
  day: string;
  views: number;
}

const HEIGHT = 140;
const AXIS = 18;

export function TrendChart({ series, label }: { series: readonly TrendPoint[]; label: string }) {
  const most = Math.max(1, ...series.map((point) => point.views));
  const total = series.reduce((sum, point) => sum + point.views, 0);
  const width = Math.max(series.length * 12, 300);
  const step = width / Math.max(1, series.length);
  const first = series[0]?.day ?? '';
  const last = series[series.length - 1]?.day ?? '';
  return (
    <figure className="vt-trend">
      <svg className="vt-trend__chart" viewBox={`0 0 ${width} ${HEIGHT + AXIS}`} preserveAspectRatio="none" role="img" aria-label={`${label}: ${total} views from ${first} to ${last}, at most ${most} on one day`}>
        <line x1="0" y1={HEIGHT} x2={width} y2={HEIGHT} className="vt-trend__axis" />
        {series.map((point, index) => {
          const barHeight = (point.views / most) * (HEIGHT - 6);
          return (
            <rect key={point.day} className="vt-trend__bar" x={index * step + step * 0.15} width={step * 0.7}
              y={HEIGHT - barHeight} height={Math.max(barHeight, point.views > 0 ? 1 : 0)}>
              <title>{`${point.day}: ${point.views} ${point.views === 1 ? 'view' : 'views'}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="vt-trend__caption">
        <span>{first}</span>
        <span>{total} {total === 1 ? 'view' : 'views'} in {series.length} days</span>
        <span>{last}</span>
      </figcaption>
    </figure>
  );
}
