import { z } from 'zod';

/**
 * How far a view's own time may lie from our clock. Forge delivers product events up to minutes late
 * and retries a failed delivery for up to an hour; clocks of Atlassian's services agree within
 * seconds. A time outside this window is not a late view but a wrong one (a replay, a forged API
 * call, a broken clock): it is refused, because a view we cannot place among the viewer's other
 * views could open a window in which the blocking time does not apply.
 */
export const MAX_EVENT_LATENESS_MS = 75 * 60_000;
export const MAX_CLOCK_SKEW_MS = 2 * 60_000;

/**
 * How long a viewer's raw view times are kept to re-judge the blocking time. It covers every time
 * the tolerance accepts, measured from the newest time already kept (itself at most `MAX_CLOCK_SKEW_MS`
 * ahead): no accepted view ever falls beyond it, so every counted view enters the history.
 */
export const BLOCKING_HORIZON_MS = MAX_EVENT_LATENESS_MS + 2 * MAX_CLOCK_SKEW_MS;

export type EventTimeReason = 'time-invalid' | 'time-in-future' | 'time-too-old';
export type EventTimeVerdict = { ok: true } | { ok: false; reason: EventTimeReason };

export function judgeEventTime(at: number, now: number): EventTimeVerdict {
  if (!Number.isFinite(at)) return { ok: false, reason: 'time-invalid' };
  if (at > now + MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'time-in-future' };
  if (at < now - MAX_EVENT_LATENESS_MS) return { ok: false, reason: 'time-too-old' };
  return { ok: true };
}

/**
 * An ISO time with offset that is also a real instant: zod's format check alone lets `+99:99`
 * through, which `Date.parse` turns into NaN.
 */
export const isoTime = z.string().datetime({ offset: true })
  .refine((value) => Number.isFinite(Date.parse(value)), 'Not a valid time');
