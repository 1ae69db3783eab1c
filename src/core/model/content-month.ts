/**
 * One content's month of daily figures in one row (`content-month`), kept in the view's own
 * transaction: page statistics read a year as 12–13 small rows in one query instead of 365 day rows.
 * Per UTC day (index = day of month − 1): counted views, anonymous views, distinct signed-in viewers
 * that day, views per source, and `lastViewers`: how many viewers have their latest counted view on
 * that day. Summing `lastViewers` from a day up to today gives the exact number of distinct signed-in
 * viewers since that day, which is what "unique viewers in the last N days" asks.
 */
import type { Source } from '@contracts/settings';
import { countedTimes, type ViewerHistory } from './blocking-time';
import type { ViewerContentRow } from './rows';
import { utcDay, type ContentType } from './view';
import { monthOf } from './report-periods';
import type { ContentStatus } from './content-status';
import { cellKey } from './day-share';

export interface ContentMonthRow {
  contentId: string;
  spaceKey: string;
  /** For reports: content type filters, and the month's total views (`by-month` ranking indexes). */
  contentType: ContentType;
  monthViews: number;
  /**
   * The month's anonymous views, only when there are any (`by-month-anonymous` ranking indexes; a
   * row without it is in no such index, so rows of signed-in views only do not grow). See `settleTotals`.
   */
  monthAnonymousViews?: number;
  /** `YYYY-MM` (UTC). */
  month: string;
  views: number[];
  anonymousViews: number[];
  viewers: number[];
  lastViewers: number[];
  /** Only sources that occurred this month, each with a count per day. */
  sources: Partial<Record<Source, number[]>>;
  /**
   * The month's views by report cell (type × source × signed-in/anonymous): the row's exact share of
   * its space's and the site's month rollups, so a trash, move or purge can take it out (day-share.ts).
   */
  cells: Record<string, number>;
  /** The content's status when the row was last settled (as `content-day`): only `current` rows count in rollups. */
  status: ContentStatus;
  version: number;
}

export function daysInMonth(month: string): number {
  const [year, index] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, index ?? 1, 0)).getUTCDate();
}

export function emptyMonth(contentId: string, spaceKey: string, month: string, contentType: ContentType = 'page', status: ContentStatus = 'current'): ContentMonthRow {
  const zeros = () => new Array<number>(daysInMonth(month)).fill(0);
  return { contentId, spaceKey, contentType, monthViews: 0, month, views: zeros(), anonymousViews: zeros(), viewers: zeros(), lastViewers: zeros(), sources: {}, cells: {}, status, version: 0 };
}

/** The row with its month totals (the ranking indexes' attributes) summed from its days. */
export function settleTotals(row: ContentMonthRow): ContentMonthRow {
  const { monthAnonymousViews: _, ...rest } = row;
  const anonymous = row.anonymousViews.reduce((sum, views) => sum + views, 0);
  return { ...rest, monthViews: row.views.reduce((sum, views) => sum + views, 0), ...(anonymous > 0 ? { monthAnonymousViews: anonymous } : {}) };
}

/** One change to a day's figures; the plan collects them, then applies them month by month. */
export interface DayChange {
  day: string;
  field: 'views' | 'anonymousViews' | 'viewers' | 'lastViewers';
  delta: number;
  source?: Source;
  /** Views only: whether they were anonymous (the report cell's audience). */
  anonymous?: boolean;
}

/** Days kept in a viewer row's `days`: views arrive minutes late, never days. */
export const COUNTED_DAYS_KEPT = 3;

/** The viewer's counted views per day after this change, for the latest COUNTED_DAYS_KEPT days. */
export function countedDays(previous: Readonly<Record<string, number>> | undefined, added: readonly number[], removed: readonly number[]): Record<string, number> {
  const days: Record<string, number> = { ...previous };
  for (const at of added) days[utcDay(at)] = (days[utcDay(at)] ?? 0) + 1;
  for (const at of removed) days[utcDay(at)] = (days[utcDay(at)] ?? 0) - 1;
  const kept = Object.keys(days).filter((day) => (days[day] ?? 0) > 0).sort().slice(-COUNTED_DAYS_KEPT);
  return Object.fromEntries(kept.map((day) => [day, days[day] ?? 0]));
}

/** Whether the viewer had a counted view on `day`: exact within the kept days, else from the known times. */
function hadViewOn(row: ViewerContentRow | undefined, day: string, blockingTimeMs: number): boolean {
  if (!row) return false;
  const kept = row.days ? Object.keys(row.days).sort() : [];
  const oldestKept = kept.length >= COUNTED_DAYS_KEPT ? kept[0]! : '';
  if (row.days && day >= oldestKept) return (row.days[day] ?? 0) > 0;
  return knownDays(row, blockingTimeMs).has(day);
}

/**
 * Counted times we know of a viewer (recent chain, anchor, first and last): their days. A viewer
 * whose views of one day arrive more than the horizon (30 min) apart and out of order may be counted
 * twice on that day: the history no longer holds the earlier one.
 */
function knownDays(row: ViewerContentRow | undefined, blockingTimeMs: number): Set<string> {
  if (!row) return new Set();
  const history: ViewerHistory = row.recent;
  const times = [...countedTimes(history, blockingTimeMs), history.anchor ?? row.lastAt, row.lastAt, row.firstAt];
  return new Set(times.map(utcDay));
}

export interface MonthChangeInput {
  added: number[];
  removed: number[];
  source: Source;
  anonymous: boolean;
  /** Signed-in (or pseudonymous) viewers only; anonymous visitors have no viewer row. */
  before: ViewerContentRow | undefined;
  after: ViewerContentRow | null;
  blockingTimeMs: number;
}

/**
 * The day changes one counted view (and its corrections) makes. Distinct viewers of a day change
 * when the viewer's known counted views gain or lose that day; `lastViewers` moves from the day of
 * the previous latest view to the new one.
 */
export function monthChanges(input: MonthChangeInput): DayChange[] {
  const changes: DayChange[] = [];
  const views = (at: number, delta: number) => {
    changes.push({ day: utcDay(at), field: 'views', delta, source: input.source, anonymous: input.anonymous });
    if (input.anonymous) changes.push({ day: utcDay(at), field: 'anonymousViews', delta });
  };
  input.added.forEach((at) => views(at, 1));
  input.removed.forEach((at) => views(at, -1));
  if (!input.after) return changes;
  for (const day of new Set([...input.added, ...input.removed].map(utcDay))) {
    const delta = Number(hadViewOn(input.after, day, input.blockingTimeMs)) - Number(hadViewOn(input.before, day, input.blockingTimeMs));
    if (delta !== 0) changes.push({ day, field: 'viewers', delta });
  }
  const lastBefore = input.before ? utcDay(input.before.lastAt) : null;
  const lastAfter = utcDay(input.after.lastAt);
  if (lastBefore !== lastAfter) {
    if (lastBefore !== null) changes.push({ day: lastBefore, field: 'lastViewers', delta: -1 });
    changes.push({ day: lastAfter, field: 'lastViewers', delta: 1 });
  }
  return changes;
}

/** Months the changes touch. */
export function monthsOf(changes: readonly DayChange[]): string[] {
  return [...new Set(changes.map((change) => monthOf(change.day)))];
}

/** The changed month rows, each from its stored version (or a fresh row). */
export function applyMonthChanges(
  changes: readonly DayChange[], stored: ReadonlyMap<string, ContentMonthRow>, contentId: string, spaceKey: string, contentType: ContentType = 'page',
  status: ContentStatus = 'current',
): Array<{ row: ContentMonthRow; expectedVersion: number | null }> {
  return monthsOf(changes).map((month) => {
    const existing = stored.get(month);
    const base = existing ?? emptyMonth(contentId, spaceKey, month, contentType, status);
    const row: ContentMonthRow = {
      ...base,
      views: [...base.views], anonymousViews: [...base.anonymousViews], viewers: [...base.viewers], lastViewers: [...base.lastViewers],
      sources: Object.fromEntries(Object.entries(base.sources).map(([source, counts]) => [source, [...counts]])),
      cells: { ...base.cells },
      version: base.version + 1,
    };
    for (const change of changes) {
      if (monthOf(change.day) !== month) continue;
      const index = Number(change.day.slice(8, 10)) - 1;
      row[change.field][index] = (row[change.field][index] ?? 0) + change.delta;
      if (change.field === 'views' && change.source) {
        const counts = row.sources[change.source] ?? new Array<number>(daysInMonth(month)).fill(0);
        counts[index] = (counts[index] ?? 0) + change.delta;
        row.sources[change.source] = counts;
        const cell = cellKey(row.contentType, change.source, change.anonymous ? 'a' : 's');
        row.cells[cell] = (row.cells[cell] ?? 0) + change.delta;
      }
    }
    return { row: settleTotals(row), expectedVersion: existing?.version ?? null };
  });
}
