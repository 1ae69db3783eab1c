import { kvs } from '@forge/kvs';
import { ANONYMOUS_VIEWER, utcDay } from '../../core/model/view';
import { monthOf } from '../../core/model/report-periods';
import { sketchSlot } from '../../core/model/hyperloglog';
import { rollupId, sketchId, sketchPeriodsOf, type RollupSnapshot } from '../../core/model/rollup-plan';
import { rollupShardOf, type SketchKind } from '../../core/model/report-rows';
import { decodeReport } from '../../core/storage/report-codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';

/** The part of a view's snapshot request the rollups need (a subset of SnapshotRequest). */
export interface RollupRequest {
  contentId: string;
  spaceKey: string;
  storedViewer: string;
  at: number;
  days: string[];
}

type Item = { key: string; entityName: string; id: string; kind: 'um' | 'ru' | 'hl' };

function items(request: RollupRequest): Item[] {
  const months = [...new Set(request.days.map(monthOf))];
  const shard = rollupShardOf(request.contentId);
  const signedIn = request.storedViewer !== ANONYMOUS_VIEWER;
  const list: Item[] = [];
  for (const month of months) {
    if (signedIn) list.push({ kind: 'um', id: month, entityName: ENTITY.viewerMonth, key: KEYS.viewerMonth(request.storedViewer, month) });
  }
  const periods: Array<['sd' | 'sm' | 'd' | 'm', string, string]> = [
    ...request.days.flatMap((day) => [['sd', 'site', day], ['d', request.spaceKey, day]] as Array<['sd' | 'd', string, string]>),
    ...months.flatMap((month) => [['sm', 'site', month], ['m', request.spaceKey, month]] as Array<['sm' | 'm', string, string]>),
  ];
  for (const [level, scope, period] of periods) {
    list.push({ kind: 'ru', id: rollupId(scope, level, period), entityName: ENTITY.rollup, key: KEYS.rollup(scope, level, period, shard) });
  }
  const day = utcDay(request.at);
  const elements: Array<[SketchKind, string]> = [['contents', request.contentId], ...(signedIn ? [['viewers', request.storedViewer] as [SketchKind, string]] : [])];
  for (const [kind, element] of elements) {
    const { shard: slot } = sketchSlot(element);
    for (const [level, period] of sketchPeriodsOf(day)) {
      list.push({ kind: 'hl', id: sketchId(kind, level, period), entityName: ENTITY.sketch, key: KEYS.sketch(kind, level, period, slot) });
    }
  }
  return list;
}

/** Keys to add to the view's one batch read. */
export function rollupSnapshotItems(request: RollupRequest): Array<{ key: string; entityName: string }> {
  return items(request).map(({ key, entityName }) => ({ key, entityName }));
}

/** The rollup rows found by the batch read, by their domain ids. */
export function rollupSnapshotFrom(request: RollupRequest, get: (entityName: string, key: string) => unknown): RollupSnapshot {
  const viewerMonths = new Map();
  const rollups = new Map();
  const sketches = new Map();
  for (const item of items(request)) {
    const value = get(item.entityName, item.key);
    if (value === undefined) continue;
    if (item.kind === 'um') viewerMonths.set(item.id, decodeReport.viewerMonth(value));
    else if (item.kind === 'ru') rollups.set(item.id, decodeReport.rollup(value));
    else sketches.set(item.id, decodeReport.sketch(value));
  }
  return { viewerMonths, rollups, sketches };
}

