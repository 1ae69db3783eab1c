import path from 'node:path';
import { installKvsEmulator, type FaultOptions, type ForgeFetchTarget, type KvsEmulator, type KvsStats, type KvsStrictness } from '../kvs';
import type { EntityDefinition } from './manifest';
import type { ProductFetch } from './product-fetch';
import { NO_LATENCY, platformCalls, type CallLatency } from './stopped-invocations';

export interface InstalledStore {
  stats(): KvsStats;
  resetStats(): void;
  /** Fault injection of the emulator, switched at run time (`--kvs-faults`, `POST /__local/kvs-faults`). */
  setFaults(faults: FaultOptions | undefined): void;
  faults(): FaultOptions | undefined;
  /** Latency of every KVS and Confluence call (`configuredLatency()` once the demo is in place). */
  setLatency(latency: CallLatency): void;
  close(): void;
}

export const KVS_FILE = 'kvs.sqlite';

/**
 * The Forge KVS emulator (local/kvs) installed as `global.__forge_fetch__`, persisted in SQLite in the
 * data dir (or in memory for throwaway runs). Every non-KVS call goes to the product fake.
 */
export function installStore(options: { dataDir: string | null; entities: EntityDefinition[]; products: ProductFetch; strictness?: KvsStrictness }): InstalledStore {
  const installed = installKvsEmulator({
    ...(options.strictness ? { strictness: options.strictness } : {}),
    backend: options.dataDir === null ? { kind: 'memory' } : { kind: 'sqlite', path: path.join(options.dataDir, KVS_FILE) },
    entities: options.entities,
    fallback: (target: ForgeFetchTarget, requestPath, init) => options.products(target, requestPath, init as RequestInit | undefined),
  });
  const emulator: KvsEmulator = installed.emulator;
  // Every call of an invocation goes through the time-limit gate (and waits its latency).
  let latency = NO_LATENCY;
  const globals = globalThis as unknown as { __forge_fetch__?: typeof installed.fetch };
  const gated = platformCalls(installed.fetch, () => latency);
  globals.__forge_fetch__ = gated;
  return {
    setLatency: (next) => { latency = next; },
    stats: () => emulator.stats(),
    resetStats: () => emulator.resetStats(),
    setFaults: (faults) => emulator.setFaults(faults),
    faults: () => emulator.currentFaults(),
    close: () => {
      if (globals.__forge_fetch__ === gated) globals.__forge_fetch__ = installed.fetch;
      installed.uninstall();
      emulator.close();
    },
  };
}
