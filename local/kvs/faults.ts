import { Random } from './rng';

/** Simulated network latency per request: fixed, or uniformly random in [minMs, maxMs]. */
export type LatencyOption = number | { minMs: number; maxMs: number };

export type FaultDecision =
  | { kind: 'none' }
  /** Refused before being applied, answered with 429 TOO_MANY_REQUESTS or 500 INTERNAL_SERVER_ERROR. */
  | { kind: 'reject'; status: 429 | 500 }
  /**
   * Applied, but the caller gets an error: by default the fetch promise rejects (what a network
   * timeout looks like: no response at all); with `status` it gets that HTTP error instead.
   */
  | { kind: 'failAfterApply'; status?: 500 | 504 };

export interface FaultRequest {
  path: string;
  body: string;
  /** 1 for the first request the emulator received, then 2, 3, ... */
  sequence: number;
  isWrite: boolean;
}

export interface FaultOptions {
  /** Probability (0..1) of refusing a request before applying it. */
  rejectRate?: number;
  rejectStatus?: 429 | 500;
  /** Probability (0..1) that a WRITE is applied and its caller still gets an error. */
  failAfterApplyRate?: number;
  failAfterApplyStatus?: 500 | 504;
  /** Per-request hook; a returned decision wins over the rates, undefined falls back to them. */
  decide?: (request: FaultRequest) => FaultDecision | undefined;
}

/** Decided when the request arrives, in arrival order, so a seeded run is reproducible. */
export function decideFault(options: FaultOptions | undefined, request: FaultRequest, random: Random): FaultDecision {
  const custom = options?.decide?.(request);
  if (custom) {
    return custom;
  }
  // Always draw both numbers so that changing one rate does not shift the other's sequence.
  const rejectRoll = random();
  const afterRoll = random();
  if (options?.rejectRate && rejectRoll < options.rejectRate) {
    return { kind: 'reject', status: options.rejectStatus ?? 429 };
  }
  if (request.isWrite && options?.failAfterApplyRate && afterRoll < options.failAfterApplyRate) {
    return { kind: 'failAfterApply', status: options.failAfterApplyStatus };
  }
  return { kind: 'none' };
}

export function sampleLatency(option: LatencyOption | undefined, random: Random): number {
  if (option === undefined) {
    return 0;
  }
  if (typeof option === 'number') {
    return option;
  }
  return option.minMs + random() * (option.maxMs - option.minMs);
}

/** Real timer, so that concurrent requests interleave as they would over a network. */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** Thrown (as a rejected fetch) for a `failAfterApply` fault without status. */
export class KvsNetworkError extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(path: string) {
    super(`Simulated network timeout on ${path} (the request was applied)`);
    this.name = 'KvsNetworkError';
  }
}
