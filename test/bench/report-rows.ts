/**
 * The benchmark's site generator writes report rows directly, as the view path would have written
 * them for the same views (test/reports/report-generator.test.ts checks that row for row). Its
 * input is aggregated (views grouped by content, day, source and audience; viewers by day), so a
 * year of 200,000 views a day needs no 73 million individual views.
 */
import { kvs } from '@forge/kvs';
import { cellKey, rollupShardOf, type RollupRow, type SketchRow, type ViewerMonthRow } from '../../src/core/model/report-rows';
import { encodeShard, REGISTERS_PER_SHARD, sketchSlot, type SketchSlot } from '../../src/core/model/hyperloglog';
import { sketchPeriodsOf } from '../../src/core/model/rollup-plan';
import { compactionOps } from '../../src/core/model/space-compaction';
import { emptyMonth, settleTotals, type ContentMonthRow } from '../../src/core/model/content-month';
import { dayOfMonth, monthOf } from '../../src/core/model/report-periods';
import type { ContentDayRow, ViewerDayRow, ViewRecord } from '../../src/core/model/rows';
import type { Source } from '@contracts/settings';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { encode } from '../../src/core/storage/codecs';

export interface ViewGroup {
  contentId: string; spaceKey: string; contentType: 'page' | 'blogpost'; day: string; source: Source; signedIn: boolean; views: number;
}

export interface GeneratorInput {
  groups: ViewGroup[];
  /**
   * Individual counted views whose raw `view` records are written too (the groups must include them):
   * only where a read counts records (a small space's exact distinct figures), not the whole site.
   */
  views?: ViewRecord[];
  /** Per day, each signed-in viewer with the content of their first view that day (the shard their count lands in). */
  viewersByDay: Map<string, Map<string, string>>;
  /** Per month, each viewer with the content of their first view that month. */
  viewersByMonth: Map<string, Map<string, string>>;
  /** Per day, each signed-in viewer's counted views that day (their `viewer-day` and `viewer-month` rows). */
  viewerViews?: Map<string, Map<string, number>>;
  /** Which row kinds to build (the bench skips what its reads never touch). */
  contentDays?: (day: string) => boolean;
  contentMonths?: (month: string) => boolean;
  /** Which of a space's rollup rows to build (level `d` or `m`, period day or month). */
  spaceRollups?: (spaceKey: string, level: 'd' | 'm', period: string) => boolean;
  /** Which days' `viewer-day` rows to build. */
  viewerDays?: (day: string) => boolean;
  /**
   * Only the this-many most active viewers' rows of each day and month (the top-readers merge reads
   * the head of those lists; the candidates it finds there are the head of every month too).
   */
  viewerHead?: number;
}

export interface GeneratedRows {
  contentDays: Map<string, ContentDayRow>;
  contentMonths: Map<string, ContentMonthRow>;
  rollups: Map<string, RollupRow>;
  sketches: Map<string, SketchRow>;
  viewRecords?: Map<string, ViewRecord>;
  viewerDays?: Map<string, ViewerDayRow>;
  viewerMonths?: Map<string, ViewerMonthRow>;
}

export function buildRows(input: GeneratorInput): GeneratedRows {
  const out: GeneratedRows = { contentDays: new Map(), contentMonths: new Map(), rollups: new Map(), sketches: new Map(), viewRecords: new Map() };
  for (const view of input.views ?? []) out.viewRecords?.set(KEYS.view(view.contentId, view.viewer, view.at), view);
  const contentSeenDay = new Set<string>();
  const contentSeenMonth = new Set<string>();
  const rollup = (scope: string, level: RollupRow['level'], period: string, shard: number) => {
    const key = KEYS.rollup(scope, level, period, shard);
    // Space rows are open until compacted, as every writer leaves them (see src/core/model/space-compaction.ts).
    const row = out.rollups.get(key) ?? { scope, level, period, shard, views: 0, viewers: 0, contents: 0, cells: {}, version: 1, ...(scope === 'site' ? {} : { settle: 'open' as const }) };
    out.rollups.set(key, row);
    return row;
  };
  // Registers are raised in typed arrays and written as text once, at the end (millions of raises).
  const ranks = new Map<string, { row: SketchRow; ranks: Uint8Array }>();
  const slots = new Map<string, SketchSlot>();
  const sketch = (kind: SketchRow['kind'], level: SketchRow['level'], period: string, element: string) => {
    let slot = slots.get(element);
    if (!slot) { slot = sketchSlot(element); slots.set(element, slot); }
    const key = KEYS.sketch(kind, level, period, slot.shard);
    let entry = ranks.get(key);
    if (!entry) { entry = { row: { kind, level, period, shard: slot.shard, registers: '', version: 1 }, ranks: new Uint8Array(REGISTERS_PER_SHARD) }; ranks.set(key, entry); }
    if ((entry.ranks[slot.offset] ?? 0) < slot.rank) entry.ranks[slot.offset] = slot.rank;
  };
  for (const group of input.groups) {
    const month = monthOf(group.day);
    const shard = rollupShardOf(group.contentId);
    const cell = cellKey(group.contentType, group.source, group.signedIn ? 's' : 'a');
    if (input.contentDays?.(group.day) ?? true) {
      const key = KEYS.contentDay(group.contentId, group.day);
      const row = out.contentDays.get(key) ?? { contentId: group.contentId, spaceKey: group.spaceKey, contentType: group.contentType, day: group.day, views: 0, anonymousViews: 0, bySource: {}, cells: {}, status: 'current' as const, version: 1 };
      row.views += group.views;
      if (!group.signedIn) row.anonymousViews += group.views;
      row.bySource = { ...row.bySource, [group.source]: (row.bySource[group.source] ?? 0) + group.views };
      row.cells = { ...row.cells, [cell]: (row.cells[cell] ?? 0) + group.views };
      out.contentDays.set(key, row);
    }
    if (input.contentMonths?.(month) ?? true) {
      const key = KEYS.contentMonth(group.contentId, month);
      const row = out.contentMonths.get(key) ?? { ...emptyMonth(group.contentId, group.spaceKey, month, group.contentType), version: 1 };
      const index = Number(dayOfMonth(group.day)) - 1;
      row.views[index] = (row.views[index] ?? 0) + group.views;
      if (!group.signedIn) row.anonymousViews[index] = (row.anonymousViews[index] ?? 0) + group.views;
      const counts = row.sources[group.source] ?? new Array<number>(row.views.length).fill(0);
      counts[index] = (counts[index] ?? 0) + group.views;
      row.sources[group.source] = counts;
      row.cells[cell] = (row.cells[cell] ?? 0) + group.views;
      out.contentMonths.set(key, { ...settleTotals(row), version: 1 });
    }
    const newDay = !contentSeenDay.has(`${group.contentId}|${group.day}`);
    const newMonth = !contentSeenMonth.has(`${group.contentId}|${month}`);
    contentSeenDay.add(`${group.contentId}|${group.day}`);
    contentSeenMonth.add(`${group.contentId}|${month}`);
    const targets: Array<[string, RollupRow['level'], string, boolean]> = [['site', 'sd', group.day, newDay], ['site', 'sm', month, newMonth]];
    if (input.spaceRollups?.(group.spaceKey, 'd', group.day) ?? true) targets.push([group.spaceKey, 'd', group.day, newDay]);
    if (input.spaceRollups?.(group.spaceKey, 'm', month) ?? true) targets.push([group.spaceKey, 'm', month, newMonth]);
    for (const [scope, level, period, isNew] of targets) {
      const row = rollup(scope, level, period, shard);
      row.views += group.views;
      row.cells[cell] = (row.cells[cell] ?? 0) + group.views;
      if (isNew) row.contents += 1;
    }
    for (const [level, period] of sketchPeriodsOf(group.day)) sketch('contents', level, period, group.contentId);
  }
  for (const [day, viewers] of input.viewersByDay) {
    const periods = sketchPeriodsOf(day);
    const perShard = new Map<number, number>();
    for (const [viewer, contentId] of viewers) {
      const shard = rollupShardOf(contentId);
      perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
      for (const [level, period] of periods) sketch('viewers', level, period, viewer);
    }
    for (const [shard, count] of perShard) rollup('site', 'sd', day, shard).viewers += count;
  }
  for (const [month, viewers] of input.viewersByMonth) {
    for (const contentId of viewers.values()) rollup('site', 'sm', month, rollupShardOf(contentId)).viewers += 1;
  }
  for (const [key, entry] of ranks) out.sketches.set(key, { ...entry.row, registers: encodeShard(entry.ranks) });
  const viewers = viewerRows(input);
  out.viewerDays = viewers.days;
  out.viewerMonths = viewers.months;
  return out;
}

/** `viewer-day` rows (views of the day) and `viewer-month` rows (views per day of the month), as the view path counts them. */
function viewerRows(input: GeneratorInput): { days: Map<string, ViewerDayRow>; months: Map<string, ViewerMonthRow> } {
  const head = <R extends { views: number }>(rows: R[]) => (input.viewerHead === undefined ? rows : [...rows].sort((a, b) => b.views - a.views).slice(0, input.viewerHead));
  const days = new Map<string, ViewerDayRow>();
  const byMonth = new Map<string, Map<string, ViewerMonthRow>>();
  for (const [day, counts] of input.viewerViews ?? []) {
    const month = monthOf(day);
    const monthRows = byMonth.get(month) ?? new Map<string, ViewerMonthRow>();
    byMonth.set(month, monthRows);
    const dayRows: ViewerDayRow[] = [];
    for (const [viewer, views] of counts) {
      if (views <= 0) continue;
      if (input.viewerDays?.(day) ?? true) dayRows.push({ viewer, day, views, version: 1 });
      const row = monthRows.get(viewer) ?? { viewer, month, views: 0, days: {}, version: 1 };
      const dd = dayOfMonth(day);
      row.views += views;
      row.days[dd] = (row.days[dd] ?? 0) + views;
      monthRows.set(viewer, row);
    }
    for (const row of head(dayRows)) days.set(KEYS.viewerDay(row.viewer, row.day), row);
  }
  const months = new Map<string, ViewerMonthRow>();
  for (const monthRows of byMonth.values()) for (const row of head([...monthRows.values()])) months.set(KEYS.viewerMonth(row.viewer, row.month), row);
  return { days, months };
}

/**
 * What the space compaction job (src/lifecycle/space-compaction/space-compaction.ts) makes of the rows: every space's closed
 * days (up to `day`) and months (up to `month`) summed into one row, its shards settled. Through the
 * job's own pure planner, so the rows are the ones it writes (report-generator.test.ts compares them).
 * Returns how many compacted rows it added.
 */
export function compactRows(rows: GeneratedRows, through: { day: string; month: string }): number {
  const groups = new Map<string, RollupRow[]>();
  for (const row of rows.rollups.values()) {
    if (!(row.level === 'd' && row.period <= through.day) && !(row.level === 'm' && row.period <= through.month)) continue;
    const id = `${row.scope}|${row.level}|${row.period}`;
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  let added = 0;
  for (const shards of groups.values()) {
    const { scope, level, period } = shards[0]!;
    for (const op of compactionOps(shards, undefined, { scope, level: level as 'd' | 'm', period })) {
      if (op.kind !== 'put' || op.row.entity !== 'rollup') continue;
      const value = op.row.value;
      // The generator's rows are written once: version 1 like every other generated row.
      rows.rollups.set(KEYS.rollup(value.scope, value.level, value.period, value.shard), { ...value, version: 1 });
      if (value.level === 'cd' || value.level === 'cm') added += 1;
    }
  }
  return added;
}

/** Writes the rows through the app's storage keys and entities, 25 a batch, 8 batches in flight. */
export async function writeRows(rows: GeneratedRows): Promise<number> {
  const items = [
    ...[...rows.contentDays].map(([key, value]) => ({ key, value, entityName: ENTITY.contentDay })),
    ...[...rows.contentMonths].map(([key, value]) => ({ key, value: encode.contentMonth(value), entityName: ENTITY.contentMonth })),
    ...[...rows.rollups].map(([key, value]) => ({ key, value, entityName: ENTITY.rollup })),
    ...[...rows.sketches].map(([key, value]) => ({ key, value, entityName: ENTITY.sketch })),
    ...[...(rows.viewRecords ?? [])].map(([key, value]) => ({ key, value, entityName: ENTITY.view })),
    ...[...rows.viewerDays ?? []].map(([key, value]) => ({ key, value, entityName: ENTITY.viewerDay })),
    ...[...rows.viewerMonths ?? []].map(([key, value]) => ({ key, value, entityName: ENTITY.viewerMonth })),
  ];
  const batches: Array<typeof items> = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  for (let start = 0; start < batches.length; start += 8) await Promise.all(batches.slice(start, start + 8).map((batch) => kvs.batchSet<unknown>(batch)));
  return items.length;
}
