import { ErrorContext } from './errors';
import { LIMITS } from './limits';

/**
 * What a failed transaction condition answers. Forge documents only that "if any condition is not
 * met, the entire transaction will fail" (forge-docs-snapshot mirror/storage-reference/
 * entities-transactions/index.md, "Conditions"; same on kvs-transactions), not the status or code.
 * - 'conditional-check-failed': 409 CONDITIONAL_CHECK_FAILED with `context` {key, entityName,
 *   operation}: the emulator's own choice, unchanged from before this switch existed.
 * - 'transaction-cancelled': 400 TRANSACTION_CANCELLED, no context: what a service passing DynamoDB's
 *   TransactionCanceledException through might answer; neither 409 nor "CONDITION" in the code.
 * - `{status, code, message?}`: any other answer, to test an app against codes it does not know.
 */
export type ConditionFailureAnswer =
  | 'conditional-check-failed'
  | 'transaction-cancelled'
  | { status: number; code: string; message?: string };

/**
 * Rules of Forge hosted storage that the emulator can enforce more strictly than it does by
 * default. Defaults keep the app's current tests passing; CLOUD_STRICTNESS turns every rule on.
 * Each rule, its source in the Forge docs and its default are listed in README.md ("Strictness").
 */
export interface KvsStrictness {
  /**
   * A query cursor older than this (by the emulator's clock) answers 400 INVALID_CURSOR.
   * Forge: "cursors are not stable and should not be persisted" (mirror/runtime-reference/
   * storage-api-basic/index.md and mirror/storage-reference/entities/index.md, "Cursors").
   * Default: undefined = cursors never expire.
   */
  cursorLifetimeMs?: number;
  /** A cursor issued before the emulator (re)started answers 400 INVALID_CURSOR. Same source. Default false. */
  cursorsExpireOnRestart?: boolean;
  /**
   * Expired items stay readable (get, batch get, queries, and what writes see as the current item)
   * for a random while up to this long, drawn per item from the emulator's seed. Forge: "Deletion may
   * take up to 48 hours. During this window, read operations may still return expired results."
   * (mirror/runtime-reference/storage-api-basic-api/index.md, "Time-to-live (TTL)"). Default 0.
   */
  ttlLingerMaxMs?: number;
  /** See ConditionFailureAnswer. Default 'conditional-check-failed'. */
  conditionFailureAnswer?: ConditionFailureAnswer;
  /**
   * Largest secret value (kvs.setSecret), in UTF-8 bytes of its JSON; larger answers 400 MAX_SIZE.
   * Forge: "persisted JSON values may be up to 128 KiB in size" (mirror/runtime-reference/
   * storage-api-secret/index.md, "kvs.setSecret"). Default 128 KiB (the app stores far less).
   */
  secretMaxBytes?: number;
}

export interface ResolvedStrictness {
  cursorLifetimeMs: number | undefined;
  cursorsExpireOnRestart: boolean;
  ttlLingerMaxMs: number;
  conditionFailureAnswer: ConditionFailureAnswer;
  secretMaxBytes: number;
}

export const HOUR_MS = 3_600_000;

export const SECRET_MAX_BYTES = 128 * 1024;

/** The emulator's behaviour when no strictness is given. */
export const DEFAULT_STRICTNESS: ResolvedStrictness = {
  cursorLifetimeMs: undefined,
  cursorsExpireOnRestart: false,
  ttlLingerMaxMs: 0,
  conditionFailureAnswer: 'conditional-check-failed',
  secretMaxBytes: SECRET_MAX_BYTES,
};

/**
 * Everything as strict as the docs allow. The cursor lifetime is not documented: 15 minutes is
 * longer than any single Forge invocation (scheduled and async-event functions run up to 900 s:
 * mirror/manifest-reference/modules/scheduled-trigger/index.md), so a
 * cursor used within the invocation that obtained it always works, and one kept for later does not.
 * The condition-failure answer stays the default: it is unknown, so tests pick alternatives on purpose.
 */
export const CLOUD_STRICTNESS: KvsStrictness = {
  cursorLifetimeMs: 15 * 60_000,
  cursorsExpireOnRestart: true,
  ttlLingerMaxMs: 48 * HOUR_MS,
  secretMaxBytes: SECRET_MAX_BYTES,
};

export function resolveStrictness(given: KvsStrictness | undefined): ResolvedStrictness {
  const resolved: ResolvedStrictness = {
    cursorLifetimeMs: given?.cursorLifetimeMs ?? DEFAULT_STRICTNESS.cursorLifetimeMs,
    cursorsExpireOnRestart: given?.cursorsExpireOnRestart ?? DEFAULT_STRICTNESS.cursorsExpireOnRestart,
    ttlLingerMaxMs: given?.ttlLingerMaxMs ?? DEFAULT_STRICTNESS.ttlLingerMaxMs,
    conditionFailureAnswer: given?.conditionFailureAnswer ?? DEFAULT_STRICTNESS.conditionFailureAnswer,
    secretMaxBytes: given?.secretMaxBytes ?? DEFAULT_STRICTNESS.secretMaxBytes,
  };
  const { cursorLifetimeMs, ttlLingerMaxMs, secretMaxBytes } = resolved;
  if (cursorLifetimeMs !== undefined && !(cursorLifetimeMs >= 0)) {
    throw new RangeError(`strictness.cursorLifetimeMs must be >= 0, not ${cursorLifetimeMs}`);
  }
  if (!(ttlLingerMaxMs >= 0)) {
    throw new RangeError(`strictness.ttlLingerMaxMs must be >= 0, not ${ttlLingerMaxMs}`);
  }
  if (!(secretMaxBytes > 0 && secretMaxBytes <= LIMITS.valueMaxBytes)) {
    throw new RangeError(`strictness.secretMaxBytes must be in 1..${LIMITS.valueMaxBytes}, not ${secretMaxBytes}`);
  }
  return resolved;
}

/** The wire answer of a failed condition: status, code, message and (default answer only) context. */
export function conditionFailureBody(
  answer: ConditionFailureAnswer,
  message: string,
  context: ErrorContext,
): { status: number; code: string; message: string; context?: ErrorContext } {
  if (answer === 'conditional-check-failed') {
    return { status: 409, code: 'CONDITIONAL_CHECK_FAILED', message, context };
  }
  if (answer === 'transaction-cancelled') {
    return { status: 400, code: 'TRANSACTION_CANCELLED', message: `Transaction cancelled [ConditionalCheckFailed]: ${message}` };
  }
  return { status: answer.status, code: answer.code, message: answer.message ?? message };
}
