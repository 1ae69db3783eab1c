/**
 * Top readers of a report macro's content selection: individual views of the selection's content in the range, read
 * within a fixed budget of query pages, counted per reader, named through Confluence. The caller has
 * already been allowed to see people (decidePeopleView); the selection holds only content they may read.
 */
import type { Settings } from '@contracts/settings';
import type { FoundContent } from '../platform/confluence/cql-search';
import { dayStart } from '../core/date-range';
import { isListed } from '../core/model/content-status';
import { rankSelectionReaders } from './rules/content-selection-readers';
import { contentStatsOf } from '../reports/index';
import { viewsOfPartitionsBetween } from '../core/storage/partition-views';
import { peopleOf } from '../platform/people-directory';

const DAY = 86_400_000;
/** Query pages of 100 views each, all partitions together: bounds one render's read units. */
export const READER_PAGE_BUDGET = 24;
/** Up to this many items, one `by-content` partition each is cheaper than their spaces' whole traffic. */
export const PER_CONTENT_MAX_IDS = 12;

export interface SelectionReadersAnswer {
  readers: Array<{ name: string; views: number }>;
  notes: string[];
}

export async function selectionTopReaders(
  found: FoundContent[], range: { from: string; to: string }, limit: number, settings: Settings, now: number,
): Promise<SelectionReadersAnswer> {
  const notes: string[] = [];
  const fromAt = dayStart(range.from) ?? 0;
  const toAt = (dayStart(range.to) ?? now) + DAY - 1;
  const retention = settings.privacy.retentionDays;
  if (retention !== null && fromAt < now - retention * DAY) {
    notes.push(`Individual views are kept for ${retention} days (retention): views before ${isoDay(now - retention * DAY)} are no longer stored and are not counted.`);
  }
  const ids = new Set(found.map((content) => content.id));
  if (ids.size === 0) return { readers: [], notes };
  const spaces = new Set(found.map((content) => content.spaceKey));
  // Content whose space Confluence did not name can only be read per content (the budget still holds).
  const perContent = ids.size <= PER_CONTENT_MAX_IDS || spaces.has('');
  const keys = perContent ? [...ids] : [...spaces];
  const read = await viewsOfPartitionsBetween(perContent ? 'by-content' : 'by-space', keys, fromAt, toAt, READER_PAGE_BUDGET, (id) => ids.has(id));
  // Lifecycle's status: views of trashed or archived content stay stored (for a restore) but do not count.
  const stats = await contentStatsOf([...new Set(read.views.map((view) => view.contentId))]);
  const listed = new Set([...ids].filter((id) => { const row = stats.get(id); return !row || isListed(row); }));
  const ranked = rankSelectionReaders(read.views, { ids: listed, fromAt, toAt, completeAfter: read.completeAfter, limit });
  if (read.completeAfter !== null) {
    notes.push(Number.isFinite(read.completeAfter)
      ? `Based on the most recent views only: the ${ranked.counted} views after ${isoMinute(read.completeAfter)} (UTC). Older views in the range were not read (at most ${READER_PAGE_BUDGET * 100} views are read per render).`
      : `Too many spaces to read their views within one render (at most ${READER_PAGE_BUDGET} reads): choose fewer spaces.`);
  }
  const people = await peopleOf(ranked.readers.map((reader) => reader.viewer));
  return { readers: ranked.readers.map((reader) => ({ name: people.get(reader.viewer)?.displayName ?? reader.viewer, views: reader.views })), notes };
}

function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

function isoMinute(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}
