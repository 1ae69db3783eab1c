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

/** Several writers raced us for the same counters too often: Forge should retry the event later. */
export class ContentionError extends Error {
  constructor(contentId: string) {
    super(`Gave up after repeated write conflicts on content ${contentId}`);
    this.name = 'ContentionError';
  }
}
