import { currentInvocation } from './invocation';

export interface RuntimeIdentity {
  appId: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
}

const noopTimer = { stop: (): void => undefined };
const metrics = {
  counter: () => ({ incr: (): void => undefined, decr: (): void => undefined }),
  gauge: () => ({ set: (): void => undefined }),
  timing: () => ({ measure: () => noopTimer }),
};

/**
 * `global.__forge_runtime__` as @forge/api reads it (`getAppContext()`, metrics). `appContext` and the
 * remaining time are read from the running invocation. No `kvs` section: @forge/kvs then sends
 * its calls through `__forge_fetch__`, which the KVS emulator answers.
 */
export function installForgeRuntime(identity: RuntimeIdentity): () => void {
  const holder = globalThis as { __forge_runtime__?: unknown };
  const previous = holder.__forge_runtime__;
  const runtime = {
    proxy: { token: 'local', url: 'http://127.0.0.1/local-proxy' },
    tracing: { traceId: 'local', spanId: 'local' },
    metrics,
    /** Read by @forge/api's webTrigger helpers. */
    contextAri: `ari:cloud:confluence::site/${identity.cloudId}`,
    get appContext() {
      const invocation = currentInvocation();
      return {
        appId: identity.appId,
        appVersion: '1.0.0-local',
        environmentId: identity.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: invocation?.invocationId ?? 'outside-invocation',
        installationId: identity.installationId,
        moduleKey: invocation?.moduleKey,
        license: undefined,
        installation: { ari: { toString: () => `ari:cloud:ecosystem::installation/${identity.installationId}` }, contexts: [`ari:cloud:confluence::site/${identity.cloudId}`] },
        permissions: undefined,
      };
    },
    lambdaContext: {
      getRemainingTimeInMillis: () => Math.max(0, (currentInvocation()?.deadline ?? Date.now()) - Date.now()),
    },
  };
  holder.__forge_runtime__ = runtime;
  return () => {
    holder.__forge_runtime__ = previous;
  };
}
