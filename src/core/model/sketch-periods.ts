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
  // Unions may overlap: any week inside the range (up to today) replaces its remaining days.
  const covered = new Set<string>();
  for (const day of remaining) {
    const monday = weekOf(day).slice(1);
    const weekDays = daysBetween(monday, minDay(addDays(monday, 6), today));
    if (covered.has(day) || monday < range.from || addDays(monday, 6) > to && weekDays[weekDays.length - 1] !== today) continue;
    periods.push({ level: 'w', key: weekOf(day) });
    for (const weekDay of weekDays) covered.add(weekDay);
  }
  periods.push(...remaining.filter((day) => !covered.has(day)).map((key) => ({ level: 'd' as const, key })));
  return periods;
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
