import { seededRandom } from '../../local/kvs/rng';
import type { ReportFilters, ReportQuery, ReportRows } from '@contracts/report-query';
import { processLifecycleEvent } from '../../src/lifecycle/on-content-lifecycle';
import { groupReportSummary, groupReportTable } from '../../src/reports/group-report';
import { MAX_GROUP_VIEWS } from '../../src/reports/group-preparation';
import { daysBetween, monthsBetween } from '../../src/core/model/report-periods';

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
import { startAppStore, type AppStore } from '../support/app-store';
import { randomReportQuery, REPORT_TODAY, seedReportViews } from '../support/report-seed';
import { lifecycleEvent } from '../support/lifecycle-events';
import { distinctCount, modelRanking, modelSeries, modelViews, type RawView } from '../support/report-model';

/**
 * The "readers in a group" filter against the brute-force model: the report's figures over the raw
 * views of the group's members only, after trash, move and purge (hidden content left out, the moved
 * page under its new space), for random groups, ranges and filter combinations. Every figure is exact.
 */
const TODAY = REPORT_TODAY;
const TRASHED = '5001';
const MOVED = { id: '5003', to: 'HR' };
const PURGED = '5004';
/** Content the inventory knows that nobody ever viewed (created, never read): first in "not viewed". */
const NEVER = [{ id: '5901', spaceKey: 'ENG', type: 'page' as const }, { id: '5902', spaceKey: 'HR', type: 'blogpost' as const }];
const AT = Date.parse(`${TODAY}T23:00:00Z`);

function query(range: { from: string; to: string }, filters: ReportFilters, table: ReportQuery['table'], pageSize = 500): ReportQuery {
  return { range, filters, table, sort: { column: 'views', direction: 'desc' }, pageSize };
}

const ids = (result: ReportRows) => result.rows.map((row) => {
  const id = 'contentId' in row ? row.contentId : 'spaceKey' in row ? row.spaceKey : 'viewer' in row ? row.viewer : 'source' in row ? row.source : row.contentType;
  return { id, total: row.views };
});

describe('group filter against the brute-force model over raw views', () => {
  let store: AppStore;
  let listed: RawView[];
  let counted: RawView[];
  beforeAll(async () => {
    store = startAppStore();
    counted = await seedReportViews(seededRandom(44), 600, { contents: 30, until: `${TODAY}T22:00:00Z` });
    const first = (id: string) => counted.find((view) => view.contentId === id)!;
    const life = (action: Parameters<typeof lifecycleEvent>[0]['action'], contentId: string, spaceKey: string, offset: number) =>
      lifecycleEvent({ action, contentId, spaceKey, at: AT + offset, type: first(contentId).contentType });
    for (const event of [
      life('trashed', TRASHED, first(TRASHED).spaceKey, 0),
      life('moved', MOVED.id, MOVED.to, 0),
      life('trashed', PURGED, first(PURGED).spaceKey, 0),
      life('deleted', PURGED, first(PURGED).spaceKey, 1000),
      ...NEVER.map((content) => lifecycleEvent({ action: 'created', contentId: content.id, spaceKey: content.spaceKey, at: AT, type: content.type })),
    ]) expect(await processLifecycleEvent(event)).toBe('applied');
    expect(first(MOVED.id).spaceKey).not.toBe(MOVED.to);
    listed = counted.filter((view) => ![TRASHED, PURGED].includes(view.contentId))
      .map((view) => (view.contentId === MOVED.id ? { ...view, spaceKey: MOVED.to } : view));
  }, 120_000);
  afterAll(() => store.stop());

  it('tiles, chart and every table are exact for random groups, ranges and filter combinations', async () => {
    const random = seededRandom(11);
    let nonEmpty = 0;
    for (let round = 0; round < 20; round += 1) {
      const { range, filters } = randomReportQuery(random);
      // Random members, one who never viewed anything, and a pseudonym-like id that matches no view.
      const members = [...Array.from({ length: 25 }, (_, i) => `user-${i}`).filter(() => random() < 0.4), 'user-nobody'];
      const inGroup = new Set(members);
      const chosen = modelViews(listed, range, filters).filter((view) => view.viewer !== null && inGroup.has(view.viewer));
      const label = JSON.stringify({ range, filters, members });
      if (chosen.length > 0) nonEmpty += 1;

      const summary = await groupReportSummary(range, filters, TODAY, members);
      if (!summary.ok) throw new Error(summary.message);
      const before = modelViews(listed, summary.value.previousRange, filters).filter((view) => view.viewer !== null && inGroup.has(view.viewer));
      expect({ label, current: summary.value.current, previous: summary.value.previous.views }).toEqual({
        label, previous: before.length,
        current: {
          views: chosen.length, anonymousViews: 0,
          viewers: { value: distinctCount(chosen.map((view) => view.viewer)), exact: true },
          contentViewed: { value: distinctCount(chosen.map((view) => view.contentId)), exact: true },
        },
      });
      if (summary.value.granularity === 'day') {
        const days = daysBetween(range.from, range.to);
        expect(summary.value.series.map((point) => point.views)).toEqual(modelSeries(chosen, days));
        expect(summary.value.series.map((point) => point.viewers))
          .toEqual(days.map((day) => distinctCount(chosen.filter((view) => new Date(view.at).toISOString().startsWith(day)).map((view) => view.viewer))));
      } else {
        expect(summary.value.series.map((point) => point.views).reduce((a, b) => a + b, 0)).toBe(chosen.length);
        expect(summary.value.series).toHaveLength(monthsBetween(range.from, range.to).length);
      }

      const table = async (name: ReportQuery['table']) => {
        const answer = await groupReportTable(query(range, filters, name), TODAY, members);
        if (!answer.ok) throw new Error(answer.message);
        return ids(answer.value.result);
      };
      expect({ label, rows: await table('top-content') }).toEqual({ label, rows: modelRanking(chosen, (view) => view.contentId) });
      expect({ label, rows: await table('top-spaces') }).toEqual({ label, rows: modelRanking(chosen, (view) => view.spaceKey) });
      expect({ label, rows: await table('top-readers') }).toEqual({ label, rows: modelRanking(chosen, (view) => view.viewer) });
      expect({ label, rows: await table('by-source') }).toEqual({ label, rows: modelRanking(chosen, (view) => view.source) });
      expect({ label, rows: await table('by-type') }).toEqual({ label, rows: modelRanking(chosen, (view) => view.contentType) });
      expect({ label, rows: await notViewedPages(range, filters, members, 7) }).toEqual({ label, rows: modelNotViewed(range, filters, inGroup) });
    }
    expect(nonEmpty).toBeGreaterThan(10);
  }, 120_000);

  it('pages of a ranking, sorted by any column, add up to the whole ranking', async () => {
    const range = { from: '2026-09-01', to: TODAY };
    const members = ['user-1', 'user-2', 'user-3', 'user-4'];
    const whole = await groupReportTable(query(range, {}, 'top-content'), TODAY, members);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await groupReportTable({ ...query(range, {}, 'top-content', 3), sort: { column: 'contentId', direction: 'asc' }, ...(cursor ? { cursor } : {}) }, TODAY, members);
      if (!page.ok) throw new Error(page.message);
      pages.push(...page.value.result.rows.map((row) => ('contentId' in row ? row.contentId : '')));
      cursor = page.value.nextCursor ?? undefined;
    } while (cursor);
    expect(whole.ok && whole.value.result.rows.map((row) => ('contentId' in row ? row.contentId : '')).sort()).toEqual(pages);
    expect(pages.length).toBeGreaterThan(3);
  });

  /**
   * Not viewed by the group, as the model says: listed content (the inventory: every content with a
   * row, viewed or only created) in the filters' spaces and types, minus what any member viewed in
   * the range (any source), never-viewed first, then by the last view by anyone.
   */
  function modelNotViewed(range: { from: string; to: string }, filters: ReportFilters, members: ReadonlySet<string>): Array<{ id: string; lastViewedAt: number | null }> {
    const content = new Map<string, { spaceKey: string; type: string; last: number }>(NEVER.map((c) => [c.id, { spaceKey: c.spaceKey, type: c.type, last: 0 }]));
    for (const view of listed) {
      const known = content.get(view.contentId);
      content.set(view.contentId, { spaceKey: view.spaceKey, type: view.contentType, last: Math.max(known?.last ?? 0, view.at) });
    }
    const viewed = new Set(listed.filter((view) => view.viewer !== null && members.has(view.viewer) && dayOf(view.at) >= range.from && dayOf(view.at) <= range.to).map((view) => view.contentId));
    return [...content].filter(([id, row]) => !viewed.has(id)
      && (!filters.spaceKeys?.length || filters.spaceKeys.includes(row.spaceKey))
      && (!filters.contentTypes?.length || filters.contentTypes.includes(row.type as 'page')))
      .sort((a, b) => a[1].last - b[1].last || (a[0] < b[0] ? -1 : 1))
      .map(([id, row]) => ({ id, lastViewedAt: row.last || null }));
  }

  /** Every page of the group's not-viewed table, `pageSize` rows a call, as the UI and the CSV export page it. */
  async function notViewedPages(range: { from: string; to: string }, filters: ReportFilters, members: string[], pageSize: number) {
    const rows: Array<{ id: string; lastViewedAt: number | null }> = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const page = await groupReportTable({ ...query(range, filters, 'not-viewed', pageSize), sort: { column: 'lastViewedAt', direction: 'asc' }, ...(cursor ? { cursor } : {}) }, TODAY, members);
      if (!page.ok) throw new Error(page.message);
      expect(page.value.result.rows.length).toBeLessThanOrEqual(pageSize);
      for (const row of page.value.result.rows) if ('lastViewedAt' in row && 'contentId' in row) rows.push({ id: row.contentId, lastViewedAt: row.lastViewedAt });
      cursor = page.value.nextCursor ?? undefined;
      calls += 1;
    } while (cursor && calls < 100);
    return rows;
  }

  it('not viewed by the group: never-viewed first, then the oldest last view, without what members viewed in the range', async () => {
    const range = { from: '2026-11-01', to: TODAY };
    const members = ['user-1', 'user-2'];
    const rows = await notViewedPages(range, {}, members, 5);
    expect(rows).toEqual(modelNotViewed(range, {}, new Set(members)));
    expect(rows.slice(0, 2).map((row) => row.id).sort()).toEqual(NEVER.map((c) => c.id));
    // Content others viewed in the range is listed when no member did (with its last view, by anyone, in the range).
    expect(rows.some((row) => row.lastViewedAt !== null && dayOf(row.lastViewedAt) >= range.from)).toBe(true);
    // A member who viewed nothing leaves the whole listed inventory.
    expect((await notViewedPages(range, {}, ['user-nobody'], 100)).length).toBe(new Set([...listed.map((view) => view.contentId), ...NEVER.map((c) => c.id)]).size);
    const answer = await groupReportTable(query(range, {}, 'not-viewed', 25), TODAY, members);
    expect(answer.ok && answer.value.notes[0]).toMatch(/did not view in the range/);
  });

  it('too many views is an answer, not a partial figure', async () => {
    expect(MAX_GROUP_VIEWS).toBeGreaterThan(listed.length); // the bound below is reached by lowering it
    const { viewsOfViewers } = await import('../../src/reports/storage/viewer-views');
    const members = Array.from({ length: 25 }, (_, i) => `user-${i}`);
    expect(await viewsOfViewers(members, Date.parse('2026-09-01'), Date.parse('2026-11-21'), 50)).toEqual({ ok: false, reason: 'too-many-views' });
    const all = await viewsOfViewers(members, Date.parse('2026-09-01'), Date.parse('2026-11-21'), 10_000);
    // Purged content's view records are gone; trashed content keeps them (for a restore), the filter hides them.
    expect(all.ok && all.views.length).toBe(counted.filter((view) => view.viewer !== null && view.contentId !== PURGED).length);
    expect(counted.some((view) => view.viewer !== null && view.contentId === TRASHED)).toBe(true);
  });

  it('read viewer by viewer: stopped anywhere, each viewer answered is whole and the rest are read later, so every view once', async () => {
    const { readViewersViews } = await import('../../src/reports/storage/viewer-views');
    const members = Array.from({ length: 25 }, (_, i) => `user-${i}`);
    const [from, to] = [Date.parse('2026-09-01'), Date.parse('2026-11-21')];
    const whole = await readViewersViews(members, from, to, 10_000);
    expect(whole.stopped).toBeNull();
    for (const deadline of [1, 3, 7, 15]) {
      let ticks = 0;
      const clock = () => (ticks += 1);
      const seen = new Map<string, number>();
      let left = members;
      for (let call = 0; left.length > 0 && call < 30; call += 1) {
        ticks = 0;
        const read = await readViewersViews(left, from, to, 10_000, deadline, clock, () => true, true);
        // Each parallel reader reads its first viewer whatever the time: a call always gets on.
        expect(read.byViewer.size).toBeGreaterThanOrEqual(Math.min(10, left.length));
        for (const [viewer, views] of read.byViewer) {
          expect(views).toEqual(whole.byViewer.get(viewer));
          seen.set(viewer, (seen.get(viewer) ?? 0) + 1);
        }
        left = left.filter((viewer) => !read.byViewer.has(viewer));
      }
      expect([...seen.values()].every((times) => times === 1) && seen.size).toBe(members.length);
    }
  });

  it('past the deadline no further query starts and the answer is out-of-time, not the views read so far', async () => {
    const { viewsOfViewers } = await import('../../src/reports/storage/viewer-views');
    const members = Array.from({ length: 25 }, (_, i) => `user-${i}`);
    let ticks = 0;
    const clock = () => (ticks += 1); // each query asks the clock once: the 13th check is past the deadline
    expect(await viewsOfViewers(members, Date.parse('2026-09-01'), Date.parse('2026-11-21'), 10_000, 12, clock)).toEqual({ ok: false, reason: 'out-of-time' });
    expect(ticks).toBeLessThanOrEqual(12 + 10); // one last look per parallel reader, then they stop
    const whole = await viewsOfViewers(members, Date.parse('2026-09-01'), Date.parse('2026-11-21'), 10_000);
    expect(await viewsOfViewers(members, Date.parse('2026-09-01'), Date.parse('2026-11-21'), 10_000, Date.now() + 60_000)).toEqual(whole);
  });
});
