import { RouteKind } from './service/router';

/** Forge meters KVS use in 10 KB units: max(1, ceil(bytes / 10240)) per request. */
export const UNIT_BYTES = 10_240;

export function unitsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / UNIT_BYTES));
}

export interface KvsStats {
  /** Units of processed read requests (get, batch get, queries), sized by the response body. */
  readUnits: number;
  /** Units of processed write requests (set, delete, batches, transactions), sized by the request body. */
  writeUnits: number;
  readRequests: number;
  writeRequests: number;
  /** Every request received, by path, including those failed by fault injection. */
  requestsByPath: Record<string, number>;
  /** Requests refused before being applied (injected 429/500): never metered. */
  rejectedRequests: number;
  /** Requests applied whose caller was then given an error (injected timeout). */
  failedAfterApply: number;
}

const empty = (): KvsStats => ({
  readUnits: 0,
  writeUnits: 0,
  readRequests: 0,
  writeRequests: 0,
  requestsByPath: {},
  rejectedRequests: 0,
  failedAfterApply: 0,
});

/** Keeps the counters; only requests that reach the store are metered, like the real quota. */
export class UsageMeter {
  private stats: KvsStats = empty();

  received(path: string): void {
    this.stats.requestsByPath[path] = (this.stats.requestsByPath[path] ?? 0) + 1;
  }

  processed(kind: RouteKind | undefined, requestBytes: number, responseBytes: number): void {
    if (kind === 'read') {
      this.stats.readRequests += 1;
      this.stats.readUnits += unitsFor(responseBytes);
    } else if (kind === 'write') {
      this.stats.writeRequests += 1;
      this.stats.writeUnits += unitsFor(requestBytes);
    }
  }

  rejected(): void {
    this.stats.rejectedRequests += 1;
  }

  failedAfterApply(): void {
    this.stats.failedAfterApply += 1;
  }

  snapshot(): KvsStats {
    return { ...this.stats, requestsByPath: { ...this.stats.requestsByPath } };
  }

  reset(): void {
    this.stats = empty();
  }
}
