import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installKvsEmulator, KvsEmulator, KvsEmulatorOptions, ManualClock } from '../../../../local/kvs';
import { TEST_ENTITIES } from './entities';

export type BackendKind = 'memory' | 'sqlite';

/** Every contract test runs once per backend: same tests, same expectations. */
export const BACKENDS: readonly BackendKind[] = ['memory', 'sqlite'];

export const T0 = Date.UTC(2025, 0, 1);

export interface Harness {
  kind: BackendKind;
  emulator: KvsEmulator;
  clock: ManualClock;
  dbPath: string;
  /** Closes the emulator and opens a new one on the same storage (SQLite: same file). */
  reopen(overrides?: Partial<KvsEmulatorOptions>): KvsEmulator;
}

/**
 * Registers beforeEach/afterEach that build a fresh emulator (fresh SQLite file in a temp dir),
 * install it as global.__forge_fetch__ for the real @forge/kvs client, and tear it down.
 */
export function useEmulator(kind: BackendKind, options: Partial<KvsEmulatorOptions> = {}): () => Harness {
  let harness: Harness | undefined;
  let dir = '';
  let uninstall: () => void = () => undefined;

  const start = (clock: ManualClock, dbPath: string, overrides: Partial<KvsEmulatorOptions>): KvsEmulator => {
    const installed = installKvsEmulator({
      backend: kind === 'sqlite' ? { kind: 'sqlite', path: dbPath } : { kind: 'memory' },
      entities: TEST_ENTITIES,
      clock,
      seed: 42,
      ...options,
      ...overrides,
    });
    uninstall = installed.uninstall;
    return installed.emulator;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kvs-emulator-'));
    const clock = new ManualClock(T0);
    const dbPath = join(dir, 'kvs.sqlite');
    const h: Harness = {
      kind,
      clock,
      dbPath,
      emulator: start(clock, dbPath, {}),
      reopen(overrides = {}) {
        uninstall();
        h.emulator.close();
        h.emulator = start(clock, dbPath, overrides);
        return h.emulator;
      },
    };
    harness = h;
  });

  afterEach(() => {
    uninstall();
    harness?.emulator.close();
    harness = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  return () => {
    if (!harness) {
      throw new Error('The emulator harness is only available inside a test');
    }
    return harness;
  };
}
