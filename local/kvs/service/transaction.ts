import { checkFilters, CheckedFilters, matchesFilters } from '../conditions';
import { fail, KvsServiceError } from '../errors';
import { utf8Bytes } from '../json';
import { LIMITS } from '../limits';
import { conditionFailureBody } from '../strictness';
import { Filters, parseBody, TransactionRequest, transactionRequest } from '../wire';
import { NO_CONTENT, ServiceContext, ServiceResult } from './context';
import { identityOf, namespaceOf, resolveTarget, Target } from './target';
import { applyWrite, PreparedWrite, prepareWrite } from './write';

type Operation = 'set' | 'delete' | 'check';

interface PlannedOp {
  operation: Operation;
  target: Target;
  conditions?: CheckedFilters;
  write?: PreparedWrite;
}

/**
 * POST /api/v1/transaction. Everything that can be validated is validated first; then, in one
 * synchronous storage transaction, every condition is evaluated against the item as stored at
 * that instant and, only if all hold, every write is applied. A failed condition aborts the
 * whole transaction and nothing changes; it answers 409 CONDITIONAL_CHECK_FAILED unless
 * strictness.conditionFailureAnswer chooses another answer (the real one is not documented).
 */
export function transact(ctx: ServiceContext, text: string): ServiceResult {
  const req = parseBody(transactionRequest, text);
  const planned = plan(ctx, req, utf8Bytes(text));
  ctx.backend.transaction(() => {
    const now = ctx.clock.now();
    for (const op of planned) {
      const current = op.conditions ? ctx.backend.get(op.target.ref, now, ctx.linger) : undefined;
      if (op.conditions && !matchesFilters(op.conditions, current?.value)) {
        const { key, entity } = op.target.ref;
        const answer = conditionFailureBody(ctx.strictness.conditionFailureAnswer, `Condition of ${op.operation} on "${key}" failed`, { key, entityName: entity, operation: op.operation });
        throw new KvsServiceError('CONDITIONAL_CHECK_FAILED', answer.message, answer.context, answer);
      }
    }
    for (const op of planned) {
      if (op.write) {
        applyWrite(ctx, op.write, now);
      } else if (op.operation === 'delete') {
        ctx.backend.delete(op.target.ref);
      }
    }
  });
  return NO_CONTENT;
}

function plan(ctx: ServiceContext, req: TransactionRequest, bodyBytes: number): PlannedOp[] {
  const raw = [
    ...(req.set ?? []).map((op) => ({ ...op, operation: 'set' as const })),
    ...(req.delete ?? []).map((op) => ({ ...op, operation: 'delete' as const })),
    ...(req.check ?? []).map((op) => ({ ...op, operation: 'check' as const })),
  ];
  if (raw.length === 0) {
    fail('TRANSACTION_EMPTY', 'A transaction needs at least one operation');
  }
  if (raw.length > LIMITS.transactionMaxOperations) {
    fail('TRANSACTION_TOO_MANY_OPERATIONS', `A transaction can contain at most ${LIMITS.transactionMaxOperations} operations`);
  }
  if (new Set(raw.map(identityOf)).size !== raw.length) {
    fail('TRANSACTION_DUPLICATE_KEYS', 'Each key can only be used once in a transaction');
  }
  if (bodyBytes > LIMITS.transactionMaxBytes) {
    fail('TRANSACTION_PAYLOAD_TOO_LARGE', `A transaction payload cannot exceed ${LIMITS.transactionMaxBytes} bytes`);
  }
  return raw.map((op) => {
    const target = resolveTarget(ctx, namespaceOf(op), op.key, op.entityName);
    const planned: PlannedOp = { operation: op.operation, target, conditions: conditionsFor(target, op.conditions) };
    if (op.operation === 'set') {
      planned.write = prepareWrite(target, op.value, op.options?.ttl);
    }
    return planned;
  });
}

/** Conditions are attribute checks, so they only make sense on custom entities. */
function conditionsFor(target: Target, conditions: Filters | undefined): CheckedFilters | undefined {
  if (!conditions) {
    return undefined;
  }
  if (!target.entity) {
    fail('BAD_REQUEST', `Conditions on "${target.ref.key}" need an entityName`);
  }
  return checkFilters(target.entity, conditions);
}
