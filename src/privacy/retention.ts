import type { Settings } from '@contracts/settings';
import { utcDay } from '../core/model/view';
import { purgeSearchQueriesBefore } from '../search/index';
import { purgeViewerDaysBefore, purgeViewerHistoriesBefore, purgeViewerMonthsBefore, purgeViewsBefore } from './storage/retention-store';

export interface RetentionResult {
  cutoff: number | null;
  deleted: { views: number; viewerHistories: number; viewerDays: number; viewerMonths: number; searchQueries: number };
  /** False when the time budget ran out first; tomorrow's run continues where this one stopped. */
  complete: boolean;
}

const PAGE = 100;

/**
 * Retention: individual views older than the chosen period are deleted, with the per-viewer rows
 * that name who read what. All-time and daily totals per page and space hold no personal data and
 * stay, so counts and charts do not change. Works in pages of 100 within a time budget.
 */
export async function applyRetention(settings: Settings, now: number, budgetMs: number): Promise<RetentionResult> {
  const days = settings.privacy.retentionDays;
  const deleted = { views: 0, viewerHistories: 0, viewerDays: 0, viewerMonths: 0, searchQueries: 0 };
  if (days === null) return { cutoff: null, deleted, complete: true };
  const cutoff = now - days * 86_400_000;
  const deadline = Date.now() + budgetMs;
  const steps: Array<[keyof typeof deleted, () => Promise<number>]> = [
    ['views', () => purgeViewsBefore(cutoff, PAGE)],
    ['viewerHistories', () => purgeViewerHistoriesBefore(cutoff, PAGE)],
    ['viewerDays', () => purgeViewerDaysBefore(utcDay(cutoff), PAGE)],
    ['viewerMonths', () => purgeViewerMonthsBefore(utcDay(cutoff), PAGE)],
    // Search analytics: query text (which may name a person) by whole months (src/search/storage/search-retention-store.ts).
    ['searchQueries', () => purgeSearchQueriesBefore(utcDay(cutoff), PAGE)],
  ];
  for (const [name, step] of steps) {
    for (;;) {
      if (Date.now() > deadline) return { cutoff, deleted, complete: false };
      const count = await step();
      deleted[name] += count;
      if (count < PAGE) break;
    }
  }
  return { cutoff, deleted, complete: true };
}
