import { seededRandom } from '../../local/kvs/rng';
import type { ReportFilters, ReportQuery, ReportSummary } from '@contracts/report-query';
import { reportSummary } from '../../src/reports/report-summary';
import { reportTable } from '../../src/reports/report-tables';
import { addDays, daysBetween } from '../../src/core/model/report-periods';
import { resetAppCaches, startAppStore, type AppStore } from '../support/app-store';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { randomReportQuery, REPORT_SOURCES, REPORT_SPACES, REPORT_TODAY, seedReportViews } from '../support/report-seed';
import { distinctCount, modelRanking, modelSeries, modelViews, type RawView } from '../support/report-model';

const TODAY = REPORT_TODAY;
const SPACES = REPORT_SPACES;

const seed = (random: () => number, count: number) => seedReportViews(random, count, { contents: 40, until: `${TODAY}T23:59:00Z` });
const randomQuery = randomReportQuery;

describe('report query layer against a brute-force model over raw views', () => {
  let store: AppStore;
  let views: RawView[];
  beforeAll(async () => {
    store = startAppStore();
    views = await seed(seededRandom(42), 700);
  }, 120_000);
  afterAll(() => store.stop());

  it('tiles, chart and breakdowns are exact for random ranges and filter combinations', async () => {
    const random = seededRandom(7);
    for (let round = 0; round < 25; round += 1) {
      const { range, filters } = randomQuery(random);
      const summary = await reportSummary(range, filters, TODAY);
      const chosen = modelViews(views, range, filters);
      const before = modelViews(views, summary.previousRange, filters);
      const label = JSON.stringify({ range, filters });
      expect({ label, views: summary.current.views, anonymous: summary.current.anonymousViews, previous: summary.previous.views })
        .toEqual({ label, views: chosen.length, anonymous: chosen.filter((view) => view.viewer === null).length, previous: before.length });
      if (summary.granularity === 'day') expect(summary.series.map((point) => point.views)).toEqual(modelSeries(chosen, daysBetween(range.from, range.to)));
      if (summary.current.viewers) {
        const want = distinctCount(chosen.map((view) => view.viewer));
        if (summary.current.viewers.exact) expect(summary.current.viewers.value).toBe(want);
        else expect(Math.abs(summary.current.viewers.value - want)).toBeLessThanOrEqual(Math.max(1, want * 0.05));
      }
      if (summary.current.contentViewed?.exact) expect(summary.current.contentViewed.value).toBe(distinctCount(chosen.map((view) => view.contentId)));
      if (filters.spaceKeys?.length || filters.contentTypes?.length || filters.sources?.length) expectExactDistinct(summary, chosen, before, label);
      const bySource = await reportTable(query(range, filters, 'by-source'), TODAY);
      expect(bySource.result.rows).toEqual(modelRanking(chosen, (view) => view.source).map(({ id, total }) => ({ source: id, views: total })).sort((a, b) => b.views - a.views));
    }
  }, 120_000);

  it('space reports count distinct viewers, content and viewers per day exactly from the view records (few views)', async () => {
    const ranges = [{ from: addDays(TODAY, -6), to: TODAY }, { from: addDays(TODAY, -29), to: TODAY }, { from: '2026-10-03', to: '2026-10-03' }, { from: '2026-09-10', to: '2026-10-20' }, { from: '2026-08-01', to: TODAY }];
    for (const spaceKey of SPACES) {
      for (const range of ranges) {
        for (const extra of [{}, { contentTypes: ['blogpost' as const] }, { sources: ['mobile-web' as const], audience: 'signed-in' as const }, { audience: 'anonymous' as const }]) {
          const filters: ReportFilters = { spaceKeys: [spaceKey], ...extra };
          const summary = await reportSummary(range, filters, TODAY);
          expectExactDistinct(summary, modelViews(views, range, filters), modelViews(views, summary.previousRange, filters), JSON.stringify({ range, filters }));
        }
      }
    }
  }, 120_000);

  it('top content is the exact ranking under every combination of source, signed-in/anonymous, space and type, page after page', async () => {
    const random = seededRandom(11);
    for (let round = 0; round < 30; round += 1) {
      const { range, filters } = randomQuery(random);
      // Every round splits views: a source, an audience or both (both with several anonymous sources
      // in a month is the case a month row cannot split on its edge days).
      const split = round % 3;
      if (split !== 1) filters.sources = random() < 0.2 ? ['desktop', 'mobile-web'] : [REPORT_SOURCES[Math.floor(random() * 2)]!];
      else delete filters.sources;
      if (split !== 0) filters.audience = random() < 0.5 ? 'signed-in' : 'anonymous';
      else delete filters.audience;
      if (round % 7 === 0) filters.contentIds = ['5000', '5001', '5007', '5013', '5039'];
      const label = JSON.stringify({ range, filters });
      const content = await allPages(query(range, filters, 'top-content', [3, 4, 25][round % 3]!));
      expect({ label, rows: content.map((row) => ({ id: row.contentId, total: row.views })) })
        .toEqual({ label, rows: modelRanking(modelViews(views, range, filters), (view) => view.contentId) });
    }
  }, 120_000);

  it('top content, spaces and readers are the exact rankings, page after page', async () => {
    const random = seededRandom(9);
    for (let round = 0; round < 20; round += 1) {
      const { range, filters } = randomQuery(random);
      if (round % 5 === 0) filters.contentIds = ['5000', '5001', '5007', '5013', '5039'];
      const content = await allPages(query(range, filters, 'top-content', 4));
      expect(content.map((row) => ({ id: row.contentId, total: row.views }))).toEqual(modelRanking(modelViews(views, range, filters), (view) => view.contentId));
      if (filters.contentIds) continue; // a content set ranks content only
      // Spaces and readers: without source and audience (readers ignore them; spaces are tested in report-spaces).
      delete filters.sources;
      delete filters.audience;
      const chosen = modelViews(views, range, filters);
      const spaces = await reportTable(query(range, filters, 'top-spaces'), TODAY);
      expect(spaces.result.rows.map((row) => 'spaceKey' in row ? { id: row.spaceKey, total: row.views } : null)).toEqual(modelRanking(chosen, (view) => view.spaceKey));
      if (!filters.spaceKeys?.length && !filters.contentTypes?.length && !filters.contentIds) {
        const readers = await reportTable(query(range, filters, 'top-readers', 200), TODAY);
        expect(readers.result.rows.map((row) => 'viewer' in row ? { id: row.viewer, total: row.views } : null)).toEqual(modelRanking(chosen, (view) => view.viewer));
      }
    }
  }, 120_000);

  it('not-viewed lists content last viewed before the range, oldest first', async () => {
    const from = '2026-11-01';
    const answer = await reportTable(query({ from, to: TODAY }, {}, 'not-viewed', 100), TODAY);
    const last = new Map<string, number>();
    for (const view of views) last.set(view.contentId, Math.max(last.get(view.contentId) ?? 0, view.at));
    const want = [...last].filter(([, at]) => at < Date.parse(`${from}T00:00:00Z`)).sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(answer.result.rows.map((row) => ('contentId' in row ? row.contentId : ''))).toEqual(want);
    // Paged 3 rows a call, the pages hold exactly 3 rows (the last fewer) and add up to the same list.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await reportTable({ ...query({ from, to: TODAY }, {}, 'not-viewed', 3), ...(cursor ? { cursor } : {}) }, TODAY);
      expect(page.result.rows.length).toBeLessThanOrEqual(3);
      if (page.nextCursor) expect(page.result.rows).toHaveLength(3);
      paged.push(...page.result.rows.map((row) => ('contentId' in row ? row.contentId : '')));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(want);
    expect(want.length).toBeGreaterThan(3);
  });

  it('a space report falls back (rollups\' answer, with a note) where retention may have deleted view records', async () => {
    await writeSettings({ ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, retentionDays: 30 } }, 0, { at: Date.now(), accountId: null, version: 1, changes: [] });
    resetAppCaches();
    try {
      const old = await reportSummary({ from: '2026-09-15', to: '2026-09-30' }, { spaceKeys: ['ENG'] }, TODAY);
      expect(old.current.views).toBe(modelViews(views, old.range, { spaceKeys: ['ENG'] }).length);
      expect(old.current.views).toBeGreaterThan(0);
      expect({ viewers: old.current.viewers, contentViewed: old.current.contentViewed }).toEqual({ viewers: null, contentViewed: null });
      expect(old.notes).toEqual([expect.stringContaining('kept 30 days')]);
      // The last week and the one before it are within the 30 days: exact.
      const recent = await reportSummary({ from: addDays(TODAY, -6), to: TODAY }, { spaceKeys: ['ENG'] }, TODAY);
      expectExactDistinct(recent, modelViews(views, recent.range, { spaceKeys: ['ENG'] }), modelViews(views, recent.previousRange, { spaceKeys: ['ENG'] }), 'recent');
    } finally {
      await writeSettings(DEFAULT_SETTINGS, 1, { at: Date.now(), accountId: null, version: 2, changes: [] });
      resetAppCaches();
    }
  });

  async function allPages(first: ReportQuery) {
    const rows = [];
    let cursor: string | undefined;
    do {
      const page = await reportTable({ ...first, ...(cursor ? { cursor } : {}) }, TODAY);
      rows.push(...(page.result.table === 'top-content' ? page.result.rows : []));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  }
});

function query(range: { from: string; to: string }, filters: ReportFilters, table: ReportQuery['table'], pageSize = 50): ReportQuery {
  return { range, filters, table, sort: { column: 'views', direction: 'desc' }, pageSize };
}

/** Under a space, type or source filter (a few hundred views here) the distinct figures are exact, chart included. */
function expectExactDistinct(summary: ReportSummary, chosen: RawView[], before: RawView[], label: string): void {
  const distinct = (list: RawView[]) => ({ viewers: { value: distinctCount(list.map((view) => view.viewer)), exact: true }, contentViewed: { value: distinctCount(list.map((view) => view.contentId)), exact: true } });
  const dayOf = (view: RawView) => new Date(view.at).toISOString().slice(0, 10);
  expect({ label, current: pick(summary.current), previous: pick(summary.previous), notes: summary.notes }).toEqual({ label, current: distinct(chosen), previous: distinct(before), notes: undefined });
  const wanted = summary.series.map((point, index) => {
    const next = summary.series[index + 1]?.start ?? addDays(summary.range.to, 1);
    return distinctCount(chosen.filter((view) => dayOf(view) >= point.start && dayOf(view) < next).map((view) => view.viewer));
  });
  expect({ label, series: summary.series.map((point) => point.viewers) }).toEqual({ label, series: wanted });
}

function pick(totals: ReportSummary['current']) {
  return { viewers: totals.viewers, contentViewed: totals.contentViewed };
}
