import { KvsEmulator, KvsEmulatorOptions, KvsFetchInit } from './emulator';

/** First argument of `global.__forge_fetch__`: which Forge service the call is for. */
export interface ForgeFetchTarget {
  type: string;
  [field: string]: unknown;
}

/** Signature of `global.__forge_fetch__` as @forge/kvs and @forge/api call it. */
export type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: KvsFetchInit) => Promise<Response>;

export interface InstallKvsEmulatorOptions extends KvsEmulatorOptions {
  /** Use this emulator instead of creating one from the other options. */
  emulator?: KvsEmulator;
  /** Handles every non-KVS call (e.g. `fpp` product requests from @forge/api). */
  fallback?: ForgeFetch;
}

export interface InstalledKvsEmulator {
  emulator: KvsEmulator;
  /** The dispatcher now installed as `global.__forge_fetch__`. */
  fetch: ForgeFetch;
  /** Restores the previous `__forge_fetch__`. Does not close the emulator. */
  uninstall: () => void;
}

interface ForgeGlobals {
  __forge_fetch__?: ForgeFetch;
  __forge_runtime__?: { kvs?: { url?: string; host?: string } };
}

// Accessed through a cast instead of `declare global`, so this file cannot clash with another
// declaration of the same globals elsewhere in the project.
const forgeGlobals = globalThis as unknown as ForgeGlobals;

/**
 * Routes `@forge/kvs` to an emulator by installing `global.__forge_fetch__`.
 * The client picks its transport when it is first imported: with `__forge_runtime__.kvs.url`
 * and `.host` set it adds proxy/tracing headers taken from the runtime, otherwise it calls
 * `__forge_fetch__({type: 'kvs', provider: 'app', remote: 'kvs'}, ...)`. Both arrive here with
 * type 'kvs', but the first needs a full runtime object, so a KVS url is refused up front.
 */
export function installKvsEmulator(options: InstallKvsEmulatorOptions = {}): InstalledKvsEmulator {
  const runtimeKvs = forgeGlobals.__forge_runtime__?.kvs;
  if (runtimeKvs?.url && runtimeKvs.host) {
    throw new Error('global.__forge_runtime__.kvs.url is set: @forge/kvs would call the real KVS proxy. Remove runtime.kvs before installing the emulator.');
  }
  const { emulator: given, fallback, ...emulatorOptions } = options;
  const emulator = given ?? new KvsEmulator(emulatorOptions);
  const dispatcher: ForgeFetch = async (target, path, init) => {
    if (target?.type === 'kvs') {
      return emulator.fetch(path, init);
    }
    if (fallback) {
      return fallback(target, path, init);
    }
    throw new Error(`__forge_fetch__: no handler for type "${String(target?.type)}" (path ${path}). Pass a fallback to installKvsEmulator.`);
  };
  const previous = forgeGlobals.__forge_fetch__;
  forgeGlobals.__forge_fetch__ = dispatcher;
  const uninstall = (): void => {
    if (forgeGlobals.__forge_fetch__ !== dispatcher) {
      return; // someone installed another handler since; leave theirs alone
    }
    if (previous) {
      forgeGlobals.__forge_fetch__ = previous;
    } else {
      delete forgeGlobals.__forge_fetch__;
    }
  };
  return { emulator, fetch: dispatcher, uninstall };
}
