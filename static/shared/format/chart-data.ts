/**
 * The data behind a time-series chart (pure): x labels and named series, built from a daily series
 * grouped into the bucket that suits the range, plus the sentence a screen reader hears instead of
 * the picture.
 */
import { bucketLabel, bucketSeries, type Bucket, type DailyPoint } from './buckets';
import { formatNumber } from './time';

export interface ChartSeries {
  key: string;
  label: string;
  /** Bars for counts that add up (views), a line for figures that do not (viewers). */
  kind: 'bar' | 'line';
  values: number[];
}

export interface ChartData {
  bucket: Bucket;
  labels: string[];
  series: ChartSeries[];
}

export interface SeriesSpec {
  key: string;
  label: string;
  kind: 'bar' | 'line';
  combine?: 'sum' | 'max';
}

/** Groups the days into `bucket` and lays out one series per spec (missing values are 0). */
export function chartData(days: readonly DailyPoint[], bucket: Bucket, specs: readonly SeriesSpec[]): ChartData {
  const combine = Object.fromEntries(specs.map((spec) => [spec.key, spec.combine ?? 'sum']));
  const buckets = bucketSeries(days, bucket, combine);
  return {
    bucket,
    labels: buckets.map((point) => bucketLabel(point, bucket)),
    series: specs.map((spec) => ({ key: spec.key, label: spec.label, kind: spec.kind, values: buckets.map((point) => point.values[spec.key] ?? 0) })),
  };
}

const BUCKET_WORDS: Record<Bucket, [string, string]> = { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'] };

export function bucketWord(bucket: Bucket, count = 1): string {
  const [one, many] = BUCKET_WORDS[bucket];
  return count === 1 ? one : many;
}

/** "Views and viewers per week, 53 weeks from 2025-01-06 to 2026-01-05. Views: 1,234 in total, most 80 (2025-03-03). …" */
export function chartSummary(title: string, data: ChartData, locale?: string): string {
  const count = data.labels.length;
  if (count === 0) return `${title}: no data.`;
  const parts = [`${title}, ${count} ${bucketWord(data.bucket, count)} from ${data.labels[0]} to ${data.labels[count - 1]}.`];
  for (const series of data.series) {
    const most = Math.max(...series.values);
    const at = data.labels[series.values.indexOf(most)] ?? '';
    const total = series.values.reduce((sum, value) => sum + value, 0);
    parts.push(series.kind === 'bar'
      ? `${series.label}: ${formatNumber(total, locale)} in total, at most ${formatNumber(most, locale)} (${at}).`
      : `${series.label}: at most ${formatNumber(most, locale)} (${at}).`);
  }
  return parts.join(' ');
}
