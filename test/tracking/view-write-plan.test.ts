import { affectedDays, planViewWrite, type PlanInput, type WriteSnapshot } from '../../src/tracking/rules/view-write-plan';
import type { View } from '../../src/core/model/view';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const policy = { blockingTimeMs: 5000, horizonMs: 30 * 60_000, maxTimes: 100, maxCorrections: 1000 };
const empty: WriteSnapshot = { viewerContent: undefined, contentStats: undefined, contentDays: new Map(), spaceDays: new Map(), viewerDays: new Map(), viewRecordExists: false, accountKnown: false, contentMonths: new Map([['2026-11', null]]) };
const view = (at: number, viewer: View['viewer'] = { kind: 'user', accountId: 'u1' }): View =>
  ({ contentId: '42', contentType: 'page', spaceKey: 'HR', title: 'Handbook', viewer, at, source: 'desktop' });
const input = (overrides: Partial<PlanInput>): PlanInput =>
  ({ view: view(T0), storedViewer: 'u1', applyBlocking: true, policy, snapshot: empty, now: T0 + 1000, ...overrides });

describe('planViewWrite', () => {
  it('a first view creates the viewer history, the totals, the day row and the record', () => {
    const outcome = planViewWrite(input({}));
    expect(outcome.kind).toBe('write');
    if (outcome.kind !== 'write') return;
    expect(outcome.counted).toBe(1);
    expect(outcome.plan.viewerContent).toMatchObject({ expectedVersion: null, row: { views: 1, firstAt: T0, lastAt: T0, version: 1 } });
    expect(outcome.plan.contentStats).toMatchObject({ expectedVersion: null, row: { views: 1, viewers: 1, anonymousViews: 0, title: 'Handbook', lastViewedAt: T0 } });
    expect(outcome.plan.contentDays).toEqual([{ expectedVersion: null, row: { contentId: '42', spaceKey: 'HR', contentType: 'page', day: '2026-11-20', views: 1, anonymousViews: 0, bySource: { desktop: 1 }, cells: { 'page.desktop.s': 1 }, status: 'current', version: 1 } }]);
    expect(outcome.plan.addViews).toEqual([expect.objectContaining({ viewer: 'u1', at: T0, recordedAt: T0 + 1000 })]);
    expect(outcome.plan.spaceDays).toEqual([{ expectedVersion: null, row: {
      spaceKey: 'HR', day: '2026-11-20', shard: expect.any(Number), views: 1, pageViews: 1, blogpostViews: 0, attachmentViews: 0, anonymousViews: 0, bySource: { desktop: 1 }, version: 1,
    } }]);
    expect(outcome.plan.viewerDays).toEqual([{ expectedVersion: null, row: { viewer: 'u1', day: '2026-11-20', views: 1, version: 1 } }]);
    expect(outcome.plan.registerAccount).toEqual({ accountId: 'u1', firstSeen: T0 + 1000 });
    const known = planViewWrite(input({ snapshot: { ...empty, accountKnown: true } }));
    expect(known.kind === 'write' && known.plan.registerAccount).toBeNull();
  });

  it('keeps no per-viewer daily row for anonymous visitors (they would be one hot row)', () => {
    const outcome = planViewWrite(input({ view: view(T0, { kind: 'anonymous' }), storedViewer: 'anonymous', applyBlocking: false, snapshot: { ...empty, accountKnown: null } }));
    expect(outcome).toMatchObject({ plan: { viewerDays: [], spaceDays: [{ row: { anonymousViews: 1, views: 1 } }], registerAccount: null } });
  });

  it('a redelivered view (its record exists) is a duplicate and writes nothing', () => {
    expect(planViewWrite(input({ snapshot: { ...empty, viewRecordExists: true } }))).toEqual({ kind: 'duplicate' });
  });

  it('a view inside the blocking time only updates the history, never the shared counters', () => {
    const first = planViewWrite(input({}));
    if (first.kind !== 'write' || !first.plan.viewerContent || !first.plan.contentStats) throw new Error('setup');
    const snapshot: WriteSnapshot = { ...empty, viewerContent: first.plan.viewerContent.row, contentStats: first.plan.contentStats.row };
    const second = planViewWrite(input({ view: view(T0 + 1000), snapshot }));
    expect(second).toMatchObject({ kind: 'write', counted: 0, plan: { contentStats: null, contentDays: [], addViews: [] } });
    if (second.kind === 'write') expect(second.plan.viewerContent?.expectedVersion).toBe(1);
  });

  it('a late, earlier view swaps which view counts: totals unchanged, records corrected', () => {
    const first = planViewWrite(input({ view: view(T0 + 4000) }));
    if (first.kind !== 'write' || !first.plan.viewerContent || !first.plan.contentStats) throw new Error('setup');
    const snapshot: WriteSnapshot = {
      ...empty, viewerContent: first.plan.viewerContent.row, contentStats: first.plan.contentStats.row,
      contentDays: new Map(first.plan.contentDays.map(({ row }) => [row.day, row])),
    };
    const late = planViewWrite(input({ view: view(T0), snapshot }));
    expect(late.kind).toBe('write');
    if (late.kind !== 'write') return;
    expect(late.counted).toBe(0);
    expect(late.plan.addViews.map((r) => r.at)).toEqual([T0]);
    expect(late.plan.removeViews.map((r) => r.at)).toEqual([T0 + 4000]);
    expect(late.plan.contentStats?.row.views).toBe(1);
    expect(late.plan.contentStats?.row.viewers).toBe(1);
    expect(late.plan.contentDays).toEqual([]); // same day: +1 -1 cancels out
    expect(late.plan.spaceDays).toEqual([]);
    expect(late.plan.viewerDays).toEqual([]);
    expect(late.plan.viewerContent?.row).toMatchObject({ views: 1, firstAt: T0, lastAt: T0 });
  });

  it('anonymous views from Confluence skip the blocking time and count as anonymous', () => {
    const outcome = planViewWrite(input({ view: view(T0, { kind: 'anonymous' }), storedViewer: 'anonymous', applyBlocking: false }));
    expect(outcome).toMatchObject({ kind: 'write', counted: 1, plan: { viewerContent: null, contentStats: { row: { views: 1, viewers: 0, anonymousViews: 1 } } } });
  });

  it('covers at most two days around a view', () => {
    expect(affectedDays(Date.parse('2026-11-20T23:50:00Z'), 30 * 60_000)).toEqual(['2026-11-20', '2026-11-21']);
    expect(affectedDays(T0, 30 * 60_000)).toEqual(['2026-11-20']);
  });
});
