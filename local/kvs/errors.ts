/**
 * Error catalogue of the emulated KVS service.
 *
 * The real service answers failures with an HTTP status and a JSON body `{code, message}`;
 * `@forge/kvs` turns that into `ForgeKvsAPIError` (code, message, responseDetails.status).
 * Codes documented by Atlassian (storage-reference "handling errors" pages) are used verbatim;
 * the ones the docs do not name (batch/transaction limits, conditional failure, ...) are our
 * own choice and are listed in README.md so tests and app code can rely on them.
 */
export const ERROR_STATUS = {
  // Request shape and routing.
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  // Keys (documented).
  KEY_NOT_FOUND: 404,
  KEY_TOO_SHORT: 400,
  EMPTY_KEY: 400,
  KEY_TOO_LONG: 400,
  INVALID_KEY: 400,
  // Values (documented).
  MAX_SIZE: 400,
  MAX_DEPTH: 400,
  // Write options (emulator choice).
  INVALID_TTL: 400,
  KEY_ALREADY_EXISTS: 409,
  // Custom entities (documented).
  INVALID_ENTITY_TYPE: 400,
  INVALID_ENTITY_VALUE: 400,
  INVALID_ENTITY_INDEX: 400,
  INVALID_PARTITION: 400,
  // Queries (documented, except INVALID_CURSOR / MAX_CONDITIONS_EXCEEDED / INVALID_FILTER_ATTRIBUTE codes).
  LIST_QUERY_LIMIT_EXCEEDED: 400,
  COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 400,
  QUERY_WHERE_INVALID: 400,
  QUERY_WHERE_FIELD_INVALID: 400,
  INVALID_FILTER_CONDITION: 400,
  INVALID_FILTER_VALUES: 400,
  INSUFFICIENT_FILTER_VALUES: 400,
  EMPTY_FILTER_OPERATOR: 400,
  INVALID_FILTER_OPERATORS_COMBINATION: 400,
  MAX_CONDITIONS_EXCEEDED: 400,
  INVALID_FILTER_ATTRIBUTE: 422,
  INVALID_CURSOR: 400,
  // Batches (emulator choice; the docs only say "the batch fails entirely").
  BATCH_EMPTY: 400,
  BATCH_TOO_MANY_ITEMS: 400,
  BATCH_DUPLICATE_KEYS: 400,
  BATCH_PAYLOAD_TOO_LARGE: 400,
  // Transactions (emulator choice).
  TRANSACTION_EMPTY: 400,
  TRANSACTION_TOO_MANY_OPERATIONS: 400,
  TRANSACTION_DUPLICATE_KEYS: 400,
  TRANSACTION_PAYLOAD_TOO_LARGE: 400,
  CONDITIONAL_CHECK_FAILED: 409,
  // Platform failures (used by fault injection).
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  GATEWAY_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Extra fields are sent next to code/message; the client exposes them as `error.context`. */
export type ErrorContext = Record<string, string | number | boolean>;

/** Status and code sent instead of the catalogue's, for answers a test chooses (strictness switches). */
export interface WireAnswer {
  status: number;
  code: string;
}

export class KvsServiceError extends Error {
  readonly status: number;
  /** The code on the wire: `code`, unless a WireAnswer replaced it. */
  readonly wireCode: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly context?: ErrorContext,
    answer?: WireAnswer,
  ) {
    super(message);
    this.name = 'KvsServiceError';
    this.status = answer?.status ?? ERROR_STATUS[code];
    this.wireCode = answer?.code ?? code;
  }

  toBody(): { code: string; message: string; context?: ErrorContext } {
    return this.context
      ? { code: this.wireCode, message: this.message, context: this.context }
      : { code: this.wireCode, message: this.message };
  }
}

/** Throws a service error; typed `never` so validation helpers narrow their callers. */
export function fail(code: ErrorCode, message: string, context?: ErrorContext): never {
  throw new KvsServiceError(code, message, context);
}
