import {
  distinctOfPeriod, EXACT_FILTERED_MAX_VIEWS, filteredViews, pageBudget, planFilteredRead, readSpan, type PeriodCandidate,
} from '../../src/reports/rules/filtered-distinct';
import type { ContentStatsRow, ViewRecord } from '../../src/core/model/rows';

const TODAY = '2026-11-20';
const current = (over: Partial<PeriodCandidate> = {}): PeriodCandidate => ({ name: 'current', range: { from: '2026-10-22', to: TODAY }, filteredViews: 10, storedViews: 100, ...over });
const previous = (over: Partial<PeriodCandidate> = {}): PeriodCandidate => ({ name: 'previous', range: { from: '2026-09-22', to: '2026-10-21' }, filteredViews: 10, storedViews: 100, ...over });

describe('which periods a filtered report counts from view records', () => {
  it('reads both periods when they fit the bound and retention keeps them', () => {
    expect(planFilteredRead([previous(), current()], null, TODAY)).toEqual({ read: ['current', 'previous'], empty: [], skipped: [] });
  });

  it('decides by the records to be read (every cell of the partitions), current period first', () => {
    const half = EXACT_FILTERED_MAX_VIEWS / 2;
    expect(planFilteredRead([previous({ storedViews: half + 1 }), current({ storedViews: half })], null, TODAY))
      .toEqual({ read: ['current'], empty: [], skipped: [{ name: 'previous', reason: 'too-many-views' }] });
    // The previous period alone is not worth a read: without the current figure there is no change to show.
    expect(planFilteredRead([current({ storedViews: EXACT_FILTERED_MAX_VIEWS + 1, filteredViews: 1 }), previous()], null, TODAY))
      .toEqual({ read: [], empty: [], skipped: [{ name: 'current', reason: 'too-many-views' }, { name: 'previous', reason: 'not-needed' }] });
    expect(planFilteredRead([current({ filteredViews: 0, storedViews: 1e9 }), previous()], null, TODAY)).toEqual({ read: ['previous'], empty: ['current'], skipped: [] });
    expect(planFilteredRead([current({ storedViews: EXACT_FILTERED_MAX_VIEWS })], null, TODAY).read).toEqual(['current']);
  });

  it('skips a period retention may have cut (now is at most the end of today)', () => {
    // 30 days kept: views from 2026-10-22 00:00 on are surely there until today ends.
    expect(planFilteredRead([current(), previous()], 30, TODAY)).toEqual({ read: ['current'], empty: [], skipped: [{ name: 'previous', reason: 'retention' }] });
    expect(planFilteredRead([current()], 29, TODAY).skipped).toEqual([{ name: 'current', reason: 'retention' }]);
  });

  it('a period without any filtered view is exactly empty, whatever its size or age', () => {
    expect(planFilteredRead([current({ filteredViews: 0, storedViews: 1e9 }), previous({ filteredViews: 0 })], 1, TODAY)).toEqual({ read: [], empty: ['current', 'previous'], skipped: [] });
  });
});

const record = (over: Partial<ViewRecord>): ViewRecord => ({ contentId: 'c1', spaceKey: 'ENG', contentType: 'page', viewer: 'u1', at: Date.parse('2026-11-10T10:00:00Z'), source: 'desktop', recordedAt: 0, ...over });
const stats = (over: Partial<ContentStatsRow>): ContentStatsRow => ({
  contentId: 'c1', spaceKey: 'ENG', contentType: 'page', title: '', views: 1, viewers: 1, anonymousViews: 0, lastViewedAt: 0, status: 'current', version: 1, ...over,
} as ContentStatsRow);

describe('the records a filtered report counts', () => {
  it('leaves out trashed, archived and purged content and files a moved page under its current space', () => {
    const records = [
      record({ contentId: 'live' }), record({ contentId: 'trashed' }), record({ contentId: 'archived' }), record({ contentId: 'purged' }),
      record({ contentId: 'moved-in', spaceKey: 'OPS' }), record({ contentId: 'moved-out' }), record({ contentId: 'unknown' }),
    ];
    const rows = new Map([
      ['live', stats({ contentId: 'live' })], ['trashed', stats({ contentId: 'trashed', status: 'trashed' })],
      ['archived', stats({ contentId: 'archived', status: 'archived' })], ['purged', stats({ contentId: 'purged', status: 'purged' })],
      ['moved-in', stats({ contentId: 'moved-in', spaceKey: 'ENG' })], ['moved-out', stats({ contentId: 'moved-out', spaceKey: 'OPS' })],
    ]);
    expect(filteredViews(records, rows, { spaceKeys: ['ENG'] }).map((view) => view.contentId)).toEqual(['live', 'moved-in', 'unknown']);
  });

  it('applies type, source and audience as the rollup cells do (the view\'s own type and source)', () => {
    const records = [
      record({ viewer: 'u1' }), record({ viewer: 'anonymous' }), record({ viewer: 'u2', source: 'mobile-web' }), record({ viewer: 'u3', contentType: 'blogpost' }),
    ];
    const viewers = (filters: Parameters<typeof filteredViews>[2]) => filteredViews(records, new Map(), filters).map((view) => view.viewer);
    expect(viewers({ contentTypes: ['page'] })).toEqual(['u1', 'anonymous', 'u2']);
    expect(viewers({ sources: ['desktop'], audience: 'signed-in' })).toEqual(['u1', 'u3']);
    expect(viewers({ audience: 'anonymous' })).toEqual(['anonymous']);
  });
});

describe('distinct figures of one period', () => {
  const day = (d: string, viewer: string, contentId = 'c1') => ({ contentId, viewer, day: d });
  const views = [day('2026-11-01', 'u1'), day('2026-11-01', 'u1', 'c2'), day('2026-11-02', 'u2'), day('2026-11-02', 'anonymous', 'c3'), day('2026-11-02', 'p-abc'), day('2026-10-31', 'u9')];
  const range = { from: '2026-11-01', to: '2026-11-02' };

  it('counts signed-in viewers (pseudonyms are people, anonymous visitors are not), content and viewers per bucket', () => {
    const counts = distinctOfPeriod(views, range, 5, [{ start: '2026-11-01', from: '2026-11-01', to: '2026-11-01' }, { start: '2026-11-02', from: '2026-11-02', to: '2026-11-02' }]);
    expect(counts).toEqual({ viewers: 3, contents: 3, viewersPerBucket: new Map([['2026-11-01', 1], ['2026-11-02', 2]]) });
  });

  it('gives nothing when the records are not exactly the views the rollups count', () => {
    expect(distinctOfPeriod(views, range, 4, [])).toBeNull();
    expect(distinctOfPeriod(views, range, 6, [])).toBeNull();
  });
});

describe('read bounds', () => {
  it('spans the periods read, both ends included, in ms', () => {
    expect(readSpan([{ from: '2026-11-01', to: '2026-11-20' }, { from: '2026-10-13', to: '2026-10-31' }]))
      .toEqual({ fromAt: Date.parse('2026-10-13T00:00:00Z'), toAt: Date.parse('2026-11-21T00:00:00Z') - 1 });
  });

  it('allows the bound\'s pages plus one part page per partition', () => {
    expect(pageBudget(1)).toBe(EXACT_FILTERED_MAX_VIEWS / 100 + 1);
    expect(pageBudget(20, 250)).toBe(23);
  });
});
