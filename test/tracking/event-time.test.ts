import { BLOCKING_HORIZON_MS, judgeEventTime, MAX_CLOCK_SKEW_MS, MAX_EVENT_LATENESS_MS } from '../../src/tracking/rules/event-time';

const now = Date.parse('2026-12-01T12:00:00Z');

describe('event time tolerance', () => {
  it.each([
    ['now', now, true],
    ['a few minutes late (Forge delivery lag)', now - 3 * 60_000, true],
    ['an hour late (Forge retries)', now - 60 * 60_000, true],
    ['just inside the clock skew', now + MAX_CLOCK_SKEW_MS, true],
  ])('accepts a view %s', (_name, at, ok) => {
    expect(judgeEventTime(at, now).ok).toBe(ok);
  });

  it.each([
    ['two hours in the future', now + 2 * 3_600_000, 'time-in-future'],
    ['in 1970', 0, 'time-too-old'],
    ['older than the tolerance', now - MAX_EVENT_LATENESS_MS - 1, 'time-too-old'],
    ['not a time at all', Number.NaN, 'time-invalid'],
  ])('refuses a view %s', (_name, at, reason) => {
    expect(judgeEventTime(at, now)).toEqual({ ok: false, reason });
  });

  it('keeps every accepted view within the blocking horizon of any other accepted view', () => {
    const oldest = now - MAX_EVENT_LATENESS_MS;
    const newest = now + MAX_CLOCK_SKEW_MS;
    expect(newest - oldest).toBeLessThanOrEqual(BLOCKING_HORIZON_MS);
  });
});
