/** The chart reads as data: whole numbers joined by straight segments, sparse series as points, one day as a tile. */
import { renderToStaticMarkup } from 'react-dom/server';
import { chartConfig, TimeSeriesChart } from '../../static/shared/components/time-series-chart';
import type { ChartData } from '../../static/shared/format/chart-data';

const THEME = { series: ['#1D7AFC', '#6E5DC6'], text: '#000', grid: '#eee', tooltipBackground: '#fff', tooltipText: '#000' };
const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
const data = (views: number[], viewers: number[]): ChartData => ({
  bucket: 'day', labels: days(views.length),
  series: [{ key: 'views', label: 'Views', kind: 'bar', values: views }, { key: 'viewers', label: 'Signed-in viewers', kind: 'line', values: viewers }],
} as ChartData);

type LineSet = { tension?: number; showLine?: boolean; pointRadius?: number };
const line = (chart: ChartData) => chartConfig(chart, THEME).data.datasets[1] as unknown as LineSet;

it('never smooths between whole numbers', () => {
  expect(line(data([3, 4, 5, 6], [1, 2, 3, 2])).tension).toBe(0);
});

it('draws a sparse series as points, a dense one as a line', () => {
  const sparse = line(data([0, 0, 5, 0, 0, 0, 0, 0, 0, 1], [0, 0, 2, 0, 0, 0, 0, 0, 0, 1]));
  expect(sparse.showLine).toBe(false);
  expect(sparse.pointRadius).toBeGreaterThan(0);
  expect(line(data([3, 4, 5, 6], [1, 2, 3, 2])).showLine).not.toBe(false);
});

it('shows a one-day range as a tile with each figure, not a chart', () => {
  const markup = renderToStaticMarkup(<TimeSeriesChart title="Views per day" data={data([12], [4])} />);
  expect(markup).not.toContain('<canvas');
  expect(markup).toContain('2026-11-01');
  expect(markup).toMatch(/Views<\/dt><dd>12</);
  expect(markup).toMatch(/Signed-in viewers<\/dt><dd>4</);
});
