/**
 * The page statistics modal's parts, on their rendered markup: figures with changes, the people
 * note for every hidden reason, the chart's buckets, source labels, the viewer export's columns.
 */
import { parse } from 'csv-parse/sync';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PageStatistics, PageViewer } from '../../src/contracts/page-statistics';
import { RangeSummary, summaryStats } from '../../static/page-statistics/src/summary-section';
import { formatDay } from '../../static/shared/format/time';
import { PeopleHidden } from '../../static/page-statistics/src/people-hidden';
import { SourcesSection } from '../../static/page-statistics/src/sources-section';
import { statisticsChart } from '../../static/page-statistics/src/views-chart';
import { avatarUrl, changeText, initials } from '../../static/page-statistics/src/statistics-format';
import { VIEWER_COLUMNS } from '../../static/page-statistics/src/viewer-columns';
import { csvFileText } from '../../static/shared/csv/write-csv';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const day = (index: number) => new Date(Date.parse('2026-02-14T00:00:00Z') + index * 86_400_000).toISOString().slice(0, 10);
export const stats: PageStatistics = {
  contentId: '1', title: 'Handbook', range: { from: '2026-02-14', to: '2026-03-15', days: 30 }, previousRange: { from: '2026-01-15', to: '2026-02-13', days: 30 },
  totals: { views: 1284, anonymousViews: 57, viewers: 312, viewersExact: true, firstViewDay: '2026-02-14', lastViewDay: '2026-03-15' },
  previousTotals: { views: 1000, anonymousViews: 57, viewers: 300, viewersExact: false, firstViewDay: '2026-01-15', lastViewDay: '2026-02-13' },
  daily: Array.from({ length: 30 }, (_, index) => ({ day: day(index), views: index, viewers: index % 4, anonymousViews: 0 })),
  sources: [{ source: 'desktop', views: 1000 }, { source: 'mobile-web', views: 284 }],
  allTime: { views: 5000, viewers: 900, anonymousViews: 100, lastViewedAt: NOW - 60_000 },
  people: { visible: true }, viewCounterEnabled: true,
};

describe('page statistics figures', () => {
  it('shows the period’s figures with the change against the previous period', () => {
    const markup = renderToStaticMarkup(<RangeSummary stats={stats} now={NOW} />);
    for (const text of ['1,284', '312', '57', '+28 % vs previous period (1,000)', 'No change from the previous period', `First ${formatDay('2026-02-14')}`, '(UTC days)']) expect(markup).toContain(text);
    expect(markup).not.toContain('switched the view counter off');
    expect(renderToStaticMarkup(<RangeSummary stats={{ ...stats, viewCounterEnabled: false }} now={NOW} />)).toContain('switched the view counter off');
  });

  it('shows the first and last view days in the reader\'s locale through the shared formatter, saying UTC once', () => {
    const tile = summaryStats({ ...stats, totals: { ...stats.totals, viewersExact: false } }, NOW, 'en-GB').find((stat) => stat.label === 'First and last view');
    expect(tile?.detail).toBe('First 14 Feb 2026, last 15 Mar 2026 (UTC days)');
    expect(tile?.value).toBe('15 Mar 2026');
    const us = summaryStats({ ...stats, totals: { ...stats.totals, viewersExact: false } }, NOW, 'en-US').find((stat) => stat.label === 'First and last view');
    expect(us?.detail).toBe('First Feb 14, 2026, last Mar 15, 2026 (UTC days)');
  });

  it('marks viewers of a past period as an upper bound', () => {
    const markup = renderToStaticMarkup(<RangeSummary stats={{ ...stats, totals: { ...stats.totals, viewersExact: false } }} now={NOW} />);
    expect(markup).toContain('≤ 312');
    expect(markup).toContain('At most this many people');
  });

  it('under Extended privacy, labels viewer figures over more than one day as viewer-days, never people', () => {
    const markup = renderToStaticMarkup(<RangeSummary stats={{ ...stats, viewersCounted: 'person-days' }} now={NOW} />);
    expect(markup).toContain('Signed-in viewer-days');
    expect(markup).toContain('each person counts once per day they viewed');
    expect(markup).not.toContain('signed-in people');
    expect(markup).not.toContain('Different people');
    expect(markup).toMatch(/signed-in viewer-days \(Extended privacy counts a person once per day they viewed\)/);
    // One day: a pseudonym is one person that day, so the figure is people.
    const oneDay = renderToStaticMarkup(<RangeSummary stats={{ ...stats, viewersCounted: 'person-days', range: { from: '2026-03-15', to: '2026-03-15', days: 1 } }} now={NOW} />);
    expect(oneDay).toContain('>Signed-in viewers<');
  });

  it('All time is compared with nothing (no "None in the previous period", no colour)', () => {
    const markup = renderToStaticMarkup(<RangeSummary stats={{ ...stats, previousTotals: { ...stats.previousTotals, views: 0, anonymousViews: 0 } }} now={NOW} allTime />);
    expect(markup).not.toContain('None in the previous period');
    expect(markup).not.toContain('vt-stat__detail--up');
    expect(markup).toContain('Since the first recorded view.');
  });

  it('Hide viewers with no group chosen says nobody sees names, not that a group was chosen', () => {
    const markup = renderToStaticMarkup(<PeopleHidden reason="hide-viewers" noGroup />);
    expect(markup).toContain('no group was chosen');
    expect(markup).not.toContain('the group your administrator chose');
  });

  it('says why names are hidden, for every reason', () => {
    expect(renderToStaticMarkup(<PeopleHidden reason="extended-privacy" />)).toContain('stores no account IDs');
    expect(renderToStaticMarkup(<PeopleHidden reason="hide-viewers" />)).toContain('Hide viewers is on');
    expect(renderToStaticMarkup(<PeopleHidden reason="audience" />)).toContain('space administrators');
    expect(renderToStaticMarkup(<PeopleHidden reason="sign-in" />)).toContain('Log in');
  });

  it('charts days for a month and weeks for longer periods', () => {
    expect(statisticsChart(stats).data.labels).toHaveLength(30);
    const year = { ...stats, range: { from: '2025-03-16', to: '2026-03-15', days: 365 } };
    const weekly = statisticsChart(year);
    expect(weekly.title).toBe('Views and viewers per week');
    expect(weekly.data.series[1]?.label).toBe('Signed-in viewers (busiest day)');
  });

  it('splits sources with readable labels', () => {
    const markup = renderToStaticMarkup(<SourcesSection stats={stats} />);
    expect(markup).toContain('Mobile web');
    expect(markup).toContain('284 (22 %)');
  });

  it('formats changes, initials and avatar URLs', () => {
    expect(changeText(5, 0)).toBe('None in the previous period');
    expect(changeText(5, 10)).toContain('−50 %');
    expect(initials('Ann Marie Lee')).toBe('AL');
    expect(avatarUrl('/wiki/aa-avatar/1', 'https://x.atlassian.net/')).toBe('https://x.atlassian.net/wiki/aa-avatar/1');
    expect(avatarUrl(null, 'https://x')).toBeNull();
  });
});

describe('viewer export', () => {
  it('writes name, account id, views and UTC times, neutralising formula-like names', () => {
    const rows: PageViewer[] = [{ accountId: 'a1', displayName: '=cmd|x', avatarPath: null, former: false, views: 3, firstViewedAt: 0, lastViewedAt: 86_400_000 }];
    const parsed: string[][] = parse(csvFileText(VIEWER_COLUMNS, rows), { bom: true });
    expect(parsed).toEqual([['Name', 'Account ID', 'Views', 'First view (UTC)', 'Last view (UTC)'], ["'=cmd|x", 'a1', '3', '1970-01-01T00:00:00.000Z', '1970-01-02T00:00:00.000Z']]);
  });
});
