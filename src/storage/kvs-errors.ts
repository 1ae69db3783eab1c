import { ForgeKvsAPIError } from '@forge/kvs';

/**
 * A transaction whose conditions failed: another writer changed a row first. The service answers
 * 409 (the local emulator uses the code CONDITIONAL_CHECK_FAILED); both are treated as a conflict.
 */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError &&
    (error.responseDetails.status === 409 || /CONDITION/i.test(error.code));
}

/** Throttling and server errors: worth retrying later (the trigger asks Forge for a retry). */
export function isTransientStorageError(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  const status = error.responseDetails.status;
  return status === 429 || status >= 500 || error.code === 'TOO_MANY_REQUESTS' || error.code === 'RATE_LIMIT_EXCEEDED';
}
