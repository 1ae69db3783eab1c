import type { ReportDayRange, ReportFilters } from '@contracts/report-query';
import type { Source } from '@contracts/settings';

/** A counted view as the reference model sees it: nothing but the raw facts. */
export interface RawView {
  contentId: string;
  spaceKey: string;
  contentType: 'page' | 'blogpost';
  viewer: string | null;
  at: number;
  source: Source;
}

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Brute force over raw views: every figure of a report, written without any of the app's code. */
export function modelViews(views: RawView[], range: ReportDayRange, filters: ReportFilters): RawView[] {
  return views.filter((view) => {
    const day = dayOf(view.at);
    if (day < range.from || day > range.to) return false;
    if (filters.spaceKeys?.length && !filters.spaceKeys.includes(view.spaceKey)) return false;
    if (filters.contentTypes?.length && !filters.contentTypes.includes(view.contentType)) return false;
    if (filters.sources?.length && !filters.sources.includes(view.source)) return false;
    if (filters.audience === 'signed-in' && view.viewer === null) return false;
    if (filters.audience === 'anonymous' && view.viewer !== null) return false;
    if (filters.contentIds?.length && !filters.contentIds.includes(view.contentId)) return false;
    return true;
  });
}

export function modelRanking(views: RawView[], key: (view: RawView) => string | null): Array<{ id: string; total: number }> {
  const totals = new Map<string, number>();
  for (const view of views) {
    const id = key(view);
    if (id !== null) totals.set(id, (totals.get(id) ?? 0) + 1);
  }
  return [...totals].map(([id, total]) => ({ id, total })).sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
}

export function modelSeries(views: RawView[], days: string[]): number[] {
  return days.map((day) => views.filter((view) => dayOf(view.at) === day).length);
}

export function distinctCount(values: Array<string | null>): number {
  return new Set(values.filter((value) => value !== null)).size;
}
