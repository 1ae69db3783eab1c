import type { ContentStatsRow } from '../../src/core/model/rows';
import { alreadyShown, cqlDateTime, desiredProperty, writtenState } from '../../src/page-statistics/byline-property/rules/property-value';
import { decideLifecycle } from '../../src/lifecycle/rules/lifecycle-plan';
import type { LifecycleEvent } from '../../src/lifecycle/rules/lifecycle-event';
import { planViewWrite, type WriteSnapshot } from '../../src/tracking/rules/view-write-plan';
import type { View } from '../../src/core/model/view';
import { formatViewCount } from '../../src/page-statistics/byline/format-count';
import { dueMark, FIRST_WRITE_AHEAD_MS, VIEW_WEIGHT_MS } from '../../src/core/model/byline-due';

const row = (over: Partial<ContentStatsRow> = {}): ContentStatsRow => ({
  contentId: '1', spaceKey: 'S', contentType: 'page', title: 'T', views: 128, viewers: 10, anonymousViews: 0,
  lastViewedAt: Date.parse('2026-12-07T10:41:02.345Z'), status: 'current', spaceId: '9', lifecycleAt: 0, createdAt: null,
  lastModifiedAt: null, containerId: null, version: 7, ...over,
});

describe('the byline property value', () => {
  it('holds the title the function says, the figures of the committed row and a CQL date', () => {
    const desired = desiredProperty(row(), 17, true);
    expect(desired.value).toEqual({ title: formatViewCount(128), tooltip: 'Open page statistics', views: 128, views30d: 17, lastViewed: '2026-12-07T10:41:02Z' });
    expect(cqlDateTime(Date.parse('2026-01-02T03:04:05.999Z'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('never-viewed content has zero figures and no lastViewed (CQL finds it with viewtracker_views = 0)', () => {
    expect(desiredProperty(row({ views: 0, lastViewedAt: 0 }), 0, true).value).toEqual({ title: '0 views', tooltip: 'Open page statistics', views: 0, views30d: 0 });
  });

  it('shows no figure with the View Counter off, or for archived and trashed content', () => {
    expect(desiredProperty(row(), 17, false).value).toEqual({ title: 'Page statistics', tooltip: 'Open page statistics' });
    for (const status of ['archived', 'trashed'] as const) {
      const value = desiredProperty(row({ status }), 17, true).value;
      expect(value.title).toBe('Page statistics');
      expect(value).not.toHaveProperty('views');
    }
  });

  it('is written again only when what it shows would change', () => {
    const desired = desiredProperty(row(), 17, true);
    const state = writtenState(desired, { id: 'p', version: 3 }, 7, 0);
    expect(alreadyShown(state, desired)).toBe(true);
    expect(alreadyShown(state, desiredProperty(row({ views: 129 }), 17, true))).toBe(false);
    expect(alreadyShown(state, desiredProperty(row(), 16, true))).toBe(false);
    expect(alreadyShown(state, desiredProperty(row(), 17, false))).toBe(false);
    expect(alreadyShown(undefined, desired)).toBe(false);
  });

  it('archiving viewed content marks its property due; an unrelated lifecycle fact does not', () => {
    const event: LifecycleEvent = { kind: 'archived', at: 1000, title: 'T', spaceKey: 'S', spaceId: '9', contentId: '1', contentType: 'page', createdAt: null, modifiedAt: null, containerId: null, reportedStatus: null };
    const archived = decideLifecycle(row(), event);
    // Marked from the event's time, ahead of every count (a visibility change is written first).
    expect(archived.kind === 'apply' && archived.next.bylineSince).toBe(1000);
    expect(archived.kind === 'apply' && archived.next.bylineDue).toBe(dueMark(undefined, 1000, 1, true).bylineDue);
    const updated = decideLifecycle(row(), { ...event, kind: 'updated' });
    expect(updated.kind === 'apply' && updated.next.bylineDue).toBeUndefined();
  });
});

describe('the view path marks the byline property due', () => {
  const T0 = Date.parse('2026-11-20T12:00:00Z');
  const policy = { blockingTimeMs: 5000, horizonMs: 30 * 60_000, maxTimes: 100, maxCorrections: 1000 };
  const empty: WriteSnapshot = { viewerContent: undefined, contentStats: undefined, contentDays: new Map(), spaceDays: new Map(), viewerDays: new Map(), viewRecordExists: false, accountKnown: false, contentMonths: new Map([['2026-11', null]]) };
  const plan = (contentType: View['contentType'], stats?: ContentStatsRow) => planViewWrite({
    view: { contentId: '1', contentType, spaceKey: 'S', title: 'T', viewer: { kind: 'user', accountId: 'u1' }, at: T0, source: 'desktop' },
    storedViewer: 'u1', applyBlocking: true, policy, snapshot: { ...empty, contentStats: stats }, now: T0 + 1000,
  });

  it('from its first unwritten view on, keeping the earliest mark and what was written', () => {
    const first = plan('page');
    expect(first.kind === 'write' && first.plan.contentStats?.row.bylineSince).toBe(T0 + 1000);
    // Never written: ahead of every page that has a property.
    expect(first.kind === 'write' && first.plan.contentStats?.row.bylineDue).toBe(T0 + 1000 - VIEW_WEIGHT_MS - FIRST_WRITE_AHEAD_MS);
    const written = writtenState(desiredProperty(row(), 0, true), { id: 'p', version: 1 }, 7, 0);
    // The property shows 125 of the row's 128 views; this view makes 4 unshown.
    const due = dueMark(undefined, T0 - 5000, 3, false);
    const later = plan('page', row({ ...due, byline: { ...written, views: 125 }, lastViewedAt: T0 - 60_000 }));
    expect(later.kind === 'write' && later.plan.contentStats?.row).toMatchObject({ bylineSince: T0 - 5000, bylineDue: T0 - 5000 - 4 * VIEW_WEIGHT_MS, byline: { ...written, views: 125 } });
    // A row marked before the order existed (only `bylineDue`, a time) keeps that time as its start.
    const legacy = plan('page', row({ bylineDue: T0 - 5000, byline: { ...written, views: 127 }, lastViewedAt: T0 - 60_000 }));
    expect(legacy.kind === 'write' && legacy.plan.contentStats?.row).toMatchObject({ bylineSince: T0 - 5000, bylineDue: T0 - 5000 - 2 * VIEW_WEIGHT_MS });
  });

  it('never for attachments, which carry no byline', () => {
    const outcome = plan('attachment');
    expect(outcome.kind === 'write' && outcome.plan.contentStats?.row.bylineDue).toBeUndefined();
  });
});

describe('the writer\'s order (src/core/model/byline-due.ts)', () => {
  const T0 = Date.parse('2026-11-20T12:00:00Z');
  const HOUR = 3_600_000;
  const key = (since: number, unshown: number, ahead = false) => dueMark(undefined, since, unshown, ahead).bylineDue;

  it('more unshown views first; equal views: the one waiting longer first', () => {
    expect(key(T0, 10)).toBeLessThan(key(T0, 2));
    expect(key(T0 - 60_000, 2)).toBeLessThan(key(T0, 2));
  });

  it('a page that never had a property (or whose visibility changed) comes before any count', () => {
    expect(key(T0, 1, true)).toBeLessThan(key(T0 - 30 * 24 * HOUR, 1000));
  });

  it('age raises a waiting page: one view waiting 12 hours comes before fresh pages with 3 unshown views, after those with 5', () => {
    const waiting = key(T0 - 12 * HOUR, 1);
    expect(key(T0, 3)).toBeGreaterThan(waiting);
    expect(key(T0, 5)).toBeLessThan(waiting);
    // The mark keeps its time while more views arrive: the key only goes down.
    const marked = dueMark(undefined, T0, 1, false);
    const more = dueMark(marked, T0 + 10 * HOUR, 3, false);
    expect(more.bylineSince).toBe(T0);
    expect(more.bylineDue).toBeLessThan(marked.bylineDue);
  });

  it('stays a positive number however many views are unshown (the index query asks for > 0)', () => {
    expect(key(T0, Number.MAX_SAFE_INTEGER, true)).toBeGreaterThan(0);
  });
});
