import { planInventoryRow, type InventoryItem } from '../../src/lifecycle/inventory/inventory-plan';
import { freshContentRow } from '../../src/lifecycle/rules/lifecycle-plan';
import { planRecordPurge, viewerDaysOf } from '../../src/lifecycle/rules/purge-plan';
import { chunkOps, type RowOp } from '../../src/core/model/row-ops';
import { viewPlanOps } from '../../src/tracking/rules/view-plan-ops';
import type { ViewRecord } from '../../src/core/model/rows';

const T = Date.parse('2026-11-20T10:00:00Z');
const item: InventoryItem = { contentId: '42', contentType: 'page', status: 'current', title: 'Handbook', spaceKey: 'HR', spaceId: '7', createdAt: T - 1000, modifiedAt: T - 10 };

describe('inventory upserts', () => {
  it('creates a never-viewed content row, then writes nothing while Confluence reports the same', () => {
    const first = planInventoryRow(undefined, item, T);
    expect(first?.next).toMatchObject({ contentId: '42', views: 0, status: 'current', spaceId: '7', createdAt: T - 1000, lastModifiedAt: T - 10, lifecycleAt: T });
    expect(first?.op.expect).toEqual({ kind: 'absent' });
    expect(planInventoryRow(first!.next, item, T + 5000)).toBeNull();
  });
  it('a newer lifecycle event wins over the backfill; a purge is final; a status change on viewed content is settled', () => {
    const viewed = { ...freshContentRow({ ...item, containerId: null }), views: 5, lifecycleAt: T + 100, version: 3 };
    expect(planInventoryRow(viewed, { ...item, status: 'trashed' }, T)).toBeNull();
    expect(planInventoryRow({ ...viewed, status: 'purged' }, item, T + 1000)).toBeNull();
    const trashed = planInventoryRow(viewed, { ...item, status: 'trashed' }, T + 1000);
    expect(trashed).toMatchObject({ needsSettle: true, next: { status: 'trashed', views: 5 }, op: { expect: { kind: 'version', version: 3 } } });
  });
});

describe('purge plans', () => {
  const record = (viewer: string, at: number): ViewRecord => ({ contentId: '42', spaceKey: 'HR', contentType: 'page', viewer, at, source: 'desktop', recordedAt: at });
  it('deletes records only if still there and takes them out of their viewers\' days', () => {
    const records = [record('u1', T), record('u1', T + 60_000), record('anonymous', T), record('u2', T)];
    expect(viewerDaysOf(records)).toEqual([{ viewer: 'u1', day: '2026-11-20' }, { viewer: 'u2', day: '2026-11-20' }]);
    const ops = planRecordPurge(records, new Map([['u1|2026-11-20', { viewer: 'u1', day: '2026-11-20', views: 5, version: 2 }]]));
    expect(ops.filter((op) => op.kind === 'delete').every((op) => op.expect.kind === 'present')).toBe(true);
    expect(ops).toContainEqual({ kind: 'put', row: { entity: 'viewer-day', value: { viewer: 'u1', day: '2026-11-20', views: 3, version: 3 } }, expect: { kind: 'version', version: 2 } });
    expect(ops).toHaveLength(5);
  });
  it('chunks never exceed Forge\'s 25 operations per transaction', () => {
    const ops: RowOp[] = Array.from({ length: 60 }, (_, i) => ({ kind: 'delete', row: { entity: 'view', value: record('u', T + i) }, expect: { kind: 'any' } }));
    expect(chunkOps(ops).map((chunk) => chunk.length)).toEqual([25, 25, 10]);
  });
  it('a view plan becomes conditional row operations: counters on versions, records only if absent', () => {
    const ops = viewPlanOps({
      viewerContent: null, contentStats: null, contentDays: [], spaceDays: [], viewerDays: [{ row: { viewer: 'u1', day: '2026-11-20', views: 1, version: 1 }, expectedVersion: null }],
      addViews: [record('u1', T)], removeViews: [record('u1', T + 1)], registerAccount: { accountId: 'u1', firstSeen: T }, contentMonths: [],
    });
    expect(ops.map((op) => [op.kind, op.row.entity, op.expect.kind])).toEqual([
      ['put', 'viewer-day', 'absent'], ['put', 'view', 'absent'], ['put', 'account', 'absent'], ['delete', 'view', 'any'],
    ]);
  });
});
