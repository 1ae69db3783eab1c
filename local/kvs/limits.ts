import { fail } from './errors';
import { isJsonObject, JsonValue, utf8Bytes } from './json';

/** Limits from the Forge docs ("KVS and Custom Entity Store limits"). */
export const LIMITS = {
  keyMaxLength: 500,
  valueMaxBytes: 240 * 1024,
  valueMaxDepth: 31,
  batchMaxItems: 25,
  batchMaxBytes: 4 * 1024 * 1024,
  queryDefaultLimit: 10,
  queryMaxLimit: 100,
  queryMaxConditions: 100,
  transactionMaxOperations: 25,
  transactionMaxBytes: 4 * 1024 * 1024,
  ttlMaxMs: 365 * 24 * 3600 * 1000,
} as const;

// Copied character for character from the docs. Inside the class, `\s-#` is not a range
// (a class escape cannot bound one), so it allows whitespace, '-' and '#'.
// eslint-disable-next-line no-useless-escape
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;

/**
 * The KVS error page calls an empty key KEY_TOO_SHORT, the custom-entity page EMPTY_KEY;
 * each store answers with its own code.
 */
export function validateKey(key: string, store: 'kvs' | 'entity'): void {
  if (key.length === 0) {
    fail(store === 'entity' ? 'EMPTY_KEY' : 'KEY_TOO_SHORT', 'Key cannot be empty');
  }
  if (key.length > LIMITS.keyMaxLength) {
    fail('KEY_TOO_LONG', `Key exceeds the maximum of ${LIMITS.keyMaxLength} characters`);
  }
  if (!KEY_PATTERN.test(key)) {
    fail('INVALID_KEY', 'Key does not match /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  }
}

/**
 * Depth = number of nested containers on the deepest path: a scalar is 0, `{a: 1}` is 1,
 * `{a: [1]}` is 2. The docs allow 31; their error text says "(32)", which is the stored
 * item one level above the value.
 */
export function valueDepth(value: JsonValue): number {
  if (Array.isArray(value)) {
    return 1 + value.reduce<number>((max, child) => Math.max(max, valueDepth(child)), 0);
  }
  if (isJsonObject(value)) {
    return 1 + Object.values(value).reduce<number>((max, child) => Math.max(max, valueDepth(child)), 0);
  }
  return 0;
}

/** Checks a value to be stored; returns it typed. `null` (or a missing value) cannot be stored. */
export function validateValue(value: unknown): JsonValue {
  if (value === null || value === undefined) {
    fail('BAD_REQUEST', 'A value is required and cannot be null');
  }
  const json = value as JsonValue; // the body came from JSON.parse, so it is JSON
  if (utf8Bytes(JSON.stringify(json)) > LIMITS.valueMaxBytes) {
    fail('MAX_SIZE', `Value exceeds the maximum size of ${LIMITS.valueMaxBytes} bytes`);
  }
  if (valueDepth(json) > LIMITS.valueMaxDepth) {
    fail('MAX_DEPTH', `Value exceeds the maximum object depth of ${LIMITS.valueMaxDepth}`);
  }
  return json;
}

const TTL_UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

export type TtlUnit = keyof typeof TTL_UNIT_MS;

/** Converts a TTL option to milliseconds; the docs cap TTL at one year. */
export function ttlToMs(ttl: { value: number; unit: TtlUnit }): number {
  if (!Number.isFinite(ttl.value) || ttl.value <= 0) {
    fail('INVALID_TTL', 'TTL value must be a positive number');
  }
  const ms = ttl.value * TTL_UNIT_MS[ttl.unit];
  if (ms > LIMITS.ttlMaxMs) {
    fail('INVALID_TTL', 'TTL cannot exceed one year');
  }
  return ms;
}

/** Shared check for query page sizes; each store has its own error code. */
export function resolveLimit(limit: number | undefined, code: 'LIST_QUERY_LIMIT_EXCEEDED' | 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE'): number {
  if (limit === undefined) {
    return LIMITS.queryDefaultLimit;
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.queryMaxLimit) {
    fail(code, `Query limit must be an integer between 1 and ${LIMITS.queryMaxLimit}`);
  }
  return limit;
}
