/**
 * One or more series over days, weeks or months, drawn by chart.js on a canvas: bars for counts
 * (views), lines for other figures (viewers), with axes, tooltips and design-token colours that follow
 * the host's light/dark theme. A canvas says nothing to a screen reader, so the chart carries a
 * visually-hidden summary and a "Show as table" toggle with the same numbers.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { bucketWord, chartSummary, type ChartData } from '../format/chart-data';
import { formatNumber } from '../format/time';
import { Checkbox } from './checkbox';
import { alignStyle } from './table';
import { readChartTheme, useThemeVersion, type ChartTheme } from './chart-theme';

// Tree-shaken: only what this chart draws is registered (and bundled).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface TimeSeriesChartProps {
  /** Names the chart, its table and its summary ("Views and viewers per day"). */
  title: string;
  data: ChartData;
  height?: number;
  /** Start with the table shown (e.g. for a print view). */
  initiallyTable?: boolean;
}

/**
 * A series where most buckets are empty: a line between its few points would draw values that never
 * happened, so it is drawn as points only.
 */
export function isSparse(values: readonly number[]): boolean {
  const filled = values.filter((value) => value !== 0).length;
  return values.length > 1 && filled * 3 < values.length;
}

export function chartConfig(data: ChartData, theme: ChartTheme): ChartConfiguration<'bar' | 'line', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((series, index) => {
        const color = theme.series[index % theme.series.length] ?? '#1D7AFC';
        return series.kind === 'bar'
          ? { type: 'bar' as const, label: series.label, data: series.values, backgroundColor: color, borderRadius: 2, order: 2 }
          // Whole numbers: straight segments (no smoothing that draws values between them); sparse: points only.
          : isSparse(series.values)
            ? { type: 'line' as const, label: series.label, data: series.values, borderColor: color, backgroundColor: color, showLine: false, pointRadius: 3, tension: 0, order: 1 }
            : { type: 'line' as const, label: series.label, data: series.values, borderColor: color, backgroundColor: color, pointRadius: data.labels.length > 40 ? 0 : 2, tension: 0, order: 1 };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: data.series.length > 1, labels: { color: theme.text, boxWidth: 12 } },
        tooltip: {
          backgroundColor: theme.tooltipBackground, titleColor: theme.tooltipText, bodyColor: theme.tooltipText,
          borderColor: theme.grid, borderWidth: 1,
          callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatNumber(Number(item.raw))}` },
        },
      },
      scales: {
        x: { ticks: { color: theme.text, maxRotation: 0, autoSkip: true, maxTicksLimit: 8 }, grid: { display: false }, title: { display: true, text: bucketWord(data.bucket).replace(/^./, (c) => c.toUpperCase()), color: theme.text } },
        y: { beginAtZero: true, ticks: { color: theme.text, precision: 0 }, grid: { color: theme.grid } },
      },
    },
  };
}

function ChartCanvas({ title, data, height }: { title: string; data: ChartData; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const themeVersion = useThemeVersion();
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, chartConfig(data, readChartTheme()));
    return () => chart.destroy();
  }, [data, themeVersion]);
  return (
    <div className="vt-chart__canvas" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}

export function ChartTable({ title, data }: { title: string; data: ChartData }) {
  return (
    <div className="vt-table-wrapper">
      <table className="vt-table vt-chart__table">
        <caption className="vt-visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col" style={alignStyle(false)}>{bucketWord(data.bucket).replace(/^./, (c) => c.toUpperCase())}</th>
            {data.series.map((series) => <th scope="col" key={series.key} style={alignStyle(true)}>{series.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.labels.map((label, index) => (
            <tr key={label}>
              <th scope="row" style={alignStyle(false)}>{label}</th>
              {data.series.map((series) => <td key={series.key} style={alignStyle(true)}>{formatNumber(series.values[index] ?? 0)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One bucket (a one-day range): its figures as tiles, not one bar across the whole width. */
export function SingleBucket({ title, data }: { title: string; data: ChartData }) {
  return (
    <figure className="vt-chart vt-chart--single" aria-label={title}>
      <figcaption className="vt-chart__single-label">{data.labels[0]}</figcaption>
      <dl className="vt-chart__single">
        {data.series.map((series) => (
          <div key={series.key} className="vt-chart__single-item">
            <dt>{series.label}</dt>
            <dd>{formatNumber(series.values[0] ?? 0)}</dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}

export function TimeSeriesChart({ title, data, height = 200, initiallyTable = false }: TimeSeriesChartProps) {
  const [asTable, setAsTable] = useState(initiallyTable);
  const summaryId = useId();
  if (data.labels.length === 1) return <SingleBucket title={title} data={data} />;
  return (
    <figure className="vt-chart" aria-describedby={summaryId}>
      <div className="vt-chart__toolbar">
        <Checkbox label="Show as table" checked={asTable} onChange={setAsTable} />
      </div>
      <p id={summaryId} className="vt-visually-hidden">{chartSummary(title, data)}</p>
      {asTable ? <ChartTable title={title} data={data} /> : <ChartCanvas title={title} data={data} height={height} />}
    </figure>
  );
}
