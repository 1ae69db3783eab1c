import path from 'node:path';
import { installKvsEmulator, type ForgeFetchTarget, type KvsEmulator, type KvsStats } from '../kvs';
import type { EntityDefinition } from './manifest';
import type { ProductFetch } from './product-fetch';

export interface InstalledStore {
  stats(): KvsStats;
  resetStats(): void;
  close(): void;
}

export const KVS_FILE = 'kvs.sqlite';

/**
 * The Forge KVS emulator (local/kvs) installed as `global.__forge_fetch__`, persisted in SQLite in the
 * data dir (or in memory for throwaway runs). Every non-KVS call goes to the product fake.
 */
export function installStore(options: { dataDir: string | null; entities: EntityDefinition[]; products: ProductFetch }): InstalledStore {
  const installed = installKvsEmulator({
    backend: options.dataDir === null ? { kind: 'memory' } : { kind: 'sqlite', path: path.join(options.dataDir, KVS_FILE) },
    entities: options.entities,
    fallback: (target: ForgeFetchTarget, requestPath, init) => options.products(target, requestPath, init as RequestInit | undefined),
  });
  const emulator: KvsEmulator = installed.emulator;
  return {
    stats: () => emulator.stats(),
    resetStats: () => emulator.resetStats(),
    close: () => {
      installed.uninstall();
      emulator.close();
    },
  };
}
