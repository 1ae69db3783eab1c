/**
 * Calendar arithmetic of report ranges (site days are UTC days), and the decomposition of a range
 * into the rollup periods the query layer reads: whole months where a month is (nearly) covered,
 * single days elsewhere. Pure.
 */
const DAY_MS = 86_400_000;

export type PeriodLevel = 'd' | 'm';
/** A day `YYYY-MM-DD` or a month `YYYY-MM`. */
export interface Period { level: PeriodLevel; key: string }

export interface DayRange { from: string; to: string }

/**
 * Months are used even when these many of their (past) days lie outside the range: subtracted.
 * Rankings pay a lookup per candidate for each subtracted day, so they keep it small; sums (tiles)
 * pass a larger bound, since the subtracted days are usually read for the chart anyway.
 */
export const MAX_SUBTRACTED_DAYS = 3;

export function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, count: number): string {
  return new Date(dayMs(day) + count * DAY_MS).toISOString().slice(0, 10);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function dayOfMonth(day: string): string {
  return day.slice(8, 10);
}

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function lengthInDays(range: DayRange): number {
  return Math.round((dayMs(range.to) - dayMs(range.from)) / DAY_MS) + 1;
}

/** The period of the same length just before: "change against the previous period". */
export function previousRange(range: DayRange): DayRange {
  const length = lengthInDays(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

export function monthStart(month: string): string {
  return `${month}-01`;
}

export function monthEnd(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, index ?? 1, 0)).toISOString().slice(0, 10);
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = monthOf(addDays(monthEnd(month), 1))) months.push(month);
  return months;
}

export interface Decomposition {
  /** Periods whose figures are added. */
  plus: Period[];
  /** Days inside a `plus` month but outside the range: their figures are subtracted. */
  minus: Period[];
}

/**
 * Days after `today` hold nothing yet, so a month whose covered part reaches today counts as whole.
 * A month missing at most MAX_SUBTRACTED_DAYS (and fewer than it covers) is read as month − days.
 */
export function decomposeRange(range: DayRange, today: string, maxSubtracted = MAX_SUBTRACTED_DAYS): Decomposition {
  const plus: Period[] = [];
  const minus: Period[] = [];
  for (const month of monthsBetween(range.from, range.to)) {
    const start = monthStart(month);
    const lastWithData = minDay(monthEnd(month), today);
    const coveredFrom = maxDay(start, range.from);
    const coveredTo = minDay(monthEnd(month), range.to);
    if (coveredFrom > lastWithData) continue;
    const covered = daysBetween(coveredFrom, minDay(coveredTo, lastWithData));
    const missing = [
      ...(coveredFrom > start ? daysBetween(start, addDays(coveredFrom, -1)) : []),
      ...(coveredTo < lastWithData ? daysBetween(addDays(coveredTo, 1), lastWithData) : []),
    ];
    if (missing.length === 0) plus.push({ level: 'm', key: month });
    else if (missing.length <= maxSubtracted && missing.length < covered.length) {
      plus.push({ level: 'm', key: month });
      minus.push(...missing.map((key) => ({ level: 'd' as const, key })));
    } else plus.push(...covered.map((key) => ({ level: 'd' as const, key })));
  }
  return { plus, minus };
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
