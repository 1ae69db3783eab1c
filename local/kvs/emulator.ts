import { randomBytes } from 'node:crypto';
import { MemoryBackend } from './backend/memory';
import { SqliteBackend } from './backend/sqlite';
import { StorageBackend } from './backend/types';
import { Clock, systemClock } from './clock';
import { indexEntriesFor } from './entity-values';
import { ErrorCode, KvsServiceError } from './errors';
import { decideFault, FaultDecision, FaultOptions, KvsNetworkError, LatencyOption, sampleLatency, sleep } from './faults';
import { toResponse } from './http';
import { isJsonObject } from './json';
import { seededRandom } from './rng';
import { compileSchemas, EntityDefinition, EntitySchema, schemaFingerprint } from './schema';
import { ServiceContext, ServiceResult } from './service/context';
import { handleRequest, routeKind } from './service/router';
import { KvsStrictness, ResolvedStrictness, resolveStrictness } from './strictness';
import { KvsStats, UsageMeter } from './units';

export type BackendOption =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'custom'; backend: StorageBackend };

export interface KvsEmulatorOptions {
  /** Default: in-memory. */
  backend?: BackendOption;
  /** manifest.yml `app.storage.entities`. */
  entities?: readonly EntityDefinition[];
  /** Source of "now" for timestamps and TTL; pass a ManualClock in tests. */
  clock?: Clock;
  latency?: LatencyOption;
  faults?: FaultOptions;
  /** Seeds latency jitter, fault rates and TTL linger; same seed + same call order = same run. */
  seed?: number;
  /** Rules of the real service enforced more strictly than by default; see strictness.ts and README.md. */
  strictness?: KvsStrictness;
}

/** The `init` argument of `__forge_fetch__`, as `@forge/kvs` passes it. */
export interface KvsFetchInit {
  method?: string;
  body?: unknown;
  headers?: unknown;
}

/** Emulated Forge KVS + Custom Entity Store service, speaking the HTTP API `@forge/kvs` calls. */
export class KvsEmulator {
  readonly backend: StorageBackend;
  readonly clock: Clock;
  readonly schemas: ReadonlyMap<string, EntitySchema>;
  readonly strictness: ResolvedStrictness;
  private readonly ctx: ServiceContext;
  private readonly meter = new UsageMeter();
  private readonly latencyRandom: () => number;
  private readonly faultRandom: () => number;
  private latency: LatencyOption | undefined;
  private faults: FaultOptions | undefined;
  private sequence = 0;

  constructor(options: KvsEmulatorOptions = {}) {
    this.backend = createBackend(options.backend ?? { kind: 'memory' });
    this.clock = options.clock ?? systemClock;
    this.schemas = compileSchemas(options.entities ?? []);
    const seed = options.seed ?? Date.now();
    this.strictness = resolveStrictness(options.strictness);
    this.ctx = {
      backend: this.backend,
      schemas: this.schemas,
      clock: this.clock,
      strictness: this.strictness,
      // Without a seed, lingers still hold across restarts (seed 0): an item gone must stay gone.
      linger: this.strictness.ttlLingerMaxMs > 0 ? { maxMs: this.strictness.ttlLingerMaxMs, seed: options.seed ?? 0 } : undefined,
      // Random, not seeded: two starts with the same seed must still tell their cursors apart.
      bootId: randomBytes(6).toString('base64url'),
    };
    this.latencyRandom = seededRandom(seed);
    this.faultRandom = seededRandom(seed ^ 0x5bd1e995);
    this.latency = options.latency;
    this.faults = options.faults;
    this.reindexIfSchemaChanged();
  }

  /**
   * One HTTP exchange. Latency is split around the apply step: half before (request travel),
   * half after (response travel). The apply step itself is synchronous, so each request takes
   * effect at a single instant and concurrent transactions are checked at apply time.
   */
  async fetch(path: string, init: KvsFetchInit = {}): Promise<Response> {
    const body = bodyText(init.body);
    const kind = routeKind(path);
    const sequence = ++this.sequence;
    this.meter.received(path);
    const fault = decideFault(this.faults, { path, body, sequence, isWrite: kind === 'write' }, this.faultRandom);
    const latency = sampleLatency(this.latency, this.latencyRandom);
    await sleep(latency / 2);
    if (fault.kind === 'reject') {
      this.meter.rejected();
      return this.reply(sequence, injected(fault.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR'));
    }
    const result = handleRequest(this.ctx, init.method ?? 'GET', path, body);
    const { response, bodyText: responseText } = toResponse(result, traceId(sequence));
    this.meter.processed(kind, Buffer.byteLength(body, 'utf8'), Buffer.byteLength(responseText, 'utf8'));
    await sleep(latency / 2);
    return fault.kind === 'failAfterApply' ? this.failAfterApply(sequence, path, fault) : response;
  }

  stats(): KvsStats {
    return this.meter.snapshot();
  }

  resetStats(): void {
    this.meter.reset();
  }

  setLatency(latency: LatencyOption | undefined): void {
    this.latency = latency;
  }

  setFaults(faults: FaultOptions | undefined): void {
    this.faults = faults;
  }

  /** The fault options in force (undefined = none). */
  currentFaults(): FaultOptions | undefined {
    return this.faults;
  }

  close(): void {
    this.backend.close();
  }

  private failAfterApply(sequence: number, path: string, fault: Extract<FaultDecision, { kind: 'failAfterApply' }>): Response {
    this.meter.failedAfterApply();
    if (fault.status === undefined) {
      throw new KvsNetworkError(path);
    }
    return this.reply(sequence, injected(fault.status === 504 ? 'GATEWAY_TIMEOUT' : 'INTERNAL_SERVER_ERROR'));
  }

  private reply(sequence: number, result: ServiceResult): Response {
    return toResponse(result, traceId(sequence)).response;
  }

  /** Index rows are derived data: rebuild them when the declared indexes differ from the stored ones. */
  private reindexIfSchemaChanged(): void {
    const fingerprint = schemaFingerprint(this.schemas);
    if (this.backend.readMeta('schema') === fingerprint) {
      return;
    }
    this.backend.transaction(() => {
      for (const schema of this.schemas.values()) {
        this.backend.forEachEntityItem(schema.name, (item) => {
          this.backend.put(item, isJsonObject(item.value) ? indexEntriesFor(schema, item.value) : []);
        });
      }
      this.backend.writeMeta('schema', fingerprint);
    });
  }
}

function createBackend(option: BackendOption): StorageBackend {
  switch (option.kind) {
    case 'memory':
      return new MemoryBackend();
    case 'sqlite':
      return new SqliteBackend(option.path);
    case 'custom':
      return option.backend;
  }
}

function injected(code: ErrorCode): ServiceResult {
  const error = new KvsServiceError(code, `Injected fault: ${code}`);
  return { status: error.status, body: error.toBody() };
}

function traceId(sequence: number): string {
  return `kvs-emulator-${sequence}`;
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') {
    return body;
  }
  if (body instanceof Uint8Array) {
    return Buffer.from(body).toString('utf8');
  }
  return '';
}
