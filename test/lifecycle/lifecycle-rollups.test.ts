import { freshContentRow, planDayMoves, planMonthMoves } from '../../src/lifecycle/rules/lifecycle-plan';
import { rollupTargetId, rollupsTouched } from '../../src/core/model/lifecycle-rollups';
import { emptyMonth } from '../../src/core/model/content-month';
import type { RollupRow } from '../../src/core/model/report-rows';
import { rollupShardOf } from '../../src/core/model/report-rows';
import type { ContentDayRow, ContentStatsRow } from '../../src/core/model/rows';
import type { RowOp } from '../../src/core/model/row-ops';
import { planRecordPurge, viewerDayId, viewerMonthId } from '../../src/lifecycle/rules/purge-plan';

const T = Date.parse('2026-11-20T10:00:00Z');
const content = (over: Partial<ContentStatsRow>): ContentStatsRow => ({
  ...freshContentRow({ contentId: '42', contentType: 'page', spaceKey: 'HR', spaceId: '1', title: 'Handbook', containerId: null }),
  views: 4, lifecycleAt: T, version: 5, ...over,
});
const day: ContentDayRow = {
  contentId: '42', spaceKey: 'HR', contentType: 'page', day: '2026-11-20', views: 4, anonymousViews: 1,
  bySource: { desktop: 4 }, cells: { 'page.desktop.s': 3, 'page.desktop.a': 1 }, status: 'current', version: 3,
};
const month = { ...emptyMonth('42', 'HR', '2026-11'), monthViews: 4, cells: { 'page.desktop.s': 3, 'page.desktop.a': 1 }, version: 2 };
const shard = rollupShardOf('42');
/** Stored rollups: the content's share and another content's 10 views in each row. */
function stored(level: 'd' | 'm', period: string): Map<string, RollupRow> {
  const site = level === 'd' ? 'sd' : 'sm';
  const rows: RollupRow[] = [
    { scope: 'HR', level, period, shard, views: 14, viewers: 0, contents: 2, cells: { 'page.desktop.s': 13, 'page.desktop.a': 1 }, version: 7 },
    { scope: 'ENG', level, period, shard, views: 10, viewers: 0, contents: 1, cells: { 'page.desktop.s': 10 }, version: 2 },
    { scope: 'site', level: site, period, shard, views: 24, viewers: 5, contents: 3, cells: { 'page.desktop.s': 23, 'page.desktop.a': 1 }, version: 9 },
  ];
  return new Map(rows.map((row) => [rollupTargetId(row), row]));
}
const rollupsOf = (ops: RowOp[]) => Object.fromEntries(ops.flatMap((op) => (op.row.entity === 'rollup' && op.kind === 'put'
  ? [[`${op.row.value.scope}|${op.row.value.level}`, { views: op.row.value.views, contents: op.row.value.contents, cells: op.row.value.cells, viewers: op.row.value.viewers, expect: op.expect }]] : [])));

describe('lifecycle moves the report rollups with the content rows', () => {
  it('a trash takes the day row\'s share (views, cells, one content) out of its space and the site, conditional on versions', () => {
    const ops = planDayMoves(content({ status: 'trashed' }), [day], new Map(), stored('d', day.day));
    expect(rollupsOf(ops)).toEqual({
      'HR|d': { views: 10, contents: 1, cells: { 'page.desktop.s': 10, 'page.desktop.a': 0 }, viewers: 0, expect: { kind: 'version', version: 7 } },
      // Distinct viewers are about people, not content: they stay.
      'site|sd': { views: 20, contents: 2, cells: { 'page.desktop.s': 20, 'page.desktop.a': 0 }, viewers: 5, expect: { kind: 'version', version: 9 } },
    });
    expect(ops[0]).toMatchObject({ kind: 'check', expect: { kind: 'lifecycle', at: T } });
  });
  it('a restore puts a hidden row\'s share back', () => {
    const ops = planDayMoves(content({ status: 'current' }), [{ ...day, status: 'trashed' }], new Map(), new Map());
    expect(rollupsOf(ops)).toMatchObject({ 'HR|d': { views: 4, contents: 1, expect: { kind: 'absent' } }, 'site|sd': { views: 4, contents: 1 } });
  });
  it('a move takes the share from the old space to the new one; the site row is not written', () => {
    const ops = planMonthMoves(content({ spaceKey: 'ENG' }), [month], stored('m', '2026-11'));
    expect(rollupsOf(ops)).toEqual({
      'HR|m': { views: 10, contents: 1, cells: { 'page.desktop.s': 10, 'page.desktop.a': 0 }, viewers: 0, expect: { kind: 'version', version: 7 } },
      'ENG|m': { views: 14, contents: 2, cells: { 'page.desktop.s': 13, 'page.desktop.a': 1 }, viewers: 0, expect: { kind: 'version', version: 2 } },
    });
    expect(ops.find((op) => op.row.entity === 'content-month')).toMatchObject({ kind: 'put', row: { value: { spaceKey: 'ENG', status: 'current', version: 3 } } });
  });
  it('a purge deletes the month row and takes its share out for good; a hidden row has nothing left to take', () => {
    const ops = planMonthMoves(content({ status: 'purged' }), [month], stored('m', '2026-11'));
    expect(ops.filter((op) => op.kind === 'delete').map((op) => op.row.entity)).toEqual(['content-month']);
    expect(rollupsOf(ops)).toMatchObject({ 'HR|m': { views: 10, contents: 1 }, 'site|sm': { views: 20, contents: 2 } });
    expect(rollupsOf(planMonthMoves(content({ status: 'purged' }), [{ ...month, status: 'trashed' }], new Map()))).toEqual({});
  });
  it('settled rows write nothing, and every chunk stays within 25 operations', () => {
    expect(planMonthMoves(content({}), [month], new Map())).toEqual([]);
    const days = Array.from({ length: 4 }, (_, i) => ({ ...day, day: `2026-11-2${i}` }));
    const moved = content({ spaceKey: 'ENG' });
    expect(planDayMoves(moved, days, new Map(), new Map()).length).toBeLessThanOrEqual(25);
    expect(rollupsTouched({ ...day, period: day.day }, moved, 'day').map((target) => `${target.scope}|${target.level}`)).toEqual(['HR|d', 'ENG|d', 'site|sd']);
  });
  it('a purge takes its view records out of their readers\' day and month rows (a row at 0 stays)', () => {
    const record = (viewer: string, at: number) => ({ contentId: '42', spaceKey: 'HR', contentType: 'page' as const, viewer, at, source: 'desktop' as const, recordedAt: at });
    const ops = planRecordPurge([record('u1', T), record('u1', T + 60_000), record('anonymous', T)],
      new Map([[viewerDayId('u1', '2026-11-20'), { viewer: 'u1', day: '2026-11-20', views: 2, version: 4 }]]),
      new Map([[viewerMonthId('u1', '2026-11'), { viewer: 'u1', month: '2026-11', views: 5, days: { '20': 2, '03': 3 }, version: 8 }]]));
    expect(ops.filter((op) => op.row.entity === 'view').length).toBe(3);
    expect(ops.find((op) => op.row.entity === 'viewer-day')).toMatchObject({ row: { value: { views: 0, version: 5 } }, expect: { kind: 'version', version: 4 } });
    expect(ops.find((op) => op.row.entity === 'viewer-month')).toMatchObject({ row: { value: { views: 3, days: { '20': 0, '03': 3 }, version: 9 } }, expect: { kind: 'version', version: 8 } });
  });
});
