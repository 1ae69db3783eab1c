import { z } from 'zod';
import type { Envelope, ErrorCode } from '@contracts/envelope';
import { ConfluenceError } from '../confluence/client';
import { isTransientStorageError } from '../../core/storage/kvs-errors';
import { ContentionError, isStaleCursor, UnclassifiedTransactionError } from '../../core/storage/kvs-errors';

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, fieldErrors?: Record<string, string>): Envelope<never> {
  return { ok: false, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

const NO_PAYLOAD = z.object({}).strict();

/** For resolvers that take no payload: anything sent is refused rather than silently ignored. */
export function unexpectedPayload(payload: unknown): Envelope<never> | null {
  return NO_PAYLOAD.safeParse(payload ?? {}).success ? null : fail('invalid-input', 'This function takes no payload.');
}

export const STALE_CURSOR = 'This list was opened too long ago to continue: reload it to start again from the first page.';

/**
 * The last line of every resolver: unexpected errors become an envelope with a message a user can act
 * on, and the details go to the log, never to the browser.
 */
export async function guarded<T>(name: string, run: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  try {
    return await run();
  } catch (error) {
    // A "next page" asked long after the first: the list's storage cursor has expired (not an error of ours).
    if (isStaleCursor(error)) return fail('invalid-input', STALE_CURSOR);
    console.error(`Resolver ${name} failed`, error);
    if (error instanceof ConfluenceError || error instanceof ContentionError || error instanceof UnclassifiedTransactionError || isTransientStorageError(error)) {
      return fail('unavailable', 'Confluence or the app storage is busy. Please try again in a moment.');
    }
    return fail('internal', 'Something went wrong. The error was logged.');
  }
}
