import { ForgeKvsAPIError } from '@forge/kvs';

/**
 * A transaction whose conditions failed: another writer changed a row first. The service answers
 * 409 (the local emulator uses the code CONDITIONAL_CHECK_FAILED); both are treated as a conflict.
 */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError &&
    (error.responseDetails.status === 409 || /CONDITION/i.test(error.code));
}

/** Network failures seen by fetch: the request may or may not have been applied (our writes are idempotent). */
const NETWORK_CODES = new Set(['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** Throttling, server and network errors: worth retrying later (the trigger asks Forge for a retry). */
export function isTransientStorageError(error: unknown): boolean {
  if (error instanceof Error && (NETWORK_CODES.has(String((error as { code?: unknown }).code)) || error.name === 'FetchError' || error.name === 'AbortError')) return true;
  if (!(error instanceof ForgeKvsAPIError)) return false;
  const status = error.responseDetails.status;
  return status === 429 || status >= 500 || error.code === 'TOO_MANY_REQUESTS' || error.code === 'RATE_LIMIT_EXCEEDED';
}

/**
 * A transaction refused with an answer the app cannot classify (neither a known condition failure
 * nor throttling/server trouble). Forge documents only that "if any condition is not met, the
 * entire transaction will fail" (forge-docs-snapshot mirror/storage-reference/
 * entities-transactions/index.md, "Conditions"), not its status or code, so such an answer may be a
 * lost race. The writer re-reads and plans again like after a conflict; if the answer persists, it
 * throws this so the invocation fails and Forge retries the event, never drops it.
 */
export class UnclassifiedTransactionError extends Error {
  constructor(override readonly cause: unknown) {
    super(`A storage transaction failed with an unclassified answer: ${cause instanceof ForgeKvsAPIError ? `${cause.responseDetails.status} ${cause.code}` : String(cause)}`);
    this.name = 'UnclassifiedTransactionError';
  }
}

/** Whether a refused transaction's error is one the app cannot classify (see UnclassifiedTransactionError). */
export function isUnclassifiedTransactionFailure(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && !isConditionFailure(error) && !isTransientStorageError(error);
}

/**
 * A query cursor KVS no longer accepts. Forge: cursors "are not stable and should not be persisted"
 * (forge-docs-snapshot mirror/storage-reference/entities/index.md, "Cursors"); a list page's cursor
 * kept by the browser can outlive it. The reader then starts again from the first page.
 */
export function isStaleCursor(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && error.code === 'INVALID_CURSOR';
}

/** Several writers raced us for the same counters too often: Forge should retry the event later. */
export class ContentionError extends Error {
  constructor(contentId: string) {
    super(`Gave up after repeated write conflicts on content ${contentId}`);
    this.name = 'ContentionError';
  }
}
