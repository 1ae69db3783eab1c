import { addDays, dateRangeSchema, daysBetween, daysOf, previousPeriod, resolveRange } from '../../src/core/date-range';
import { MAX_RANGE_DAYS } from '../../src/contracts/report-range';

const TODAY = '2026-03-15';

describe('resolveRange', () => {
  it.each([
    ['7d', '2026-03-09', 7],
    ['30d', '2026-02-14', 30],
    ['90d', '2025-12-16', 90],
    ['365d', '2025-03-16', 365],
    ['this-month', '2026-03-01', 15],
  ] as const)('%s ends today and starts on %s (%d days)', (preset, from, days) => {
    expect(resolveRange({ kind: 'preset', preset }, TODAY)).toEqual({ ok: true, range: { from, to: TODAY, days } });
  });

  it('last month is the whole previous calendar month, also across a year end and in a leap year', () => {
    expect(resolveRange({ kind: 'preset', preset: 'last-month' }, TODAY)).toEqual({ ok: true, range: { from: '2026-02-01', to: '2026-02-28', days: 28 } });
    expect(resolveRange({ kind: 'preset', preset: 'last-month' }, '2024-03-01')).toEqual({ ok: true, range: { from: '2024-02-01', to: '2024-02-29', days: 29 } });
    expect(resolveRange({ kind: 'preset', preset: 'last-month' }, '2026-01-31')).toEqual({ ok: true, range: { from: '2025-12-01', to: '2025-12-31', days: 31 } });
  });

  it('all time starts at the first recorded day, is today alone without data, and is clipped to the maximum span', () => {
    expect(resolveRange({ kind: 'preset', preset: 'all' }, TODAY, '2026-01-01')).toEqual({ ok: true, range: { from: '2026-01-01', to: TODAY, days: 74 } });
    expect(resolveRange({ kind: 'preset', preset: 'all' }, TODAY, null)).toEqual({ ok: true, range: { from: TODAY, to: TODAY, days: 1 } });
    const clipped = resolveRange({ kind: 'preset', preset: 'all' }, TODAY, '1999-01-01');
    expect(clipped.ok && clipped.range.days).toBe(MAX_RANGE_DAYS);
  });

  it('custom ranges must run forwards, end by today and stay within the maximum span', () => {
    expect(resolveRange({ kind: 'custom', from: '2026-03-01', to: '2026-03-01' }, TODAY)).toEqual({ ok: true, range: { from: '2026-03-01', to: '2026-03-01', days: 1 } });
    expect(resolveRange({ kind: 'custom', from: '2026-03-02', to: '2026-03-01' }, TODAY).ok).toBe(false);
    expect(resolveRange({ kind: 'custom', from: '2026-03-01', to: '2026-03-16' }, TODAY).ok).toBe(false);
    expect(resolveRange({ kind: 'custom', from: addDays(TODAY, -MAX_RANGE_DAYS), to: TODAY }, TODAY).ok).toBe(false);
    expect(resolveRange({ kind: 'custom', from: addDays(TODAY, -(MAX_RANGE_DAYS - 1)), to: TODAY }, TODAY).ok).toBe(true);
  });
});

describe('dateRangeSchema', () => {
  it('accepts presets and real custom days only', () => {
    expect(dateRangeSchema.safeParse({ kind: 'preset', preset: '30d' }).success).toBe(true);
    expect(dateRangeSchema.safeParse({ kind: 'custom', from: '2026-01-01', to: '2026-01-31' }).success).toBe(true);
    expect(dateRangeSchema.safeParse({ kind: 'preset', preset: '31d' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ kind: 'custom', from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ kind: 'custom', from: '2026-1-1', to: '2026-01-31' }).success).toBe(false);
    expect(dateRangeSchema.safeParse({ kind: 'preset', preset: '7d', extra: 1 }).success).toBe(false);
    expect(dateRangeSchema.safeParse(null).success).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('counts inclusive days, lists them and finds the previous period of the same length', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(4);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(0);
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02', days: 4 })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(previousPeriod({ from: '2026-03-09', to: '2026-03-15', days: 7 })).toEqual({ from: '2026-03-02', to: '2026-03-08', days: 7 });
  });
});
