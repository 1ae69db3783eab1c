import { freshContentRow } from '../rules/lifecycle-plan';
import { expectVersion, type RowOp } from '../../core/model/row-ops';
import type { ContentStatsRow } from '../../core/model/rows';
import type { ContentType } from '../../core/model/view';

/** One page or blog post as the backfill found it in Confluence. */
export interface InventoryItem {
  contentId: string;
  contentType: ContentType;
  status: 'current' | 'trashed' | 'archived';
  title: string;
  spaceKey: string;
  spaceId: string;
  createdAt: number | null;
  modifiedAt: number | null;
}

export interface InventoryUpsert {
  op: RowOp;
  next: ContentStatsRow;
  /** Status or space changed on content with daily rows: they must be settled (see settleContent). */
  needsSettle: boolean;
}

/**
 * The backfill's fact about one content is its state when it was read (`readAt`), ordered against
 * lifecycle events like any other: a newer event wins, a purge is final. Unchanged content is not
 * written again, so a re-run over a known site costs reads only.
 */
export function planInventoryRow(current: ContentStatsRow | undefined, item: InventoryItem, readAt: number): InventoryUpsert | null {
  if (current?.status === 'purged') return null;
  if (current && current.lifecycleAt > readAt) return null;
  const base = current ?? freshContentRow({ ...item, containerId: null });
  const next: ContentStatsRow = {
    ...base, status: item.status, title: item.title || base.title, spaceKey: item.spaceKey, spaceId: item.spaceId,
    createdAt: item.createdAt ?? base.createdAt, lastModifiedAt: Math.max(item.modifiedAt ?? 0, base.lastModifiedAt ?? 0) || null,
    lifecycleAt: readAt, version: base.version + 1,
  };
  const unchanged = current !== undefined && (['status', 'title', 'spaceKey', 'spaceId', 'createdAt', 'lastModifiedAt'] as const).every((field) => current[field] === next[field]);
  if (unchanged) return null;
  return {
    op: { kind: 'put', row: { entity: 'content-stats', value: next }, expect: expectVersion(current) },
    next,
    needsSettle: current !== undefined && current.views > 0 && (current.status !== next.status || current.spaceKey !== next.spaceKey),
  };
}
