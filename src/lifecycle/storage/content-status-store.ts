import type { ContentStatus } from '../../core/model/content-status';
import { isListedStatus } from '../../core/model/content-status';
import { readContentRows } from '../inventory/inventory-store';

/**
 * The lifecycle status of each content, by id, from its content row (25 ids per batch read, about
 * one read unit each). For readers that rank from rows without a status of their own, or to double
 * check candidates: a report's top-k over day rows completes its candidates' totals by key anyway.
 * Ids without a row are unknown to the app and answered `current`.
 */
export async function contentStatuses(ids: readonly string[]): Promise<Map<string, ContentStatus>> {
  const rows = await readContentRows([...new Set(ids)]);
  return new Map(ids.map((id) => [id, rows.get(id)?.status ?? 'current']));
}

/** The ids among these whose content is listed (current): trashed, archived and purged content is left out. */
export async function listedContentIds(ids: readonly string[]): Promise<Set<string>> {
  const statuses = await contentStatuses(ids);
  return new Set(ids.filter((id) => isListedStatus(statuses.get(id) ?? 'current')));
}
