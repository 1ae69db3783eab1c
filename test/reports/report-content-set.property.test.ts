/**
 * The `contentIds` filter ("figures of a set of content") is applied by every tile and table that
 * accepts it — the summary's tiles and chart, the by-source, by-type and top-spaces tables, top
 * content — against the reference model; the tables that cannot apply it refuse it (resolver test in
 * report-content-set-contract.test.ts).
 */
import { seededRandom } from '../../local/kvs/rng';
import type { ReportFilters, ReportQuery } from '@contracts/report-query';
import { reportSummary } from '../../src/reports/report-summary';
import { reportTable } from '../../src/reports/report-tables';
import { daysBetween } from '../../src/core/model/report-periods';
import { startAppStore, type AppStore } from '../support/app-store';
import { randomReportQuery, REPORT_TODAY, seedReportViews } from '../support/report-seed';
import { distinctCount, modelRanking, modelSeries, modelViews, type RawView } from '../support/report-model';

const TODAY = REPORT_TODAY;
const table = (range: { from: string; to: string }, filters: ReportFilters, name: ReportQuery['table']): ReportQuery =>
  ({ range, filters, table: name, sort: { column: 'views', direction: 'desc' }, pageSize: 50 });

describe('a content set filter', () => {
  let store: AppStore;
  let views: RawView[];
  beforeAll(async () => {
    store = startAppStore();
    views = await seedReportViews(seededRandom(42), 600, { contents: 40, until: `${TODAY}T23:59:00Z` });
  }, 120_000);
  afterAll(() => store.stop());

  it('is applied by the tiles, the chart and the by-source, by-type and top-spaces tables', async () => {
    const random = seededRandom(3);
    for (let round = 0; round < 20; round += 1) {
      const { range, filters } = randomReportQuery(random);
      const ids = ['5000', '5001', '5002', '5007', '5013', '5039'].filter(() => random() < 0.6);
      filters.contentIds = ids.length ? ids : ['5003'];
      delete filters.groupId;
      const label = JSON.stringify({ range, filters });
      const chosen = modelViews(views, range, filters);
      const summary = await reportSummary(range, filters, TODAY);
      const before = modelViews(views, summary.previousRange, filters);
      expect({ label, views: summary.current.views, anonymous: summary.current.anonymousViews, previous: summary.previous.views, previousAnonymous: summary.previous.anonymousViews })
        .toEqual({ label, views: chosen.length, anonymous: chosen.filter((view) => view.viewer === null).length, previous: before.length, previousAnonymous: before.filter((view) => view.viewer === null).length });
      if (summary.granularity === 'day') expect({ label, series: summary.series.map((point) => point.views) }).toEqual({ label, series: modelSeries(chosen, daysBetween(range.from, range.to)) });
      else expect({ label, total: summary.series.reduce((sum, point) => sum + point.views, 0) }).toEqual({ label, total: chosen.length });
      if (summary.current.contentViewed) expect({ label, contentViewed: summary.current.contentViewed }).toEqual({ label, contentViewed: { value: distinctCount(chosen.map((view) => view.contentId)), exact: true } });
      if (summary.current.viewers?.exact) expect({ label, viewers: summary.current.viewers.value }).toEqual({ label, viewers: distinctCount(chosen.map((view) => view.viewer)) });

      const bySource = await reportTable(table(range, filters, 'by-source'), TODAY);
      expect({ label, rows: bySource.result.rows }).toEqual({ label, rows: modelRanking(chosen, (view) => view.source).map(({ id, total }) => ({ source: id, views: total })).sort((a, b) => b.views - a.views) });
      const byType = await reportTable(table(range, filters, 'by-type'), TODAY);
      const typeRows = modelRanking(chosen, (view) => view.contentType).map(({ id, total }) => ({ contentType: id, views: total }));
      expect({ label, rows: [...byType.result.rows].sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1) })
        .toEqual({ label, rows: typeRows.sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1) });
      const spaces = await reportTable(table(range, filters, 'top-spaces'), TODAY);
      expect({ label, rows: spaces.result.rows.map((row) => ('spaceKey' in row ? { id: row.spaceKey, total: row.views } : null)) })
        .toEqual({ label, rows: modelRanking(chosen, (view) => view.spaceKey) });
    }
  }, 120_000);

  it('of a page that does not exist answers nothing, not the site\'s totals', async () => {
    const range = { from: '2026-11-01', to: TODAY };
    const filters = { contentIds: ['999999999'] };
    const summary = await reportSummary(range, filters, TODAY);
    expect(summary.current).toMatchObject({ views: 0, anonymousViews: 0, contentViewed: { value: 0, exact: true } });
    expect(summary.series.every((point) => point.views === 0)).toBe(true);
    expect((await reportTable(table(range, filters, 'by-source'), TODAY)).result.rows).toEqual([]);
    expect((await reportTable(table(range, filters, 'by-type'), TODAY)).result.rows).toEqual([]);
    expect((await reportTable(table(range, filters, 'top-spaces'), TODAY)).result.rows).toEqual([]);
  });
});
