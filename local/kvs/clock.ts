/** Source of "now" (epoch ms) for createdAt/updatedAt and TTL expiry. Latency uses real timers instead. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand, so TTL expiry needs no waiting. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number = Date.UTC(2025, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}
