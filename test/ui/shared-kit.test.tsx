/**
 * The shared UI kit: bucketing, chart data and summary, date ranges, CSV writing (read back with
 * csv-parse), the paged export loop, and the markup of the chart's table alternative and the picker.
 */
import { parse } from 'csv-parse/sync';
import { renderToStaticMarkup } from 'react-dom/server';
import { bucketFor, bucketSeries } from '../../static/shared/format/buckets';
import { chartData, chartSummary } from '../../static/shared/format/chart-data';
import { customRange, pickedDay, rangeLabel, calendarDate } from '../../static/shared/format/date-range';
import { csvFileName, csvFileText, neutralise, toCsv, BOM } from '../../static/shared/csv/write-csv';
import { exportPaged, type Page } from '../../static/shared/csv/export-paged';
import { ChartTable, TimeSeriesChart } from '../../static/shared/components/time-series-chart';
import { DateRangePicker, rangeChoices } from '../../static/shared/components/date-range-picker';
import { RANGE_PRESETS } from '@contracts/report-range';
import { formatDay, formatDayRange } from '../../static/shared/format/time';
import type { Envelope } from '../../src/contracts/envelope';

const days = (from: string, count: number, value: (index: number) => number) =>
  Array.from({ length: count }, (_, index) => ({
    day: new Date(Date.parse(`${from}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10),
    values: { views: value(index), viewers: value(index) % 5 },
  }));

describe('bucketSeries', () => {
  it('keeps days, groups ISO weeks (Monday first) and months, summing views and taking the most viewers', () => {
    const series = days('2026-03-01', 10, (index) => index + 1); // Sunday 1 March … Tuesday 10 March
    expect(bucketSeries(series, 'day')).toHaveLength(10);
    const weeks = bucketSeries(series, 'week', { viewers: 'max' });
    expect(weeks.map((week) => [week.start, week.end, week.values.views])).toEqual([
      ['2026-03-01', '2026-03-01', 1], ['2026-03-02', '2026-03-08', 2 + 3 + 4 + 5 + 6 + 7 + 8], ['2026-03-09', '2026-03-10', 9 + 10],
    ]);
    expect(weeks[1]?.values.viewers).toBe(4);
    const months = bucketSeries(days('2026-01-30', 35, () => 1), 'month');
    expect(months.map((month) => [month.start, month.values.views])).toEqual([['2026-01-30', 2], ['2026-02-01', 28], ['2026-03-01', 5]]);
    expect(bucketSeries(series, 'week').reduce((sum, week) => sum + (week.values.views ?? 0), 0)).toBe(55);
  });

  it('chooses days for up to two months, weeks up to a year, months beyond', () => {
    expect([bucketFor(7), bucketFor(62), bucketFor(63), bucketFor(366), bucketFor(401)]).toEqual(['day', 'day', 'week', 'week', 'month']);
  });
});

describe('chart data', () => {
  const data = chartData(days('2026-03-01', 3, (index) => [4, 9, 2][index] ?? 0), 'day', [
    { key: 'views', label: 'Views', kind: 'bar' },
    { key: 'viewers', label: 'Viewers', kind: 'line', combine: 'max' },
  ]);

  it('lays out labels and one series per spec', () => {
    expect(data.labels).toEqual(['2026-03-01', '2026-03-02', '2026-03-03'].map((day) => formatDay(day)));
    expect(data.series.map((series) => series.values)).toEqual([[4, 9, 2], [4, 4, 2]]);
  });

  it('summarises what the picture shows, for screen readers', () => {
    expect(chartSummary('Views per day', data, 'en-US')).toBe(`Views per day, 3 days from ${formatDay('2026-03-01')} to ${formatDay('2026-03-03')}. Views: 15 in total, at most 9 (${formatDay('2026-03-02')}). Viewers: at most 4 (${formatDay('2026-03-01')}).`);
  });

  it('renders a table alternative with every value, and the hidden summary and toggle around the canvas', () => {
    const table = renderToStaticMarkup(<ChartTable title="Views per day" data={data} />);
    expect(table).toContain('<caption class="vt-visually-hidden">Views per day</caption>');
    expect(table).toContain(`<th scope="row" style="text-align:left">${formatDay('2026-03-02')}</th><td style="text-align:right">9</td><td style="text-align:right">4</td>`);
    const chart = renderToStaticMarkup(<TimeSeriesChart title="Views per day" data={data} />);
    expect(chart).toContain('Show as table');
    expect(chart).toContain('role="img" aria-label="Views per day"');
    expect(chart).toContain('Views: 15 in total');
    expect(renderToStaticMarkup(<TimeSeriesChart title="Views per day" data={data} initiallyTable />)).toContain('<table');
  });
});

describe('date ranges in the UI', () => {
  it('builds custom ranges only from forward, past days', () => {
    expect(customRange('2026-03-01', '2026-03-05', '2026-03-15')).toEqual({ ok: true, range: { kind: 'custom', from: '2026-03-01', to: '2026-03-05' } });
    expect(customRange('2026-03-05', '2026-03-01', '2026-03-15').ok).toBe(false);
    expect(customRange('2026-03-01', '2026-03-16', '2026-03-15').ok).toBe(false);
    expect(customRange(null, '2026-03-01', '2026-03-15').ok).toBe(false);
  });

  it('maps calendar dates to the same-numbered UTC day and back', () => {
    expect(pickedDay(calendarDate('2026-12-31'))).toBe('2026-12-31');
    expect(rangeLabel({ kind: 'preset', preset: '90d' })).toBe('Last 90 days');
    expect(rangeLabel({ kind: 'custom', from: '2026-01-01', to: '2026-01-31' })).toBe('2026-01-01 – 2026-01-31');
  });

  it('offers every preset and custom dates, and says the days are UTC', () => {
    const markup = renderToStaticMarkup(<DateRangePicker value={{ kind: 'preset', preset: '30d' }} onChange={() => undefined} resolved={{ from: '2026-02-14', to: '2026-03-15', days: 30 }} today="2026-03-15" />);
    // The select's menu (closed here) offers every preset, then custom dates; the closed select shows the chosen one.
    expect(rangeChoices(RANGE_PRESETS).map((choice) => choice.label)).toEqual(['Last 7 days', 'Last 30 days', 'Last 90 days', 'Last 365 days', 'This month', 'Last month', 'All time', 'Custom dates…']);
    expect(markup).toContain(`${formatDayRange('2026-02-14', '2026-03-15')} (UTC days)`);
    expect(markup).toMatch(/single-value[^>]*>Last 30 days</);
  });
});

describe('CSV', () => {
  const columns = [
    { header: 'Name', value: (row: { name: string; views: number }) => row.name },
    { header: 'Views', value: (row: { name: string; views: number }) => row.views },
  ];

  it('neutralises cells a spreadsheet would run as formulas, and only those', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(neutralise('Ann = Bob')).toBe('Ann = Bob');
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(null)).toBeNull();
  });

  it('writes a BOM and CRLF rows that csv-parse reads back to the same values, quotes and commas included', () => {
    const rows = [{ name: 'Zoë "Z", Ltd', views: 3 }, { name: '=HYPERLINK("http://x")', views: 1 }, { name: 'line\nbreak', views: 0 }];
    const text = csvFileText(columns, rows);
    expect(text.startsWith(BOM)).toBe(true);
    expect(toCsv(columns, rows)).toContain('\r\n');
    const parsed: string[][] = parse(text, { bom: true });
    expect(parsed).toEqual([['Name', 'Views'], ['Zoë "Z", Ltd', '3'], ['\'=HYPERLINK("http://x")', '1'], ['line\nbreak', '0']]);
  });

  it('makes safe file names', () => {
    expect(csvFileName('viewers', 'Ünïcode / Page: 1', '2026-03-15')).toBe('viewers-unicode-page-1-2026-03-15.csv');
  });
});

describe('exportPaged', () => {
  const pages: Record<string, Page<number>> = { start: { rows: [1, 2], nextCursor: 'b' }, b: { rows: [3], nextCursor: 'c' }, c: { rows: [4], nextCursor: null } };
  const fetchPage = async (cursor: string | null): Promise<Envelope<Page<number>>> => ({ ok: true, data: pages[cursor ?? 'start'] ?? { rows: [], nextCursor: null } });

  it('follows cursors to the end and reports progress', async () => {
    const progress: number[] = [];
    expect(await exportPaged(fetchPage, (p) => progress.push(p.rows))).toEqual({ ok: true, rows: [1, 2, 3, 4], truncated: false });
    expect(progress).toEqual([2, 3, 4]);
  });

  it('stops at a failed page, at the row bound and at a cursor that repeats', async () => {
    const failing = async (cursor: string | null): Promise<Envelope<Page<number>>> => (cursor === 'b' ? { ok: false, error: { code: 'unavailable', message: 'busy' } } : fetchPage(cursor));
    expect(await exportPaged(failing)).toEqual({ ok: false, error: { code: 'unavailable', message: 'busy' }, rows: [1, 2] });
    expect(await exportPaged(fetchPage, undefined, { maxRows: 3 })).toEqual({ ok: true, rows: [1, 2, 3], truncated: true });
    const looping = async (): Promise<Envelope<Page<number>>> => ({ ok: true, data: { rows: [9], nextCursor: 'same' } });
    expect(await exportPaged(looping)).toEqual({ ok: true, rows: [9, 9], truncated: true });
  });
});
