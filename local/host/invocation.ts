import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Principal } from './principal';

/**
 * What the platform knows about the function invocation that is running. Invocations run
 * concurrently in this one process, so it travels with the async call chain (AsyncLocalStorage):
 * `asUser()` inside an invocation acts as exactly that invocation's principal.
 */
export interface Invocation {
  invocationId: string;
  functionKey: string;
  moduleKey: string | undefined;
  /** null for invocations without a user (product-event triggers). */
  principal: Principal | null;
  deadline: number;
}

const storage = new AsyncLocalStorage<Invocation>();

export function runInvocation<T>(invocation: Omit<Invocation, 'invocationId'>, fn: () => Promise<T>): Promise<T> {
  return storage.run({ ...invocation, invocationId: randomUUID() }, fn);
}

export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}
