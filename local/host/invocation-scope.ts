import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Principal } from './principal';

/**
 * What the platform knows about the function invocation that is running. Invocations run
 * concurrently in this one process, so it travels with the async call chain (AsyncLocalStorage):
 * `asUser()` inside an invocation acts as exactly that invocation's principal.
 */
export interface InvocationScope {
  invocationId: string;
  functionKey: string;
  moduleKey: string | undefined;
  /** null for invocations without a user (product-event triggers). */
  principal: Principal | null;
  deadline: number;
}

const storage = new AsyncLocalStorage<InvocationScope>();

export function runInScope<T>(scope: Omit<InvocationScope, 'invocationId'>, fn: () => Promise<T>): Promise<T> {
  return storage.run({ ...scope, invocationId: randomUUID() }, fn);
}

export function currentScope(): InvocationScope | undefined {
  return storage.getStore();
}
