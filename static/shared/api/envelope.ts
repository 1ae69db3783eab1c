/** Turns whatever the bridge answered into an `Envelope`, never trusting its shape. */
import type { Envelope, ErrorCode, ResolverError } from '@contracts/envelope';
import { isRecord, isString, type Guard } from './guards';

/** Every code of the contract; `satisfies` makes the compiler flag a code added there but not here. */
const ERROR_CODES = {
  forbidden: true,
  'invalid-input': true,
  conflict: true,
  'not-found': true,
  unavailable: true,
  internal: true,
} as const satisfies Record<ErrorCode, true>;

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

export const MALFORMED_ANSWER: ResolverError = {
  code: 'internal',
  message: 'The app answered in a shape this page does not understand. Reload the page; if it persists, tell your admin.',
};

export function failure(code: ErrorCode, message: string): { ok: false; error: ResolverError } {
  return { ok: false, error: { code, message } };
}

function parseFieldErrors(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => isString(entry[1]));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function parseError(value: unknown): ResolverError {
  if (!isRecord(value) || !isErrorCode(value.code)) return MALFORMED_ANSWER;
  const fieldErrors = parseFieldErrors(value.fieldErrors);
  return {
    code: value.code,
    message: isString(value.message) && value.message.trim() !== '' ? value.message : 'Something went wrong.',
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

/**
 * `{ok: true, data}` whose data passes `isData`, or `{ok: false, error}` with a known code.
 * Anything else becomes an `internal` failure rather than a crash further down the UI.
 */
export function parseEnvelope<T>(raw: unknown, isData: Guard<T>): Envelope<T> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') return { ok: false, error: MALFORMED_ANSWER };
  if (raw.ok === false) return { ok: false, error: parseError(raw.error) };
  const data: unknown = raw.data;
  return isData(data) ? { ok: true, data } : { ok: false, error: MALFORMED_ANSWER };
}
