import { addDays, daysBetween, dayMs, monthEnd, monthOf, monthStart, monthsBetween, type DayRange } from './report-periods';

/**
 * Sketches cannot subtract, so a range is covered by whole periods only: months inside the range,
 * then ISO weeks (keyed by their Monday, `W2026-11-16`), then single days. Days after `today` hold
 * nothing yet, so a month or week whose covered part reaches today counts as whole.
 */
export type SketchLevel = 'd' | 'w' | 'm';
export interface SketchPeriod { level: SketchLevel; key: string }

export function weekOf(day: string): string {
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7; // Monday = 0
  return `W${addDays(day, -weekday)}`;
}

export function coverRange(range: DayRange, today: string): SketchPeriod[] {
  const to = range.to < today ? range.to : today;
  if (range.from > to) return [];
  const periods: SketchPeriod[] = [];
  const remaining: string[] = [];
  for (const month of monthsBetween(range.from, to)) {
    const whole = monthStart(month) >= range.from && (monthEnd(month) <= to || to === today && monthOf(today) === month);
    if (whole) periods.push({ level: 'm', key: month });
    else remaining.push(...daysBetween(maxDay(monthStart(month), range.from), minDay(monthEnd(month), to)));
  }
  const byWeek = new Map<string, string[]>();
  for (const day of remaining) byWeek.set(weekOf(day), [...(byWeek.get(weekOf(day)) ?? []), day]);
  for (const [week, days] of byWeek) {
    const monday = week.slice(1);
    const weekDays = daysBetween(monday, minDay(addDays(monday, 6), today));
    if (days.length === weekDays.length && days[0] === monday) periods.push({ level: 'w', key: week });
    else periods.push(...days.map((key) => ({ level: 'd' as const, key })));
  }
  return periods;
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
