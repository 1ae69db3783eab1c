import { ANONYMOUS_VIEWER, utcDay, type View } from './view';
import { dayOfMonth, monthOf } from './report-periods';
import { weekOf } from './sketch-periods';
import { raiseRegister, emptyShard, sketchSlot } from './hyperloglog';
import { cellKey, rollupShardOf, type RollupLevel, type RollupRow, type SketchKind, type SketchRow, type ViewerMonthRow } from './report-rows';

/** The rollup rows a view may touch, as read in the view's one batch read. */
export interface RollupSnapshot {
  viewerMonths: ReadonlyMap<string, ViewerMonthRow>;
  /** By `rollupId(scope, level, period)`; site rows are those of this content's shard. */
  rollups: ReadonlyMap<string, RollupRow>;
  /** By `sketchId(kind, level, period)`; the shard is the element's. */
  sketches: ReadonlyMap<string, SketchRow>;
}

type Versioned<R> = { row: R; expectedVersion: number | null };
export interface RollupWrites {
  viewerMonths: Array<Versioned<ViewerMonthRow>>;
  rollups: Array<Versioned<RollupRow>>;
  sketches: Array<Versioned<SketchRow>>;
}

export const NO_ROLLUPS: RollupWrites = { viewerMonths: [], rollups: [], sketches: [] };

export function rollupId(scope: string, level: RollupLevel, period: string): string {
  return `${scope}|${level}|${period}`;
}

export function sketchId(kind: SketchKind, level: 'd' | 'w' | 'm', period: string): string {
  return `${kind}|${level}|${period}`;
}

/** What the view's own plan decided: which counted views it adds and removes, which rows it creates. */
export interface CountedChange {
  view: View;
  storedViewer: string;
  added: number[];
  removed: number[];
  /** Days on which this viewer's (content's) daily row is created by this plan: a new distinct viewer (content). */
  newViewerDays: ReadonlySet<string>;
  newContentDays: ReadonlySet<string>;
  /** Months whose content-month row the view's plan creates (page statistics' row, shared). */
  newContentMonths: ReadonlySet<string>;
  /**
   * Whether the content is listed (lifecycle status `current`). Rollups are the sums of listed
   * content's daily and monthly rows (see lifecycle-rollups.ts); a hidden content's view changes only
   * the distinct-viewer counts, which are about people (like `viewer-day`), not content.
   */
  listed: boolean;
}

/**
 * The rollups of one counted change, computed apart from the view's plan so that the plan stays as
 * it is (the content's month row is the plan's own, see content-month.ts): the viewer's month, site and space cells of the day and the month, and
 * the sketch registers the view raises. Pure; the rows are written with the plan, conditionally.
 */
export function planRollups(change: CountedChange, snapshot: RollupSnapshot): RollupWrites {
  const { view } = change;
  const deltas = new Map<string, number>();
  for (const at of change.added) deltas.set(utcDay(at), (deltas.get(utcDay(at)) ?? 0) + 1);
  for (const at of change.removed) deltas.set(utcDay(at), (deltas.get(utcDay(at)) ?? 0) - 1);
  const days = [...deltas].filter(([, delta]) => delta !== 0);
  if (days.length === 0 && change.added.length === 0) return NO_ROLLUPS;
  const signedIn = change.storedViewer !== ANONYMOUS_VIEWER;
  const cell = cellKey(view.contentType, view.source, signedIn ? 's' : 'a');

  const countedMonths = new Set<string>();
  const viewerMonths = new Map<string, Versioned<ViewerMonthRow>>();
  const rollups = new Map<string, Versioned<RollupRow>>();
  const shard = rollupShardOf(view.contentId);
  const bump = (scope: string, level: RollupLevel, period: string, delta: number, newViewer: boolean, newContent: boolean) => {
    const countsViewer = newViewer && scope === 'site';
    // Hidden content's views stay in its own rows only (as for space-day); the viewer still read something that day.
    if (!change.listed && !countsViewer) return;
    const id = rollupId(scope, level, period);
    const entry = rollups.get(id) ?? versioned(snapshot.rollups.get(id),
      { scope, level, period, shard: shard, views: 0, viewers: 0, contents: 0, cells: {}, version: 0 });
    const row = entry.row;
    // A changed space row is open until the compaction job sums it again (see space-compaction.ts).
    if (scope !== 'site') row.settle = 'open';
    if (change.listed) {
      row.views += delta;
      row.cells = { ...row.cells, [cell]: (row.cells[cell] ?? 0) + delta };
      if (newContent) row.contents += 1;
    }
    if (countsViewer) row.viewers += 1;
    rollups.set(id, entry);
  };

  for (const [day, delta] of days) {
    const month = monthOf(day);
    const dd = dayOfMonth(day);
    const newContentMonth = change.newContentMonths.has(month) && !countedMonths.has(month);
    countedMonths.add(month);

    let newViewerMonth = false;
    if (signedIn) {
      const viewer = viewerMonths.get(month) ?? versioned(snapshot.viewerMonths.get(month),
        { viewer: change.storedViewer, month, views: 0, days: {}, version: 0 });
      newViewerMonth = viewer.expectedVersion === null && viewer.row.views === 0 && delta > 0;
      viewer.row.views += delta;
      viewer.row.days = { ...viewer.row.days, [dd]: (viewer.row.days[dd] ?? 0) + delta };
      viewerMonths.set(month, viewer);
    }
    const newViewerDay = signedIn && change.newViewerDays.has(day);
    const newContentDay = change.newContentDays.has(day);
    for (const scope of ['site', view.spaceKey]) {
      const site = scope === 'site';
      bump(scope, site ? 'sd' : 'd', day, delta, newViewerDay, newContentDay);
      bump(scope, site ? 'sm' : 'm', month, delta, newViewerMonth, newContentMonth);
    }
  }
  return {
    viewerMonths: [...viewerMonths.values()],
    rollups: [...rollups.values()],
    sketches: change.added.length > 0 ? raisedSketches(change, snapshot) : [],
  };
}

/** The sketches of the arriving view's day and month; written only where a register rises. */
function raisedSketches(change: CountedChange, snapshot: RollupSnapshot): Array<Versioned<SketchRow>> {
  const day = utcDay(change.view.at);
  const elements: Array<[SketchKind, string]> = change.listed ? [['contents', change.view.contentId]] : [];
  if (change.storedViewer !== ANONYMOUS_VIEWER) elements.push(['viewers', change.storedViewer]);
  const writes: Array<Versioned<SketchRow>> = [];
  for (const [kind, element] of elements) {
    const slot = sketchSlot(element);
    for (const [level, period] of sketchPeriodsOf(day)) {
      const existing = snapshot.sketches.get(sketchId(kind, level, period));
      const registers = raiseRegister(existing?.registers ?? emptyShard(), slot);
      if (registers === null) continue;
      writes.push({
        expectedVersion: existing?.version ?? null,
        row: { kind, level, period, shard: slot.shard, registers, version: (existing?.version ?? 0) + 1 },
      });
    }
  }
  return writes;
}

function versioned<R extends { version: number }>(existing: R | undefined, fresh: R): Versioned<R> {
  const base = existing ?? fresh;
  return { expectedVersion: existing?.version ?? null, row: { ...base, version: (existing?.version ?? 0) + 1 } };
}

/** A view raises the sketches of its day, its ISO week and its month. */
export function sketchPeriodsOf(day: string): Array<['d' | 'w' | 'm', string]> {
  return [['d', day], ['w', weekOf(day)], ['m', monthOf(day)]];
}
