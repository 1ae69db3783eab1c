import type { ForgeFetch } from '../kvs';
import { currentInvocation } from './invocation';

/** A call made by an invocation after Forge would have stopped it. */
export class InvocationStoppedError extends Error {
  constructor(functionKey: string) {
    super(`local host: ${functionKey} called the platform after its time limit; Forge would have stopped it`);
    this.name = 'InvocationStoppedError';
  }
}

/** Latency of each platform call, in ms, by service: realistic defaults for `npm start`, zero in tests. */
export interface CallLatency { kvsMs: number; confluenceMs: number }

export const NO_LATENCY: CallLatency = { kvsMs: 0, confluenceMs: 0 };

/**
 * Defaults for the local host, overridable by LOCAL_KVS_LATENCY_MS and LOCAL_CONFLUENCE_LATENCY_MS:
 * a KVS call in the tens of milliseconds and a Confluence REST call around a tenth of a second, what
 * a Forge function sees from its region (no published figure; chosen to make slow paths visible).
 */
export function configuredLatency(env: NodeJS.ProcessEnv = process.env): CallLatency {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return { kvsMs: read('LOCAL_KVS_LATENCY_MS', 15), confluenceMs: read('LOCAL_CONFLUENCE_LATENCY_MS', 120) };
}

/**
 * Wraps `__forge_fetch__`: each call first waits its latency, then refuses if the calling invocation
 * is past its deadline. JavaScript cannot kill a promise, so a stopped handler's remaining work is
 * cut at its next platform call: what it had not written stays unwritten, as on Forge.
 */
export function platformCalls(fetch: ForgeFetch, latency: () => CallLatency): ForgeFetch {
  return async (target, path, init) => {
    const invocation = currentInvocation();
    if (invocation && Date.now() > invocation.deadline) throw new InvocationStoppedError(invocation.functionKey);
    const wait = target?.type === 'kvs' ? latency().kvsMs : latency().confluenceMs;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (invocation && Date.now() > invocation.deadline) throw new InvocationStoppedError(invocation.functionKey);
    return fetch(target, path, init);
  };
}
