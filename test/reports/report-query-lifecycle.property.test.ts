import { kvs } from '@forge/kvs';
import { seededRandom } from '../../local/kvs/rng';
import { KEYS } from '../../src/core/storage/keys';
import type { ViewRecord } from '../../src/core/model/rows';
import type { ReportFilters, ReportQuery } from '@contracts/report-query';
import { processLifecycleEvent } from '../../src/lifecycle/on-content-lifecycle';
import { reportSummary } from '../../src/reports/report-summary';
import { reportTable } from '../../src/reports/report-tables';
import { addDays, daysBetween } from '../../src/core/model/report-periods';
import { startAppStore, type AppStore } from '../support/app-store';
import { randomReportQuery, REPORT_FIRST_DAY, REPORT_SPACES, REPORT_TODAY, seedReportViews } from '../support/report-seed';
import { lifecycleEvent } from '../support/lifecycle-events';
import { distinctCount, modelRanking, modelSeries, modelViews, type RawView } from '../support/report-model';

/**
 * The query layer's brute-force model after trash, archive, move, restore and purge: the reports
 * must equal the model over the raw views of the content as it now is (hidden content left out,
 * moved content under its new space, purged content gone), exactly, for random ranges and filters.
 */
const TODAY = REPORT_TODAY;
const SPACES = REPORT_SPACES;
const TRASHED = '5001';
const ARCHIVED = '5002';
const MOVED = { id: '5003', to: 'HR' };
const PURGED = '5004';
const RESTORED = '5006';
const LIFECYCLE_AT = Date.parse(`${TODAY}T23:00:00Z`);

const seed = (random: () => number, count: number) => seedReportViews(random, count, { contents: 30, until: `${TODAY}T22:00:00Z` });
const randomQuery = randomReportQuery;

function query(range: { from: string; to: string }, filters: ReportFilters, table: ReportQuery['table'], pageSize = 50): ReportQuery {
  return { range, filters, table, sort: { column: 'views', direction: 'desc' }, pageSize };
}

describe('report query layer against the brute-force model after trash, archive, move, restore and purge', () => {
  let store: AppStore;
  /** Every counted view, as stored before the lifecycle events. */
  let counted: RawView[];
  /** What reports must show now: hidden and purged content left out, the moved page under its new space. */
  let listed: RawView[];
  beforeAll(async () => {
    store = startAppStore();
    counted = await seed(seededRandom(43), 600);
    const spaceOf = (id: string) => counted.find((view) => view.contentId === id)!.spaceKey;
    const typeOf = (id: string) => counted.find((view) => view.contentId === id)!.contentType;
    const life = (action: Parameters<typeof lifecycleEvent>[0]['action'], contentId: string, spaceKey: string, offset: number) =>
      lifecycleEvent({ action, contentId, spaceKey, at: LIFECYCLE_AT + offset, type: typeOf(contentId) });
    for (const event of [
      life('trashed', TRASHED, spaceOf(TRASHED), 0),
      life('archived', ARCHIVED, spaceOf(ARCHIVED), 0),
      life('moved', MOVED.id, MOVED.to, 0),
      life('trashed', PURGED, spaceOf(PURGED), 0),
      life('deleted', PURGED, spaceOf(PURGED), 1000),
      life('trashed', RESTORED, spaceOf(RESTORED), 0),
      life('restored', RESTORED, spaceOf(RESTORED), 1000),
    ]) expect(await processLifecycleEvent(event)).toBe('applied');
    listed = counted.filter((view) => ![TRASHED, ARCHIVED, PURGED].includes(view.contentId))
      .map((view) => (view.contentId === MOVED.id ? { ...view, spaceKey: MOVED.to } : view));
    // Every changed content was viewed, and the move really changes its space.
    for (const id of [TRASHED, ARCHIVED, MOVED.id, PURGED, RESTORED]) expect(counted.some((view) => view.contentId === id)).toBe(true);
    expect(spaceOf(MOVED.id)).not.toBe(MOVED.to);
  }, 120_000);
  afterAll(() => store.stop());

  it('tiles, chart and breakdowns count listed content only; distinct viewers stay the people who viewed', async () => {
    const random = seededRandom(8);
    for (let round = 0; round < 25; round += 1) {
      const { range, filters } = randomQuery(random);
      const summary = await reportSummary(range, filters, TODAY);
      const chosen = modelViews(listed, range, filters);
      const label = JSON.stringify({ range, filters });
      expect({ label, views: summary.current.views, anonymous: summary.current.anonymousViews, previous: summary.previous.views })
        .toEqual({ label, views: chosen.length, anonymous: chosen.filter((view) => view.viewer === null).length, previous: modelViews(listed, summary.previousRange, filters).length });
      if (summary.granularity === 'day') expect(summary.series.map((point) => point.views)).toEqual(modelSeries(chosen, daysBetween(range.from, range.to)));
      if (summary.current.viewers && Object.keys(filters).length === 0) {
        // Documented: people who viewed anything in the period, content since hidden or purged included.
        const want = distinctCount(modelViews(counted, range, filters).map((view) => view.viewer));
        if (summary.current.viewers.exact) expect(summary.current.viewers.value).toBe(want);
        else expect(Math.abs(summary.current.viewers.value - want)).toBeLessThanOrEqual(Math.max(1, want * 0.05));
      }
      if (summary.current.contentViewed?.exact) expect(summary.current.contentViewed.value).toBe(distinctCount(chosen.map((view) => view.contentId)));
      const bySource = await reportTable(query(range, filters, 'by-source'), TODAY);
      expect(bySource.result.rows).toEqual(modelRanking(chosen, (view) => view.source).map(({ id, total }) => ({ source: id, views: total })).sort((a, b) => b.views - a.views));
    }
  }, 120_000);

  it('space reports and type/source filters count distinct viewers and content of listed content exactly, the moved page in its new space', async () => {
    const dayOf = (view: RawView) => new Date(view.at).toISOString().slice(0, 10);
    const movedFrom = counted.find((view) => view.contentId === MOVED.id)!.spaceKey;
    const ranges = [{ from: addDays(TODAY, -29), to: TODAY }, { from: '2026-10-01', to: '2026-10-31' }, { from: REPORT_FIRST_DAY, to: TODAY }];
    const filterSets: ReportFilters[] = [
      ...SPACES.map((spaceKey) => ({ spaceKeys: [spaceKey] })), { spaceKeys: [movedFrom, MOVED.to] }, { spaceKeys: [MOVED.to], contentTypes: ['page'] },
      { contentTypes: ['blogpost'] }, { sources: ['mobile-web'] }, { spaceKeys: [movedFrom], audience: 'anonymous' },
    ];
    let movedSeen = 0;
    for (const range of ranges) {
      for (const filters of filterSets) {
        const summary = await reportSummary(range, filters, TODAY);
        const chosen = modelViews(listed, range, filters);
        const label = JSON.stringify({ range, filters });
        if (chosen.some((view) => view.contentId === MOVED.id)) movedSeen += 1;
        expect({ label, viewers: summary.current.viewers, contentViewed: summary.current.contentViewed, previous: summary.previous.viewers, notes: summary.notes }).toEqual({
          label, notes: undefined,
          viewers: { value: distinctCount(chosen.map((view) => view.viewer)), exact: true },
          contentViewed: { value: distinctCount(chosen.map((view) => view.contentId)), exact: true },
          previous: { value: distinctCount(modelViews(listed, summary.previousRange, filters).map((view) => view.viewer)), exact: true },
        });
        if (summary.granularity === 'day') {
          expect({ label, series: summary.series.map((point) => point.viewers) })
            .toEqual({ label, series: daysBetween(range.from, range.to).map((day) => distinctCount(chosen.filter((view) => dayOf(view) === day).map((view) => view.viewer))) });
        }
      }
    }
    // The moved page's views reached the figures of its new space (and not of the old one).
    expect(movedSeen).toBeGreaterThan(0);
  }, 120_000);

  it('top content and spaces never list hidden or purged content, and list the moved page under its new space', async () => {
    const random = seededRandom(10);
    for (let round = 0; round < 20; round += 1) {
      const { range, filters } = randomQuery(random);
      delete filters.sources;
      delete filters.audience;
      if (round % 5 === 0) filters.contentIds = [TRASHED, ARCHIVED, MOVED.id, PURGED, RESTORED, '5000', '5007'];
      const chosen = modelViews(listed, range, filters);
      const content = await reportTable(query(range, filters, 'top-content', 200), TODAY);
      expect(content.result.rows.map((row) => ('contentId' in row ? { id: row.contentId, total: row.views } : null))).toEqual(modelRanking(chosen, (view) => view.contentId));
      if (filters.contentIds) continue;
      const spaces = await reportTable(query(range, filters, 'top-spaces'), TODAY);
      expect(spaces.result.rows.map((row) => ('spaceKey' in row ? { id: row.spaceKey, total: row.views } : null))).toEqual(modelRanking(chosen, (view) => view.spaceKey));
    }
  }, 120_000);

  it('top readers lose the purged views (hidden content still counts: the reader did read it then)', async () => {
    const stored = counted.filter((view) => view.contentId !== PURGED);
    for (const range of [{ from: '2026-11-14', to: TODAY }, { from: REPORT_FIRST_DAY, to: TODAY }, { from: '2026-10-03', to: '2026-10-03' }]) {
      const readers = await reportTable(query(range, {}, 'top-readers', 200), TODAY);
      expect(readers.result.rows.map((row) => ('viewer' in row ? { id: row.viewer, total: row.views } : null))).toEqual(modelRanking(modelViews(stored, range, {}), (view) => view.viewer));
    }
  });

  it('a moved page whose view records are not refiled yet makes the filtered distinct figures fall back, with a note, never wrong', async () => {
    const moved = counted.filter((view) => view.contentId === MOVED.id).sort((a, b) => b.at - a.at)[0]!;
    const key = KEYS.view(moved.contentId, moved.viewer ?? 'anonymous', moved.at);
    const record = await kvs.entity<ViewRecord>('view').get(key);
    expect(record?.spaceKey).toBe(MOVED.to);
    const range = { from: addDays(new Date(moved.at).toISOString().slice(0, 10), -6), to: new Date(moved.at).toISOString().slice(0, 10) };
    // As if the move's record refiling had not run for this record: it is still in the old space's partition.
    await kvs.entity<ViewRecord>('view').set(key, { ...record!, spaceKey: counted.find((view) => view.contentId === MOVED.id)!.spaceKey });
    try {
      const summary = await reportSummary(range, { spaceKeys: [MOVED.to] }, TODAY);
      expect(summary.current.views).toBe(modelViews(listed, range, { spaceKeys: [MOVED.to] }).length);
      expect({ viewers: summary.current.viewers, contentViewed: summary.current.contentViewed }).toEqual({ viewers: null, contentViewed: null });
      expect(summary.notes).toEqual([expect.stringContaining('do not add up')]);
      expect(summary.series.every((point) => point.viewers === null)).toBe(true);
    } finally {
      await kvs.entity<ViewRecord>('view').set(key, record!);
    }
    const again = await reportSummary(range, { spaceKeys: [MOVED.to] }, TODAY);
    expect(again.current.viewers?.exact).toBe(true);
  });

  it('not-viewed lists neither hidden nor purged content', async () => {
    const from = '2026-11-01';
    const answer = await reportTable(query({ from, to: TODAY }, {}, 'not-viewed', 100), TODAY);
    const last = new Map<string, number>();
    for (const view of listed) last.set(view.contentId, Math.max(last.get(view.contentId) ?? 0, view.at));
    const want = [...last].filter(([, at]) => at < Date.parse(`${from}T00:00:00Z`)).sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(answer.result.rows.map((row) => ('contentId' in row ? row.contentId : ''))).toEqual(want);
  });
});
